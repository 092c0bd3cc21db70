package dev.airlock.agent.pii;

/** Character tests shared by the detectors, so that every detector draws word boundaries alike. */
final class Chars {

  // What an ASCII char is, as bits of its entry in ASCII. The tests below read one entry instead
  // of comparing the char with two or four bounds: at the edges of the digit runs of a text
  // dense with numbers the char is a letter, a digit or punctuation at random, and each bound
  // compared was a branch the CPU mispredicted; those were most of the detectors' rejections.
  private static final int LETTER = 1;
  private static final int DIGIT = 2;
  private static final int UNDERSCORE = 4;
  /** '.', ',', '/', '-': they join a number to a longer one ({@link #separateNumberAt}). */
  private static final int NUMBER_JOIN = 8;
  private static final int WORD = LETTER | DIGIT | UNDERSCORE;
  private static final int ALNUM = LETTER | DIGIT;
  private static final byte[] ASCII = new byte[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII[c] = LETTER;
      ASCII[c - 32] = LETTER;
    }
    for (char c = '0'; c <= '9'; c++) {
      ASCII[c] = DIGIT;
    }
    ASCII['_'] = UNDERSCORE;
    for (char c : ".,/-".toCharArray()) {
      ASCII[c] = NUMBER_JOIN;
    }
  }

  private Chars() {}

  /** Letters and digits of any script, and '_': the chars that glue a token together. */
  static boolean isWordChar(char c) {
    if (c < 128) {
      return (ASCII[c] & WORD) != 0;
    }
    return Character.isLetterOrDigit(c);
  }

  /** {@link #isWordChar} at {@code i}, false outside the text. */
  static boolean wordCharAt(CharSequence s, int i) {
    return i >= 0 && i < s.length() && isWordChar(s.charAt(i));
  }

  /** ASCII digits only: the numbers we validate are written with them. */
  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@link #isDigit} at {@code i}, false outside the text. */
  static boolean digitAt(CharSequence s, int i) {
    return i >= 0 && i < s.length() && isDigit(s.charAt(i));
  }

  static boolean isAsciiLetter(char c) {
    return c < 128 && (ASCII[c] & LETTER) != 0;
  }

  static boolean isAsciiAlnum(char c) {
    return c < 128 && (ASCII[c] & ALNUM) != 0;
  }

  /** The char at {@code i}, or 0 outside the text (so callers need no bounds checks). */
  static char at(CharSequence s, int i) {
    return i >= 0 && i < s.length() ? s.charAt(i) : 0;
  }

  /**
   * The index of the first {@code c} at or after {@code from}, or -1. On a {@code String} this is
   * {@link String#indexOf(int, int)}, which the JIT vectorizes: many times faster than a loop
   * over {@code charAt} when the char is rare.
   */
  static int indexOf(CharSequence s, char c, int from) {
    if (s instanceof String) {
      return ((String) s).indexOf(c, from);
    }
    for (int i = Math.max(0, from), n = s.length(); i < n; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The end of the run of ASCII digits starting at {@code from}: the first index at or after it
   * that is not a digit. Detectors use it to rule out a candidate by the length of its first
   * group before running their pattern there.
   */
  static int digitRunEnd(CharSequence s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * Whether a number may start at {@code i}, as the look-behind {@code
   * (?<![\p{L}\p{N}_.,/\-])(?<!\d[ \-])} of the card and SSN patterns decides: the char before is
   * no letter or number of any script, '_', '.', ',', '/' or '-', nor a space after a digit
   * ("7 4111...", the tail of a longer grouped number). The char before is tested alone, as the
   * pattern's one-char look-behind tests it (a supplementary letter's low surrogate is neither
   * letter nor number).
   */
  static boolean separateNumberAt(CharSequence t, int i) {
    if (i == 0) {
      return true;
    }
    char before = t.charAt(i - 1);
    if (before < 128) {
      // An ASCII char is a letter or number exactly when it is an ASCII letter or digit.
      return (ASCII[before] & (WORD | NUMBER_JOIN)) == 0 && !(before == ' ' && digitAt(t, i - 2));
    }
    return !(Character.isLetter(before) || isNumber(before));
  }

  /** Unicode category N (decimal digits, letter numbers such as 'Ⅻ', other numbers such as '²'). */
  static boolean isNumber(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
        return true;
      default:
        return false;
    }
  }

  /** True when every char of {@code s} is the same (e.g. "000000000", "1111"). */
  static boolean allSame(CharSequence s) {
    for (int i = 1; i < s.length(); i++) {
      if (s.charAt(i) != s.charAt(0)) {
        return false;
      }
    }
    return true;
  }

  /** The ASCII digits of {@code s[start, end)}, separators dropped. */
  static String digitsOf(CharSequence s, int start, int end) {
    StringBuilder b = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (isDigit(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
