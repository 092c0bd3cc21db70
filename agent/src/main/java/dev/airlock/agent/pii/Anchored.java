package dev.airlock.agent.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a precompiled pattern only where a token starts, instead of letting {@link Matcher#find()}
 * try it at every position.
 *
 * <p>Why: every detector pattern begins with a look-behind that keeps matches at token starts;
 * evaluated by {@code find()} at each of a megabyte's positions, that alone costs more than the
 * rest of the scan. A plain loop over chars finds the few token starts whose first char can begin
 * a match, and the pattern runs there with {@link Matcher#lookingAt()}. The region bounds are
 * transparent, so the pattern's own look-behind and look-ahead still see the text around it and
 * decide exactly as before.
 */
final class Anchored {

  /** Which chars can begin a match. */
  interface CharTest {
    boolean test(char c);
  }

  static final CharTest DIGIT = Chars::isDigit;
  static final CharTest ASCII_LETTER = Chars::isAsciiLetter;

  private Anchored() {}

  /** A matcher over {@code text} whose region bounds are transparent to look-arounds. */
  static Matcher matcher(Pattern pattern, CharSequence text) {
    Matcher m = pattern.matcher(text);
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    return m;
  }

  /**
   * The first index from {@code from} on whose char passes {@code test} and is not preceded by a
   * letter, digit or '_' (so a match cannot start inside a word or number), or -1.
   */
  static int nextStart(CharSequence text, int from, CharTest test) {
    for (int i = Math.max(0, from), n = text.length(); i < n; i++) {
      if (test.test(text.charAt(i)) && (i == 0 || !Chars.isWordChar(text.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the pattern matches starting exactly at {@code start}; the match is in {@code m}. */
  static boolean lookingAt(Matcher m, CharSequence text, int start) {
    m.region(start, text.length());
    return m.lookingAt();
  }
}
