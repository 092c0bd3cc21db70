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
 * <p>Built once, then immutable (arrays only), so one instance serves every thread. The scan
 * follows a complete transition table (failure links resolved when the automaton is built) over
 * the alphabet of the words: one table lookup per char of text, with no failure chain to walk and
 * no search, which matters because detectors run it over every char of every request. The
 * alphabet is the distinct chars of the words (folded), plus one class for every other char, so
 * the table stays small (states x alphabet ints) even for large dictionaries. Case folding, when
 * asked for, maps each char through {@code Character.toLowerCase(Character.toUpperCase(c))} on
 * both words and text (chars whose case mapping changes length, such as 'ß', are compared as
 * they are).
 */
final class AhoCorasick {

  /** Receives each match as {@code [start, end)}. */
  interface MatchSink {
    void match(int start, int end);
  }

  private final boolean foldCase;
  private final int[] depth;
  /** Whether a word ends at the state. */
  private final boolean[] terminal;
  /** The nearest state down the fail chain where a word ends, or -1. */
  private final int[] outputLink;
  /** Whether a word ends at the state or down its fail chain: a match is reported there. */
  private final boolean[] reports;
  /** The labels (or-ed) of the words that end at the state or down its fail chain. */
  private final int[] labels;
  /** Alphabet class of each ASCII char, folded (0: in no word). */
  private final int[] asciiClass = new int[128];
  /** The non-ASCII chars of the words (folded), sorted, and their classes. */
  private final char[] otherChars;
  private final int[] otherClasses;
  /** Classes: 1 + the number of distinct chars in the words. */
  private final int width;
  /** The complete transition table: state {@code s} on class {@code k} is {@code delta[s * width + k]}. */
  private final int[] delta;

  AhoCorasick(List<String> words, boolean foldCase) {
    this(words, null, foldCase);
  }

  /**
   * @param labels one bit set per word (null: every word labelled 1), so that a caller looking for
   *     several word lists at once can tell from {@link #labelsAt} which lists matched
   */
  AhoCorasick(List<String> words, int[] labels, boolean foldCase) {
    this.foldCase = foldCase;
    List<Map<Character, Integer>> trie = new ArrayList<>();
    List<Integer> depths = new ArrayList<>();
    List<Boolean> ends = new ArrayList<>();
    List<Integer> own = new ArrayList<>();
    trie.add(new HashMap<>());
    depths.add(0);
    ends.add(false);
    own.add(0);
    for (int wi = 0; wi < words.size(); wi++) {
      String w = words.get(wi);
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
          own.add(0);
        }
        s = t;
      }
      ends.set(s, true);
      own.set(s, own.get(s) | (labels == null ? 1 : labels[wi]));
    }
    int size = trie.size();
    // The alphabet: one class per distinct (folded) char of the words; 0 for every other char.
    java.util.TreeMap<Character, Integer> classes = new java.util.TreeMap<>();
    for (Map<Character, Integer> edges : trie) {
      for (char c : edges.keySet()) {
        classes.putIfAbsent(c, 0);
      }
    }
    int k = 1;
    for (Map.Entry<Character, Integer> e : classes.entrySet()) {
      e.setValue(k++);
    }
    width = k;
    List<Character> others = new ArrayList<>();
    for (Map.Entry<Character, Integer> e : classes.entrySet()) {
      char c = e.getKey();
      if (c < 128) {
        asciiClass[c] = e.getValue();
        if (foldCase && c >= 'a' && c <= 'z') {
          asciiClass[c - 32] = e.getValue();
        }
      } else {
        others.add(c);
      }
    }
    otherChars = new char[others.size()];
    otherClasses = new int[others.size()];
    for (int i = 0; i < others.size(); i++) {
      otherChars[i] = others.get(i);
      otherClasses[i] = classes.get(others.get(i));
    }
    depth = new int[size];
    terminal = new boolean[size];
    for (int s = 0; s < size; s++) {
      depth[s] = depths.get(s);
      terminal[s] = ends.get(s);
    }
    // Failure links and the complete table, breadth first: a state's missing transitions are
    // those of its failure state, which is shallower and therefore already complete.
    int[] fail = new int[size];
    outputLink = new int[size];
    outputLink[0] = -1;
    delta = new int[size * width];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (Map.Entry<Character, Integer> e : trie.get(0).entrySet()) {
      int child = e.getValue();
      delta[classes.get(e.getKey())] = child;
      fail[child] = 0;
      outputLink[child] = -1;
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      System.arraycopy(delta, fail[s] * width, delta, s * width, width);
      for (Map.Entry<Character, Integer> e : trie.get(s).entrySet()) {
        int cls = classes.get(e.getKey());
        int child = e.getValue();
        int target = delta[fail[s] * width + cls];
        fail[child] = target != child ? target : 0;
        int fc = fail[child];
        outputLink[child] = terminal[fc] ? fc : outputLink[fc];
        delta[s * width + cls] = child;
        queue.add(child);
      }
    }
    reports = new boolean[size];
    this.labels = new int[size];
    for (int s = 0; s < size; s++) {
      reports[s] = terminal[s] || outputLink[s] >= 0;
      for (int o = terminal[s] ? s : outputLink[s]; o >= 0; o = outputLink[o]) {
        this.labels[s] |= own.get(o);
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

  /** The alphabet class of a text char. */
  private int classOf(char c) {
    if (c < 128) {
      return asciiClass[c];
    }
    char f = fold(c);
    if (f < 128) {
      return asciiClass[f]; // the Kelvin sign folds to 'k'
    }
    int i = Arrays.binarySearch(otherChars, f);
    return i >= 0 ? otherClasses[i] : 0;
  }

  /** The state after reading {@code c} in state {@code s}: for callers that feed chars themselves. */
  int next(int s, char c) {
    return delta[s * width + classOf(c)];
  }

  /**
   * The alphabet class of {@code c}, for callers that map chars to classes once ({@link
   * #step}); 0 stands for every char in no word.
   */
  int alphabetClass(char c) {
    return classOf(c);
  }

  /** The number of states: state ids run from 0 (the start) to {@code states() - 1}. */
  int states() {
    return delta.length / width;
  }

  /** The number of alphabet classes: class ids run from 0 to {@code alphabetSize() - 1}. */
  int alphabetSize() {
    return width;
  }

  /** The state after reading a char of class {@code cls} in state {@code s}. */
  int step(int s, int cls) {
    return delta[s * width + cls];
  }

  /** The labels of the words that end at state {@code s}; 0 when none does. */
  int labelsAt(int s) {
    return labels[s];
  }

  /** Whether a word ends at state {@code s} (after the char that led there). */
  boolean matchesAt(int s) {
    return reports[s];
  }

  /** Reports every occurrence of every word in {@code text}, by end position. */
  void scan(CharSequence text, MatchSink sink) {
    scan(text, 0, text.length(), sink);
  }

  /**
   * Reports every occurrence of every word that lies inside {@code text[from, to)} (the text
   * before {@code from} is not read), by end position.
   */
  void scan(CharSequence text, int from, int to, MatchSink sink) {
    int s = 0;
    int w = width;
    int[] table = delta;
    for (int pos = from; pos < to; pos++) {
      s = table[s * w + classOf(text.charAt(pos))];
      if (reports[s]) {
        for (int o = terminal[s] ? s : outputLink[s]; o >= 0; o = outputLink[o]) {
          sink.match(pos + 1 - depth[o], pos + 1);
        }
      }
    }
  }
}
