package dev.airlock.agent.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US social security numbers: {@code AAA-GG-SSSS}, with one kind of separator (hyphen, space or
 * dot), or nine bare digits.
 *
 * <p>Structure rules (SSA): the area is never 000, 666 or 900-999, the group never 00, the serial
 * never 0000; numbers of one repeated digit, the famous wallet-insert 078-05-1120, 219-09-9999,
 * 123-45-6789 and the advertising block 987-65-4320..4329 are not real. The hyphenated form is
 * how SSNs are written and is reported as it stands; spaces or dots make it weaker; nine bare
 * digits could be anything and need a word such as "SSN" or "social security" nearby.
 */
final class UsSsnDetector implements IndexedDetector {

  static final double HYPHENATED = 0.6;
  static final double SPACED = 0.5;
  static final double BARE = 0.3;

  private static final ContextWords POSITIVE =
      ContextWords.of(0.35, "ssn", "ssns", "social security", "social sec", "ss#", "ss no", "ssa");

  private static final ContextWords NEGATIVE =
      ContextWords.of(
          -0.3, "phone", "tel", "fax", "order", "invoice", "tracking", "routing", "account", "isbn",
          "zip");

  /** Both lists, read in one pass over the window. */
  private static final ContextPair CONTEXT = new ContextPair(POSITIVE, NEGATIVE);

  /** Not inside a word or a longer number; the separator repeats by back-reference. */
  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_.,/\\-])(?<!\\d[ .\\-])"
              + "(?:(\\d{3})([- .])(\\d{2})\\2(\\d{4})|(\\d{3})(\\d{2})(\\d{4}))"
              + "(?![\\p{L}\\p{N}_]|[.,/\\-]\\d| \\d)");

  @Override
  public String type() {
    return PiiTypes.US_SSN;
  }

  @Override
  public void detect(CharSequence text, TextIndex index, List<Detection> out) {
    Matcher m = null;
    int resume = 0;
    for (int k = 0; k < index.digitRuns().size(); k++) {
      int i = index.digitRuns().get(k);
      if (i < resume || Chars.wordCharAt(text, i - 1)
          || !shape(text, i, index.digitRunEnds().get(k))) {
        continue;
      }
      if (m == null) {
        m = Anchored.matcher(CANDIDATE, text);
      }
      if (!Anchored.lookingAt(m, text, i)) {
        continue;
      }
      resume = m.end();
      boolean bare = m.group(1) == null;
      String area = bare ? m.group(5) : m.group(1);
      String group = bare ? m.group(6) : m.group(3);
      String serial = bare ? m.group(7) : m.group(4);
      if (!valid(area, group, serial)) {
        continue;
      }
      double base = bare ? BARE : m.group(2).equals("-") ? HYPHENATED : SPACED;
      double conf = CONTEXT.confidence(base, text, m.start(), m.end());
      out.add(new Detection(PiiTypes.US_SSN, m.start(), m.end(), Confidence.of(conf), null));
    }
  }

  /**
   * Whether the digits at {@code i} (their run ending at {@code runEnd}) are laid out as the pattern needs (nine in a row, or three
   * and a separator that comes back after two more): most numbers in a text are not, and this
   * rules them out without running the pattern.
   */
  private static boolean shape(CharSequence text, int i, int runEnd) {
    int first = runEnd - i;
    if (first == 9) {
      return true;
    }
    char sep = Chars.at(text, i + 3);
    return first == 3 && (sep == '-' || sep == ' ' || sep == '.') && Chars.digitAt(text, i + 4)
        && Chars.digitAt(text, i + 5) && Chars.at(text, i + 6) == sep;
  }

  /** The SSA's structure rules and the well-known numbers that are not anyone's. */
  static boolean valid(String area, String group, String serial) {
    if (area.equals("000") || area.equals("666") || area.charAt(0) == '9') {
      return false;
    }
    if (group.equals("00") || serial.equals("0000")) {
      return false;
    }
    String all = area + group + serial;
    if (Chars.allSame(all)) {
      return false;
    }
    return !all.equals("078051120")
        && !all.equals("219099999")
        && !all.equals("123456789")
        && !all.startsWith("98765432");
  }
}
