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
 * states carry the labels of the lists that end there, so one pass answers for all of them.
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

  /** Read as a space: no letter or digit. */
  private static final int SEPARATOR = -1;

  private final AhoCorasick finder;
  /**
   * The automaton's alphabet class of each ASCII char as a window reads it (lower-cased), or
   * {@link #SEPARATOR}: one lookup instead of a fold and then a class lookup per char.
   */
  private final int[] asciiClass = new int[128];
  private final int spaceClass;

  /**
   * @param needles normalized entries (see {@link ContextWords#of}), each with its list's label
   *     bit in {@code labels}
   */
  ContextWindow(List<String> needles, int[] labels) {
    this.finder = new AhoCorasick(needles, labels, false);
    for (char c = 0; c < 128; c++) {
      asciiClass[c] = Character.isLetterOrDigit(c)
          ? finder.alphabetClass(Character.toLowerCase(c))
          : SEPARATOR;
    }
    this.spaceClass = finder.alphabetClass(' ');
  }

  /**
   * The labels of the lists with an entry in the window around {@code [start, end)}. Stops
   * reading once every label of {@code wanted} is found, so the answer holds at least those of
   * them that occur (and maybe others).
   */
  int labelsAround(CharSequence text, int start, int end, int wanted) {
    int from = Math.max(0, start - BEFORE);
    int slack = Math.max(0, from - WORD_SLACK);
    while (from > slack && Chars.isWordChar(text.charAt(from - 1))) {
      from--;
    }
    int found = labelsIn(text, from, start, wanted, 0);
    if ((found & wanted) == wanted) {
      return found;
    }
    int to = Math.min(text.length(), end + AFTER);
    int slackEnd = Math.min(text.length(), to + WORD_SLACK);
    while (to < slackEnd && Chars.isWordChar(text.charAt(to))) {
      to++;
    }
    return labelsIn(text, end, to, wanted, found);
  }

  /**
   * Or-s into {@code found} the labels of the entries that occur in the normalized {@code
   * text[from, to)}, normalizing on the fly (a space before and after, every run of separators
   * one space) without building the string.
   */
  private int labelsIn(CharSequence text, int from, int to, int wanted, int found) {
    int state = finder.step(0, spaceClass);
    boolean space = true;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      int cls = c < 128 ? asciiClass[c]
          : Character.isLetterOrDigit(c) ? finder.alphabetClass(Character.toLowerCase(c))
          : SEPARATOR;
      if (cls != SEPARATOR) {
        state = finder.step(state, cls);
        space = false;
      } else if (!space) {
        state = finder.step(state, spaceClass);
        space = true;
      } else {
        continue;
      }
      found |= finder.labelsAt(state);
      if ((found & wanted) == wanted) {
        return found;
      }
    }
    return space ? found : found | finder.labelsAt(finder.step(state, spaceClass));
  }
}
