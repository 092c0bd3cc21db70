package dev.airlock.agent.pii;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho-Corasick automaton over chars: finds every occurrence of thousands of words in one pass
 * over the text, in time linear in the text plus the number of matches.
 *
 * <p>Built once, then immutable (arrays only), so one instance serves every thread. Transitions
 * are stored per state as a sorted char array with binary search: compact for large
 * dictionaries, and no boxing on the scanning path. Case folding, when asked for, maps each char
 * through {@code Character.toLowerCase(Character.toUpperCase(c))} on both words and text (chars
 * whose case mapping changes length, such as 'ß', are compared as they are).
 */
final class AhoCorasick {

  /** Receives each match as {@code [start, end)}. */
  interface MatchSink {
    void match(int start, int end);
  }

  private final boolean foldCase;
  /** Transitions out of the root for ASCII chars (-1: none): most chars of a text end there. */
  private final int[] rootAscii = new int[128];
  private final char[][] keys;
  private final int[][] next;
  private final int[] fail;
  private final int[] depth;
  /** Whether a word ends at the state. */
  private final boolean[] terminal;
  /** The nearest state down the fail chain where a word ends, or -1. */
  private final int[] outputLink;

  AhoCorasick(List<String> words, boolean foldCase) {
    this.foldCase = foldCase;
    List<Map<Character, Integer>> trie = new ArrayList<>();
    List<Integer> depths = new ArrayList<>();
    List<Boolean> ends = new ArrayList<>();
    trie.add(new HashMap<>());
    depths.add(0);
    ends.add(false);
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      int s = 0;
      for (int i = 0; i < w.length(); i++) {
        char c = fold(w.charAt(i));
        Integer t = trie.get(s).get(c);
        if (t == null) {
          t = trie.size();
          trie.get(s).put(c, t);
          trie.add(new HashMap<>());
          depths.add(i + 1);
          ends.add(false);
        }
        s = t;
      }
      ends.set(s, true);
    }
    int size = trie.size();
    keys = new char[size][];
    next = new int[size][];
    depth = new int[size];
    terminal = new boolean[size];
    for (int s = 0; s < size; s++) {
      Map<Character, Integer> edges = trie.get(s);
      char[] k = new char[edges.size()];
      int i = 0;
      for (char c : edges.keySet()) {
        k[i++] = c;
      }
      Arrays.sort(k);
      int[] t = new int[k.length];
      for (i = 0; i < k.length; i++) {
        t[i] = edges.get(k[i]);
      }
      keys[s] = k;
      next[s] = t;
      depth[s] = depths.get(s);
      terminal[s] = ends.get(s);
    }
    Arrays.fill(rootAscii, -1);
    for (int i = 0; i < keys[0].length; i++) {
      if (keys[0][i] < 128) {
        rootAscii[keys[0][i]] = next[0][i];
      }
    }
    fail = new int[size];
    outputLink = new int[size];
    outputLink[0] = -1;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int child : next[0]) {
      fail[child] = 0;
      outputLink[child] = -1;
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (int i = 0; i < keys[s].length; i++) {
        char c = keys[s][i];
        int child = next[s][i];
        int f = fail[s];
        while (f != 0 && step(f, c) < 0) {
          f = fail[f];
        }
        int target = step(f, c);
        fail[child] = target >= 0 && target != child ? target : 0;
        int fc = fail[child];
        outputLink[child] = terminal[fc] ? fc : outputLink[fc];
        queue.add(child);
      }
    }
  }

  private char fold(char c) {
    if (!foldCase) {
      return c;
    }
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  /** The state reached from {@code s} on {@code c}, or -1. */
  private int step(int s, char c) {
    if (s == 0 && c < 128) {
      return rootAscii[c];
    }
    int i = Arrays.binarySearch(keys[s], c);
    return i >= 0 ? next[s][i] : -1;
  }

  /** Reports every occurrence of every word in {@code text}, by end position. */
  void scan(CharSequence text, MatchSink sink) {
    int s = 0;
    for (int pos = 0, n = text.length(); pos < n; pos++) {
      char c = fold(text.charAt(pos));
      int t = step(s, c);
      while (t < 0 && s != 0) {
        s = fail[s];
        t = step(s, c);
      }
      s = t < 0 ? 0 : t;
      for (int o = terminal[s] ? s : outputLink[s]; o >= 0; o = outputLink[o]) {
        sink.match(pos + 1 - depth[o], pos + 1);
      }
    }
  }
}
