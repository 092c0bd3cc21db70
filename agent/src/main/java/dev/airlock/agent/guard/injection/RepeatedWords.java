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
 * run; words are what spaces separate. No allocation unless a run is found. Stateless.
 */
final class RepeatedWords {

  /** A run this long is an attack on its own; emphasis ("no no no no no no") rarely gets there. */
  static final int ATTACK_RUN = 10;
  static final int LOUD_RUN = 20;
  static final double ATTACK_WEIGHT = 0.8;
  static final double LOUD_WEIGHT = 0.9;
  private static final int MIN_LETTERS = 3;
  /** Longer tokens are ids or glued text, which other readers handle. */
  private static final int MAX_LETTERS = 24;
  /** A token longer than this (a word and a closing mark) cannot be a repeated word. */
  private static final int MAX_TOKEN = MAX_LETTERS + 1;
  /**
   * Chars between probes: less than the span of a run before its last word ({@value #ATTACK_RUN}
   * - 1 words of at least {@value #MIN_LETTERS} letters and a space, 36 chars), so no run slips
   * between two probes.
   */
  static final int PROBE_STRIDE = 32;
  /** Repetitions people type for sound or emphasis, not to flood a prompt. */
  private static final Set<String> INTERJECTIONS = new HashSet<>(Arrays.asList(
      "lol", "haha", "hah", "heh", "hehe", "hey", "yes", "yeah", "yay", "nope", "blah", "bla", "wow", "omg", "hmm",
      "woo", "hip", "hooray", "hurray", "boo", "meow", "woof", "tick", "tock", "knock", "bye", "more", "very"));

  private RepeatedWords() {}

  /**
   * Reports the longest run of one repeated word in folded {@code norm}, if long enough. A run of
   * {@value #ATTACK_RUN} words of at least {@value #MIN_LETTERS} letters spans more than
   * {@value #PROBE_STRIDE} chars before its last word, so probing one token every
   * {@value #PROBE_STRIDE} chars lands in it at least once; a probed token is compared with the
   * token after it, and only an equal pair is followed both ways. Looking at every token cost 2.7
   * us on a 1.5 KB message, more than most of the detector's passes; the probes cost a fraction.
   */
  static void find(NormalizedText norm, SignalCollector out) {
    String s = norm.text();
    int n = s.length();
    int best = 0;
    int bestStart = 0;
    int bestEnd = 0;
    for (int p = 0; p < n; p += PROBE_STRIDE) {
      int start = tokenStart(s, p);
      if (start < 0) {
        continue;
      }
      int wordLen = wordLength(s, start);
      int end = sameWordEnd(s, start, start, wordLen);
      if (end < 0 || end >= n || sameWordEnd(s, end + 1, start, wordLen) < 0) {
        continue;
      }
      int words = 1;
      int runEnd = end;
      for (int next; runEnd < n && (next = sameWordEnd(s, runEnd + 1, start, wordLen)) >= 0; runEnd = next) {
        words++;
      }
      int runStart = start;
      for (int prev; runStart > 1 && (prev = tokenStart(s, runStart - 2)) >= 0 && prev < runStart
          && sameWordEnd(s, prev, start, wordLen) == runStart - 1; runStart = prev) {
        words++;
      }
      if (words > best) {
        best = words;
        bestStart = runStart;
        bestEnd = runEnd;
      }
      p = Math.max(p, runEnd);
    }
    if (best < ATTACK_RUN) {
      return;
    }
    int wordLen = wordLength(s, bestStart);
    if (INTERJECTIONS.contains(s.substring(bestStart, bestStart + wordLen).toLowerCase(Locale.ROOT))) {
      return;
    }
    out.add(RuleFamily.REPEATED_TOKEN, best >= LOUD_RUN ? LOUD_WEIGHT : ATTACK_WEIGHT, norm.originalStart(bestStart),
        norm.originalEnd(bestEnd));
  }

  /** Letters at {@code start}, up to one more than {@link #MAX_LETTERS}. */
  private static int wordLength(String s, int start) {
    int end = start;
    while (end < s.length() && end - start <= MAX_LETTERS && AsciiLetters.isLetter(s.charAt(end))) {
      end++;
    }
    return end - start;
  }

  /**
   * The end of the token at {@code at} when it is the word {@code [wordStart, wordStart + wordLen)}
   * (any case) followed by at most one closing mark and then a space or the end of the text; -1
   * otherwise, and for a word shorter than {@link #MIN_LETTERS} or longer than {@link #MAX_LETTERS}.
   */
  private static int sameWordEnd(String s, int at, int wordStart, int wordLen) {
    int n = s.length();
    int end = at + wordLen;
    if (wordLen < MIN_LETTERS || wordLen > MAX_LETTERS || end > n) {
      return -1;
    }
    // The cheap test first: where the token ends. Most neighbours differ in length.
    if (end < n && ",.;!".indexOf(s.charAt(end)) >= 0) {
      end++;
    }
    if (end != n && s.charAt(end) != ' ') {
      return -1;
    }
    return at == wordStart || s.regionMatches(true, at, s, wordStart, wordLen) ? end : -1;
  }

  /**
   * Start of the space-separated token holding {@code p}, or of the one after it when {@code p} is
   * a space; -1 between two spaces or inside a token too long to repeat.
   */
  private static int tokenStart(String s, int p) {
    if (s.charAt(p) == ' ') {
      return p + 1 < s.length() && s.charAt(p + 1) != ' ' ? p + 1 : -1;
    }
    int start = p;
    while (start > 0 && s.charAt(start - 1) != ' ') {
      if (p - start >= MAX_TOKEN) {
        return -1;
      }
      start--;
    }
    return start;
  }
}
