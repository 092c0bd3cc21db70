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
 * <p>The window is {@value ContextWindow#BEFORE} chars before the match and {@value
 * ContextWindow#AFTER} after it, widened to whole words at its outer edges ({@link
 * ContextWindow}). Words compare case-insensitively and with every run of
 * non-alphanumeric chars read as one space, so {@code "api_key"}, {@code "API-Key"} and {@code
 * "api key"} are the same entry, and {@code "steuer-id"} matches "Steuer-ID:". An entry ending in
 * {@code *} matches as a word prefix ({@code "passw*"} matches "password" and "Passwort"), one
 * starting with {@code *} as a suffix ({@code "*version"} matches "PackageVersion").
 *
 * <p>Immutable. Checking costs one pass over at most ~100 chars, and runs only for candidates.
 */
final class ContextWords {

  static final ContextWords NONE = new ContextWords(0.0, new String[0]);

  private final double delta;
  /** Normalized entries: " phrase " for whole words, " prefix" and "suffix " for wildcards. */
  private final String[] needles;
  /** Reads a window once for every entry; null when there are none. */
  private final ContextWindow window;

  private ContextWords(double delta, String[] needles) {
    this.delta = delta;
    this.needles = needles;
    this.window = needles.length == 0 ? null : new ContextWindow(Arrays.asList(needles), null);
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
    return window != null && window.labelsAround(text, start, end, 1) != 0;
  }

  /** The normalized entries, for a {@link ContextPair} that reads them with another list. */
  List<String> needles() {
    return Arrays.asList(needles);
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
