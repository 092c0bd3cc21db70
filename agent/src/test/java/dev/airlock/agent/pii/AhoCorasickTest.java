package dev.airlock.agent.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {

  private static List<String> matches(AhoCorasick ac, String text) {
    List<String> out = new ArrayList<>();
    ac.scan(text, (start, end) -> out.add(start + ":" + text.substring(start, end)));
    return out;
  }

  @Test
  void findsOverlappingAndNestedWords() {
    AhoCorasick ac = new AhoCorasick(Arrays.asList("he", "she", "his", "hers"), false);
    assertEquals(Arrays.asList("1:she", "2:he", "2:hers"), matches(ac, "ushers"));
    assertEquals(Arrays.asList("0:his"), matches(ac, "his"));
  }

  @Test
  void failureLinksRecoverAfterAPartialMatch() {
    AhoCorasick ac = new AhoCorasick(Arrays.asList("password", "pass", "word"), false);
    assertEquals(Arrays.asList("3:pass", "3:password", "7:word"), matches(ac, "paspassword"));
  }

  @Test
  void foldsCaseIncludingNonAsciiWordsAndFoldingToAscii() {
    AhoCorasick ac = new AhoCorasick(Arrays.asList("contraseña", "key"), true);
    assertEquals(Arrays.asList("3:CONTRASEÑA"), matches(ac, "la CONTRASEÑA"));
    assertEquals(Arrays.asList("0:\u212Aey"), matches(ac, "\u212Aey"), "the Kelvin sign folds to k");
    assertTrue(matches(new AhoCorasick(Arrays.asList("key"), false), "KEY").isEmpty());
  }

  @Test
  void charsOutsideTheWordsResetToTheRoot() {
    AhoCorasick ac = new AhoCorasick(Arrays.asList("abc"), false);
    assertTrue(matches(ac, "ab\u00e9c ab-c abxabc").contains("13:abc"));
    assertEquals(1, matches(ac, "ab\u00e9c ab-c abxabc").size());
  }

  @Test
  void feedingCharsOneByOneMatchesTheScan() {
    AhoCorasick ac = new AhoCorasick(Arrays.asList(" tel ", " phone"), false);
    int s = 0;
    boolean seen = false;
    for (char c : "my phone".toCharArray()) {
      s = ac.next(s, c);
      seen |= ac.matchesAt(s);
    }
    assertTrue(seen);
    assertFalse(ac.matchesAt(ac.next(ac.next(0, 't'), 'e')));
  }
}
