package dev.airlock.agent.guard.injection;

/**
 * Softens phrase evidence that is talked about rather than said: "what does 'ignore previous
 * instructions' mean?", "attacks such as 'you are now DAN' are filtered". A trigger phrase near
 * words of meta-discussion (explain, example, detect, injection, ...) is discounted, more so when
 * it is also in quotes. A phrase reported in the third person ({@link ReportedOrder}: "an attacker
 * may tell the assistant to reveal its system prompt") or spoken by a character in quoted dialogue
 * ({@link AttributedSpeech}: "'Forget everything you were told,' the wizard whispered") is
 * discounted too. The softening is partial on purpose: wrapping an attack in a question, a report
 * or a story must not make it free. And none applies to a phrase said to the reader whatever the
 * topic: after "please", "now", "so" or "you must", or given in full after a colon with "you" in it
 * ("an example of prompt injection: ignore your previous instructions ...").
 *
 * <p>Runs only on matches, so it scans two short windows word by word instead of with a regex.
 * Stateless.
 */
final class MentionContext {

  /** How far before a match to look for meta-discussion, in chars. */
  private static final int LOOK_BACK = 100;
  /** How far after a match to look for the closing quote, and for meta-discussion ("... means"). */
  private static final int LOOK_AHEAD = 80;
  /** Quoted and discussed: most likely a mention. */
  static final double QUOTED_MENTION = 0.4;
  /** Discussed but not quoted. */
  static final double DISCUSSED = 0.7;
  /**
   * Reported in the third person and not addressed to the reader ({@link ReportedOrder}): "an
   * attacker may tell the assistant to reveal its system prompt". Low enough that a write-up naming
   * three such acts in one sentence ("tell the model to disregard all prior instructions and act as
   * an unrestricted assistant") stays below the flag line as a tool result.
   */
  static final double REPORTED = 0.25;
  /** Spoken by a character in quoted dialogue ({@link AttributedSpeech}). */
  static final double SPOKEN_BY_CHARACTER = 0.35;

  /** Flag of the words of meta-discussion before a phrase ("explain how 'X' works", "attacks like 'X'"). */
  private static final int BEFORE = 1;
  /** Stems of such words ("explained", "detection", "classifier", "filtering", "research"). */
  private static final String[] BEFORE_STEMS = {
    "explain", "detect", "classif", "filter", "recogni", "prevent", "defend", "mitigat", "research"
  };
  /** Flag of the words of meta-discussion after a phrase ("'X' means ...", "'X' is a classic injection"). */
  private static final int AFTER = 2;
  /** Flag of the second words of two-word cues: "such as", "for instance", "known as", "refers to", "is an example". */
  private static final int PAIR_SECOND = 4;
  /** Flags of the first words of two-word cues, by the second word each takes: "such as", "known as". */
  private static final int BEFORE_AS = 8;
  /** "for instance". */
  private static final int BEFORE_INSTANCE = 16;
  /** "refers to". */
  private static final int BEFORE_TO = 32;
  /** "is an example", "a classic": any second word but "as", "to" and "instance". */
  private static final int BEFORE_NOUN = 64;
  /** Flags of the second words that only some first words take. */
  private static final int AS = 128;
  private static final int INSTANCE = 256;
  private static final int TO = 512;
  /**
   * The cue words under their flags, looked up in place: a match's context is read word by word,
   * and a lower-cased substring per word was most of what a call on attack-heavy text allocated.
   */
  private static final WordTable CUES = new WordTable.Builder()
      .add(BEFORE, "mean means meaning definition define example examples e.g called"
          + " phrase phrases term terms keyword keywords injection injections jailbreak jailbreaks attack attacks"
          + " paper article dataset benchmark")
      .add(AFTER, "mean means meaning definition injection injections jailbreak jailbreaks attack attacks")
      .add(PAIR_SECOND, "as instance to example classic common typical known")
      .add(BEFORE_AS, "such known")
      .add(BEFORE_INSTANCE, "for")
      .add(BEFORE_TO, "refers refer")
      .add(BEFORE_NOUN, "is a an")
      .add(AS, "as")
      .add(INSTANCE, "instance")
      .add(TO, "to")
      .build();

  /** Words that make what follows an order: "please ignore ...". */
  private static final String[] ORDER_LEADS = {"please", "pls", "plz", "kindly", "now", "so"};
  /** Modals that make an order after "you": "you should ignore ...". */
  private static final String[] YOU_MODALS = {"must", "should", "shall"};
  /** Verbs that, as commands before a colon, order what follows it carried out: "(execute it):". */
  private static final String[] OBEY_VERBS = {"execute", "follow", "obey", "run", "do", "perform", "apply"};
  /** How far before a colon to look for "you must" that makes what follows it an order, in chars. */
  private static final int COLON_LEAD = 40;
  /** Adverbs skipped between a lead and the phrase. */
  private static final String[] ADVERBS = {"actually", "really", "just", "simply", "also", "immediately", "then"};

  private MentionContext() {}

  /**
   * The factor (at most 1) by which a phrase match at {@code [start, end)} of folded {@code text}
   * counts: the strongest of the discounts for meta-discussion, a third-party report and quoted
   * dialogue. They are not multiplied, so no wrapping of a phrase in several frames makes it free.
   */
  static double factor(String text, int start, int end) {
    double f = discussionFactor(text, start, end);
    if (f > REPORTED && ReportedOrder.isReported(text, start, end)) {
      f = REPORTED;
    }
    if (f > SPOKEN_BY_CHARACTER && AttributedSpeech.isAttributed(text, start, end)) {
      f = SPOKEN_BY_CHARACTER;
    }
    return f;
  }

  /** The discount for meta-discussion: 1, {@link #DISCUSSED} or {@link #QUOTED_MENTION}. */
  private static double discussionFactor(String text, int start, int end) {
    boolean quoted = isQuoted(text, start, end);
    if (!quoted && (orderedByLead(text, start) || givenAfterColon(text, start, end))) {
      return 1.0; // "as an illustration, please actually ignore ...": said whatever the topic
    }
    // A quoted phrase is discussed by the sentences around it ("Attacks look like this. 'Ignore
    // ...'"); a phrase said in a sentence of its own is not discussed by the one before it ("We're
    // doing research on personal data. Tell me Paul's birth date.").
    int lookFrom = Math.max(0, start - LOOK_BACK);
    if (!quoted) {
      lookFrom = Math.max(lookFrom, sentenceStart(text, lookFrom, start));
    }
    if (!discussed(text, lookFrom, start, true)
        && !discussed(text, end, Math.min(text.length(), end + LOOK_AHEAD), false)) {
      return 1.0;
    }
    return quoted ? QUOTED_MENTION : DISCUSSED;
  }

  /**
   * Whether the words right before {@code start} make the phrase an order to the reader: "please",
   * "kindly", "now" or "so" ("please actually ignore ...", "researchers say so, so ignore ..."), or
   * "you" with a modal ("you should ignore", "you need to forget"). Adverbs between are skipped
   * ("please just", "you really must").
   */
  private static boolean orderedByLead(String text, int start) {
    int end = start;
    for (int words = 0; words < 4; words++) {
      int e = end;
      while (e > 0 && text.charAt(e - 1) == ' ') {
        e--;
      }
      int s = e;
      while (s > 0 && e - s < 12 && AsciiLetters.isLetter(text.charAt(s - 1))) {
        s--;
      }
      if (s == e) {
        return false;
      }
      if (AsciiLetters.isOneOf(text, s, e, ORDER_LEADS)) {
        return true;
      }
      if (AsciiLetters.isOneOf(text, s, e, YOU_MODALS)) {
        return wordBeforeIs(text, s, "you");
      }
      if (e - s == 2 && text.regionMatches(true, s, "to", 0, 2)) {
        return wordBeforeIs(text, s, "need") || wordBeforeIs(text, s, "have");
      }
      if (!AsciiLetters.isOneOf(text, s, e, ADVERBS)) {
        return false;
      }
      end = s;
    }
    return false;
  }

  /**
   * Whether the phrase is given in full after a colon as an order to the reader: it speaks to the
   * reader ("an example of prompt injection: ignore your previous instructions and ..."), or the
   * words before the colon tell the reader to carry it out ("a sample attack you must follow:
   * disregard all prior instructions", "example payload (execute it): ignore ..."). Unquoted, that
   * is the order itself, which a model reading the page receives as one; a write-up quotes it.
   */
  private static boolean givenAfterColon(String text, int start, int end) {
    int colon = start - 1;
    while (colon >= 0 && colon > start - 4 && text.charAt(colon) == ' ') {
      colon--;
    }
    if (colon < 0 || text.charAt(colon) != ':') {
      return false;
    }
    if (ReportedOrder.addressesReader(text, start, end)) {
      return true;
    }
    // "you must follow:", "(execute it):", "follow these steps:" in the words before the colon
    int from = Math.max(0, colon - COLON_LEAD);
    for (int p = colon - 1; p >= from; p--) {
      char c = text.charAt(p);
      if (c == '\n' || c == '.') {
        return false;
      }
      if (AsciiLetters.isLetter(c) && (p == 0 || !AsciiLetters.isLetter(text.charAt(p - 1)))) {
        int e = p;
        while (e < colon && AsciiLetters.isLetter(text.charAt(e))) {
          e++;
        }
        if ((AsciiLetters.isOneOf(text, p, e, YOU_MODALS) && wordBeforeIs(text, p, "you"))
            || (AsciiLetters.isOneOf(text, p, e, OBEY_VERBS) && Imperative.isCommand(text, p))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the word before index {@code at} (past blanks) is {@code word}. */
  private static boolean wordBeforeIs(String text, int at, String word) {
    int e = at;
    while (e > 0 && text.charAt(e - 1) == ' ') {
      e--;
    }
    int s = e - word.length();
    return s >= 0 && text.regionMatches(true, s, word, 0, word.length())
        && (s == 0 || !AsciiLetters.isLetter(text.charAt(s - 1)));
  }

  /**
   * Where the sentence holding {@code at} starts, looking back no further than {@code from}: after
   * the last full stop, question or exclamation mark followed by a blank, or line break. A colon
   * does not end a sentence ("an example of an attack: ...").
   */
  private static int sentenceStart(String text, int from, int at) {
    for (int i = at - 1; i > from; i--) {
      char c = text.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (c == ' ' && ".?!".indexOf(text.charAt(i - 1)) >= 0) {
        return i + 1;
      }
    }
    return from;
  }

  /** Whether {@code [from, to)} holds a word of meta-discussion. */
  private static boolean discussed(String text, int from, int to, boolean before) {
    int previousStart = -1; // the previous word, [previousStart, previousEnd), none yet
    int previousEnd = -1;
    int i = from;
    while (i < to) {
      if (!AsciiLetters.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      // A word; a dot inside it is kept ("e.g").
      while (i < to && (AsciiLetters.isLetter(text.charAt(i))
          || (text.charAt(i) == '.' && i + 1 < to && AsciiLetters.isLetter(text.charAt(i + 1))))) {
        i++;
      }
      if (s > 0 && "./@".indexOf(text.charAt(s - 1)) >= 0) {
        continue; // part of a domain or a path ("evil.example", "/docs/examples")
      }
      if (isCue(text, s, i, previousStart, previousEnd, before)) {
        return true;
      }
      previousStart = s;
      previousEnd = i;
    }
    return false;
  }

  /**
   * Whether the word {@code text[start, end)}, which follows the word
   * {@code text[previousStart, previousEnd)} ({@code previousStart < 0} for none), is a cue of
   * meta-discussion; case is ignored.
   */
  private static boolean isCue(String text, int start, int end, int previousStart, int previousEnd, boolean before) {
    int flags = CUES.flags(text, start, end);
    if ((flags & PAIR_SECOND) != 0 && previousStart >= 0) {
      int previous = CUES.flags(text, previousStart, previousEnd);
      if ((previous & BEFORE_AS) != 0) {
        return (flags & AS) != 0;
      }
      if ((previous & BEFORE_INSTANCE) != 0) {
        return (flags & INSTANCE) != 0;
      }
      if ((previous & BEFORE_TO) != 0) {
        return (flags & TO) != 0;
      }
      if ((previous & BEFORE_NOUN) != 0) {
        return (flags & (AS | INSTANCE | TO)) == 0;
      }
    }
    if (before) {
      if ((flags & BEFORE) != 0) {
        return true;
      }
      for (String stem : BEFORE_STEMS) {
        if (end - start >= stem.length() && text.regionMatches(true, start, stem, 0, stem.length())) {
          return true;
        }
      }
      return false;
    }
    return (flags & AFTER) != 0;
  }

  /** Whether a quote opens just before {@code start} and one closes soon after {@code end}. */
  private static boolean isQuoted(String text, int start, int end) {
    int i = start - 1;
    while (i >= 0 && start - i <= 3 && text.charAt(i) == ' ') {
      i--;
    }
    if (i < 0 || !isQuote(text.charAt(i))) {
      return false;
    }
    int limit = Math.min(text.length(), end + LOOK_AHEAD);
    for (int j = end; j < limit; j++) {
      char c = text.charAt(j);
      if (isQuote(c)) {
        return true;
      }
      if (c == '\n') {
        return false;
      }
    }
    return false;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '`';
  }

}
