package dev.airlock.agent.guard.injection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds, in one pass over the text, where each rule can start. This is what keeps a call cheap:
 * instead of letting every pattern scan the whole text, a pattern is only tried (anchored) at the
 * positions the gate reports for it, and a rule whose anchors do not occur costs nothing.
 *
 * <p>Every rule declares anchors at which all of its matches start:
 * <ul>
 *   <li>word stems (lowercase ASCII letters): the match starts at a word beginning with the stem
 *       ("ignor" for "ignore", "ignoriere", "ignorez"). All stems live in one trie, walked once
 *       from the start of every word;</li>
 *   <li>literals (anything else: {@code <|}, {@code [}, {@code <!--}): the match starts where the
 *       literal occurs, found in the same pass.</li>
 * </ul>
 * Immutable and thread-safe after construction.
 */
final class AnchorGate {

  private static final int ALPHABET = 26;

  private final int ruleCount;
  /** Child node per letter, -1 for none; node {@code k} occupies {@code [k*26, k*26+26)}. */
  private final int[] children;
  /** The rules whose stem ends at node {@code k}, or null. */
  private final int[][] rulesAt;
  /** Literal anchors by their first (ASCII) char: the literals and, per literal, its channels. */
  private final String[][] literalsByChar = new String[128][];
  private final int[][][] literalChannels = new int[128][][];

  /**
   * @param anchors per channel index, its anchors: stems (lowercase letters) and literals (anything
   *     else). A channel is a rule's start anchors, or a rule's companion stems (see
   *     {@link PatternRule#companions}); the caller numbers them.
   */
  AnchorGate(List<String[]> anchors) {
    this.ruleCount = anchors.size();
    java.util.Map<String, List<Integer>> literalOwners = new java.util.LinkedHashMap<>();
    int nodes = 1;
    int[] child = new int[ALPHABET * 64];
    Arrays.fill(child, -1);
    List<List<Integer>> rules = new ArrayList<>();
    rules.add(null);
    for (int rule = 0; rule < ruleCount; rule++) {
      for (String anchor : anchors.get(rule)) {
        if (!isStem(anchor)) {
          if (anchor.isEmpty() || anchor.charAt(0) >= 128) {
            throw new IllegalArgumentException("a literal anchor starts with an ASCII char: '" + anchor + "'");
          }
          literalOwners.computeIfAbsent(anchor, k -> new ArrayList<>()).add(rule);
          continue;
        }
        int node = 0;
        for (int i = 0; i < anchor.length(); i++) {
          int slot = node * ALPHABET + (anchor.charAt(i) - 'a');
          if (child[slot] < 0) {
            if ((nodes + 1) * ALPHABET > child.length) {
              int old = child.length;
              child = Arrays.copyOf(child, old * 2);
              Arrays.fill(child, old, child.length, -1);
            }
            child[slot] = nodes++;
            rules.add(null);
          }
          node = child[slot];
        }
        if (rules.get(node) == null) {
          rules.set(node, new ArrayList<>(2));
        }
        if (!rules.get(node).contains(rule)) {
          rules.get(node).add(rule);
        }
      }
    }
    for (java.util.Map.Entry<String, List<Integer>> e : literalOwners.entrySet()) {
      char first = e.getKey().charAt(0);
      String[] lits = literalsByChar[first];
      int size = lits == null ? 0 : lits.length;
      literalsByChar[first] = lits == null ? new String[1] : Arrays.copyOf(lits, size + 1);
      literalsByChar[first][size] = e.getKey();
      int[][] owners = literalChannels[first];
      literalChannels[first] = owners == null ? new int[1][] : Arrays.copyOf(owners, size + 1);
      literalChannels[first][size] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
    }
    this.children = Arrays.copyOf(child, nodes * ALPHABET);
    this.rulesAt = new int[nodes][];
    for (int k = 0; k < nodes; k++) {
      List<Integer> r = rules.get(k);
      rulesAt[k] = r == null ? null : r.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** Whether an anchor is a word stem (lowercase ASCII letters) rather than a literal. */
  static boolean isStem(String anchor) {
    if (anchor.isEmpty()) {
      return false;
    }
    for (int i = 0; i < anchor.length(); i++) {
      char c = anchor.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  /**
   * Where each channel's anchors occur in {@code text}: {@code result[channel]} holds ascending
   * indices (the array may be longer than the count in {@code counts[channel]}), or is null for none.
   */
  int[][] starts(String text, int[] counts) {
    int[][] starts = new int[ruleCount][];
    int n = text.length();
    boolean prevWordChar = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 128 && literalsByChar[c] != null) {
        String[] lits = literalsByChar[c];
        for (int l = 0; l < lits.length; l++) {
          if (text.startsWith(lits[l], i)) {
            for (int channel : literalChannels[c][l]) {
              starts[channel] = append(starts[channel], counts, channel, i);
            }
          }
        }
      }
      int letter = letterIndex(c);
      if (letter >= 0 && !prevWordChar) {
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
          int[] rules = rulesAt[node];
          if (rules != null) {
            for (int rule : rules) {
              starts[rule] = append(starts[rule], counts, rule, i);
            }
          }
        }
      }
      // Regex \b semantics: letters, digits and '_' are word chars; folded text is mostly ASCII.
      prevWordChar = c < 128 ? ASCII[c] != -1 : Character.isLetterOrDigit(c);
    }
    return starts;
  }

  private static int[] append(int[] list, int[] counts, int rule, int position) {
    int count = counts[rule];
    if (list == null) {
      list = new int[4];
    } else if (count > 0 && list[count - 1] == position) {
      return list; // two stems of the same rule at one word
    } else if (count == list.length) {
      list = Arrays.copyOf(list, count * 2);
    }
    list[count] = position;
    counts[rule] = count + 1;
    return list;
  }

  /** Letter index 0..25 of ASCII letters (either case), -1 for other ASCII, -2 for other word chars. */
  private static final byte[] ASCII = new byte[128];

  static {
    java.util.Arrays.fill(ASCII, (byte) -1);
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII[c] = (byte) (c - 'a');
      ASCII[c - 'a' + 'A'] = (byte) (c - 'a');
    }
    for (char c = '0'; c <= '9'; c++) {
      ASCII[c] = -2;
    }
    ASCII['_'] = -2;
  }

  private static int letterIndex(char c) {
    return c < 128 && ASCII[c] >= 0 ? ASCII[c] : -1;
  }
}
