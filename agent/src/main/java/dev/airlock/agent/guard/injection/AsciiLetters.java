package dev.airlock.agent.guard.injection;

/**
 * ASCII letter tests shared by the detector's passes, several of which run over every char of a
 * message. Stateless.
 */
final class AsciiLetters {

  private AsciiLetters() {}

  /**
   * Whether {@code c} is 'a'-'z' or 'A'-'Z'. Setting bit 5 maps the capitals onto the small
   * letters and no other char onto them, so one unsigned compare decides.
   */
  static boolean isLetter(char c) {
    return (char) ((c | 0x20) - 'a') < 26;
  }

  /** Whether {@code c} is 'A'-'Z'. */
  static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /**
   * Whether {@code text[s, e)} is one of {@code words}, ignoring ASCII case. For the short word
   * lists of the context checks, which run on matches only: a linear scan of region compares,
   * without allocating a substring.
   */
  static boolean isOneOf(String text, int s, int e, String[] words) {
    int n = e - s;
    for (String w : words) {
      if (w.length() == n && text.regionMatches(true, s, w, 0, n)) {
        return true;
      }
    }
    return false;
  }
}
