package dev.airlock.agent.pii;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A set of context words (or phrases) and the confidence change they bring when one of them
 * appears near a match: positive for words that make the match more likely ("ssn" before nine
 * digits), negative for words that make it a look-alike ("isbn" before a number).
 *
 * <p>The window is {@value #BEFORE} chars before the match and {@value #AFTER} after it, widened
 * to whole words at its outer edges. Words compare case-insensitively and with every run of
 * non-alphanumeric chars read as one space, so {@code "api_key"}, {@code "API-Key"} and {@code
 * "api key"} are the same entry, and {@code "steuer-id"} matches "Steuer-ID:". An entry ending in
 * {@code *} matches as a word prefix ({@code "passw*"} matches "password" and "Passwort"), one
 * starting with {@code *} as a suffix ({@code "*version"} matches "PackageVersion").
 *
 * <p>Immutable. Checking costs one pass over at most ~100 chars, and runs only for candidates.
 */
final class ContextWords {

  /** Chars looked at before the match: a short label or sentence ("My SSN is", "IBAN:"). */
  static final int BEFORE = 40;
  /** Chars looked at after the match ("Z8078221M en mi NIE"). */
  static final int AFTER = DetectorReach.CONTEXT_AFTER;
  /** How far a window edge may move outward to finish a word it cut in two. */
  private static final int WORD_SLACK = DetectorReach.CONTEXT_WORD_SLACK;

  static final ContextWords NONE = new ContextWords(0.0, new String[0]);

  /**
   * An ASCII letter or digit lower-cased, 0 for any other ASCII char: what {@link
   * Character#isLetterOrDigit} and {@link Character#toLowerCase} say about them, looked up in one
   * step, since windows on text dense with numbers are nearly all ASCII and those two calls were
   * the largest cost of reading them.
   */
  private static final char[] ASCII_WORD_CHAR = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_WORD_CHAR[c] = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
    }
  }

  private final double delta;
  /** Normalized entries: " phrase " for whole words, " prefix" and "suffix " for wildcards. */
  private final String[] needles;
  /**
   * Finds any entry in the normalized window in one pass, the window normalized on the fly: this
   * runs for every candidate of every detector, and building the window and testing each entry
   * with {@code String.contains} was a quarter of the scan on text dense with numbers.
   */
  private final AhoCorasick finder;

  private ContextWords(double delta, String[] needles) {
    this.delta = delta;
    this.needles = needles;
    this.finder = needles.length == 0 ? null : new AhoCorasick(Arrays.asList(needles), false);
  }

  static ContextWords of(double delta, String... words) {
    return of(delta, Arrays.asList(words));
  }

  /**
   * @param delta added to the confidence when a word is present (may be negative)
   * @param words words or phrases; blank entries are ignored
   */
  static ContextWords of(double delta, Collection<String> words) {
    List<String> needles = new ArrayList<>();
    for (String w : words) {
      if (w == null) {
        continue;
      }
      boolean prefix = w.endsWith("*");
      boolean suffix = w.startsWith("*");
      int from = suffix ? 1 : 0;
      String core = w.substring(from, Math.max(from, w.length() - (prefix ? 1 : 0)));
      String norm = normalize(core, 0, -1).trim();
      if (norm.isEmpty()) {
        continue;
      }
      needles.add((suffix ? "" : " ") + norm + (prefix ? "" : " "));
    }
    return new ContextWords(delta, needles.toArray(new String[0]));
  }

  boolean isEmpty() {
    return needles.length == 0;
  }

  double delta() {
    return delta;
  }

  /** {@link #delta()} when a word is near {@code [start, end)}, otherwise 0. */
  double adjust(CharSequence text, int start, int end) {
    return delta != 0.0 && presentAround(text, start, end) ? delta : 0.0;
  }

  /** True when one of the words appears in the window around {@code [start, end)}. */
  boolean presentAround(CharSequence text, int start, int end) {
    if (needles.length == 0) {
      return false;
    }
    int from = Math.max(0, start - BEFORE);
    int slack = Math.max(0, from - WORD_SLACK);
    while (from > slack && Chars.isWordChar(text.charAt(from - 1))) {
      from--;
    }
    if (anyIn(text, from, start)) {
      return true;
    }
    int to = Math.min(text.length(), end + AFTER);
    int slackEnd = Math.min(text.length(), to + WORD_SLACK);
    while (to < slackEnd && Chars.isWordChar(text.charAt(to))) {
      to++;
    }
    return anyIn(text, end, to);
  }

  /**
   * Whether an entry occurs in {@code normalize(text, from, to)}, reading the text once without
   * building the normalized string.
   */
  private boolean anyIn(CharSequence text, int from, int to) {
    int state = finder.next(0, ' ');
    boolean space = true;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      char folded = c < 128 ? ASCII_WORD_CHAR[c]
          : Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
      if (folded != 0) {
        state = finder.next(state, folded);
        space = false;
      } else if (!space) {
        state = finder.next(state, ' ');
        space = true;
      } else {
        continue;
      }
      if (finder.matchesAt(state)) {
        return true;
      }
    }
    return !space && finder.matchesAt(finder.next(state, ' '));
  }

  /**
   * Lower-cases letters and digits and turns every other run into one space, with a space at
   * both ends so that whole-word tests are plain {@code contains(" word ")}.
   */
  private static String normalize(CharSequence s, int from, int to) {
    int end = to < 0 ? s.length() : to;
    StringBuilder b = new StringBuilder(end - from + 2).append(' ');
    for (int i = from; i < end; i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(Character.toLowerCase(c));
      } else if (b.charAt(b.length() - 1) != ' ') {
        b.append(' ');
      }
    }
    if (b.charAt(b.length() - 1) != ' ') {
      b.append(' ');
    }
    return b.toString();
  }
}
