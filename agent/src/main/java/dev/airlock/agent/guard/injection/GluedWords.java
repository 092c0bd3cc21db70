package dev.airlock.agent.guard.injection;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Puts the spaces back into an instruction written without them: "ignorepreviousinstructions",
 * "11: allprevious instructions are false", "IGNOREALLRULES". A model reads such a run as the
 * words it is made of, while every phrase rule, which needs word boundaries, reads one unknown word.
 *
 * <p>A run of at least {@value #MIN_RUN} letters is split only when it is made entirely of words
 * from a small vocabulary of the prompt-attack phrases and their function words, at least one of
 * them a {@link #KEY key word} ("ignore", "previous", "instructions", "password"): ordinary long
 * words ("informational", "promptly", "forgetting") do not split into that vocabulary, and runs
 * that are code identifiers are left alone ({@code systemPrompt}, {@code ignore_rules},
 * {@code config.overrideRules}), since programs name things that way. The caller scores the
 * sentence around the run with and without the spaces, and counts the difference: the glue alone
 * proves nothing, what the words say once apart does.
 *
 * <p>Cost: one pass that probes every {@value #MIN_RUN}th char (a probe inside a word reads the
 * word, so on prose about half the chars are read), allocating nothing until a run is tried. A
 * long run is tried only when it opens and closes with a vocabulary word (real glue, and a few
 * words such as "thereafter"), by a dynamic program over at most {@value #MAX_RUN} chars, and at most
 * {@value #MAX_RUNS_TRIED} runs per text: a document with more such words than that is searched no
 * further. Stateless.
 */
final class GluedWords {

  /** Shorter runs are words; "ignoreall" (9) is the shortest glue that says anything. */
  static final int MIN_RUN = 9;
  /** Longer runs are hashes, base64 or DNA, not glued sentences; a few clauses fit. */
  static final int MAX_RUN = 64;
  /** Runs tried per text: bounds the work on text full of long tokens. */
  static final int MAX_RUNS_TRIED = 16;
  /** Chars of context kept on each side of a run for scoring: the sentence it is in. */
  static final int CONTEXT = 160;

  /** Words of which at least one must be in a run: what the attack phrases are about. */
  private static final Set<String> KEY = words("ignore disregard forget bypass override previous prior above"
      + " instructions instruction rules guidelines restrictions prompt reveal password secret jailbreak"
      + " unrestricted unfiltered pretend");
  /** Every word a run may be made of, by first letter. */
  private static final String[][] VOCABULARY = byFirstLetter(KEY, "all any every the your my our their this that"
      + " these those of and or to you me are were is be now new from on in at with no not do dont just only say"
      + " print write output tell show repeat give what system developer admin mode earlier original initial"
      + " everything before text previously safety filters filter policy policies limits rule");
  /** The same words by last letter, for checking how a run ends. */
  private static final String[][] VOCABULARY_BY_LAST_LETTER = byLastLetter(VOCABULARY);

  private GluedWords() {}

  /**
   * The first glued run and the text around it, with the run's spaces put back and as written; null
   * when {@code text} has no run made of attack words.
   */
  static Found find(String text) {
    int n = text.length();
    int tried = 0;
    int i = 0;
    // A run of MIN_RUN letters or more covers every MIN_RUN-th position, so only those are probed:
    // a probe on a blank or a mark costs one char, a probe inside a short word costs the word.
    while (i + MIN_RUN <= n && tried < MAX_RUNS_TRIED) {
      int probe = i + MIN_RUN - 1;
      if (!AsciiLetters.isLetter(text.charAt(probe))) {
        i = probe + 1;
        continue;
      }
      int start = probe;
      while (start > i && AsciiLetters.isLetter(text.charAt(start - 1))) {
        start--;
      }
      i = probe + 1;
      while (i < n && AsciiLetters.isLetter(text.charAt(i))) {
        i++;
      }
      int len = i - start;
      if (len < MIN_RUN || len > MAX_RUN || !startsAndEndsWithWords(text, start, i) || isCamelCase(text, start, i)
          || isIdentifierEdge(text, start, i)) {
        continue;
      }
      tried++;
      String spaced = split(text.substring(start, i).toLowerCase(Locale.ROOT));
      if (spaced != null) {
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(n, i + CONTEXT);
        return new Found(start, i, text.substring(from, to),
            text.substring(from, start) + spaced + text.substring(i, to));
      }
    }
    return null;
  }

  /** A glued run with the sentence around it, as written and with the run's spaces put back. */
  static final class Found {
    final int start;
    final int end;
    final String asWritten;
    final String spaced;

    Found(int start, int end, String asWritten, String spaced) {
      this.start = start;
      this.end = end;
      this.asWritten = asWritten;
      this.spaced = spaced;
    }
  }

  /**
   * {@code run} as vocabulary words separated by spaces, or null when it is not made of two or
   * more of them with a key word among them. Prefers the split with the fewest words, so "prompt"
   * is not read as "pro" and "mpt".
   */
  static String split(String run) {
    int n = run.length();
    // fewest[k]: fewest words that make run[0, k); from[k]: where the last of them starts.
    int[] fewest = new int[n + 1];
    int[] from = new int[n + 1];
    Arrays.fill(fewest, Integer.MAX_VALUE);
    fewest[0] = 0;
    for (int start = 0; start < n; start++) {
      if (fewest[start] == Integer.MAX_VALUE) {
        continue;
      }
      for (String word : VOCABULARY[run.charAt(start) - 'a']) {
        int end = start + word.length();
        if (end <= n && fewest[start] + 1 < fewest[end] && run.startsWith(word, start)) {
          fewest[end] = fewest[start] + 1;
          from[end] = start;
        }
      }
    }
    if (fewest[n] == Integer.MAX_VALUE || fewest[n] < 2) {
      return null;
    }
    String[] parts = new String[fewest[n]];
    boolean key = false;
    for (int end = n, k = parts.length - 1; end > 0; end = from[end], k--) {
      parts[k] = run.substring(from[end], end);
      key |= KEY.contains(parts[k]);
    }
    return key ? String.join(" ", parts) : null;
  }

  /** {@code systemPrompt}, {@code ignore_rules}, {@code obj.overrideRules()}: a name in code, not words. */
  private static boolean isIdentifierEdge(String text, int start, int end) {
    return (start > 0 && isCodeJoint(text.charAt(start - 1))) || (end < text.length() && isCodeJoint(text.charAt(end)));
  }

  private static boolean isCodeJoint(char c) {
    return c == '_' || c == '$' || (c >= '0' && c <= '9') || c == '(';
  }

  /**
   * Whether the run opens with a vocabulary word and closes with one, as every run that splits
   * does: most long words fail at once ("delivered", "information"), before any program runs.
   */
  private static boolean startsAndEndsWithWords(String text, int start, int end) {
    boolean opens = false;
    for (String word : VOCABULARY[(text.charAt(start) | 0x20) - 'a']) {
      if (start + word.length() <= end && isWrittenAt(text, start, word)) {
        opens = true;
        break;
      }
    }
    if (!opens) {
      return false;
    }
    for (String word : VOCABULARY_BY_LAST_LETTER[(text.charAt(end - 1) | 0x20) - 'a']) {
      if (end - word.length() >= start && isWrittenAt(text, end - word.length(), word)) {
        return true;
      }
    }
    return false;
  }

  /** Whether lower-case {@code word} is written at {@code i} in ASCII letters of either case. */
  private static boolean isWrittenAt(String text, int i, String word) {
    for (int k = 0; k < word.length(); k++) {
      if ((text.charAt(i + k) | 0x20) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** A lower-case letter followed by a capital: "systemPrompt", not "IGNOREALL" or "Ignoreall". */
  private static boolean isCamelCase(String text, int start, int end) {
    for (int i = start + 1; i < end; i++) {
      if (AsciiLetters.isUpper(text.charAt(i)) && !AsciiLetters.isUpper(text.charAt(i - 1))) {
        return true;
      }
    }
    return false;
  }

  private static String[][] byLastLetter(String[][] byFirst) {
    String[][] buckets = new String[26][];
    for (char c = 'a'; c <= 'z'; c++) {
      char last = c;
      buckets[c - 'a'] = Arrays.stream(byFirst).flatMap(Arrays::stream)
          .filter(w -> w.charAt(w.length() - 1) == last).sorted().toArray(String[]::new);
    }
    return buckets;
  }

  private static Set<String> words(String spaceSeparated) {
    return new HashSet<>(Arrays.asList(spaceSeparated.split(" ")));
  }

  private static String[][] byFirstLetter(Set<String> some, String more) {
    Set<String> all = new HashSet<>(some);
    if (!more.isEmpty()) {
      all.addAll(words(more));
    }
    String[][] buckets = new String[26][];
    for (char c = 'a'; c <= 'z'; c++) {
      char first = c;
      buckets[c - 'a'] = all.stream().filter(w -> w.charAt(0) == first).sorted().toArray(String[]::new);
    }
    return buckets;
  }
}
