package dev.airlock.agent.bench;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

/**
 * Copies of one request body, each different from every earlier one in the word "tracking" of its
 * texts, so that the engine's memory of texts seen in recent requests never answers for the texts
 * changed: a benchmark on them measures text that is new, as an application's next message is. The
 * word is overwritten with eight letters counting in base 26 (letters only, so no detector finds a
 * number or a token in it). A copy costs about as much as an array copy of the body, which the
 * benchmark then includes.
 *
 * <p>Not thread-safe: one per benchmark thread.
 */
final class FreshRequests {

  private static final String WORD = "tracking";

  private final byte[] body;
  private final int[] slots;
  private long count;

  /**
   * @param everyText true: every "tracking" of the body changes (nothing in it was seen before);
   *     false: only the last, in the last message (the conversation before it comes back unchanged)
   */
  FreshRequests(byte[] body, boolean everyText) {
    this.body = body.clone();
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int last = text.lastIndexOf(WORD);
    if (last < 0) {
      throw new IllegalArgumentException("the body has no '" + WORD + "' to vary");
    }
    this.slots = everyText
        ? IntStream.iterate(text.indexOf(WORD), at -> at >= 0, at -> text.indexOf(WORD, at + 1)).toArray()
        : new int[] {last};
  }

  /** The next body: a new copy, its words set from the count. */
  byte[] next() {
    byte[] copy = body.clone();
    long n = count++;
    for (int slot : slots) {
      long m = n;
      for (int i = WORD.length() - 1; i >= 0; i--) {
        copy[slot + i] = (byte) ('a' + (int) (m % 26));
        m /= 26;
      }
    }
    return copy;
  }
}
