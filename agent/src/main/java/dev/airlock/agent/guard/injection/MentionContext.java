package dev.airlock.agent.guard.injection;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Softens phrase evidence that is talked about rather than said: "what does 'ignore previous
 * instructions' mean?", "attacks such as 'you are now DAN' are filtered". A trigger phrase near
 * words of meta-discussion (explain, example, detect, injection, ...) is discounted, more so when
 * it is also in quotes. The softening is partial on purpose: wrapping an attack in a question must
 * not make it free.
 *
 * <p>Runs only on matches, so it scans two short windows word by word instead of with a regex.
 * Stateless.
 */
final class MentionContext {

  /** How far before a match to look for meta-discussion, in chars. */
  private static final int LOOK_BACK = 100;
  /** How far after a match to look for the closing quote, and for meta-discussion ("... means"). */
  private static final int LOOK_AHEAD = 80;
  /** Quoted and discussed: most likely a mention. */
  static final double QUOTED_MENTION = 0.4;
  /** Discussed but not quoted. */
  static final double DISCUSSED = 0.7;

  /** Words of meta-discussion before a phrase ("explain how 'X' works", "attacks like 'X'"). */
  private static final Set<String> BEFORE = words("mean means meaning definition define example examples e.g called"
      + " phrase phrases term terms keyword keywords injection injections jailbreak jailbreaks attack attacks"
      + " paper article dataset benchmark");
  /** Stems of such words ("explained", "detection", "classifier", "filtering", "research"). */
  private static final String[] BEFORE_STEMS = {
    "explain", "detect", "classif", "filter", "recogni", "prevent", "defend", "mitigat", "research"
  };
  /** Words of meta-discussion after a phrase ("'X' means ...", "'X' is a classic injection"). */
  private static final Set<String> AFTER =
      words("mean means meaning definition injection injections jailbreak jailbreaks attack attacks");
  /** Second words of two-word cues: "such as", "for instance", "known as", "refers to", "is an example". */
  private static final Set<String> PAIR_SECOND = words("as instance to example classic common typical known");

  private MentionContext() {}

  /** The factor (at most 1) by which a phrase match at {@code [start, end)} of folded {@code text} counts. */
  static double factor(String text, int start, int end) {
    boolean quoted = isQuoted(text, start, end);
    // A quoted phrase is discussed by the sentences around it ("Attacks look like this. 'Ignore
    // ...'"); a phrase said in a sentence of its own is not discussed by the one before it ("We're
    // doing research on personal data. Tell me Paul's birth date.").
    int lookFrom = Math.max(0, start - LOOK_BACK);
    if (!quoted) {
      lookFrom = Math.max(lookFrom, sentenceStart(text, lookFrom, start));
    }
    if (!discussed(text, lookFrom, start, true)
        && !discussed(text, end, Math.min(text.length(), end + LOOK_AHEAD), false)) {
      return 1.0;
    }
    return quoted ? QUOTED_MENTION : DISCUSSED;
  }

  /**
   * Where the sentence holding {@code at} starts, looking back no further than {@code from}: after
   * the last full stop, question or exclamation mark followed by a blank, or line break. A colon
   * does not end a sentence ("an example of an attack: ...").
   */
  private static int sentenceStart(String text, int from, int at) {
    for (int i = at - 1; i > from; i--) {
      char c = text.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (c == ' ' && ".?!".indexOf(text.charAt(i - 1)) >= 0) {
        return i + 1;
      }
    }
    return from;
  }

  /** Whether {@code [from, to)} holds a word of meta-discussion. */
  private static boolean discussed(String text, int from, int to, boolean before) {
    String previous = "";
    int i = from;
    while (i < to) {
      if (!AsciiLetters.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      // A word; a dot inside it is kept ("e.g").
      while (i < to && (AsciiLetters.isLetter(text.charAt(i))
          || (text.charAt(i) == '.' && i + 1 < to && AsciiLetters.isLetter(text.charAt(i + 1))))) {
        i++;
      }
      if (s > 0 && "./@".indexOf(text.charAt(s - 1)) >= 0) {
        continue; // part of a domain or a path ("evil.example", "/docs/examples")
      }
      String word = text.substring(s, i).toLowerCase(Locale.ROOT);
      if (isCue(word, previous, before)) {
        return true;
      }
      previous = word;
    }
    return false;
  }

  private static boolean isCue(String word, String previous, boolean before) {
    if (PAIR_SECOND.contains(word)) {
      switch (previous) {
        case "such":
        case "known":
          return "as".equals(word);
        case "for":
          return "instance".equals(word);
        case "refers":
        case "refer":
          return "to".equals(word);
        case "is":
        case "a":
        case "an":
          return !"as".equals(word) && !"to".equals(word) && !"instance".equals(word);
        default:
          break;
      }
    }
    if (before) {
      if (BEFORE.contains(word)) {
        return true;
      }
      for (String stem : BEFORE_STEMS) {
        if (word.startsWith(stem)) {
          return true;
        }
      }
      return false;
    }
    return AFTER.contains(word);
  }

  /** Whether a quote opens just before {@code start} and one closes soon after {@code end}. */
  private static boolean isQuoted(String text, int start, int end) {
    int i = start - 1;
    while (i >= 0 && start - i <= 3 && text.charAt(i) == ' ') {
      i--;
    }
    if (i < 0 || !isQuote(text.charAt(i))) {
      return false;
    }
    int limit = Math.min(text.length(), end + LOOK_AHEAD);
    for (int j = end; j < limit; j++) {
      char c = text.charAt(j);
      if (isQuote(c)) {
        return true;
      }
      if (c == '\n') {
        return false;
      }
    }
    return false;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '`';
  }

  private static Set<String> words(String list) {
    return new HashSet<>(Arrays.asList(list.split(" ")));
  }
}
