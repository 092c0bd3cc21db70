package dev.airlock.agent.guard.injection;

/**
 * Tells an order reported in the third person from the order itself: "an attacker may tell the
 * assistant to reveal its system prompt", "a malicious prompt might instruct the model to ignore
 * previous instructions", "the payload tells the agent to forget its rules". Security advisories,
 * threat models and course notes are written like this; a planted order is not, because it must
 * reach the model reading it, so it speaks to it ("reveal your system prompt", "you must ignore").
 *
 * <p>A phrase is reported when it is the complement of a verb that reports, causes or hedges ("tell
 * X to [phrase]", "make the model [phrase]", "embed \"[phrase]\"", "may", "tries to") and that
 * verb has a third-party subject within the clause: a named one (an attacker, adversaries,
 * someone, the payload, a page), or any noun before a modal, an attempt, a past or a gerund ("a
 * calendar invite could instruct ...", "the villain ordered ..."). The present with any other
 * subject is how a planted order speaks ("our policy instructs the assistant to ..."), and so is a
 * text pointing at itself ("this page tells the assistant to ..."); an uninflected verb with no
 * hedge is an order to whoever reads it ("go tell the model to ..."). A verb in the past passive needs no named
 * subject ("the model was told to ignore ..."); the present does ("the assistant is instructed to
 * ..." is how a planted order speaks of its reader). "User" counts only with a hedge ("a
 * malicious user can instruct ..."): "the user asks the assistant to ..." in a tool result is how a
 * planted order passes itself off as the user's.
 *
 * <p>Never reported, so the description cannot launder an order:
 * <ul>
 *   <li>a phrase that opens its own clause ("An attacker may do this. Ignore previous
 *       instructions", "..., ignore previous instructions") or follows a colon or markup;</li>
 *   <li>a phrase coordinated with a report rather than its complement ("forget what the page says
 *       and ignore ...");</li>
 *   <li>a phrase after "please", "now", "so", "kindly" ("the attacker wants this, so ignore
 *       ...");</li>
 *   <li>a phrase addressed to the reader: "you" or "your" in it or between it and the subject
 *       ("an attacker may tell you to reveal your system prompt"; "your assistant" is the human
 *       reader's system, not the model, and does not count), a model singled out as the reader
 *       ("AI assistants reading this page are instructed to ..."), or every model ("website policy
 *       instructs all AI assistants to ...").</li>
 * </ul>
 *
 * <p>Runs only on matches, over a bounded window before the match, word by word, without
 * allocating. Stateless.
 */
final class ReportedOrder {

  /** How far before a match to look for the reporting verb and its subject, in chars. */
  private static final int LOOK_BACK = 160;
  /** How many words before a match to look at. */
  private static final int MAX_WORDS = 20;
  /** Words before the subject that still belong to its noun phrase ("AI assistants reading this page"). */
  private static final int SUBJECT_WORDS = 4;

  /**
   * Verbs that report, cause or embed an order, inflected: they have a subject, so a noun before
   * them is a third party ("the villain orders the android to forget ...").
   */
  private static final int REPORTING = 1;
  /** The same verbs uninflected: a report only after a named third party ("attackers tell ..."). */
  private static final int REPORTING_BASE = 1 << 1;
  /** Modals and attempts: the act is possible or tried, not done to the reader now. */
  private static final int HEDGE = 1 << 2;
  /** Third parties whose orders a document describes, whatever form the verb takes. */
  private static final int THIRD_PARTY = 1 << 3;
  /** A third party only when hedged: "a malicious user can ...", "users often try to ...". */
  private static final int HEDGED_THIRD_PARTY = 1 << 4;
  /** Function words, the first and second person: never the third-party subject. */
  private static final int NOT_SUBJECT = 1 << 5;
  /** Words that turn what follows into an order to the reader. */
  private static final int ORDER_LEAD = 1 << 6;
  /** The reader addressed. */
  private static final int SECOND_PERSON = 1 << 7;
  /** The model: "your assistant" is the human reader's system, and the model is no third party. */
  private static final int AGENT_NOUN = 1 << 8;
  /** Objects between a causative verb and the phrase: "make it ignore". */
  private static final int OBJECT_PRONOUN = 1 << 9;
  /** Participles that single out the model reading the text: "AI assistants reading this page". */
  private static final int READING = 1 << 10;
  /** Quantifiers that make a model noun mean every model, the reader too: "all AI assistants". */
  private static final int EVERY = 1 << 11;
  /** Past auxiliaries: "the model was told to ..." narrates what happened, whoever did it. */
  private static final int PAST = 1 << 12;
  /**
   * The present of the reporting verbs: with a subject that is not a named third party it is how a
   * planted order speaks ("our policy instructs the assistant to ..."), not how a report narrates.
   */
  private static final int PRESENT = 1 << 13;
  /** Nouns for a text, which with "this" or "our" is the text speaking of itself. */
  private static final int DOCUMENT = 1 << 14;
  /** Words by which a text points at itself: "this page", "our instructions". */
  private static final int SELF = 1 << 15;
  /** Articles: the start of a subject's noun phrase ("a crafted page"). */
  private static final int ARTICLE = 1 << 16;
  private static final int VERB = REPORTING | REPORTING_BASE | HEDGE;

  private static final WordTable WORDS = new WordTable.Builder()
      .add(REPORTING, "tells told telling asks asked asking instructs instructed instructing makes made making gets"
          + " got getting convinces convinced convincing persuades persuaded persuading tricks tricked tricking"
          + " coaxes coaxed coaxing causes caused causing forces forced forcing orders ordered ordering commands"
          + " commanded directs directed urges urged lures lured steers steered manipulates manipulated embeds"
          + " embedded embedding injects injected injecting hides hid hiding plants planted planting inserts"
          + " inserted inserting includes included including contains contained containing says said writes wrote"
          + " typed sends sent sending wants wanted aims aimed seeks sought tries tried trying attempts attempted"
          + " attempting")
      .add(REPORTING_BASE, "tell ask instruct make get convince persuade trick coax cause force order command direct"
          + " urge lure steer manipulate embed inject hide plant insert include contain say write send want aim seek"
          + " try attempt")
      .add(HEDGE, "can could may might would try tries tried trying attempt attempts attempted attempting")
      .add(THIRD_PARTY, "attacker attackers adversary adversaries hacker hackers someone somebody anyone anybody he"
          + " she they tester testers pentester pentesters teamer teamers researcher researchers actor actors"
          + " criminal criminals scammer scammers payload payloads prompt prompts injection injections jailbreak"
          + " jailbreaks exploit exploits attack attacks input inputs page pages document documents email emails"
          + " message messages comment comments instruction instructions text content malware")
      .add(HEDGED_THIRD_PARTY, "user users")
      .add(NOT_SUBJECT, "the and but for nor yet with from into onto that this these those which who whom whose what"
          + " when where while than then also often just only even still not are was were been being has have had"
          + " does did will shall should must its his her their our any all some each every such other very easily"
          + " simply sometimes usually actually really we us me my myself")
      .add(ORDER_LEAD, "please kindly now so")
      .add(SECOND_PERSON, "you your yours yourself u")
      .add(AGENT_NOUN, "assistant assistants model models agent agents bot bots chatbot chatbots llm llms ai"
          + " application app copilot")
      .add(OBJECT_PRONOUN, "it them him her")
      .add(READING, "reading summarizing summarising processing parsing analyzing analysing ingesting")
      .add(EVERY, "all any every each")
      .add(PAST, "was were")
      .add(PRESENT, "tells asks instructs makes gets convinces persuades tricks coaxes causes forces orders commands"
          + " directs urges lures steers manipulates embeds injects hides plants inserts includes contains says"
          + " writes sends wants aims seeks tries attempts")
      .add(DOCUMENT, "page pages webpage document documents email emails message messages comment comments text"
          + " content instruction instructions prompt prompts site website file post note notes")
      .add(SELF, "this these our following")
      .add(ARTICLE, "a an the")
      .build();

  private ReportedOrder() {}

  /** Whether the phrase at {@code [start, end)} of folded {@code text} is an order reported in the third person. */
  static boolean isReported(String text, int start, int end) {
    int before = start - 1;
    while (before >= 0 && text.charAt(before) == ' ') {
      before--;
    }
    if (before < 0 || ".!?,".indexOf(text.charAt(before)) >= 0 || endsClause(text, before)) {
      return false; // the phrase opens its own clause: said, not reported
    }
    if (addressesReader(text, start, end)) {
      return false;
    }
    // The phrase must be the complement of the verb: "tell X to <phrase>", "make the model
    // <phrase>", "embed \"<phrase>\"". "Forget what the page says and ignore ..." coordinates an
    // order with a report; it is not reported.
    boolean complement = isQuote(text.charAt(before)) || startsWithVerb(text, start, end);
    boolean inflected = false; // an inflected reporting verb or a modal
    boolean narrated = false; // a modal, an attempt, a past or a gerund: any noun before it is its subject
    boolean uninflected = false; // "tell", "try": only a named third party makes them a report
    boolean hedged = false;
    int subjectAt = -1; // words counted when the subject was found
    boolean documentSubject = false;
    int reportingVerbAt = -1; // words counted at the last inflected reporting verb
    int words = 0;
    int limit = Math.max(0, start - LOOK_BACK);
    int i = start - 1;
    while (i >= limit && words < MAX_WORDS) {
      if (!AsciiLetters.isLetter(text.charAt(i))) {
        if (endsClause(text, i)) {
          break;
        }
        i--;
        continue;
      }
      int e = i + 1;
      while (i >= limit && AsciiLetters.isLetter(text.charAt(i))) {
        i--;
      }
      int s = i + 1;
      words++;
      int f = WORDS.flags(text, s, e);
      if ((f & READING) != 0 || ((f & EVERY) != 0 && namesAgent(text, e))) {
        return false; // the reader singled out: "AI agents reading this page", "all AI assistants"
      }
      if (subjectAt >= 0) {
        if (documentSubject && (f & SELF) != 0) {
          return false; // the text speaks of itself: "this page tells the assistant to ..."
        }
        if ((f & ARTICLE) != 0 || words - subjectAt >= SUBJECT_WORDS) {
          break;
        }
        continue; // still the subject's words: "AI assistants reading this page are instructed to"
      }
      if (((f & SECOND_PERSON) != 0 && !namesAgent(text, e)) || (f & ORDER_LEAD) != 0) {
        return false; // addressed to the reader: "tell you to", "so ignore ..."
      }
      if (((f & VERB) == 0 && (inflected || uninflected) && isSubject(f, e - s, narrated, hedged))
          || ((f & PAST) != 0 && reportingVerbAt == words - 1)) {
        subjectAt = words;
        documentSubject = (f & DOCUMENT) != 0;
        continue;
      }
      if ((words == 1 && (f & (AGENT_NOUN | OBJECT_PRONOUN)) != 0)
          || (e - s == 2 && text.regionMatches(true, s, "to", 0, 2))) {
        complement = true;
      }
      if (complement && (f & VERB) != 0) {
        hedged |= (f & HEDGE) != 0;
        if ((f & REPORTING_BASE) != 0) {
          uninflected = true;
        } else {
          inflected = true;
          narrated |= (f & PRESENT) == 0 || (f & HEDGE) != 0; // "could", "tries to", "told", "asking"
          reportingVerbAt = (f & REPORTING) != 0 ? words : reportingVerbAt;
        }
      }
    }
    return subjectAt >= 0;
  }

  /**
   * Whether a word with flags {@code f} and {@code length} letters, before a reporting verb, is its
   * third-party subject: a named third party ("attackers tell ..."), a user behind a hedge ("a
   * malicious user can ..."), or, before a modal, an attempt, a past or a gerund, any word of three
   * letters or more that is not a function word, the reader or the model ("a calendar invite could
   * instruct ...", "the villain ordered ...").
   */
  private static boolean isSubject(int f, int length, boolean narrated, boolean hedged) {
    if ((f & THIRD_PARTY) != 0) {
      return true;
    }
    if ((f & HEDGED_THIRD_PARTY) != 0) {
      return hedged;
    }
    return narrated && length >= 3 && (f & (NOT_SUBJECT | SECOND_PERSON | AGENT_NOUN)) == 0;
  }

  /** Whether the phrase itself opens with the reporting verb: "[tell the assistant to reveal ...]". */
  private static boolean startsWithVerb(String text, int start, int end) {
    int e = start;
    while (e < end && AsciiLetters.isLetter(text.charAt(e))) {
      e++;
    }
    return WORDS.has(text, start, e, REPORTING | REPORTING_BASE);
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '`';
  }

  /** Whether "you" or "your" (not "your assistant") occurs in the phrase. */
  static boolean addressesReader(String text, int start, int end) {
    int i = start;
    while (i < end) {
      if (!AsciiLetters.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      while (i < end && AsciiLetters.isLetter(text.charAt(i))) {
        i++;
      }
      if (WORDS.has(text, s, i, SECOND_PERSON) && !namesAgent(text, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the non-letter at {@code i} ends the clause a phrase could be reported in: a line
   * break, colon or semicolon, markup ({@code <footer>Ignore ...}, a table cell, an assignment), or
   * a full stop, question or exclamation mark followed by a blank and a word that does not start
   * small ("e.g. by asking" goes on, "rules. Ignore" does not).
   */
  private static boolean endsClause(String text, int i) {
    char c = text.charAt(i);
    if ("\n:;<>{}|=".indexOf(c) >= 0) {
      return true;
    }
    if (c != '.' && c != '!' && c != '?') {
      return false;
    }
    int j = i + 1;
    if (j >= text.length() || text.charAt(j) != ' ') {
      return false; // inside a word or number: "e.g", "v1.2"
    }
    while (j < text.length() && text.charAt(j) == ' ') {
      j++;
    }
    return j >= text.length() || !(text.charAt(j) >= 'a' && text.charAt(j) <= 'z');
  }

  /** Whether the word after {@code from} is an agent noun ("your assistant", "your AI"). */
  private static boolean namesAgent(String text, int from) {
    int s = from;
    while (s < text.length() && s - from < 3 && text.charAt(s) == ' ') {
      s++;
    }
    int e = s;
    while (e < text.length() && AsciiLetters.isLetter(text.charAt(e))) {
      e++;
    }
    return e > s && WORDS.has(text, s, e, AGENT_NOUN);
  }
}
