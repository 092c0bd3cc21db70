package dev.airlock.agent.pii;

/**
 * Measures how random a token looks: which character classes it mixes and its Shannon entropy.
 * Used to tell credentials from identifiers, words and paths.
 */
final class TokenShape {

  final int length;
  final boolean lower;
  final boolean upper;
  final boolean digit;
  final boolean symbol;
  final double entropy;

  private TokenShape(CharSequence s) {
    length = s.length();
    boolean lo = false;
    boolean up = false;
    boolean di = false;
    boolean sy = false;
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
      if (Character.isLowerCase(c)) {
        lo = true;
      } else if (Character.isUpperCase(c)) {
        up = true;
      } else if (Character.isDigit(c)) {
        di = true;
      } else {
        sy = true;
      }
    }
    lower = lo;
    upper = up;
    digit = di;
    symbol = sy;
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

  private static double bits(int count, int total) {
    if (count == 0) {
      return 0;
    }
    double p = (double) count / total;
    return p * (Math.log(p) / Math.log(2));
  }

  /** Number of the classes lower case, upper case and digit that occur. */
  int alphanumericClasses() {
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0);
  }

  boolean lettersOnly() {
    return !digit && !symbol;
  }

  boolean digitsOnly() {
    return digit && !lower && !upper && !symbol;
  }
}
