package dev.airlock.agent.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UK national insurance numbers: two prefix letters, six digits, a suffix A-D, written compact
 * ({@code QQ123456C}) or spaced ({@code QQ 12 34 56 C}, {@code QQ 123456 C}).
 *
 * <p>HMRC's allocation rules make the prefix the check: the first letter is never D, F, I, Q, U
 * or V, the second never D, F, I, O, Q, U or V, and BG, GB, KN, NK, NT, TN and ZZ are never
 * issued. Letters are all capitals or all lower case (lower case only compact or fully spaced,
 * since "on 123456 a" is prose). There is no check digit, so the confidence is moderate; the
 * official spaced layout and words such as "NINO" or "national insurance" raise it.
 */
final class UkNinoDetector implements IndexedDetector {

  static final double SPACED = 0.65;
  static final double COMPACT = 0.55;
  static final double LOWER_CASE_PENALTY = 0.05;

  private static final ContextWords POSITIVE =
      ContextWords.of(0.25, "nino", "national insurance", "ni number", "ni no", "insurance number");

  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_])([A-Za-z]{2}) ?(\\d{6}|\\d{2} \\d{2} \\d{2}) ?([A-Da-d])"
              + "(?![\\p{L}\\p{N}_])");

  @Override
  public String type() {
    return PiiTypes.UK_NINO;
  }

  @Override
  public void detect(CharSequence text, TextIndex index, List<Detection> out) {
    Matcher m = null;
    // Driven by the first digit (rare in prose) rather than by token starts (every word): the
    // number starts two letters before it, or two letters and a space. A digit after a letter or
    // a space starts a digit run, so the shared index's run starts are every place to look.
    int resume = 0;
    for (int k = 0; k < index.runCount(); k++) {
      int j = index.runStart(k);
      if (j < 2 || j < resume) {
        continue;
      }
      char before = text.charAt(j - 1);
      int i;
      if (Chars.isAsciiLetter(before)) {
        i = j - 2;
      } else if (before == ' ' && j >= 3) {
        i = j - 3;
      } else {
        continue;
      }
      int digitsEnd = digitsEnd(text, j, index.runEnd(k));
      if (digitsEnd < 0 || !suffixAt(text, digitsEnd) || i < resume
          || !Chars.isAsciiLetter(text.charAt(i)) || !Chars.isAsciiLetter(text.charAt(i + 1))
          || Chars.wordCharAt(text, i - 1)) {
        continue;
      }
      if (m == null) {
        m = Anchored.matcher(CANDIDATE, text);
      }
      if (!Anchored.lookingAt(m, text, i)) {
        continue;
      }
      resume = m.end();
      String prefix = m.group(1);
      String suffix = m.group(3);
      boolean upper = Character.isUpperCase(prefix.charAt(0));
      if (Character.isUpperCase(prefix.charAt(1)) != upper
          || Character.isUpperCase(suffix.charAt(0)) != upper
          || !validPrefix(prefix.toUpperCase(java.util.Locale.ROOT))) {
        continue;
      }
      int length = m.end() - m.start();
      if (!upper && length != 9 && length != 13) {
        continue; // lower case: only "ab123456c" or "ab 12 34 56 c"; "on 123456 a" is prose
      }
      boolean spaced = length > 9;
      double base = (spaced ? SPACED : COMPACT) - (upper ? 0.0 : LOWER_CASE_PENALTY);
      double conf = base + POSITIVE.adjust(text, m.start(), m.end());
      out.add(new Detection(PiiTypes.UK_NINO, m.start(), m.end(), Confidence.of(conf), null));
    }
  }

  /**
   * Where the number's digits end if the digit run at {@code j}, ending at {@code runEnd}, can be
   * them (six in a row, or two and a space: "12 34 56"), else -1; rules most runs out without
   * running the pattern.
   */
  private static int digitsEnd(CharSequence text, int j, int runEnd) {
    int first = runEnd - j;
    if (first == 6) {
      return runEnd;
    }
    return first == 2 && Chars.at(text, j + 2) == ' ' ? j + 8 : -1;
  }

  /**
   * Whether a suffix letter (A-D, either case) follows the digits ending at {@code p}, right after
   * them or after one space: the pattern cannot match otherwise, and on text dense with numbers
   * this rules out most of the runs that have two letters before them (the pattern's set-up
   * alone, a matcher reset per try, was most of this detector's time there).
   */
  private static boolean suffixAt(CharSequence text, int p) {
    char c = Chars.at(text, p);
    if (c == ' ') {
      c = Chars.at(text, p + 1);
    }
    char upper = (char) (c & ~0x20);
    return upper >= 'A' && upper <= 'D';
  }

  /** HMRC prefix rules for an upper-case two-letter prefix. */
  static boolean validPrefix(String p) {
    char a = p.charAt(0);
    char b = p.charAt(1);
    if ("DFIQUV".indexOf(a) >= 0 || "DFIOQUV".indexOf(b) >= 0) {
      return false;
    }
    switch (p) {
      case "BG": case "GB": case "KN": case "NK": case "NT": case "TN": case "ZZ":
        return false;
      default:
        return true;
    }
  }
}
