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

  /**
   * The pass reads prose a block at a time and dense text char by char, and switches between the
   * two from chunk to chunk: on random texts that mix prose, numbers, anchors, long tokens,
   * control and non-ASCII chars across many chunks, everything it notes is what the definitions
   * of {@link TextIndex} give, read char by char.
   */
  @Test
  void everyWayOfReadingNotesWhatTheDefinitionsGive() {
    String[] pieces = {
      "word ", "the ", "is ", " is ", "Is:", " es ", " ist ", "\test ", "'is' ", "\"es\"", "\tes ",
      "bearer ", "BeArEr", "bear ", "beacon ", "bia", ": ", "=", "->", "-", ">", "x", "s", "a", "b",
      "\n", "\r\n", "\t", "\u0001", "\u00e9t\u00e9 ", "\u0664", "\u4e2d\u6587", "\ud83d\ude00",
      "4111 1111 1111 1111", "+1 415 555 0134", "12", "7", "2024-01-31", "DE89370400440532013000",
      "sk-abcdefghijklmnopqrstuvwx", "aGVsbG8gd29ybGQgaGVsbG8=", "a.b.c.d.e.f.g.h.i", "-----"};
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 300; round++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(round % 3 == 0 ? 200 : 12000);
      while (b.length() < length) {
        // Stretches of numbers between stretches of prose, so that chunks of either kind follow
        // each other.
        boolean dense = (b.length() / 3000) % 2 == round % 2;
        if (dense) {
          b.append(random.nextInt(100000)).append(" -:x".charAt(random.nextInt(4)));
        } else {
          b.append(pieces[random.nextInt(pieces.length)]);
        }
      }
      String text = b.toString();
      for (boolean secrets : new boolean[] {false, true}) {
        TextIndex index = TextIndex.of(text, secrets);
        List<Integer> bounds = new ArrayList<>();
        for (int i = 0; i <= text.length(); i++) {
          if (Chars.digitAt(text, i) != Chars.digitAt(text, i - 1)) {
            bounds.add(i);
          }
        }
        List<Integer> noted = new ArrayList<>();
        for (int k = 0; k < index.runCount(); k++) {
          noted.add(index.runStart(k));
          noted.add(index.runEnd(k));
        }
        assertEquals(bounds, noted, "runs, round " + round);
        if (secrets) {
          assertEquals(separators(text), toList(all(index.separators())), "separators, round " + round);
          assertEquals(bearers(text), toList(all(index.bearers())), "bearers, round " + round);
          assertEquals(longTokens(text), toList(index.longTokens()), "long tokens, round " + round);
        } else {
          assertEquals(0, index.separators().size() + index.bearers().size() + index.longTokens().length);
        }
      }
    }
  }

  private static List<Integer> toList(int[] values) {
    List<Integer> out = new ArrayList<>();
    for (int v : values) {
      out.add(v);
    }
    return out;
  }

  /** ':' and '=', "->", and "is"/"es" after a blank or quote, then a blank or ':' (or 't' first). */
  private static List<Integer> separators(String text) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ':' || c == '=') {
        out.add(i);
      } else if (c == '>' && i > 0 && text.charAt(i - 1) == '-') {
        out.add(i - 1);
      } else if ((c == 's' || c == 'S') && i >= 2 && "iIeE".indexOf(text.charAt(i - 1)) >= 0
          && " \t\"'".indexOf(text.charAt(i - 2)) >= 0) {
        int after = i + 1 < text.length() && "tT".indexOf(text.charAt(i + 1)) >= 0 ? i + 2 : i + 1;
        if (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == ':')) {
          out.add(i - 1);
        }
      }
    }
    return out;
  }

  /** Each "bearer", any case. */
  private static List<Integer> bearers(String text) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i + 6 <= text.length(); i++) {
      if (text.substring(i, i + 6).toLowerCase(java.util.Locale.ROOT).equals("bearer")
          && text.substring(i, i + 3).equalsIgnoreCase("bea")
          && text.charAt(i + 1) < 128) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * The maximal stretches without a space, tab or line break, at least 15 chars long, that hold
   * a whole aligned block of eight chars with no whitespace or control char.
   */
  private static List<Integer> longTokens(String text) {
    List<Integer> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || " \t\n\r".indexOf(text.charAt(i)) >= 0) {
        boolean clean = false;
        for (int block = (start + 7) / 8 * 8; block + 8 <= i && !clean; block += 8) {
          clean = text.substring(block, block + 8).chars().allMatch(c -> c > ' ');
        }
        if (i - start >= LongTokens.MIN_LENGTH && clean) {
          out.add(start);
          out.add(i);
        }
        start = i + 1;
      }
    }
    return out;
  }
}
