package dev.airlock.agent.pii;

import java.util.List;

/**
 * Reads the context window around a match ({@value #BEFORE} chars before it, {@value #AFTER}
 * after, each edge widened to finish a word it cut) and tells which of one or more word lists
 * occur in it, compared as {@link ContextWords} describes: case-insensitively, every run of chars
 * other than letters and digits read as one space, the window's edges read as spaces.
 *
 * <p>Why a class of its own: a detector with a positive and a negative list (see {@link
 * ContextPair}) used to read the same window twice, once per list, and the windows were a quarter
 * of a scan of text dense with numbers. Here every list's entries go into one automaton whose
 * states carry the labels of the lists that end there, so one pass answers for all of them. The
 * automaton is read from a table of its own ({@link #rows}) laid out so that a char costs one
 * load on the chain from state to state.
 *
 * <p>Immutable and thread-safe.
 */
final class ContextWindow {

  /** Chars looked at before the match: a short label or sentence ("My SSN is", "IBAN:"). */
  static final int BEFORE = 40;
  /** Chars looked at after the match ("Z8078221M en mi NIE"). */
  static final int AFTER = DetectorReach.CONTEXT_AFTER;
  /** How far a window edge may move outward to finish a word it cut in two. */
  private static final int WORD_SLACK = DetectorReach.CONTEXT_WORD_SLACK;

  /**
   * Set in a char's entry when the char is read as a space (no letter or digit); the entry's low
   * bits are then the space's alphabet class.
   */
  private static final int SEPARATOR_SHIFT = 16;
  private static final int SEPARATOR = 1 << SEPARATOR_SHIFT;
  private static final int CLASS_MASK = SEPARATOR - 1;
  /** The low bits of a state in {@link #rows}: the labels that end there. */
  private static final int LABEL_BITS = 8;
  private static final int LABEL_MASK = (1 << LABEL_BITS) - 1;

  private final AhoCorasick finder;
  /**
   * The entry of each ASCII char as a window reads it: the automaton's alphabet class of the char
   * lower-cased, or the space's class with {@link #SEPARATOR} set. One lookup instead of a fold
   * and then a class lookup per char.
   */
  private final int[] asciiEntry = new int[128];
  private final int spaceClass;
  /**
   * The automaton, one row of {@code stride} ints per state: at each alphabet class the next
   * state, then at {@link #skipColumn} the state itself (a second separator leaves the state as it
   * is). A state is written as the offset of its row, shifted left by {@link #LABEL_BITS}, or-ed
   * with the labels that end there: a step is then one load, which a window's reading waits for
   * at each char, and gives the labels too. A state number would cost a multiply per char on that
   * chain, and the labels in a column of their own a second load.
   */
  private final int[] rows;
  private final int skipColumn;
  /** The row of the state after the space a window starts with. */
  private final int startRow;

  /**
   * @param needles normalized entries (see {@link ContextWords#of}), each with its list's label
   *     bit in {@code labels}
   */
  ContextWindow(List<String> needles, int[] labels) {
    this.finder = new AhoCorasick(needles, labels, false);
    this.spaceClass = finder.alphabetClass(' ');
    for (char c = 0; c < 128; c++) {
      asciiEntry[c] = entryOf(c);
    }
    int width = finder.alphabetSize();
    int stride = width + 1;
    this.skipColumn = width;
    this.rows = new int[finder.states() * stride];
    for (int s = 0; s < finder.states(); s++) {
      for (int cls = 0; cls < width; cls++) {
        rows[s * stride + cls] = state(finder.step(s, cls), stride);
      }
      rows[s * stride + skipColumn] = state(s, stride);
    }
    this.startRow = rows[spaceClass] >>> LABEL_BITS;
  }

  /** State {@code s} as {@link #rows} holds it. */
  private int state(int s, int stride) {
    int labels = finder.labelsAt(s);
    if ((labels & ~LABEL_MASK) != 0) {
      throw new IllegalArgumentException("labels beyond bit " + LABEL_BITS + ": " + labels);
    }
    return s * stride << LABEL_BITS | labels;
  }

  /**
   * The labels of the lists with an entry in the window around {@code [start, end)}. Does not read
   * the part after the match when every label of {@code wanted} is found before it, so the answer
   * holds at least those of them that occur (and maybe others).
   */
  int labelsAround(CharSequence text, int start, int end, int wanted) {
    int from = Math.max(0, start - BEFORE);
    int slack = Math.max(0, from - WORD_SLACK);
    while (from > slack && Chars.isWordChar(text.charAt(from - 1))) {
      from--;
    }
    int found = labelsIn(text, from, start, 0);
    if ((found & wanted) == wanted) {
      return found;
    }
    int to = Math.min(text.length(), end + AFTER);
    int slackEnd = Math.min(text.length(), to + WORD_SLACK);
    while (to < slackEnd && Chars.isWordChar(text.charAt(to))) {
      to++;
    }
    return labelsIn(text, end, to, found);
  }

  /**
   * Or-s into {@code found} the labels of the entries that occur in the normalized {@code
   * text[from, to)}, normalizing on the fly (a space before and after, every run of separators
   * one space) without building the string.
   *
   * <p>A separator after a separator reads the {@link #skipColumn}, which leaves the state as it
   * is, rather than being skipped by a branch: in the windows of a text dense with numbers,
   * letters, digits and punctuation follow each other at random, and a branch per char there was
   * mispredicted often enough to be most of a window's cost. Or-ing the unchanged state's labels
   * again changes nothing. For the same reason the loop does not stop once the labels wanted are
   * found: a test per char cost more than the rare early stop saved.
   */
  private int labelsIn(CharSequence text, int from, int to, int found) {
    int[] table = rows;
    int toSkip = skipColumn - spaceClass;
    int row = startRow;
    int space = 1; // whether the last char was read as a space: the window's edge is
    int labels = found;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      int entry = c < 128 ? asciiEntry[c] : entryOf(c);
      int separator = entry >>> SEPARATOR_SHIFT;
      // A separator's class is the space's; a second one in a row moves to the skip column.
      int state = table[row + (entry & CLASS_MASK) + (separator & space) * toSkip];
      row = state >>> LABEL_BITS;
      space = separator;
      labels |= state; // the row's offset is or-ed in too, and masked off once at the end
    }
    if (space == 0) {
      labels |= table[row + spaceClass];
    }
    return labels & LABEL_MASK;
  }

  /** The entry of {@code c} (see {@link #asciiEntry}). */
  private int entryOf(char c) {
    return Character.isLetterOrDigit(c)
        ? finder.alphabetClass(Character.toLowerCase(c))
        : SEPARATOR | spaceClass;
  }
}
