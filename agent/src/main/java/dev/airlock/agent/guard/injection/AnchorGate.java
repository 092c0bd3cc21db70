package dev.airlock.agent.guard.injection;

import java.util.Arrays;
import java.util.List;

/**
 * Decides, in one pass over the text, which rules can possibly match, so the rest are never run.
 *
 * <p>Every rule declares anchor stems: word beginnings at least one of which any match must
 * contain ("ignor", "disregard", ...). The gate walks a trie of all stems from the start of every
 * word and collects the rules whose stems occur. Benign text typically wakes a handful of rules
 * instead of all of them, which is what keeps a call cheap: running every regex over a 2 KB prompt
 * would cost several times more than this scan. Immutable and thread-safe after construction.
 */
final class AnchorGate {

  private static final int ALPHABET = 26;

  /** Child node per letter, -1 for none; node {@code k} occupies {@code [k*26, k*26+26)}. */
  private final int[] children;
  /** The rules woken by reaching node {@code k} (a bit set over rule indices), or null. */
  private final long[][] wakes;
  private final int words;
  /** Rules that declared no anchors: always run. */
  private final long[] always;

  /**
   * @param anchors per rule index, its stems (lowercase ASCII letters); an empty array means the
   *     rule is always run
   */
  AnchorGate(List<String[]> anchors) {
    this.words = (anchors.size() + 63) / 64;
    this.always = new long[words];
    int nodes = 1;
    int[] child = new int[ALPHABET * 64];
    Arrays.fill(child, -1);
    long[][] wake = new long[64][];
    for (int rule = 0; rule < anchors.size(); rule++) {
      String[] stems = anchors.get(rule);
      if (stems.length == 0) {
        always[rule >>> 6] |= 1L << rule;
        continue;
      }
      for (String stem : stems) {
        int node = 0;
        for (int i = 0; i < stem.length(); i++) {
          int letter = stem.charAt(i) - 'a';
          if (letter < 0 || letter >= ALPHABET) {
            throw new IllegalArgumentException("anchor stems are lowercase ASCII letters: " + stem);
          }
          int slot = node * ALPHABET + letter;
          if (child[slot] < 0) {
            if (nodes * ALPHABET >= child.length) {
              int old = child.length;
              child = Arrays.copyOf(child, old * 2);
              Arrays.fill(child, old, child.length, -1);
              wake = Arrays.copyOf(wake, wake.length * 2);
            }
            child[slot] = nodes++;
          }
          node = child[slot];
        }
        if (wake[node] == null) {
          wake[node] = new long[words];
        }
        wake[node][rule >>> 6] |= 1L << rule;
      }
    }
    this.children = Arrays.copyOf(child, nodes * ALPHABET);
    this.wakes = Arrays.copyOf(wake, nodes);
  }

  /** The rules that may match {@code text}: a bit set over rule indices. */
  long[] awake(String text) {
    long[] awake = always.clone();
    int n = text.length();
    boolean prevLetter = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      int letter = letterIndex(c);
      if (letter >= 0 && !prevLetter && !(i > 0 && isDigit(text.charAt(i - 1)))) {
        int node = 0;
        for (int j = i; j < n; j++) {
          int l = letterIndex(text.charAt(j));
          if (l < 0) {
            break;
          }
          node = children[node * ALPHABET + l];
          if (node < 0) {
            break;
          }
          long[] w = wakes[node];
          if (w != null) {
            for (int k = 0; k < words; k++) {
              awake[k] |= w[k];
            }
          }
        }
      }
      prevLetter = letter >= 0 || (c >= 0x80 && Character.isLetter(c));
    }
    return awake;
  }

  static boolean isAwake(long[] awake, int rule) {
    return (awake[rule >>> 6] & (1L << rule)) != 0;
  }

  private static int letterIndex(char c) {
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
