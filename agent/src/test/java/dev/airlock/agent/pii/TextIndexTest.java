package dev.airlock.agent.pii;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextIndexTest {

  private static int[] all(TextIndex.Positions p) {
    int[] out = new int[p.size()];
    for (int k = 0; k < p.size(); k++) {
      out[k] = p.get(k);
    }
    return out;
  }

  private static int[] runStarts(TextIndex index) {
    int[] out = new int[index.runCount()];
    for (int k = 0; k < out.length; k++) {
      out[k] = index.runStart(k);
    }
    return out;
  }

  private static int[] runEnds(TextIndex index) {
    int[] out = new int[index.runCount()];
    for (int k = 0; k < out.length; k++) {
      out[k] = index.runEnd(k);
    }
    return out;
  }

  @Test
  void findsTheStartOfEveryDigitRun() {
    String text = "7a1 22-b333c\u0664 ٤4";
    // ASCII digits only: the Arabic-Indic four (U+0664) starts no run, and the '4' after it does
    assertArrayEquals(new int[] {0, 2, 4, 8, 15}, runStarts(TextIndex.of(text, false)));
    assertArrayEquals(new int[] {0, 2, 4, 8, 15}, runStarts(TextIndex.of(text, true)));
    assertEquals(0, TextIndex.of("", true).runCount());
  }

  @Test
  void recordsWhereEachDigitRunEnds() {
    String text = "7a1 22-b333c\u0664 ٤4";
    assertArrayEquals(new int[] {1, 3, 6, 11, 16}, runEnds(TextIndex.of(text, false)));
    assertArrayEquals(new int[] {1, 3, 6, 11, 16}, runEnds(TextIndex.of(text, true)));
    String digits = "x 0123456789";
    assertArrayEquals(new int[] {12}, runEnds(TextIndex.of(digits, true)));
  }

  @Test
  void findsDigitRunsAcrossLongTexts() {
    StringBuilder b = new StringBuilder();
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      b.append("word ");
      expected.add(b.length());
      b.append(i).append(' ');
    }
    int[] want = expected.stream().mapToInt(Integer::intValue).toArray();
    assertArrayEquals(want, runStarts(TextIndex.of(b.toString(), true)));
  }

  /**
   * Every run is found, and ends where the pass notes it, also when the run crosses from one
   * chunk of the pass into the next and when it ends the text.
   */
  @Test
  void recordsRunEndsAcrossChunksAndAtTheEnd() {
    java.util.Random random = new java.util.Random(1);
    for (int round = 0; round < 200; round++) {
      StringBuilder b = new StringBuilder();
      while (b.length() < 9000) {
        b.append(random.nextBoolean() ? "x" : "12345678901234567".substring(random.nextInt(16)));
      }
      String text = b.toString();
      TextIndex index = TextIndex.of(text, round % 2 == 0);
      List<Integer> starts = new ArrayList<>();
      for (int i = 0; i < text.length(); i++) {
        if (Chars.isDigit(text.charAt(i)) && !Chars.digitAt(text, i - 1)) {
          starts.add(i);
        }
      }
      assertArrayEquals(starts.stream().mapToInt(Integer::intValue).toArray(), runStarts(index));
      for (int k = 0; k < index.runCount(); k++) {
        int start = index.runStart(k);
        assertEquals(Chars.digitRunEnd(text, start), index.runEnd(k), "run at " + start);
      }
    }
  }

  @Test
  void findsEverySeparatorFormOfAnAssignment() {
    String text = "a: b=c d := e f => g h -> i j is k 'l'\tes m n ist: o \"p\" est q";
    List<Integer> want = new ArrayList<>();
    for (String sep : new String[] {":", "=", ":=", "=>", "->", " is ", "\tes ", " ist:", " est "}) {
      int at = text.indexOf(sep);
      int start = sep.charAt(0) == ' ' || sep.charAt(0) == '\t' ? at + 1 : at;
      want.add(start);
      if (sep.equals(":=")) {
        want.add(start + 1); // its '=' is a separator char of its own
      }
    }
    want.add(text.indexOf("ist:") + 3); // the ':' after "ist"
    Collections.sort(want);
    assertArrayEquals(want.stream().mapToInt(Integer::intValue).toArray(),
        all(TextIndex.of(text, true).separators()));
  }

  @Test
  void wordsThatOnlyContainIsOrEsAreNotSeparators() {
    String text = "this thesis isn't island; the tests; es-es is-a crisis";
    assertEquals(0, TextIndex.of(text, true).separators().size(), text);
  }

  @Test
  void findsBearerInAnyCaseAndNothingElse() {
    String text = "BEARER x Bearer y bEaReR z; a bear, the beard, beacon, bearing";
    assertArrayEquals(new int[] {0, 9, 18}, all(TextIndex.of(text, true).bearers()));
  }

  @Test
  void withoutSecretsOnlyDigitRunsAreIndexed() {
    TextIndex index = TextIndex.of("password: 1234 Bearer " + "A".repeat(30), false);
    assertEquals(1, index.runCount());
    assertEquals(0, index.separators().size());
    assertEquals(0, index.bearers().size());
    assertEquals(0, index.longTokens().length);
  }

  @Test
  void everySeparatorFormLeadsTheScannerToTheValue() {
    PiiScanner scanner = PiiScanner.builder().enable(Collections.singletonList(PiiTypes.SECRET)).build();
    String value = "Tr0ub4dor&3x";
    for (String layout : new String[] {
        "password: %s", "DB_PASSWORD=%s", "passwd := %s", "\"password\" => %s", "pwd -> %s",
        "my password is %s", "mein Passwort ist %s", "le mot de passe est %s",
        "la contraseña es %s", "'password'\tis %s", "PASSWORD IS %s", "password_for_the_db: %s"}) {
      String text = String.format(layout, value);
      List<Detection> found = scanner.scan(text);
      assertEquals(1, found.size(), text + " -> " + found);
      assertEquals(value, found.get(0).text(text), text);
    }
  }

  @Test
  void aSeparatorTooFarFromTheNameOrWithoutOneFindsNothing() {
    PiiScanner scanner = PiiScanner.builder().enable(Collections.singletonList(PiiTypes.SECRET)).build();
    for (String text : new String[] {
        "password_" + "x".repeat(40) + ": Tr0ub4dor&3x", // a suffix longer than 30 chars
        "password (see below): Tr0ub4dor&3x", // the name is not right before the separator
        "the password was Tr0ub4dor&3x", // no separator
        "password->Tr0ub4dor&3x"}) { // '-' glued to the name belongs to it
      assertTrue(scanner.scan(text).isEmpty(), text + " -> " + scanner.scan(text));
    }
  }
}
