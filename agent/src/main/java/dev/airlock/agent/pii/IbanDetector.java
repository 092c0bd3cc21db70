package dev.airlock.agent.pii;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * International bank account numbers, checked the way a bank checks them: a country that issues
 * IBANs, that country's exact length, its BBAN structure (which positions are digits, capital
 * letters or either, from the SWIFT IBAN registry), check digits 02-98, and ISO 13616 mod 97.
 *
 * <p>Written compact ({@code DE89370400440532013000}) or in the print format, groups of four
 * separated by single spaces or hyphens, the last group shorter ({@code DE89 3704 0044 0532 0130
 * 00}). Letters are all capitals or, when typed by hand, all lower case; mixed case is not an
 * IBAN. The detector reads exactly as many characters as the country's IBAN has; if the text goes
 * on with more of the same token, or with another group of digits, the candidate is rejected
 * rather than cut short.
 */
final class IbanDetector implements IndexedDetector {

  static final double CONFIDENCE = 0.95;

  /**
   * Country, total length, BBAN structure (n digits, a capital letters, c letters or digits), from
   * the SWIFT IBAN registry, including the countries added up to 2024.
   */
  private static final String REGISTRY =
      "AD24:8n12c AE23:19n AL28:8n16c AT20:16n AZ28:4a20c BA20:16n BE16:12n BG22:4a6n8c"
          + " BH22:4a14c BI27:23n BR29:23n1a1c BY28:4c4n16c CH21:5n12c CR22:18n CY28:8n16c"
          + " CZ24:20n DE22:18n DJ27:23n DK18:14n DO28:4c20n EE20:16n EG29:25n ES24:20n FI18:14n"
          + " FK18:2a12n FO18:14n FR27:10n11c2n GB22:4a14n GE22:2a16n GI23:4a15c GL18:14n"
          + " GR27:7n16c GT28:4c20c HN28:4a20n HR21:17n HU28:24n IE22:4a14n IL23:19n IQ23:4a15n"
          + " IS26:22n IT27:1a10n12c JO30:4a4n18c KW30:4a22c KZ20:3n13c LB28:4n20c LC32:4a24c"
          + " LI21:5n12c LT20:16n LU20:3n13c LV21:4a13c LY25:21n MC27:10n11c2n MD24:20c ME22:18n"
          + " MK19:3n10c2n MN20:16n MR27:23n MT31:4a5n18c MU30:4a19n3a NI28:4a20n NL18:4a10n"
          + " NO15:11n OM23:3n16c PK24:4a16c PL28:24n PS29:4a21c PT25:21n QA29:4a21c RO24:4a16c"
          + " RS22:18n RU33:14n15c SA24:2n18c SC31:4a20n3a SD18:14n SE24:20n SI19:15n SK24:20n"
          + " SM27:1a10n12c SO23:19n ST25:21n SV28:4a20n TL23:19n TN24:20n TR26:6n16c UA29:6n19c"
          + " VA22:18n VG24:4a16n XK20:16n YE30:4a4n18c";

  /**
   * The class of each BBAN position ('n', 'a' or 'c') by country code, at {@link #code}: an array
   * rather than a map from strings, since every two capitals before a number are looked up, and a
   * string and a hash per look-up were most of this detector's time on text dense with numbers.
   */
  private static final char[][] BBAN = new char[26 * 26][];

  static {
    for (String entry : REGISTRY.split(" ")) {
      String cc = entry.substring(0, 2);
      int length = Integer.parseInt(entry.substring(2, 4));
      StringBuilder classes = new StringBuilder();
      Matcher m = Pattern.compile("(\\d+)([nac])").matcher(entry.substring(5));
      while (m.find()) {
        for (int i = Integer.parseInt(m.group(1)); i > 0; i--) {
          classes.append(m.group(2).charAt(0));
        }
      }
      if (classes.length() != length - 4) {
        throw new IllegalStateException("IBAN registry entry inconsistent: " + entry);
      }
      BBAN[code(cc.charAt(0), cc.charAt(1))] = classes.toString().toCharArray();
    }
  }

  /** The digit runs an IBAN's check digits can start: two digits or more, after two letters. */
  private static final RunFilter CHECK_DIGITS =
      new RunFilter(
          s -> RunShape.before(s) == RunShape.AFTER_LETTER_PAIR && RunShape.minLength(s) >= 2);

  @Override
  public String type() {
    return PiiTypes.IBAN;
  }

  @Override
  public void detect(CharSequence text, TextIndex index, List<Detection> out) {
    // An IBAN starts a token with two letters and two digits: the digits start a digit run (they
    // follow a letter), so only the runs of that shape are visited.
    int resume = 0;
    BitSet runs = index.runs(CHECK_DIGITS);
    for (int k = runs.nextSetBit(0); k >= 0; k = runs.nextSetBit(k + 1)) {
      int i = index.runStart(k);
      if (i < resume) {
        continue;
      }
      int start = i - 2;
      char[] bban = bban(upper(text.charAt(start)), upper(text.charAt(start + 1)));
      if (bban == null) {
        continue;
      }
      char[] iban = new char[bban.length + 4];
      int end = read(text, start, iban);
      if (end < 0 || !valid(iban)) {
        continue;
      }
      out.add(new Detection(PiiTypes.IBAN, start, end, CONFIDENCE, new String(iban, 0, 2)));
      resume = end + 2; // the next IBAN starts at `end` or later: its digits at end + 2 or later
    }
  }

  /**
   * Copies {@code iban.length} alphanumerics from {@code start} into {@code iban} (upper-cased),
   * following the compact or grouped layout; returns the end offset, or -1 when the text is not
   * laid out as an IBAN of that length.
   */
  private static int read(CharSequence t, int start, char[] iban) {
    int n = t.length();
    int count = 0;
    int groupLen = 0;
    char sep = 0;
    int pos = start;
    boolean upper = false;
    boolean lower = false;
    while (count < iban.length) {
      if (pos >= n) {
        return -1;
      }
      char c = t.charAt(pos);
      if (Chars.isAsciiAlnum(c)) {
        if (sep != 0 && groupLen == 4) {
          return -1;
        }
        upper |= c >= 'A' && c <= 'Z';
        lower |= c >= 'a' && c <= 'z';
        iban[count++] = upper(c);
        groupLen++;
        pos++;
      } else if ((c == ' ' || c == '-') && Chars.isAsciiAlnum(Chars.at(t, pos + 1))) {
        if ((sep == 0 && count != 4) || (sep != 0 && c != sep) || groupLen != 4) {
          return -1; // the print format: groups of four, one separator kind
        }
        sep = c;
        groupLen = 0;
        pos++;
      } else {
        return -1;
      }
    }
    if (upper && lower) {
      return -1;
    }
    char next = Chars.at(t, pos);
    if (Chars.isWordChar(next)) {
      return -1;
    }
    if (sep != 0 && next == sep && Chars.isDigit(Chars.at(t, pos + 1))) {
      return -1; // the grouped digits go on: longer than this country's IBAN
    }
    return pos;
  }

  /** The index of a two-capital country code in {@link #BBAN}. */
  private static int code(char first, char second) {
    return (first - 'A') * 26 + (second - 'A');
  }

  /** The BBAN classes of a country code, or null when the two chars are not a listed country. */
  private static char[] bban(char first, char second) {
    if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
      return null;
    }
    return BBAN[code(first, second)];
  }

  private static char upper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
  }

  /** Structure, check digit range and mod 97 of an upper-cased, separator-free IBAN. */
  static boolean valid(char[] iban) {
    if (iban.length < 2) {
      return false;
    }
    char[] bban = bban(iban[0], iban[1]);
    if (bban == null || iban.length != bban.length + 4) {
      return false;
    }
    if (!Chars.isAsciiLetter(iban[0]) || !Chars.isAsciiLetter(iban[1])
        || !Chars.isDigit(iban[2]) || !Chars.isDigit(iban[3])) {
      return false;
    }
    int check = (iban[2] - '0') * 10 + (iban[3] - '0');
    if (check < 2 || check > 98) {
      return false;
    }
    for (int i = 0; i < bban.length; i++) {
      char c = iban[i + 4];
      boolean ok;
      switch (bban[i]) {
        case 'n':
          ok = Chars.isDigit(c);
          break;
        case 'a':
          ok = c >= 'A' && c <= 'Z';
          break;
        default:
          ok = Chars.isDigit(c) || (c >= 'A' && c <= 'Z');
      }
      if (!ok) {
        return false;
      }
    }
    return mod97(iban) == 1;
  }

  /**
   * ISO 7064 mod 97-10 over BBAN + country + check digits, letters read as 10..35. The number is
   * built in a {@code long} and reduced only when it nears 15 digits, not after every char: the
   * remainder is the same (reducing early changes no remainder), and a division per char was
   * most of this method's time.
   */
  static int mod97(char[] iban) {
    long r = 0;
    for (int k = 4; k < iban.length; k++) {
      r = appendMod97(r, iban[k]);
    }
    for (int k = 0; k < 4; k++) {
      r = appendMod97(r, iban[k]);
    }
    return (int) (r % 97);
  }

  /** {@code r} followed by the digits of {@code c} (one for a digit, two for a letter). */
  private static long appendMod97(long r, char c) {
    if (r >= 1_000_000_000_000_000L) {
      r %= 97; // below 10^15, two more digits stay far inside a long
    }
    return Chars.isDigit(c) ? r * 10 + (c - '0') : r * 100 + (c - 'A' + 10);
  }

  /** Convenience for tests and callers holding a string: separators and case are ignored. */
  static boolean isValid(String candidate) {
    String compact = candidate.replace(" ", "").replace("-", "").toUpperCase(java.util.Locale.ROOT);
    return compact.length() >= 5 && valid(compact.toCharArray());
  }
}
