package dev.airlock.agent.pii;

import java.util.BitSet;
import java.util.List;

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
  static final ContextPair CONTEXT = new ContextPair(POSITIVE, NEGATIVE);

  /** The pattern {@link #matchEnd} implements: not inside a word or a longer number. */
  static final String PATTERN =
      "(?<![\\p{L}\\p{N}_.,/\\-])(?<!\\d[ .\\-])"
          + "(?:(\\d{3})([- .])(\\d{2})\\2(\\d{4})|(\\d{3})(\\d{2})(\\d{4}))"
          + "(?![\\p{L}\\p{N}_]|[.,/\\-]\\d| \\d)";

  /**
   * The digit runs an SSN can start with: not after a word char, and nine digits, or the three
   * of the area with a separator and a digit after them.
   */
  private static final RunFilter AREAS =
      new RunFilter(
          s -> {
            int after = RunShape.after(s);
            boolean separated = RunShape.minLength(s) == 3 && RunShape.then(s) == RunShape.DIGIT
                && (after == RunShape.DASH || after == RunShape.SPACE || after == RunShape.DOT);
            return RunShape.before(s) == RunShape.AFTER_NON_WORD
                && (RunShape.minLength(s) == 9 || separated);
          });

  @Override
  public String type() {
    return PiiTypes.US_SSN;
  }

  @Override
  public void detect(CharSequence text, TextIndex index, List<Detection> out) {
    int resume = 0;
    BitSet runs = index.runs(AREAS);
    for (int k = runs.nextSetBit(0); k >= 0; k = runs.nextSetBit(k + 1)) {
      int i = index.runStart(k);
      int runEnd = index.runEnd(k);
      if (i < resume || !shape(text, i, runEnd)) {
        continue;
      }
      int end = matchEnd(text, i, runEnd);
      if (end < 0) {
        continue;
      }
      resume = end;
      boolean bare = runEnd - i == 9;
      int groupAt = bare ? i + 3 : i + 4;
      int serialAt = groupAt + 3 - (bare ? 1 : 0);
      String area = text.subSequence(i, i + 3).toString();
      String group = text.subSequence(groupAt, groupAt + 2).toString();
      String serial = text.subSequence(serialAt, serialAt + 4).toString();
      if (!valid(area, group, serial)) {
        continue;
      }
      double base = bare ? BARE : text.charAt(i + 3) == '-' ? HYPHENATED : SPACED;
      double conf = CONTEXT.confidence(base, text, i, end);
      out.add(new Detection(PiiTypes.US_SSN, i, end, Confidence.of(conf), null));
    }
  }

  /**
   * Whether the digits at {@code i}, a run of {@link #AREAS} ending at {@code runEnd}, are laid
   * out as the pattern needs: nine in a row, or three, a separator and two digits, and the same
   * separator again. With the run's shape this rules out most numbers of a text without running
   * the pattern.
   */
  private static boolean shape(CharSequence text, int i, int runEnd) {
    return runEnd - i == 9
        || (Chars.digitAt(text, i + 5) && Chars.at(text, i + 6) == text.charAt(i + 3));
  }

  /**
   * Where {@link #PATTERN} matches from {@code i} ends, or -1, for a start that passed {@link
   * #shape}: the pattern written out, since run at each of the many nine-digit runs of a text
   * dense with numbers it was most of this detector's time. After the shape only three things
   * are left to decide: the look-behind ({@link Chars#separateNumberAt}: the pattern's second
   * look-behind adds '.' and '-' after a digit, which the first already rules out), the serial's
   * four digits of the separated form, and the look-ahead: no letter, number or '_' (a whole
   * code point, as the pattern reads it), and no '.', ',', '/', '-' or space before a digit.
   */
  static int matchEnd(CharSequence text, int i, int runEnd) {
    if (!Chars.separateNumberAt(text, i)) {
      return -1;
    }
    int end;
    if (runEnd - i == 9) {
      end = runEnd;
    } else {
      end = i + 11;
      // Four digits from i + 7: with the shape's three, two and separators, a run of exactly four.
      if (Chars.digitRunEnd(text, i + 7) < end) {
        return -1;
      }
    }
    if (end == text.length()) {
      return end;
    }
    int next = Character.codePointAt(text, end);
    if (next == '_' || Character.isLetter(next) || Chars.isNumber(next)) {
      return -1;
    }
    boolean digitAfter = Chars.digitAt(text, end + 1);
    if (digitAfter && (next == '.' || next == ',' || next == '/' || next == '-' || next == ' ')) {
      return -1;
    }
    return end;
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
