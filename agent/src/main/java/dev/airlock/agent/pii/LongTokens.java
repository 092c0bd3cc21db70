package dev.airlock.agent.pii;

/**
 * The stretches of a text without whitespace that are long enough to hold a credential: the only
 * places where the secret detectors need to look at each char.
 *
 * <p>Why: every key format and every random token the secret detectors report is at least
 * {@value #MIN_LENGTH} chars without a space, tab or line break, while prose is made of words of
 * five or six letters. A token that long contains a whole aligned block of 8 chars without
 * whitespace or control chars, so ordinary text is skipped block by block (in prose nearly every
 * block holds a space), and only the blocks that pass are widened to their stretch.
 */
final class LongTokens {

  /** The shortest stretch reported (the shortest key format, "xoxb-" and ten chars, is 15). */
  static final int MIN_LENGTH = 15;

  private static final int BLOCK = 8;

  private LongTokens() {}

  /** Maximal whitespace-free stretches of at least {@link #MIN_LENGTH} chars, as {start, end} pairs. */
  static int[] of(CharSequence text) {
    int n = text.length();
    int[] out = new int[8];
    int count = 0;
    int covered = 0;
    for (int b = 0; b + BLOCK <= n; b += BLOCK) {
      if (b < covered) {
        continue;
      }
      // Unrolled, and any control char counts as a break: a key holds neither, and this is the
      // test that runs on every block of every text.
      if (text.charAt(b) <= ' ' || text.charAt(b + 1) <= ' ' || text.charAt(b + 2) <= ' '
          || text.charAt(b + 3) <= ' ' || text.charAt(b + 4) <= ' ' || text.charAt(b + 5) <= ' '
          || text.charAt(b + 6) <= ' ' || text.charAt(b + 7) <= ' ') {
        continue;
      }
      int start = b;
      while (start > covered && !isSpace(text.charAt(start - 1))) {
        start--;
      }
      int end = b + BLOCK;
      while (end < n && !isSpace(text.charAt(end))) {
        end++;
      }
      covered = end;
      if (end - start >= MIN_LENGTH) {
        if (count + 2 > out.length) {
          out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        out[count++] = start;
        out[count++] = end;
      }
    }
    return java.util.Arrays.copyOf(out, count);
  }

  private static boolean isSpace(char c) {
    return c == ' ' | c == '\n' | c == '\t' | c == '\r';
  }
}
