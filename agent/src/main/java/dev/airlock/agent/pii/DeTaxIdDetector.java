package dev.airlock.agent.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * German tax identification numbers (steuerliche Identifikationsnummer, "Steuer-ID"): eleven
 * digits, the first not 0, written compact or as {@code 12 345 678 901}.
 *
 * <p>Two strengths. The check digit (ISO 7064 MOD 11,10 over the first ten digits) is necessary.
 * The Federal Central Tax Office also allocates numbers so that in the first ten digits exactly
 * one digit occurs twice or three times (three never all adjacent) and every other digit at most
 * once; a number that meets both is reported as it stands. A number with a valid check digit that
 * breaks the repetition rule (such as the specimen {@code 12345678903}) is reported only near a
 * word such as "Steuer-ID" or "IdNr"; a digit occurring four or more times is never a tax id.
 */
final class DeTaxIdDetector implements IndexedDetector {

  static final double STRUCTURED = 0.6;
  static final double STRUCTURED_GROUPED = 0.7;
  static final double CHECKSUM_ONLY = 0.35;

  private static final ContextWords POSITIVE =
      ContextWords.of(
          0.3, "steuer id", "steuerid", "steuer*", "idnr", "id nr", "identifikationsnummer",
          "steueridentifikationsnummer", "tax id", "tin", "tax identification");

  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_.,/\\-])(?<!\\d[ .\\-])([1-9]\\d{10}|[1-9]\\d \\d{3} \\d{3} \\d{3})"
              + "(?![\\p{L}\\p{N}_]|[.,/\\-]\\d| \\d)");

  @Override
  public String type() {
    return PiiTypes.DE_TAX_ID;
  }

  @Override
  public void detect(CharSequence text, TextIndex index, List<Detection> out) {
    Matcher m = null;
    // An id starts a digit run (the shared index's run starts), not inside a word.
    int resume = 0;
    for (int k = 0; k < index.runCount(); k++) {
      int i = index.runStart(k);
      if (i < resume || Chars.wordCharAt(text, i - 1)
          || !shape(text, i, index.runEnd(k))) {
        continue;
      }
      if (m == null) {
        m = Anchored.matcher(CANDIDATE, text);
      }
      if (!Anchored.lookingAt(m, text, i)) {
        continue;
      }
      resume = m.end();
      String digits = Chars.digitsOf(text, m.start(), m.end());
      if (!checkDigitValid(digits)) {
        continue;
      }
      int structure = structure(digits);
      if (structure < 0) {
        continue;
      }
      boolean grouped = digits.length() != m.end() - m.start();
      double base =
          structure == 1 ? (grouped ? STRUCTURED_GROUPED : STRUCTURED) : CHECKSUM_ONLY;
      double conf = base + POSITIVE.adjust(text, m.start(), m.end());
      out.add(new Detection(PiiTypes.DE_TAX_ID, m.start(), m.end(), Confidence.of(conf), null));
    }
  }

  /**
   * Whether the digit run at {@code i}, ending at {@code runEnd}, can begin the pattern: eleven digits, or two and a space
   * ("12 345 678 901"), not starting with 0. Most runs of a text dense with numbers are not, and
   * this rules them out without running the pattern.
   */
  private static boolean shape(CharSequence text, int i, int runEnd) {
    int first = runEnd - i;
    return text.charAt(i) != '0' && (first == 11 || (first == 2 && Chars.at(text, i + 2) == ' '));
  }

  /** ISO 7064 MOD 11,10: the eleventh digit checks the first ten. */
  static boolean checkDigitValid(String d) {
    int product = 10;
    for (int i = 0; i < 10; i++) {
      int sum = (d.charAt(i) - '0' + product) % 10;
      if (sum == 0) {
        sum = 10;
      }
      product = (sum * 2) % 11;
    }
    int check = 11 - product;
    if (check == 10) {
      check = 0;
    }
    return check == d.charAt(10) - '0';
  }

  /**
   * 1 when the first ten digits follow the allocation rule (one digit twice or three times, not
   * three in a row; the rest at most once), 0 when no digit occurs more than three times but the
   * rule is broken, -1 when a digit occurs four or more times.
   */
  static int structure(String d) {
    int[] counts = new int[10];
    for (int i = 0; i < 10; i++) {
      counts[d.charAt(i) - '0']++;
    }
    int repeated = 0;
    int repeatedDigit = -1;
    for (int digit = 0; digit < 10; digit++) {
      if (counts[digit] > 3) {
        return -1;
      }
      if (counts[digit] > 1) {
        repeated++;
        repeatedDigit = digit;
      }
    }
    if (repeated != 1) {
      return 0;
    }
    if (counts[repeatedDigit] == 3) {
      char c = (char) ('0' + repeatedDigit);
      for (int i = 0; i + 2 < 10; i++) {
        if (d.charAt(i) == c && d.charAt(i + 1) == c && d.charAt(i + 2) == c) {
          return 0;
        }
      }
    }
    return 1;
  }
}
