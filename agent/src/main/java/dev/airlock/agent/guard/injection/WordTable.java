package dev.airlock.agent.guard.injection;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A fixed set of ASCII words, each with flag bits (the word lists it belongs to), looked up from a
 * region of a text, ignoring case, without allocating: the context checks that run on phrase
 * matches ({@link ReportedOrder}, {@link AttributedSpeech}) classify every word of a window, and a
 * substring per word, or a linear scan of a hundred-word list, would cost more than the check.
 * Open addressing over a power-of-two table with a case-folded hash. Immutable and thread-safe.
 */
final class WordTable {

  private final String[] keys;
  private final int[] flags;
  private final int mask;

  private WordTable(Map<String, Integer> words) {
    int size = Integer.highestOneBit(Math.max(4, words.size() * 4) - 1) << 1; // load factor at most 1/4
    keys = new String[size];
    flags = new int[size];
    mask = size - 1;
    for (Map.Entry<String, Integer> w : words.entrySet()) {
      String key = w.getKey();
      int slot = hash(key, 0, key.length()) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      flags[slot] = w.getValue();
    }
  }

  /** The flags of the word {@code text[s, e)}, ignoring ASCII case; 0 for a word not in the table. */
  int flags(String text, int s, int e) {
    int n = e - s;
    int slot = hash(text, s, e) & mask;
    for (String key = keys[slot]; key != null; key = keys[slot]) {
      if (key.length() == n && text.regionMatches(true, s, key, 0, n)) {
        return flags[slot];
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  /** Whether {@code text[s, e)} has any of the flags in {@code any}. */
  boolean has(String text, int s, int e, int any) {
    return (flags(text, s, e) & any) != 0;
  }

  private static int hash(String text, int s, int e) {
    int h = 0;
    for (int i = s; i < e; i++) {
      h = 31 * h + (text.charAt(i) | 0x20); // ASCII letters case-folded; a dot, the table's only other char, kept
    }
    return h ^ (h >>> 16);
  }

  /**
   * Collects words and their flags; a word added under several flags carries them all. A word is
   * ASCII letters, with a dot inside as in "e.g" (the hash leaves a dot as it is).
   */
  static final class Builder {
    private final Map<String, Integer> words = new LinkedHashMap<>();

    /** Adds {@code list} (space-separated lowercase ASCII words) under {@code flag}. */
    Builder add(int flag, String list) {
      for (String w : list.trim().split("\\s+")) {
        for (int i = 0; i < w.length(); i++) {
          if (!AsciiLetters.isLetter(w.charAt(i)) && !(w.charAt(i) == '.' && i > 0 && i < w.length() - 1)) {
            throw new IllegalArgumentException("not an ASCII word: '" + w + "'");
          }
        }
        words.merge(w.toLowerCase(Locale.ROOT), flag, (a, b) -> a | b);
      }
      return this;
    }

    WordTable build() {
      return new WordTable(words);
    }
  }
}
