package dev.airlock.agent.guard.injection;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Finds one word said many times in a row: "cake cake cake cake cake cake cake cake cake cake Q:
 * ...". Repeated-token attacks use such runs to push a model off its prompt (it loses track of its
 * instructions, or starts to emit memorised text). Prose does not repeat a word ten times; what
 * does, laughter and chants ("haha", "lol", "la la la"), is left out by a short list and by a
 * minimum of {@value #MIN_LETTERS} letters.
 *
 * <p>Only words of plain letters count, so tables of numbers ("0 0 0 0 ...") and ids never make a
 * run. One pass over the chars, no allocation unless a run is found. Stateless.
 */
final class RepeatedWords {

  /** A run this long is a hint: emphasis ("no no no no no no") gets there, rarely further. */
  static final int HINT_RUN = 6;
  /** A run this long is an attack on its own. */
  static final int ATTACK_RUN = 10;
  static final int LOUD_RUN = 20;
  static final double HINT_WEIGHT = 0.4;
  static final double ATTACK_WEIGHT = 0.8;
  static final double LOUD_WEIGHT = 0.9;
  private static final int MIN_LETTERS = 3;
  /** Longer tokens are ids or glued text, which other readers handle. */
  private static final int MAX_LETTERS = 24;
  /** Repetitions people type for sound or emphasis, not to flood a prompt. */
  private static final Set<String> INTERJECTIONS = new HashSet<>(Arrays.asList(
      "lol", "haha", "hah", "heh", "hehe", "hey", "yes", "yeah", "yay", "nope", "blah", "bla", "wow", "omg", "hmm",
      "woo", "hip", "hooray", "hurray", "boo", "meow", "woof", "tick", "tock", "knock", "bye", "more", "very"));

  private RepeatedWords() {}

  /** Reports the longest run of one repeated word in folded {@code norm}, if long enough. */
  static void find(NormalizedText norm, SignalCollector out) {
    String s = norm.text();
    int n = s.length();
    int prevStart = -1;
    int prevLen = 0;
    int run = 0;
    int runStart = 0;
    int runEnd = 0;
    int best = 0;
    int bestStart = 0;
    int bestEnd = 0;
    int i = 0;
    while (i < n) {
      while (i < n && isBlank(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && AsciiLetters.isLetter(s.charAt(i))) {
        i++;
      }
      int len = i - start;
      int end = i;
      // Punctuation may close a word of the run: "cake, cake, cake".
      if (i < n && ",.;!".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      if (len < MIN_LETTERS || len > MAX_LETTERS || (i < n && !isBlank(s.charAt(i)))) {
        while (i < n && !isBlank(s.charAt(i))) {
          i++;
        }
        prevStart = -1;
        run = 0;
        continue;
      }
      if (prevStart >= 0 && len == prevLen && s.regionMatches(true, start, s, prevStart, len)) {
        run++;
        runEnd = end;
      } else {
        run = 1;
        runStart = start;
        runEnd = end;
      }
      if (run > best) {
        best = run;
        bestStart = runStart;
        bestEnd = runEnd;
      }
      prevStart = start;
      prevLen = len;
    }
    if (best < HINT_RUN) {
      return;
    }
    int wordEnd = bestStart;
    while (wordEnd < bestEnd && AsciiLetters.isLetter(s.charAt(wordEnd))) {
      wordEnd++;
    }
    if (INTERJECTIONS.contains(s.substring(bestStart, wordEnd).toLowerCase(Locale.ROOT))) {
      return;
    }
    double weight = best >= LOUD_RUN ? LOUD_WEIGHT : best >= ATTACK_RUN ? ATTACK_WEIGHT : HINT_WEIGHT;
    out.add(RuleFamily.REPEATED_TOKEN, weight, norm.originalStart(bestStart), norm.originalEnd(bestEnd));
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }
}
