package dev.airlock.agent.guard.injection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, in one pass over the text, where each rule can start and which companion words occur.
 * This is what keeps a call cheap: instead of letting every pattern scan the whole text, a pattern
 * is only tried (anchored) at the positions the gate reports for it, and a rule whose anchors do
 * not occur costs nothing.
 *
 * <p>Anchors come in channels (a rule's start anchors, or one of its companion sets; equal sets
 * share a channel). An anchor is
 * <ul>
 *   <li>a word stem (lowercase ASCII letters): it occurs where a word begins with it ("ignor" in
 *       "ignore", "ignoriere", "ignorez"). All stems live in one trie, walked once from the start
 *       of every word;</li>
 *   <li>a literal (anything else, starting with an ASCII char that is not a letter: {@code <|},
 *       {@code [inst}, {@code 's}): it occurs wherever the text contains it, letters compared
 *       case-insensitively, found in the same pass;</li>
 *   <li>a literal that starts with a non-ASCII letter (a word in Cyrillic, Greek, Han, Hangul,
 *       Arabic or Devanagari script, in folded form; see {@link FoldedPattern}): it occurs where a
 *       word begins with it, compared case-insensitively; in Han and kana, written without spaces
 *       between words, wherever the text contains it.</li>
 * </ul>
 * The pass records positions per distinct anchor (one entry per occurrence, however many
 * channels share the anchor); a channel's positions are merged from its anchors only when asked
 * for. Immutable and thread-safe after construction; a {@link Scan} belongs to one call.
 */
final class AnchorGate {

  private static final int ALPHABET = 26;

  /** Letter index 0..25 of ASCII letters (either case), -2 for other word chars, -1 for the rest. */
  private static final byte[] ASCII = new byte[128];

  static {
    Arrays.fill(ASCII, (byte) -1);
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII[c] = (byte) (c - 'a');
      ASCII[c - 'a' + 'A'] = (byte) (c - 'a');
    }
    for (char c = '0'; c <= '9'; c++) {
      ASCII[c] = -2;
    }
    ASCII['_'] = -2;
  }

  private final int channelCount;
  private final int keyCount;
  /** Child node per letter, -1 for none; node {@code k} occupies {@code [k*26, k*26+26)}. */
  private final int[] children;
  /** The key (distinct stem) ending at node {@code k}, or -1. */
  private final int[] keyAt;
  /** Literal anchors by their first (ASCII) char, and their keys. */
  private final String[][] literalsByChar = new String[128][];
  private final int[][] literalKeys = new int[128][];
  /** Literals that start with a non-ASCII char: their lowercase first chars, sorted, and per first char the literals and keys. */
  private final char[] wideFirst;
  /** Every case of every wide first char: a cheap test before the search in {@link #wideFirst}. */
  private final java.util.BitSet wideFirstAnyCase = new java.util.BitSet();
  private final String[][] wideLiterals;
  private final int[][] wideKeys;
  /**
   * Per key, the channels it belongs to: those of key {@code k} are
   * {@code keyChannels[keyChannelsFrom[k] .. keyChannelsFrom[k+1])}. One flat array rather than an
   * array per key, as every text reads it for each key it holds, and a small array per key lies
   * anywhere in the heap, mostly out of the cache.
   */
  private final int[] keyChannelsFrom;
  private final int[] keyChannels;
  /** Per channel, its keys. */
  private final int[][] keysOfChannel;

  /**
   * @param channels per channel index, its anchors: stems (lowercase letters) and literals (anything
   *     else, starting with an ASCII char)
   */
  AnchorGate(List<String[]> channels) {
    this.channelCount = channels.size();
    Map<String, Integer> keys = new LinkedHashMap<>();
    List<List<Integer>> channelsOf = new ArrayList<>();
    this.keysOfChannel = new int[channelCount][];
    for (int ch = 0; ch < channelCount; ch++) {
      String[] anchors = channels.get(ch);
      int[] own = new int[anchors.length];
      int size = 0;
      for (String anchor : anchors) {
        if (anchor.isEmpty()
            || !(isStem(anchor) || isLiteral(anchor) || (anchor.charAt(0) >= 128 && Character.isLetter(anchor.charAt(0))))) {
          throw new IllegalArgumentException("an anchor is a stem (lowercase ASCII letters), a literal starting with an"
              + " ASCII char that is not a letter, or a word starting with a non-ASCII letter: '" + anchor + "'");
        }
        Integer key = keys.get(anchor);
        if (key == null) {
          key = keys.size();
          keys.put(anchor, key);
          channelsOf.add(new ArrayList<>(2));
        }
        if (!channelsOf.get(key).contains(ch)) {
          channelsOf.get(key).add(ch);
          own[size++] = key;
        }
      }
      keysOfChannel[ch] = Arrays.copyOf(own, size);
    }
    this.keyCount = keys.size();
    this.keyChannelsFrom = new int[keyCount + 1];
    for (int k = 0; k < keyCount; k++) {
      keyChannelsFrom[k + 1] = keyChannelsFrom[k] + channelsOf.get(k).size();
    }
    this.keyChannels = new int[keyChannelsFrom[keyCount]];
    for (int k = 0; k < keyCount; k++) {
      for (int c = 0; c < channelsOf.get(k).size(); c++) {
        keyChannels[keyChannelsFrom[k] + c] = channelsOf.get(k).get(c);
      }
    }

    java.util.TreeMap<Character, List<Map.Entry<String, Integer>>> wide = new java.util.TreeMap<>();
    int nodes = 1;
    int[] child = new int[ALPHABET * 64];
    Arrays.fill(child, -1);
    int[] ends = new int[64];
    Arrays.fill(ends, -1);
    for (Map.Entry<String, Integer> e : keys.entrySet()) {
      String anchor = e.getKey();
      if (anchor.charAt(0) >= 128) {
        wide.computeIfAbsent(Character.toLowerCase(anchor.charAt(0)), k -> new ArrayList<>()).add(e);
        continue;
      }
      if (!isStem(anchor)) {
        char first = anchor.charAt(0);
        String[] lits = literalsByChar[first];
        int size = lits == null ? 0 : lits.length;
        literalsByChar[first] = lits == null ? new String[1] : Arrays.copyOf(lits, size + 1);
        literalsByChar[first][size] = anchor;
        literalKeys[first] = literalKeys[first] == null ? new int[1] : Arrays.copyOf(literalKeys[first], size + 1);
        literalKeys[first][size] = e.getValue();
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
          if (nodes >= ends.length) {
            int old = ends.length;
            ends = Arrays.copyOf(ends, old * 2);
            Arrays.fill(ends, old, ends.length, -1);
          }
          child[slot] = nodes++;
        }
        node = child[slot];
      }
      ends[node] = e.getValue();
    }
    this.wideFirst = new char[wide.size()];
    this.wideLiterals = new String[wide.size()][];
    this.wideKeys = new int[wide.size()][];
    int w = 0;
    for (Map.Entry<Character, List<Map.Entry<String, Integer>>> e : wide.entrySet()) {
      wideFirst[w] = e.getKey();
      wideFirstAnyCase.set(e.getKey());
      wideFirstAnyCase.set(Character.toUpperCase(e.getKey()));
      wideFirstAnyCase.set(Character.toTitleCase(e.getKey()));
      wideLiterals[w] = e.getValue().stream().map(Map.Entry::getKey).toArray(String[]::new);
      wideKeys[w] = e.getValue().stream().mapToInt(Map.Entry::getValue).toArray();
      w++;
    }
    this.children = Arrays.copyOf(child, nodes * ALPHABET);
    this.keyAt = Arrays.copyOf(ends, nodes);
  }

  /**
   * Whether {@code c} belongs to a script written without spaces between words (Han, kana), where a
   * literal can start anywhere; elsewhere it is looked for at word starts only.
   */
  private static boolean isUnspaced(char c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
  }

  /**
   * Whether an anchor is a literal found anywhere in the text: it starts with an ASCII char that is
   * not a letter (the pass looks literals up at such chars only).
   */
  static boolean isLiteral(String anchor) {
    if (anchor.isEmpty()) {
      return false;
    }
    char c = anchor.charAt(0);
    return c < 128 && !AsciiLetters.isLetter(c);
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
   * A scan kept per thread for the next text: its arrays are sized by the number of anchors (a few
   * thousand), so allocating them per text was most of the detector's garbage. Taken out while in
   * use, so a nested scan on the same thread simply gets a fresh one.
   */
  private final ThreadLocal<Scan> spare = new ThreadLocal<>();

  /** Records where every anchor occurs in {@code text}; hand the scan back with {@link #release}. */
  Scan scan(String text) {
    return scan(text, text.length());
  }

  /**
   * Records where every anchor occurs in the first {@code end} chars of {@code text}: a word that
   * runs past {@code end} is read up to it only.
   */
  Scan scan(String text, int end) {
    Scan scan = spare.get();
    if (scan == null) {
      scan = new Scan();
    } else {
      spare.set(null);
    }
    int n = Math.min(end, text.length());
    boolean prevWordChar = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      int type = c < 128 ? ASCII[c] : -3;
      if (type < 0) {
        if (c >= 128 && wideFirstAnyCase.get(c) && (!prevWordChar || isUnspaced(c))) {
          int w = Arrays.binarySearch(wideFirst, Character.toLowerCase(c));
          if (w >= 0) {
            String[] lits = wideLiterals[w];
            for (int l = 0; l < lits.length; l++) {
              if (text.regionMatches(true, i, lits[l], 0, lits[l].length())) {
                scan.record(wideKeys[w][l], i);
              }
            }
          }
        } else if (c < 128 && literalsByChar[c] != null) {
          String[] lits = literalsByChar[c];
          for (int l = 0; l < lits.length; l++) {
            if (text.regionMatches(true, i, lits[l], 0, lits[l].length())) {
              scan.record(literalKeys[c][l], i);
            }
          }
        }
        // Regex \b semantics: letters, digits and '_' are word chars.
        prevWordChar = type == -2 || (type == -3 && Character.isLetterOrDigit(c));
        continue;
      }
      int j = i;
      if (!prevWordChar) {
        int node = 0;
        for (; j < n; j++) {
          char d = text.charAt(j);
          int l = d < 128 ? ASCII[d] : -1;
          if (l < 0) {
            break;
          }
          node = children[node * ALPHABET + l];
          if (node < 0) {
            break;
          }
          int key = keyAt[node];
          if (key >= 0) {
            scan.record(key, i);
          }
        }
      }
      // The letters after i are inside this word, where nothing starts: the pass resumes after
      // them, in a loop that reads each once, rather than taking each through the loop above.
      while (j < n && AsciiLetters.isLetter(text.charAt(j))) {
        j++;
      }
      i = j - 1;
      prevWordChar = true;
    }
    return scan;
  }

  /** The scan is no longer used: the next text on this thread reuses its arrays. */
  void release(Scan scan) {
    scan.reset();
    spare.set(scan);
  }

  private static final int[] NO_POSITIONS = new int[0];

  /** Where the anchors of one text occur; per call, not thread-safe. */
  final class Scan {
    private final int[][] keyPositions = new int[keyCount][];
    private final int[] keyCounts = new int[keyCount];
    private final int[] presentKeys = new int[keyCount];
    private int presentCount;
    private boolean[] present;
    /** The channels {@link #present} marks, in no particular order, so that only they are cleared. */
    private int[] presentChannels;
    private int presentChannelCount;
    /** Whether {@link #present} holds this text's channels (the array outlives a text). */
    private boolean presentComputed;
    private int[][] merged;
    /**
     * Per channel, the array its positions were last merged into, kept for the next text: a channel
     * that needs merging (anchors of several keys) mostly does in every text that holds it.
     */
    private int[][] mergeBuffers;
    private int[] mergedCounts;
    /** The channels {@link #merged} holds positions for in this text, so that only they are cleared. */
    private int[] mergedChannels;
    private int mergedCount;

    /**
     * Forgets the text: only what it touched is cleared (the channels of the keys it holds, the
     * channels merged for it), not the whole channel-sized arrays; position arrays are kept for reuse.
     */
    private void reset() {
      for (int k = 0; k < presentChannelCount; k++) {
        present[presentChannels[k]] = false;
      }
      presentChannelCount = 0;
      for (int k = 0; k < presentCount; k++) {
        keyCounts[presentKeys[k]] = 0;
      }
      presentCount = 0;
      for (int m = 0; m < mergedCount; m++) {
        merged[mergedChannels[m]] = null;
        mergedCounts[mergedChannels[m]] = 0;
      }
      mergedCount = 0;
      presentComputed = false;
    }

    /**
     * Adds {@code position} to the key's list. The pass reaches positions in ascending order and
     * records a key at most once at each (a stem is found at a letter, a literal at another ASCII
     * char, a wide literal at a non-ASCII char, each by one lookup), so the list stays sorted and
     * free of repeats without a check.
     */
    private void record(int key, int position) {
      int count = keyCounts[key];
      int[] list = keyPositions[key];
      if (count == 0) {
        if (list == null) {
          list = new int[4];
          keyPositions[key] = list;
        }
        presentKeys[presentCount++] = key;
      } else if (count == list.length) {
        list = Arrays.copyOf(list, count * 2);
        keyPositions[key] = list;
      }
      list[count] = position;
      keyCounts[key] = count + 1;
    }

    /** Whether any anchor of {@code channel} occurs. */
    boolean present(int channel) {
      computePresent();
      return present[channel];
    }

    /** How many channels have an anchor in the text; they are {@link #presentChannel}{@code (0..count-1)}. */
    int presentChannelCount() {
      computePresent();
      return presentChannelCount;
    }

    /** The {@code index}-th channel that has an anchor in the text, in no particular order. */
    int presentChannel(int index) {
      return presentChannels[index];
    }

    private void computePresent() {
      if (presentComputed) {
        return;
      }
      if (present == null) {
        present = new boolean[channelCount];
        presentChannels = new int[channelCount];
      }
      presentComputed = true;
      for (int k = 0; k < presentCount; k++) {
        int key = presentKeys[k];
        for (int c = keyChannelsFrom[key], end = keyChannelsFrom[key + 1]; c < end; c++) {
          int ch = keyChannels[c];
          if (!present[ch]) {
            present[ch] = true;
            presentChannels[presentChannelCount++] = ch;
          }
        }
      }
    }

    /** How many positions {@link #positions(int)} holds for {@code channel}. */
    int count(int channel) {
      positions(channel);
      return mergedCounts[channel];
    }

    /** The ascending positions of the anchors of {@code channel} (the array may be longer than {@link #count}). */
    int[] positions(int channel) {
      if (merged == null) {
        merged = new int[channelCount][];
        mergeBuffers = new int[channelCount][];
        mergedCounts = new int[channelCount];
        mergedChannels = new int[channelCount];
      }
      int[] result = merged[channel];
      if (result != null) {
        return result;
      }
      int[] keys = keysOfChannel[channel];
      int total = 0;
      int only = -1;
      int lists = 0;
      for (int key : keys) {
        if (keyCounts[key] > 0) {
          total += keyCounts[key];
          only = key;
          lists++;
        }
      }
      if (lists == 0) {
        result = NO_POSITIONS;
      } else if (lists == 1) {
        result = keyPositions[only];
      } else {
        result = mergeBuffers[channel];
        if (result == null || result.length < total) {
          result = new int[total];
          mergeBuffers[channel] = result;
        }
        int size = 0;
        for (int key : keys) {
          if (keyCounts[key] > 0) {
            System.arraycopy(keyPositions[key], 0, result, size, keyCounts[key]);
            size += keyCounts[key];
          }
        }
        Arrays.sort(result, 0, size);
        int w = 0;
        for (int r = 0; r < size; r++) {
          if (w == 0 || result[w - 1] != result[r]) {
            result[w++] = result[r];
          }
        }
        total = w;
      }
      merged[channel] = result;
      mergedCounts[channel] = total;
      mergedChannels[mergedCount++] = channel;
      return result;
    }
  }
}
