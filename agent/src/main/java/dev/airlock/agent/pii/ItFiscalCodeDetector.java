package dev.airlock.agent.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Italian fiscal codes (codice fiscale) of persons: 16 chars, {@code RSSMRA85T10A562S}.
 *
 * <p>Layout: six letters (surname, name), two digits (year), a month letter from {@code
 * ABCDEHLMPRST}, two digits (day, plus 40 for women: 01-31 or 41-71), a letter and three digits
 * (municipality), a check letter. Under "omocodia" (the rare duplicates) digits may be replaced by
 * the letters {@code LMNPQRSTUV}. The check letter is the sum of the odd-position values (the
 * official table) and the even-position values, mod 26; a code whose check letter fails is not
 * reported. Letters are all capitals or all lower case.
 */
final class ItFiscalCodeDetector implements IndexedDetector {

  static final double CONFIDENCE = 0.9;

  /** Values of '0'-'9' and 'A'-'Z' (digits share their letter's value) at odd positions. */
  private static final int[] ODD = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
  };

  private static final String OMOCODE = "LMNPQRSTUV";
  private static final String MONTHS = "ABCDEHLMPRST";

  /** A digit, or under omocodia the letter that replaces it. */
  private static final String DIGIT = "[0-9LMNPQRSTUVlmnpqrstuv]";

  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_])[A-Za-z]{6}" + DIGIT + "{2}[A-Za-z]" + DIGIT + "{2}[A-Za-z]" + DIGIT
              + "{3}[A-Za-z](?![\\p{L}\\p{N}_])");

  @Override
  public String type() {
    return PiiTypes.IT_FISCAL_CODE;
  }

  /** The long tokens below come with the index's secret anchors. */
  @Override
  public boolean needsSecretAnchors() {
    return true;
  }

  @Override
  public void detect(CharSequence text, TextIndex index, List<Detection> out) {
    // A code is a 16-char token: only whitespace-free stretches that long can hold one (the
    // shared index's long tokens), and looking at the start of every word of the text instead
    // cost more than all the rest.
    int[] stretches = index.longTokens();
    Matcher m = stretches.length == 0 ? null : Anchored.matcher(CANDIDATE, text);
    for (int t = 0; t < stretches.length; t += 2) {
      detectIn(text, stretches[t], stretches[t + 1], m, out);
    }
  }

  private static void detectIn(CharSequence text, int from, int to, Matcher m, List<Detection> out) {
    for (int i = Anchored.nextStart(text, from, to, Anchored.ASCII_LETTER); i >= 0;
        i = Anchored.nextStart(text, i + 1, to, Anchored.ASCII_LETTER)) {
      // Cheap test first: a 16-char token that starts with six letters.
      if (Chars.wordCharAt(text, i + 16) || !Chars.wordCharAt(text, i + 15)
          || !sixLetters(text, i) || !Anchored.lookingAt(m, text, i)) {
        continue;
      }
      i = m.end() - 1;
      String code = m.group();
      String upper = code.toUpperCase(java.util.Locale.ROOT);
      boolean allUpper = code.equals(upper);
      if (!(allUpper || code.equals(code.toLowerCase(java.util.Locale.ROOT))) || !valid(upper)) {
        continue;
      }
      out.add(new Detection(PiiTypes.IT_FISCAL_CODE, m.start(), m.end(), CONFIDENCE, null));
    }
  }

  private static boolean sixLetters(CharSequence t, int i) {
    for (int k = i; k < i + 6; k++) {
      if (!Chars.isAsciiLetter(Chars.at(t, k))) {
        return false;
      }
    }
    return true;
  }

  /** Month, day and check letter of an upper-case code that already has the 16-char layout. */
  static boolean valid(String c) {
    if (MONTHS.indexOf(c.charAt(8)) < 0) {
      return false;
    }
    int day = digitValue(c.charAt(9)) * 10 + digitValue(c.charAt(10));
    if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) {
      return false;
    }
    return checkLetter(c) == c.charAt(15);
  }

  /** A digit, or the omocodia letter standing for one. */
  private static int digitValue(char c) {
    return Chars.isDigit(c) ? c - '0' : OMOCODE.indexOf(c);
  }

  /** The check letter of the first 15 chars of an upper-case code. */
  static char checkLetter(String c) {
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char ch = c.charAt(i);
      int index = Chars.isDigit(ch) ? ch - '0' : ch - 'A';
      // Positions are counted from 1, so index 0 is the first odd position.
      sum += i % 2 == 0 ? ODD[index] : index;
    }
    return (char) ('A' + sum % 26);
  }
}
