package dev.airlock.agent.pii;

/**
 * The stretches of a text without whitespace that are long enough to hold a credential: the only
 * places where the secret detectors need to look at each char.
 *
 * <p>Why: every key format and every random token the secret detectors report is at least
 * {@value #MIN_LENGTH} chars without a space, tab or line break, while prose is made of words of
 * five or six letters. Whitespace here is a space, tab, line feed or carriage return. The
 * stretches are found in the scanner's shared pass over the text ({@link TextIndex}).
 */
final class LongTokens {

  /** The shortest stretch reported (the shortest key format, "xoxb-" and ten chars, is 15). */
  static final int MIN_LENGTH = 15;

  private LongTokens() {}

  /** Maximal whitespace-free stretches of at least {@link #MIN_LENGTH} chars, as {start, end} pairs. */
  static int[] of(CharSequence text) {
    return TextIndex.of(text, true).longTokens();
  }
}
