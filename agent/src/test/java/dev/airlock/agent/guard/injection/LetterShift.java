package dev.airlock.agent.guard.injection;

/**
 * Test fixtures written in a letter-shift cipher, encoded here rather than with the detector's
 * own decoder so that a test of decoding does not lean on the code it tests.
 */
final class LetterShift {

  private LetterShift() {}

  /** The ASCII letters of {@code text} moved {@code places} forward in the alphabet (13: ROT13). */
  static String by(String text, int places) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c >= 'a' && c <= 'z') {
        out.append((char) ('a' + (c - 'a' + places) % 26));
      } else if (c >= 'A' && c <= 'Z') {
        out.append((char) ('A' + (c - 'A' + places) % 26));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
