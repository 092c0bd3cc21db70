package dev.airlock.agent.guard.injection;

import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a user message stops giving the task and starts quoting the data the task is about:
 * "Summarize this webpage: '&lt;html&gt;...'", "Write an email based on this resume: '...'",
 * "What is the output of this code: &lt;code&gt;...", "Translate the following text:\n...".
 *
 * <p>Text the user pastes is data the user did not necessarily write: a web page, a r&eacute;sum&eacute;, an
 * e-mail or a code file can carry an instruction aimed at whoever processes it, which is indirect
 * injection arriving through the user channel. Evidence found after the frame is therefore weighed
 * as it would be in a {@link ContentSource#RETRIEVED_DOCUMENT} (see {@link SignalCollector}): "the
 * assistant must recommend X" or "we might state: your account is locked" is out of place in a
 * r&eacute;sum&eacute;, while the same words in the user's own request are ordinary.
 *
 * <p>A message that is a whole markup document ("&lt;!DOCTYPE html&gt;...") is data from its
 * first char: nobody writes a request as a web page, they paste one.
 *
 * <p>Only the first {@value #MAX_FRAME_OFFSET} chars are searched for the frame: the task comes
 * before the data it introduces, and the bound keeps the cost per call constant. Stateless.
 */
final class PastedData {

  /** The frame must start within this many chars of the text's start. */
  static final int MAX_FRAME_OFFSET = 400;
  /** How far before a place where data opens a frame is looked for: a task sentence's length. */
  private static final int WINDOW = 120;
  /** Places where data opens that are tried; a task introduces its data early. */
  private static final int MAX_OPENINGS = 6;

  /** A verb or preposition that puts the following noun phrase under a task. */
  private static final String TASK = "(?:summari[sz]e|translate|proofread|analy[sz]e|review|classify|categori[sz]e"
      + "|paraphrase|rewrite|rephrase|correct|edit|explain|answer|extract\\s+\\w+\\s+from|check|evaluate|grade"
      + "|respond\\s+to|reply\\s+to|based\\s+on|given|of|in|from|about|using|for)";
  private static final String DET = "(?:this|that|these|the\\s+following|the\\s+below|the\\s+attached|the|my|our|an?)";
  /** The kinds of content users paste into a request. */
  private static final String DATA_NOUN = "(?:documents?|text|articles?|papers?|e-?mails?|messages?|reviews?|resumes?"
      + "|cvs?|web\\s?pages?|pages?|websites?|html|code|snippets?|tables?|transcripts?|posts?|comments?|essays?"
      + "|reports?|letters?|passages?|excerpts?|content|files?|data|json|csv|xml|story|stories|tweets?|abstracts?"
      + "|descriptions?|chapters?|notes?|chat|conversation|logs?|tickets?|feedback|paragraphs?|sentences?|input"
      + "|functions?|scripts?|programs?|quer(?:y|ies)|sql|markdown|config(?:uration)?"
      // The same nouns in the other languages the rules cover, for "Texto:", "Courriel :", "Artikel:".
      + "|texto|texte|testo|tekst|documento|dokument|articulo|artikel|articolo|artykul|correo|courriel|mensaje"
      + "|messaggio|nachricht|bericht|rapport|informe|relatorio|codigo|codice|kod|tabelle|tabla|tableau|tabella"
      + "|tabel|pagina|seite|strona)";

  /**
   * Nouns that, as a label opening a sentence and followed by a quote or bracket ("Text: '...'",
   * "Courriel : «...»"), introduce pasted data without a task verb. Not "Note:" or "Input:", which
   * users write before their own words.
   */
  private static final String LABEL = "(?:text|document|article|e-?mail|review|resume|web\\s?page|html|code|table"
      + "|transcript|passage|excerpt|texto|texte|testo|tekst|documento|dokument|articulo|artikel|articolo|artykul"
      + "|correo|courriel|mensaje|messaggio|nachricht)";

  /**
   * Task, an optional determiner and up to three modifiers, the data noun (with an optional
   * complement: "this table of populations", "the following email into German"), then the start of the data: a colon, a line
   * break, or an opening quote (not a bracket: "summarize the text&lt;/instructions&gt;" is a template
   * being shown, not data being quoted). Without a determiner only a colon counts ("based on
   * email: {...}"): "in text" alone is too common a phrase.
   */
  private static final Pattern FRAME = Pattern.compile(
      "\\b(?:" + TASK + "\\s+(?:" + DET + "\\s+(?:[\\w-]+\\s+){0,3}?" + DATA_NOUN
          + "(?:\\s+(?:of|into|in|to|from|for|about|below)(?:\\s+[\\w-]+){0,3}?)?\\s*(?::|\\n|(?=[\"'`\\u201c\\u2018]))"
          + "|" + DATA_NOUN + "\\s*:)"
          + "|(?<=^|[.!?:]\\s{1,3}|\\n)" + LABEL + "\\s*:[ \\t]*(?=[\"'`\\u201c\\u2018\\u00ab<{\\[\\n]))",
      Pattern.CASE_INSENSITIVE);

  /**
   * How a whole markup document opens. A message that is one was pasted (a saved page, a feed, an
   * export), not written as a request: all of it is data.
   */
  private static final String[] DOCUMENT_OPENINGS = {"<!doctype", "<html", "<?xml"};

  /**
   * The words a frame names its data with. Every frame holds one, so a place where data could open
   * without such a word in the {@value #WINDOW} chars before it is not searched: the search runs
   * the pattern's long alternations at every word of the window.
   */
  private static final AnchorGate DATA_NOUNS = new AnchorGate(Collections.singletonList(
      (PatternRule.stemsOf(DATA_NOUN) + " " + PatternRule.stemsOf(LABEL)).split(" ")));

  private PastedData() {}

  /**
   * The index in folded {@code text} at which pasted data starts, or -1 when the text does not
   * introduce any; the start of the text when it is a whole markup document.
   *
   * <p>A frame ends where data opens (a colon, a line break, an opening quote), so the pattern is
   * tried only in a short window before each of the first few such places rather than at every
   * position of the prefix: most messages have none or a few.
   */
  static int start(String text) {
    int first = 0;
    while (first < text.length() && Character.isWhitespace(text.charAt(first))) {
      first++;
    }
    for (String opening : DOCUMENT_OPENINGS) {
      if (text.regionMatches(true, first, opening, 0, opening.length())) {
        return first;
      }
    }
    int limit = Math.min(text.length() - 1, MAX_FRAME_OFFSET + WINDOW);
    Matcher m = null;
    AnchorGate.Scan nouns = null;
    int tries = 0;
    int scanned = 0;
    try {
      for (int i = 1; i < limit && tries < MAX_OPENINGS; i++) {
        if (!opensData(text, i)) {
          continue;
        }
        tries++;
        if (nouns == null) {
          nouns = DATA_NOUNS.scan(text, limit);
        }
        // Windows overlap only where openings are close together; the part already tried is not retried.
        int from = Math.max(scanned, i - WINDOW);
        scanned = from;
        if (!nounBetween(nouns, i - WINDOW, i)) {
          continue;
        }
        if (m == null) {
          m = FRAME.matcher(text).useTransparentBounds(true);
        }
        m.region(from, Math.min(text.length(), i + 1));
        if (m.find() && m.start() <= MAX_FRAME_OFFSET && m.end() < text.length()) {
          return m.end();
        }
      }
      return -1;
    } finally {
      if (nouns != null) {
        DATA_NOUNS.release(nouns);
      }
    }
  }

  /** Whether a data noun starts in {@code [from, to)}. */
  private static boolean nounBetween(AnchorGate.Scan nouns, int from, int to) {
    int[] at = nouns.positions(0);
    for (int k = 0, count = nouns.count(0); k < count && at[k] < to; k++) {
      if (at[k] >= from) {
        return true;
      }
    }
    return false;
  }

  /** A colon, a line break, or a quote mark after a blank (an opening quote, not "let's"). */
  private static boolean opensData(String text, int i) {
    char c = text.charAt(i);
    if (c == ':' || c == '\n') {
      return true;
    }
    return (c == '"' || c == '\'' || c == '`' || c == '\u201c' || c == '\u2018' || c == '\u00ab')
        && Character.isWhitespace(text.charAt(i - 1));
  }
}
