package dev.airlock.agent.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass window reading ({@link ContextWindow}, {@link ContextPair}) against the definition
 * written out plainly: cut the window, widen its outer edges over a cut word, normalize it to a
 * string, and look for each entry with {@code contains}. Random texts are made of the entries
 * themselves, their pieces, digits, separators, '_' (a word char for the widening but a separator
 * for the comparison), non-ASCII letters and words too long for the widening's slack, so that
 * entries fall across the window's edges and the match's own edges.
 */
class ContextWindowTest {

  private static final String[] POSITIVE_WORDS = {"phone", "tel", "text me", "passw*", "ssn", "tél"};
  private static final String[] NEGATIVE_WORDS = {"order", "*version", "id", "social security"};

  private static final String[] PIECES = {
    "phone", "Phone", "TEL", "tel", "text", "me", "passwort", "Password", "ssn", "SSN", "tél",
    "TÉL", "order", "PackageVersion", "version", "id", "ID", "social", "security", "ph", "one",
    " ", " ", "  ", "\n", "-", "_", ":", ".", "#", "é", "İ", "\u212a", "x", "abc",
    "supercalifragilisticexpialidocious", "0", "12", "345", "6789", "555-0132"
  };

  @Test
  void oneReadGivesWhatReadingEachListGives() {
    ContextWords positive = ContextWords.of(0.25, POSITIVE_WORDS);
    ContextWords negative = ContextWords.of(-0.35, NEGATIVE_WORDS);
    ContextPair pair = new ContextPair(positive, negative);
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      String text = randomText(random);
      int start = random.nextInt(text.length());
      int end = start + 1 + random.nextInt(Math.min(12, text.length() - start));
      boolean up = reference(POSITIVE_WORDS, text, start, end);
      boolean down = reference(NEGATIVE_WORDS, text, start, end);
      String where = "[" + start + "," + end + ") of \"" + text + "\"";
      assertEquals(up, positive.presentAround(text, start, end), "positive " + where);
      assertEquals(down, negative.presentAround(text, start, end), "negative " + where);
      double expected = 0.5 + (up ? 0.25 : 0.0) + (down ? -0.35 : 0.0);
      assertEquals(expected, pair.confidence(0.5, text, start, end), 0.0, "pair " + where);
    }
  }

  @Test
  void aListWithoutDeltaOrEntriesIsNotRead() {
    ContextPair pair = new ContextPair(ContextWords.of(0.0, "phone"), ContextWords.NONE);
    assertEquals(0.4, pair.confidence(0.4, "phone 4155550132", 6, 16), 0.0);
  }

  private static String randomText(Random random) {
    StringBuilder b = new StringBuilder();
    int pieces = 1 + random.nextInt(40);
    for (int i = 0; i < pieces; i++) {
      b.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return b.toString();
  }

  /** The window and the comparison as {@link ContextWords} documents them, read naively. */
  private static boolean reference(String[] words, String text, int start, int end) {
    int from = Math.max(0, start - ContextWindow.BEFORE);
    int slack = Math.max(0, from - DetectorReach.CONTEXT_WORD_SLACK);
    while (from > slack && Chars.isWordChar(text.charAt(from - 1))) {
      from--;
    }
    int to = Math.min(text.length(), end + ContextWindow.AFTER);
    int slackEnd = Math.min(text.length(), to + DetectorReach.CONTEXT_WORD_SLACK);
    while (to < slackEnd && Chars.isWordChar(text.charAt(to))) {
      to++;
    }
    List<String> windows = Arrays.asList(normalize(text.substring(from, start)),
        normalize(text.substring(end, to)));
    for (String needle : needles(words)) {
      for (String window : windows) {
        if (window.contains(needle)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> needles(String[] words) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      boolean prefix = w.endsWith("*");
      boolean suffix = w.startsWith("*");
      String core = normalize(w.replace("*", "")).trim();
      out.add((suffix ? "" : " ") + core + (prefix ? "" : " "));
    }
    return out;
  }

  private static String normalize(String s) {
    StringBuilder b = new StringBuilder(" ");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(Character.toLowerCase(c));
      } else if (b.charAt(b.length() - 1) != ' ') {
        b.append(' ');
      }
    }
    return b.charAt(b.length() - 1) == ' ' ? b.toString() : b.append(' ').toString();
  }
}
