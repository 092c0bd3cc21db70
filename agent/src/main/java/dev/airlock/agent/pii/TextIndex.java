package dev.airlock.agent.pii;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The candidates of the built-in detectors, found in one pass over a text, so that each detector
 * then visits only them instead of reading the whole text itself:
 *
 * <ul>
 *   <li>the start and end of each maximal run of ASCII digits (phone, card, SSN, IBAN, IPv4, the
 *       national ids: a run's start is the only place inside it where a token can begin, since
 *       its other digits follow a digit; each detector applies its own start rule there, and the
 *       national ids look back from it to their letters). The end is read once here because
 *       five detectors rule most runs out by their length. Each run's {@link RunShape} (its
 *       length and the chars around it) is noted after the pass, so that a detector visits only
 *       the runs of the shapes it accepts ({@link #runs});
 *   <li>with {@code secrets}: the {@link LongTokens} (whitespace-free stretches long enough to hold
 *       a key or an Italian fiscal code), the places where a credential value can be assigned ({@code :}, {@code =}, {@code
 *       ->}, and "is", "es", "ist", "est" after a blank or quote; see {@link
 *       CredentialAssignmentDetector}), and each "bearer" (any case).
 * </ul>
 *
 * <p>Why one pass: each of those detectors used to walk the whole text, and on chat text (prose
 * with a few numbers and keys) those walks were nearly all of a scan's time. The pass looks each
 * char up in one table and branches only where a secret anchor may start (see {@code STARTS});
 * the digit runs' bounds are noted without a branch (see {@link #read}).
 *
 * <p>Built per scan, never shared between threads.
 */
final class TextIndex {

  /** The aligned blocks of the long-token test (see {@link #read}). */
  private static final int BLOCK = 8;
  /**
   * Chars copied and read between two looks at the marked blocks: a multiple of {@link #BLOCK}.
   * The pass holds the chunk's copy (4 KB) and three lists of one entry per block (3 KB).
   */
  private static final int CHUNK = 2048;
  /** A chunk with more run bounds than one in this many chars is followed by a dense read. */
  private static final int DENSE_BOUNDS = 8;
  /** Added to a block's events (0 to 3) and shifted right by 2: 1 when it holds any. */
  private static final int ANY_EVENT = 3;

  // What a char is, in the low four bits of its table entry.
  private static final int PLAIN = 0;
  private static final int DIGIT = 1;
  private static final int SEPARATOR = 2; // ':' '='
  private static final int ARROW_HEAD = 3; // '>'
  private static final int DASH = 4;
  private static final int LETTER_S = 5;
  private static final int LETTER_B = 6;
  private static final int LETTER_A = 7;
  private static final int VOWEL_I_E = 8;
  private static final int BLANK_OR_QUOTE = 9; // ' ' '\t' '"' '\''
  private static final int KIND_BITS = 4;
  private static final int KIND_MASK = (1 << KIND_BITS) - 1;
  private static final int HISTORY_MASK = (1 << 3 * KIND_BITS) - 1;
  /** Bit set for whitespace and control chars: they break a long token. */
  private static final int BREAK = 1 << KIND_BITS;

  /** Table entries of the ASCII chars, for a scan without and with the secret anchors. */
  private static final byte[] DIGITS_ONLY = new byte[128];
  private static final byte[] WITH_SECRETS = new byte[128];
  /**
   * What the histories (the kinds of the last three chars) end, as bits: {@link #RUN_BOUND} where
   * the char starts or ends a digit run (it is a digit and the one before is not, or the other
   * way round), {@link #START} where a secret anchor's start is complete (a separator, "->",
   * "is"/"es" after a blank or quote, and "bea"). One lookup per char decides, so the loop
   * branches only at the rare anchors; testing each char's kind instead (a space every six chars,
   * an 's' every twenty, at random) cost a mispredicted branch every few chars, and made the pass
   * several times slower.
   */
  private static final byte[] EVENTS = new byte[1 << 3 * KIND_BITS];
  private static final int RUN_BOUND = 1;
  private static final int START = 2;

  static {
    for (char c = '0'; c <= '9'; c++) {
      DIGITS_ONLY[c] = DIGIT;
      WITH_SECRETS[c] = DIGIT;
    }
    for (char c = 0; c <= ' '; c++) {
      WITH_SECRETS[c] = BREAK;
    }
    WITH_SECRETS[' '] = BREAK | BLANK_OR_QUOTE;
    WITH_SECRETS['\t'] = BREAK | BLANK_OR_QUOTE;
    WITH_SECRETS['"'] = BLANK_OR_QUOTE;
    WITH_SECRETS['\''] = BLANK_OR_QUOTE;
    WITH_SECRETS[':'] = SEPARATOR;
    WITH_SECRETS['='] = SEPARATOR;
    WITH_SECRETS['>'] = ARROW_HEAD;
    WITH_SECRETS['-'] = DASH;
    for (char c : "sS".toCharArray()) {
      WITH_SECRETS[c] = LETTER_S;
    }
    for (char c : "bB".toCharArray()) {
      WITH_SECRETS[c] = LETTER_B;
    }
    for (char c : "aA".toCharArray()) {
      WITH_SECRETS[c] = LETTER_A;
    }
    for (char c : "iIeE".toCharArray()) {
      WITH_SECRETS[c] = VOWEL_I_E;
    }
    for (int h = 0; h < EVENTS.length; h++) {
      int k = h & KIND_MASK;
      int p = (h >> KIND_BITS) & KIND_MASK;
      int q = h >> 2 * KIND_BITS;
      boolean bound = (k == DIGIT) != (p == DIGIT);
      boolean start = k == SEPARATOR
          || (k == ARROW_HEAD && p == DASH)
          || (k == LETTER_S && p == VOWEL_I_E && q == BLANK_OR_QUOTE)
          || (k == LETTER_A && p == VOWEL_I_E && q == LETTER_B);
      EVENTS[h] = (byte) ((bound ? RUN_BOUND : 0) | (start ? START : 0));
    }
  }

  private static final String BEARER = "bearer";
  private static final int[] NO_TOKENS = new int[0];

  /**
   * The bounds of the digit runs, in text order: run {@code k} is {@code [runBounds[2k],
   * runBounds[2k + 1])}. One array, written in the pass's inner loop without a branch (see {@link
   * #read}).
   */
  private int[] runBounds = new int[0];
  private int boundCount;
  private int runCount;
  /** The {@link RunShape} of each run, by run number. */
  private int[] runShapes = NO_TOKENS;
  private final Positions cleanBlocks = new Positions();
  private final Positions separators = new Positions();
  private final Positions bearers = new Positions();
  private int[] longTokens;

  private TextIndex() {}

  /** Indexes {@code text} in one pass; {@code secrets} adds the lists only the secret detectors use. */
  static TextIndex of(CharSequence text, boolean secrets) {
    return of(text, secrets, new Scratch());
  }

  /** As {@link #of(CharSequence, boolean)}, reading with {@code scratch}'s arrays. */
  static TextIndex of(CharSequence text, boolean secrets, Scratch scratch) {
    TextIndex index = new TextIndex();
    if (secrets) {
      index.read(text, WITH_SECRETS, true, scratch);
      index.longTokens = index.widen(text);
    } else {
      index.read(text, DIGITS_ONLY, false, scratch);
      index.longTokens = NO_TOKENS;
    }
    index.classifyRuns(text);
    return index;
  }

  /**
   * The pass. Each chunk of the text is copied to a char array and read a block of {@value
   * #BLOCK} chars at a time, in one of two ways:
   *
   * <ul>
   *   <li>sparse (prose, where most blocks hold no digit and no anchor): each char is looked up
   *       and only or-ed into its block's events and breaks, and the block is marked, without a
   *       branch, when it holds an event; the marked blocks are read again char by char after the
   *       chunk ({@link #readMarked}), which notes their run bounds and anchors. Noting them in the
   *       first read cost a store per char and a branch at each block's end; looking at whole
   *       blocks halved the pass on prose;
   *   <li>dense (after a chunk in which more than one char in {@value #DENSE_BOUNDS} started or
   *       ended a digit run: numbers, ids, tables), where most blocks would be read twice: every
   *       char at once ({@link #readEveryChar}).
   * </ul>
   *
   * <p>Long tokens are found as a block test: a stretch of 15 or more chars without whitespace
   * holds a whole aligned block of {@value #BLOCK} chars with no whitespace or control char, so
   * only such "clean" blocks (rare in prose) are noted here, by or-ing the chars' {@link #BREAK}
   * bits, and they are widened to their stretch afterwards. Clean and marked blocks are noted
   * without a branch (the offset is written at the end of the list, which grows by the test's 0
   * or 1): on short lines and numbers a block is clean or not at random.
   */
  private void read(CharSequence text, byte[] table, boolean blocks, Scratch scratch) {
    int n = text.length();
    scratch.fit(Math.min(CHUNK, n));
    char[] chars = scratch.chars;
    int[] clean = scratch.clean;
    int[] marked = scratch.marked;
    int[] markedHistory = scratch.markedHistory;
    int history = 0;
    boolean dense = false;
    for (int base = 0; base < n; base += CHUNK) {
      int length = Math.min(CHUNK, n - base);
      copy(text, base, length, chars);
      int whole = length & -BLOCK; // the chunk's whole blocks: CHUNK is a multiple of BLOCK
      int boundsBefore = boundCount;
      int cleanCount;
      if (dense) {
        cleanCount = readEveryChar(text, chars, whole, base, table, clean, scratch.anchors(), history);
        if (whole > 0) { // the history holds the last three chars' kinds
          history = next(next(next(0, entry(table, chars[whole - 3])),
              entry(table, chars[whole - 2])), entry(table, chars[whole - 1]));
        }
      } else {
        cleanCount = 0;
        int markedCount = 0;
        int h = history;
        for (int j = 0; j < whole; j += BLOCK) {
          int before = h;
          int events = 0;
          int breaks = 0;
          // Unrolled by hand: as a loop of eight, the JIT kept the loop's control and the pass
          // was half as fast again.
          int e = entry(table, chars[j]);
          events |= EVENTS[h = next(h, e)];
          breaks |= e;
          e = entry(table, chars[j + 1]);
          events |= EVENTS[h = next(h, e)];
          breaks |= e;
          e = entry(table, chars[j + 2]);
          events |= EVENTS[h = next(h, e)];
          breaks |= e;
          e = entry(table, chars[j + 3]);
          events |= EVENTS[h = next(h, e)];
          breaks |= e;
          e = entry(table, chars[j + 4]);
          events |= EVENTS[h = next(h, e)];
          breaks |= e;
          e = entry(table, chars[j + 5]);
          events |= EVENTS[h = next(h, e)];
          breaks |= e;
          e = entry(table, chars[j + 6]);
          events |= EVENTS[h = next(h, e)];
          breaks |= e;
          e = entry(table, chars[j + 7]);
          events |= EVENTS[h = next(h, e)];
          breaks |= e;
          marked[markedCount] = j;
          markedHistory[markedCount] = before;
          markedCount += (events + ANY_EVENT) >> 2; // 1 when events is 1, 2 or 3
          clean[cleanCount] = j;
          cleanCount += (~breaks & BREAK) >> KIND_BITS;
        }
        for (int k = 0; k < markedCount; k++) {
          readMarked(text, chars, marked[k], marked[k] + BLOCK, base, table, markedHistory[k]);
        }
        history = h;
      }
      if (whole < length) { // the text's last chars, fewer than a block: never clean
        history = readMarked(text, chars, whole, length, base, table, history);
      }
      dense = (boundCount - boundsBefore) * DENSE_BOUNDS > length;
      for (int k = 0; blocks && k < cleanCount; k++) {
        cleanBlocks.add(base + clean[k]);
      }
    }
    if ((history & KIND_MASK) == DIGIT) {
      ensureBounds(1);
      runBounds[boundCount++] = n; // the text ends in a run
    }
    runCount = boundCount / 2;
  }

  /** {@code text[base, base + length)} into {@code chars}. */
  private static void copy(CharSequence text, int base, int length, char[] chars) {
    if (text instanceof String) {
      ((String) text).getChars(base, base + length, chars, 0);
    } else {
      for (int k = 0; k < length; k++) {
        chars[k] = text.charAt(base + k);
      }
    }
  }

  /** A char's table entry: its kind, and {@link #BREAK}; chars outside ASCII are plain. */
  private static int entry(byte[] table, char c) {
    return table[Math.min(c, 127)]; // DEL, 127, is plain
  }

  /** The history after a char of the given entry. */
  private static int next(int history, int entry) {
    return (history << KIND_BITS | (entry & KIND_MASK)) & HISTORY_MASK;
  }

  /**
   * Notes the run bounds and anchors of {@code chars[from, to)}, read after {@code history}, and
   * answers the history after them. The bounds are noted without a branch, as the {@link
   * #runBounds} entries after the last one are free: every char's offset is written there, and
   * the count grows by one only at a {@link #RUN_BOUND}.
   */
  private int readMarked(
      CharSequence text, char[] chars, int from, int to, int base, byte[] table, int history) {
    ensureBounds(to - from);
    int[] bounds = runBounds;
    int count = boundCount;
    for (int j = from; j < to; j++) {
      history = next(history, entry(table, chars[j]));
      int events = EVENTS[history];
      bounds[count] = base + j;
      count += events & RUN_BOUND;
      if (events > RUN_BOUND) {
        candidate(text, base + j, history & KIND_MASK);
      }
    }
    boundCount = count;
    return history;
  }

  /**
   * The dense way: notes the run bounds and anchors of the chunk's {@code whole} chars, read after
   * {@code history}, and its clean blocks, in one read. Answers the number of clean blocks.
   * Anchors, like the bounds, are noted without a branch and looked at after the read.
   */
  private int readEveryChar(CharSequence text, char[] chars, int whole, int base, byte[] table,
      int[] clean, int[] anchors, int history) {
    ensureBounds(whole);
    int[] bounds = runBounds;
    int count = boundCount;
    int anchorCount = 0;
    int cleanCount = 0;
    int breaks = 0;
    for (int j = 0; j < whole; j++) {
      int e = entry(table, chars[j]);
      history = next(history, e);
      int events = EVENTS[history];
      bounds[count] = base + j;
      count += events & RUN_BOUND;
      anchors[anchorCount] = j;
      anchorCount += events >> 1;
      breaks |= e;
      if ((j & (BLOCK - 1)) == BLOCK - 1) {
        clean[cleanCount] = j + 1 - BLOCK;
        cleanCount += (~breaks & BREAK) >> KIND_BITS;
        breaks = 0;
      }
    }
    boundCount = count;
    for (int k = 0; k < anchorCount; k++) {
      int j = anchors[k];
      candidate(text, base + j, entry(table, chars[j]) & KIND_MASK);
    }
    return cleanCount;
  }

  /** Notes each run's {@link RunShape}. */
  private void classifyRuns(CharSequence text) {
    if (runCount > 0) {
      runShapes = new int[runCount];
      for (int k = 0; k < runCount; k++) {
        runShapes[k] = RunShape.of(text, runStart(k), runEnd(k));
      }
    }
  }

  /** Room for {@code more} bounds after the noted ones; {@link #runBounds} grows by doubling. */
  private void ensureBounds(int more) {
    if (boundCount + more > runBounds.length) {
      runBounds = Arrays.copyOf(runBounds, Math.max(2 * runBounds.length, boundCount + more));
    }
  }

  /** Notes the secret anchor whose start the char at {@code i}, of the given kind, completes. */
  private void candidate(CharSequence text, int i, int kind) {
    switch (kind) {
      case SEPARATOR:
        separators.add(i);
        break;
      case ARROW_HEAD:
        separators.add(i - 1);
        break;
      case LETTER_S:
        if (proseSeparatorEnds(text, i + 1)) {
          separators.add(i - 1);
        }
        break;
      default: // "bea"
        if (regionMatchesIgnoreCase(text, i - 2, BEARER)) {
          bearers.add(i - 2);
        }
        break;
    }
  }

  /** The maximal whitespace-free stretches around the clean blocks, 15 chars or longer. */
  private int[] widen(CharSequence text) {
    if (cleanBlocks.size() == 0) {
      return NO_TOKENS;
    }
    int n = text.length();
    Positions out = new Positions();
    int covered = 0;
    for (int k = 0; k < cleanBlocks.size(); k++) {
      int b = cleanBlocks.get(k);
      if (b < covered) {
        continue;
      }
      int start = b;
      while (start > covered && !isSpace(text.charAt(start - 1))) {
        start--;
      }
      int end = b + BLOCK;
      while (end < n && !isSpace(text.charAt(end))) {
        end++;
      }
      covered = end;
      if (end - start >= LongTokens.MIN_LENGTH) {
        out.add(start);
        out.add(end);
      }
    }
    return out.toArray();
  }

  private static boolean isSpace(char c) {
    return c == ' ' | c == '\n' | c == '\t' | c == '\r';
  }

  /** After "is"/"es": a space or ':', or a 't' and then one ("ist", "est"). */
  private static boolean proseSeparatorEnds(CharSequence t, int p) {
    char after = Chars.at(t, p);
    if (after == 't' || after == 'T') {
      after = Chars.at(t, p + 1);
    }
    return after == ' ' || after == ':';
  }

  static boolean regionMatchesIgnoreCase(CharSequence t, int at, String lower) {
    if (at + lower.length() > t.length()) {
      return false;
    }
    for (int k = 0; k < lower.length(); k++) {
      char c = t.charAt(at + k);
      if (c != lower.charAt(k) && Character.toLowerCase(c) != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The number of maximal ASCII digit runs. */
  int runCount() {
    return runCount;
  }

  /** The start of digit run {@code k} (runs are numbered in text order from 0). */
  int runStart(int k) {
    return runBounds[2 * k];
  }

  /**
   * The end (exclusive) of digit run {@code k}: the first index after it that is not an ASCII
   * digit.
   */
  int runEnd(int k) {
    return runBounds[2 * k + 1];
  }

  /**
   * The numbers of the runs whose shape {@code filter} accepts. Made without a branch per run, and
   * read with {@link BitSet#nextSetBit}: a detector then never branches on the runs it does not
   * visit, which in text dense with numbers are most of them, at random.
   */
  BitSet runs(RunFilter filter) {
    long[] words = new long[(runCount + 63) >> 6];
    for (int w = 0; w < words.length; w++) {
      // Or-ed in a local: or-ing into the array made each run wait for the store of the last.
      long word = 0;
      for (int k = w << 6, end = Math.min(runCount, k + 64); k < end; k++) {
        word |= (long) filter.bit(runShapes[k]) << k; // a long shifts by k mod 64
      }
      words[w] = word;
    }
    return BitSet.valueOf(words);
  }

  /** The {@link RunShape} of digit run {@code k}. */
  int runShape(int k) {
    return runShapes[k];
  }

  /** {@link LongTokens} as {start, end} pairs (empty unless built with {@code secrets}). */
  int[] longTokens() {
    return longTokens;
  }

  /**
   * Where a credential assignment's separator starts: each ':' and '=', the '-' of "->", and the
   * first letter of "is"/"es"/"ist"/"est" after a blank or quote (empty unless built with
   * {@code secrets}).
   */
  Positions separators() {
    return separators;
  }

  /** The start of each "bearer", any case (empty unless built with {@code secrets}). */
  Positions bearers() {
    return bearers;
  }

  /**
   * The arrays a pass reads its chunks with. A caller that indexes many short texts one after
   * another on one thread (a streamed answer's check, once per event) keeps one, so that a pass
   * does not make them again; they were most of what a stream's check allocated. Only the pass
   * uses them, so one serves every index it builds. Not thread-safe.
   */
  static final class Scratch {
    char[] chars = new char[0];
    int[] clean = NO_TOKENS;
    int[] marked = NO_TOKENS;
    int[] markedHistory = NO_TOKENS;
    private int[] anchors = NO_TOKENS;

    /**
     * Room for a chunk of {@code chunk} chars. Sized by the text, not by {@link #CHUNK}: a fresh
     * scratch per short text (one scan of a few hundred chars) must not cost 2 K arrays.
     */
    void fit(int chunk) {
      if (chars.length < chunk) {
        chars = new char[chunk];
        clean = new int[chunk / BLOCK];
        marked = new int[chunk / BLOCK];
        markedHistory = new int[chunk / BLOCK];
      }
    }

    /** The dense read's anchor list, made at the first dense chunk: prose never needs it. */
    int[] anchors() {
      if (anchors.length < chars.length) {
        anchors = new int[chars.length];
      }
      return anchors;
    }
  }

  /**
   * A growable list of text offsets, in the order found. Its array is made at the first offset:
   * most texts a stream's check reads (a few hundred chars per event) note none, and three empty
   * lists per pass were a good part of what the pass allocated.
   */
  static final class Positions {
    private static final int[] NONE = new int[0];
    private int[] values = NONE;
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, Math.max(8, size * 2));
      }
      values[size++] = value;
    }

    int size() {
      return size;
    }

    int get(int k) {
      return values[k];
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
