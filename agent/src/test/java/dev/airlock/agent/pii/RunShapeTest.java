package dev.airlock.agent.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunShapeTest {

  private static int shapeOfFirstRun(String text) {
    return TextIndex.of(text, false).runShape(0);
  }

  @Test
  void tellsWhatTouchesTheStart() {
    assertEquals(RunShape.AFTER_NON_WORD, RunShape.before(shapeOfFirstRun("12")));
    assertEquals(RunShape.AFTER_NON_WORD, RunShape.before(shapeOfFirstRun("(12")));
    assertEquals(RunShape.AFTER_WORD, RunShape.before(shapeOfFirstRun("x12")));
    assertEquals(RunShape.AFTER_WORD, RunShape.before(shapeOfFirstRun("é12")));
    assertEquals(RunShape.AFTER_WORD, RunShape.before(shapeOfFirstRun("_12")));
    assertEquals(RunShape.AFTER_LETTER_PAIR, RunShape.before(shapeOfFirstRun("DE89")));
    assertEquals(RunShape.AFTER_LETTER_PAIR, RunShape.before(shapeOfFirstRun("iban: de89")));
    // Three letters, or a pair after a word char, are no country code starting a token.
    assertEquals(RunShape.AFTER_WORD, RunShape.before(shapeOfFirstRun("XDE89")));
    assertEquals(RunShape.AFTER_WORD, RunShape.before(shapeOfFirstRun("_DE89")));
    assertEquals(RunShape.AFTER_WORD, RunShape.before(shapeOfFirstRun("éDE89")));
  }

  @Test
  void tellsTheTwoCharsAfterTheRun() {
    assertTwoAfter("415 555", RunShape.SPACE, RunShape.DIGIT);
    assertTwoAfter("415-(55", RunShape.DASH, RunShape.OPEN_PAREN);
    assertTwoAfter("(415) 555", RunShape.CLOSE_PAREN, RunShape.OTHER);
    assertTwoAfter("1.5", RunShape.DOT, RunShape.DIGIT);
    assertTwoAfter("12/", RunShape.SLASH, RunShape.OTHER); // the text's end
    assertEquals(RunShape.OTHER, RunShape.after(shapeOfFirstRun("12")));
    assertEquals(RunShape.OTHER, RunShape.after(shapeOfFirstRun("12€")));
  }

  private static void assertTwoAfter(String text, int after, int then) {
    int shape = shapeOfFirstRun(text);
    assertEquals(after, RunShape.after(shape), text);
    assertEquals(then, RunShape.then(shape), text);
  }

  @Test
  void bucketsTheLength() {
    int[] lengths = {1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 19, 40};
    int[] floors = {1, 2, 3, 4, 4, 8, 9, 10, 10, 12, 12, 12};
    for (int k = 0; k < lengths.length; k++) {
      String digits = "7".repeat(lengths[k]);
      assertEquals(floors[k], RunShape.minLength(shapeOfFirstRun(digits)), digits);
    }
  }

  private static String randomText() {
    Random random = new Random(45);
    String alphabet = "0123456789 -./()abXY_é\n";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** Each field of every run of a random text, against the chars it describes. */
  @Test
  void describesEveryRunOfARandomText() {
    String text = randomText();
    TextIndex index = TextIndex.of(text, true);
    String afterKinds = "\0 -./()";
    for (int k = 0; k < index.runCount(); k++) {
      int start = index.runStart(k);
      int end = index.runEnd(k);
      int shape = index.runShape(k);
      boolean pair = Chars.isAsciiLetter(Chars.at(text, start - 1))
          && Chars.isAsciiLetter(Chars.at(text, start - 2)) && !Chars.wordCharAt(text, start - 3);
      int before = pair ? RunShape.AFTER_LETTER_PAIR
          : Chars.wordCharAt(text, start - 1) ? RunShape.AFTER_WORD : RunShape.AFTER_NON_WORD;
      assertEquals(before, RunShape.before(shape), "before the run at " + start);
      int after = afterKinds.indexOf(Chars.at(text, end));
      assertEquals(Math.max(after, 0), RunShape.after(shape), "after the run at " + start);
      char then = Chars.at(text, end + 1);
      int thenKind = Chars.isDigit(then) ? RunShape.DIGIT
          : then == '(' ? RunShape.OPEN_PAREN : RunShape.OTHER;
      assertEquals(thenKind, RunShape.then(shape), "two after the run at " + start);
      int length = end - start;
      int floor = length >= 12 ? 12 : length >= 10 ? 10 : length >= 4 && length < 8 ? 4 : length;
      assertEquals(floor, RunShape.minLength(shape), "length of the run at " + start);
    }
  }

  /** The index's bit set holds exactly the runs a filter accepts. */
  @Test
  void selectsExactlyTheRunsAFilterAccepts() {
    String text = randomText();
    TextIndex index = TextIndex.of(text, true);
    RunFilter spacedAfterNonWord =
        new RunFilter(
            s -> RunShape.before(s) == RunShape.AFTER_NON_WORD
                && RunShape.after(s) == RunShape.SPACE);
    BitSet runs = index.runs(spacedAfterNonWord);
    for (int k = 0; k < index.runCount(); k++) {
      int start = index.runStart(k);
      boolean expected =
          !Chars.wordCharAt(text, start - 1) && Chars.at(text, index.runEnd(k)) == ' ';
      assertEquals(expected, runs.get(k), "run at " + start);
    }
  }
}
