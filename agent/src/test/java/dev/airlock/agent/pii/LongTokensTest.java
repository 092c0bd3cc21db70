package dev.airlock.agent.pii;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class LongTokensTest {

  @Test
  void reportsWhitespaceFreeStretchesOfFifteenCharsOrMore() {
    String token = "xoxb-1234567890"; // 15 chars, the shortest key format
    for (int pad = 0; pad < 9; pad++) {
      // every alignment of the token against the 8-char blocks
      String text = " ".repeat(pad) + token + " end";
      int start = text.indexOf(token);
      assertArrayEquals(new int[] {start, start + token.length()}, LongTokens.of(text), text);
    }
  }

  @Test
  void shorterStretchesAndProseAreSkipped() {
    assertArrayEquals(new int[0], LongTokens.of("The parcel left the warehouse on Monday, twelve days ago."));
    assertArrayEquals(new int[0], LongTokens.of("fourteen-chars and more"));
    assertArrayEquals(new int[0], LongTokens.of(""));
  }

  @Test
  void stretchesEndAtAnyWhitespaceAndSpanControlChars() {
    String text = "k=" + "A".repeat(30) + "\n\t" + "b\u0001" + "C".repeat(20) + "\r";
    assertArrayEquals(new int[] {0, 32, 34, 56}, LongTokens.of(text));
  }
}
