package dev.airlock.agent.pii;

/**
 * How a digit run of a {@link TextIndex} sits in its text, in {@value #BITS} bits: its length (in
 * buckets), what touches its start, the char after it, and the char after that one. These are
 * what the detectors that visit digit runs first test, each its own way; classified once per run
 * here, they let a detector reject a run with one table look-up ({@link RunFilter}).
 *
 * <p>Why: in text dense with numbers most runs are years, counts and prices, and each detector
 * rejected them by reading the chars around them again and branching on each, at random; those
 * rejections were most of the detectors' time there.
 */
final class RunShape {

  /** The bits of a shape: shapes run from 0 to {@code 1 << BITS} (exclusive). */
  static final int BITS = 11;

  // What touches the run's start (the char before it), in bits 0-1.
  /** Not a word char, or the text's start. */
  static final int AFTER_NON_WORD = 0;
  /** A word char ({@link Chars#isWordChar}), other than {@link #AFTER_LETTER_PAIR}. */
  static final int AFTER_WORD = 1;
  /**
   * Two ASCII letters that start a token, no word char before them (an IBAN's country code): a
   * word char too, so that {@code before(s) != AFTER_NON_WORD} holds for both.
   */
  static final int AFTER_LETTER_PAIR = 3;

  // The char right after the run, in bits 2-4 (OTHER also stands for the text's end).
  static final int OTHER = 0;
  static final int SPACE = 1;
  static final int DASH = 2;
  static final int DOT = 3;
  static final int SLASH = 4;
  static final int OPEN_PAREN = 5;
  static final int CLOSE_PAREN = 6;

  /**
   * The char after that one, in bits 5-7, is {@link #OTHER}, {@link #OPEN_PAREN} or this: a digit
   * (another run starts there). Never the char right after a run, which ends at a non-digit.
   */
  static final int DIGIT = 7;

  private static final int AFTER_SHIFT = 2;
  private static final int THEN_SHIFT = 5;
  private static final int LENGTH_SHIFT = 8;

  /** The lower bound of each length bucket, in bits 8-10: each of 1-3, 8 and 9 is one of its own. */
  private static final int[] BUCKET_FLOORS = {1, 2, 3, 4, 8, 9, 10, 12};
  /** The bucket of each length up to the last floor; longer runs are in the last bucket. */
  private static final byte[] BUCKETS = new byte[13];

  // What the chars around a run are, as bits of an entry of CHARS, so that a shape is put
  // together without a branch (a letter or not before a run is as good as random in text dense
  // with numbers): bit 0 a word char, bit 1 an ASCII letter, then its AFTER and THEN kinds.
  private static final int WORD_CHAR = 1;
  private static final int ASCII_LETTER = 2;
  private static final int CHAR_AFTER_SHIFT = 2;
  private static final int CHAR_THEN_SHIFT = 5;
  private static final int[] CHARS = new int[128];

  static {
    for (int length = 1, b = 0; length < BUCKETS.length; length++) {
      if (b + 1 < BUCKET_FLOORS.length && BUCKET_FLOORS[b + 1] == length) {
        b++;
      }
      BUCKETS[length] = (byte) b;
    }
    for (char c = 0; c < 128; c++) {
      CHARS[c] = (Chars.isWordChar(c) ? WORD_CHAR : 0)
          | (Chars.isAsciiLetter(c) ? ASCII_LETTER : 0)
          | followerOf(c) << CHAR_AFTER_SHIFT
          | (Chars.isDigit(c) ? DIGIT : c == '(' ? OPEN_PAREN : OTHER) << CHAR_THEN_SHIFT;
    }
  }

  private RunShape() {}

  /** The shape of the digit run {@code [start, end)} of {@code text}. */
  static int of(CharSequence text, int start, int end) {
    int before1 = entry(Chars.at(text, start - 1));
    int before2 = entry(Chars.at(text, start - 2));
    int before3 = entry(Chars.at(text, start - 3));
    // Two ASCII letters with no word char before them: the pair's bit, 1 or 0.
    int pair = (before1 & before2 & ~(before3 << 1)) >> 1 & 1;
    return (before1 & WORD_CHAR | pair << 1)
        | (entry(Chars.at(text, end)) >> CHAR_AFTER_SHIFT & 7) << AFTER_SHIFT
        | (entry(Chars.at(text, end + 1)) >> CHAR_THEN_SHIFT & 7) << THEN_SHIFT
        | BUCKETS[Math.min(end - start, BUCKETS.length - 1)] << LENGTH_SHIFT;
  }

  /**
   * What touches the start: {@link #AFTER_NON_WORD}, {@link #AFTER_WORD} or {@link
   * #AFTER_LETTER_PAIR}.
   */
  static int before(int shape) {
    return shape & 3;
  }

  /** The char after the run: {@link #OTHER}, {@link #SPACE}, ..., {@link #CLOSE_PAREN}. */
  static int after(int shape) {
    return (shape >> AFTER_SHIFT) & 7;
  }

  /** The char after {@link #after}: {@link #OTHER}, {@link #DIGIT} or {@link #OPEN_PAREN}. */
  static int then(int shape) {
    return (shape >> THEN_SHIFT) & 7;
  }

  /**
   * The run's length as the lower bound of its bucket: exact for 1, 2, 3, 8 and 9, and 4 for
   * 4-7, 10 for 10-11, 12 for 12 or more. Tests such as {@code minLength(s) >= 12} or {@code
   * minLength(s) == 9} are exact; {@code minLength(s) <= 5} is not.
   */
  static int minLength(int shape) {
    return BUCKET_FLOORS[shape >> LENGTH_SHIFT];
  }

  /** The {@link #CHARS} entry of {@code c}; a char outside ASCII is a word char or nothing. */
  private static int entry(char c) {
    if (c < 128) {
      return CHARS[c];
    }
    return Character.isLetterOrDigit(c) ? WORD_CHAR : 0;
  }

  private static int followerOf(char c) {
    switch (c) {
      case ' ':
        return SPACE;
      case '-':
        return DASH;
      case '.':
        return DOT;
      case '/':
        return SLASH;
      case '(':
        return OPEN_PAREN;
      case ')':
        return CLOSE_PAREN;
      default:
        return OTHER;
    }
  }
}
