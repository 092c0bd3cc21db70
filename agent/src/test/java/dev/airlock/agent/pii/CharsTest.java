package dev.airlock.agent.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The char tests read a table for ASCII; for every char they answer as their definitions. */
class CharsTest {

  @Test
  void everyCharIsClassifiedAsDefined() {
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      boolean digit = c >= '0' && c <= '9';
      assertEquals(letter, Chars.isAsciiLetter(c), "letter " + i);
      assertEquals(letter || digit, Chars.isAsciiAlnum(c), "alnum " + i);
      boolean word = c < 128 ? letter || digit || c == '_' : Character.isLetterOrDigit(c);
      assertEquals(word, Chars.isWordChar(c), "word " + i);
    }
  }

  /** The look-behind {@code (?<![\p{L}\p{N}_.,/\-])(?<!\d[ \-])}, char by char. */
  @Test
  void aNumberStartsAfterWhatThePatternAllows() {
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      for (String before : new String[] {"", "x", "7"}) {
        String text = before + c + "1";
        boolean joined = c == '_' || c == '.' || c == ',' || c == '/' || c == '-'
            || Character.isLetter(c) || Chars.isNumber(c)
            || ((c == ' ' || c == '-') && before.equals("7"));
        assertEquals(!joined, Chars.separateNumberAt(text, text.length() - 1), "after " + i);
      }
      assertEquals(true, Chars.separateNumberAt("1", 0));
    }
  }
}
