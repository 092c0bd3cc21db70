package dev.airlock.agent.pii;

/**
 * Measures how random a token looks: which character classes it mixes and its Shannon entropy.
 * Used to tell credentials from identifiers, words and paths.
 */
final class TokenShape {

  /** Bits of {@link #classesIn}. */
  static final int LOWER = 1;
  static final int UPPER = 1 << 1;
  static final int DIGIT = 1 << 2;
  static final int SYMBOL = 1 << 3;
  /** The alphanumeric classes: lower case, upper case and digit. */
  static final int ALPHANUMERIC = LOWER | UPPER | DIGIT;

  final int length;
  final boolean lower;
  final boolean upper;
  final boolean digit;
  final boolean symbol;
  final double entropy;

  private TokenShape(CharSequence s) {
    length = s.length();
    int classes = 0;
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
      classes |= classOf(c);
    }
    lower = (classes & LOWER) != 0;
    upper = (classes & UPPER) != 0;
    digit = (classes & DIGIT) != 0;
    symbol = (classes & SYMBOL) != 0;
    double h = 0;
    for (int count : counts) {
      h -= bits(count, length);
    }
    // Non-ASCII chars are counted as one bucket: an under-estimate, which errs toward "not random".
    entropy = h - bits(other, length);
  }

  static TokenShape of(CharSequence s) {
    return new TokenShape(s);
  }

  /**
   * The classes of the chars of {@code text[start, end)} as bits ({@link #LOWER}, {@link #UPPER},
   * {@link #DIGIT}, {@link #SYMBOL}), told apart as a shape tells them, without cutting the token
   * out or counting its chars.
   */
  static int classesIn(CharSequence text, int start, int end) {
    int classes = 0;
    for (int i = start; i < end; i++) {
      classes |= classOf(text.charAt(i));
    }
    return classes;
  }

  private static int classOf(char c) {
    if (Character.isLowerCase(c)) {
      return LOWER;
    }
    if (Character.isUpperCase(c)) {
      return UPPER;
    }
    return Character.isDigit(c) ? DIGIT : SYMBOL;
  }

  private static double bits(int count, int total) {
    if (count == 0) {
      return 0;
    }
    double p = (double) count / total;
    return p * (Math.log(p) / Math.log(2));
  }

  boolean digitsOnly() {
    return digit && !lower && !upper && !symbol;
  }
}
