package dev.airlock.agent.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spanish personal tax ids: the NIF of citizens (DNI number: 8 digits, or 7 on old cards, then a
 * check letter) and the NIE of foreigners (X, Y or Z, 7 digits, check letter), with an optional
 * hyphen before the letter ({@code 12345678-Z}, {@code Y8063915-Z}).
 *
 * <p>The check letter is {@code "TRWAGMYFPDXBNJZSQVHLCKE"[number mod 23]}, where the NIE prefix
 * counts as the leading digit 0, 1 or 2. Letters are accepted in either case; a number whose
 * letter does not check is not reported.
 */
final class EsNifDetector implements IndexedDetector {

  static final double NIE = 0.75;
  static final double NIF = 0.7;
  static final double NIF_SEVEN_DIGITS = 0.6;

  private static final String LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
  /** The first char of an NIE ({@link Chars#at}'s {@code '\0'} outside the text is none). */
  private static final String NIE_LETTERS = "XYZxyz";

  private static final ContextWords POSITIVE =
      ContextWords.of(
          0.2, "dni", "nif", "nie", "documento", "identidad", "identificación", "identificacion",
          "extranjero", "spanish id");

  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_\\-])(?<!\\d[.,])"
              + "(?:([XYZxyz])-?(\\d{7})|(\\d{7,8}))-?([A-Za-z])(?![\\p{L}\\p{N}_])");

  @Override
  public String type() {
    return PiiTypes.ES_NIF;
  }

  @Override
  public void detect(CharSequence text, TextIndex index, List<Detection> out) {
    Matcher m = null;
    int resume = 0;
    // Both forms' digits start a digit run (the shared index's run starts): a NIF at the run, an
    // NIE at the letter right before it or before its hyphen. Those are the only starts that can
    // match, tried in text order.
    int[] starts = new int[2];
    for (int k = 0; k < index.runCount(); k++) {
      int run = index.runStart(k);
      // The number is the whole run: 7 or 8 digits for a NIF, 7 for an NIE.
      int length = index.runEnd(k) - run;
      if (length != 7 && length != 8) {
        continue;
      }
      int count = 0;
      char before = Chars.at(text, run - 1);
      if (length == 7 && NIE_LETTERS.indexOf(before) >= 0) {
        starts[count++] = run - 1;
      } else if (length == 7 && before == '-'
          && NIE_LETTERS.indexOf(Chars.at(text, run - 2)) >= 0) {
        starts[count++] = run - 2;
      }
      starts[count++] = run;
      for (int c = 0; c < count; c++) {
        int i = starts[c];
        if (i < resume || Chars.wordCharAt(text, i - 1)) {
          continue;
        }
        if (m == null) {
          m = Anchored.matcher(CANDIDATE, text);
        }
        if (!Anchored.lookingAt(m, text, i)) {
          continue;
        }
        resume = m.end();
        report(text, m, out);
      }
    }
  }

  /** Reports the candidate {@code m} matched when its check letter is right. */
  private static void report(CharSequence text, Matcher m, List<Detection> out) {
    boolean nie = m.group(1) != null;
    // The NIE letter X, Y or Z stands for a leading 0, 1 or 2.
    String number =
        nie ? "XYZ".indexOf(Character.toUpperCase(m.group(1).charAt(0))) + m.group(2) : m.group(3);
    if (!letterValid(number, m.group(4).charAt(0))) {
      return;
    }
    double base = nie ? NIE : number.length() == 8 ? NIF : NIF_SEVEN_DIGITS;
    double conf = base + POSITIVE.adjust(text, m.start(), m.end());
    out.add(
        new Detection(
            PiiTypes.ES_NIF, m.start(), m.end(), Confidence.of(conf), nie ? "nie" : "nif"));
  }

  /** The mod-23 check letter of {@code number} (digits only), compared case-insensitively. */
  static boolean letterValid(String number, char letter) {
    int r = 0;
    for (int i = 0; i < number.length(); i++) {
      r = (r * 10 + (number.charAt(i) - '0')) % 23;
    }
    return LETTERS.charAt(r) == Character.toUpperCase(letter);
  }
}
