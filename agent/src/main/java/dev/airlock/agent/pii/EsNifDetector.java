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
final class EsNifDetector implements Detector {

  static final double NIE = 0.75;
  static final double NIF = 0.7;
  static final double NIF_SEVEN_DIGITS = 0.6;

  private static final String LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

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
  public void detect(CharSequence text, List<Detection> out) {
    Matcher m = Anchored.matcher(CANDIDATE, text);
    for (int i = Anchored.nextStart(text, 0, CAN_START); i >= 0;
        i = Anchored.nextStart(text, i + 1, CAN_START)) {
      // Cheap test first: seven digits from here, or after the NIE letter.
      if ((!Chars.digitAt(text, i + 6) && !Chars.digitAt(text, i + 7))
          || !Anchored.lookingAt(m, text, i)) {
        continue;
      }
      i = m.end() - 1;
      boolean nie = m.group(1) != null;
      // The NIE letter X, Y or Z stands for a leading 0, 1 or 2.
      String number =
          nie
              ? "XYZ".indexOf(Character.toUpperCase(m.group(1).charAt(0))) + m.group(2)
              : m.group(3);
      if (!letterValid(number, m.group(4).charAt(0))) {
        continue;
      }
      double base = nie ? NIE : number.length() == 8 ? NIF : NIF_SEVEN_DIGITS;
      double conf = base + POSITIVE.adjust(text, m.start(), m.end());
      out.add(
          new Detection(
              PiiTypes.ES_NIF, m.start(), m.end(), Confidence.of(conf), nie ? "nie" : "nif"));
    }
  }

  /** A digit, or the X, Y or Z of an NIE. */
  private static final Anchored.CharTest CAN_START = Anchored.CharTest.of("0-9XYZxyz");

  /** The mod-23 check letter of {@code number} (digits only), compared case-insensitively. */
  static boolean letterValid(String number, char letter) {
    int r = 0;
    for (int i = 0; i < number.length(); i++) {
      r = (r * 10 + (number.charAt(i) - '0')) % 23;
    }
    return LETTERS.charAt(r) == Character.toUpperCase(letter);
  }
}
