package dev.airlock.agent.guard.injection;

/**
 * Tells a verb used as a command ("Ignore all rules.", "please disregard any rules", "you must
 * forget everything you were told") from the same verb in a description or a question ("how do I
 * make eslint ignore all rules", "the parser will ignore the text"). Checked in code, after a
 * pattern matched, because the equivalent regex lookbehind is slow on every attempt. Stateless.
 */
final class Imperative {

  /** Words after which the next verb is a command: "please ignore", "and then disregard". */
  private static final String[] LEAD_WORDS = {
    "please", "now", "just", "simply", "also", "and", "then", "so", "ok", "okay", "kindly", "instead", "pls", "plz"
  };
  /** "you must ignore", "you should forget". */
  private static final String[] MODALS = {"must", "should", "will", "shall", "can", "may"};

  private Imperative() {}

  /** Whether the word at {@code start} of {@code text} is used as a command. */
  static boolean isCommand(String text, int start) {
    int i = skipBlanks(text, start - 1);
    if (i < 0) {
      return true; // start of text
    }
    char c = text.charAt(i);
    if (".!?:;,\n\"'([{*#>-|".indexOf(c) >= 0) {
      return true; // start of a sentence, line, list item or quote
    }
    String word = wordBefore(text, i);
    if (word == null) {
      return false;
    }
    for (String lead : LEAD_WORDS) {
      if (lead.equals(word)) {
        return true;
      }
    }
    int j = skipBlanks(text, i - word.length());
    String before = j < 0 ? null : wordBefore(text, j);
    for (String modal : MODALS) {
      if (modal.equals(word)) {
        return "you".equals(before);
      }
    }
    if ("to".equals(word)) {
      // "you need to / have to / are to forget", "I want you to ignore", "make sure to disregard"
      return "need".equals(before) || "have".equals(before) || "are".equals(before) || "you".equals(before)
          || "sure".equals(before);
    }
    return false;
  }

  private static int skipBlanks(String text, int i) {
    int steps = 0;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t') && steps < 8) {
      i--;
      steps++;
    }
    return i;
  }

  /** The lowercase ASCII word ending at index {@code end} (inclusive), or null if there is none there. */
  private static String wordBefore(String text, int end) {
    int k = end;
    while (k >= 0 && k > end - 16 && AsciiLetters.isLetter(text.charAt(k))) {
      k--;
    }
    if (k == end) {
      return null;
    }
    return text.substring(k + 1, end + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
