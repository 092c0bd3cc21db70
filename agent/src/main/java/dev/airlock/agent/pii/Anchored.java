package dev.airlock.agent.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a precompiled pattern only where a token starts, instead of letting {@link Matcher#find()}
 * try it at every position.
 *
 * <p>Why: every detector pattern begins with a look-behind that keeps matches at token starts;
 * evaluated by {@code find()} at each of a megabyte's positions, that alone costs more than the
 * rest of the scan. The detectors find the few places where a match can begin (the digit runs of
 * the shared {@link TextIndex}, or {@link #nextStart} inside a stretch), and the pattern runs there
 * with {@link Matcher#lookingAt()}. The region bounds are
 * transparent, so the pattern's own look-behind and look-ahead still see the text around it and
 * decide exactly as before.
 */
final class Anchored {

  /**
   * Which chars can begin a match: a table over ASCII (every detector starts at an ASCII char).
   * A table rather than a functional interface, because {@link #nextStart} runs once per char of
   * the stretches it reads: called through an interface with several implementations, the test
   * would be a virtual call per char, and it was the largest cost of a scan.
   */
  static final class CharTest {
    private final boolean[] ascii = new boolean[128];

    /** The chars of {@code chars}, and every char between each pair "a-z" written in it. */
    static CharTest of(String chars) {
      CharTest t = new CharTest();
      for (int i = 0; i < chars.length(); i++) {
        char c = chars.charAt(i);
        if (i + 2 < chars.length() && chars.charAt(i + 1) == '-') {
          for (char x = c; x <= chars.charAt(i + 2); x++) {
            t.ascii[x] = true;
          }
          i += 2;
        } else {
          t.ascii[c] = true;
        }
      }
      return t;
    }

    boolean test(char c) {
      return c < 128 && ascii[c];
    }
  }

  static final CharTest ASCII_LETTER = CharTest.of("A-Za-z");

  private Anchored() {}

  /** A matcher over {@code text} whose region bounds are transparent to look-arounds. */
  static Matcher matcher(Pattern pattern, CharSequence text) {
    Matcher m = pattern.matcher(text);
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    return m;
  }

  /**
   * The first index in {@code [from, to)} whose char passes {@code test} and is not preceded by a
   * letter, digit or '_' (so a match cannot start inside a word or number), or -1.
   */
  static int nextStart(CharSequence text, int from, int to, CharTest test) {
    boolean[] table = test.ascii;
    for (int i = Math.max(0, from), n = Math.min(to, text.length()); i < n; i++) {
      char c = text.charAt(i);
      if (c < 128 && table[c] && (i == 0 || !Chars.isWordChar(text.charAt(i - 1)))) {
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
