package dev.airlock.agent.pii;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Phone numbers: international ({@code +CC ...} or {@code 00CC ...}) for every ITU country code,
 * and national formats: numbers written with the trunk prefix 0 in any country that uses one,
 * the US (NANP), and the countries of {@link NumberingPlans} (the table of calling codes, national
 * number lengths, mobile prefixes and written groupings: the UK, Germany, France, the
 * Netherlands, Belgium, Austria, Switzerland, Sweden, Ireland, Turkey, the Philippines, Spain,
 * Italy, Poland and Portugal).
 *
 * <p>A candidate is a run of digit groups joined by single separators ({@code space - . /}) or
 * parentheses ({@code (415) 555-0132}, {@code +44 (0)20 7123 4567}). The run is taken whole: it
 * is never cut to find a phone number inside a longer number, because a card number, an IBAN or
 * an order id would then yield one. It is accepted when:
 *
 * <ul>
 *   <li><b>international:</b> the digits after {@code +} (or {@code 00}) start with an assigned
 *       country code (the codes are prefix-free, so the split is unique; in a grouped number the
 *       code is a group of its own) and the national number has the length that country uses
 *       (US/CA 10 with NANP area and exchange rules; the table's length for its countries;
 *       elsewhere 4-14 with 8-15 digits in all), with no leading 0 except in Italy;
 *   <li><b>national, trunk prefix 0</b> (UK, DE, FR, NL, BE, AT, CH, SE, IE, TR, IT landlines,
 *       ...): {@code 0} then a non-zero digit, 9-12 digits, grouped as an area code of 2-6 digits
 *       followed either by pairs ({@code 01 42 68 53 00}) or by a group of 3+ digits then groups
 *       of 2+ ({@code 020 7123 4567}, {@code 030/1234567}, {@code 070-123 45 67}); the subscriber
 *       part does not start with 0, and a lone second group has 5+ digits (so a ZIP+4 such as
 *       {@code 02110-1301} is not a number). Area codes are too many to list, so this rule reads
 *       the layout only, the same for every country;
 *   <li><b>trunk 0 written apart</b> ({@code 0 532 123 45 67}, {@code 0 (917) 123 4567}): the
 *       same layouts after a lone {@code 0}, 10-12 digits in all, with an area code of 2-4
 *       digits; a little weaker, since a list of small numbers can start with 0;
 *   <li><b>US:</b> 10 digits (or 11 with a leading 1), area and exchange starting 2-9, grouped
 *       3-3-4 ({@code 415-555-0132}, {@code (415) 555-0132}, {@code 415.555.0132});
 *   <li><b>without a trunk prefix</b>, a written form of the table: its leading digits, length
 *       and grouping, such as Spain's 3-2-2-2 ({@code 612 34 56 78}), Poland's 2-3-2-2 landlines,
 *       Italian and Turkish mobiles 3-3-4, Turkish landlines 3-3-2-2. A 3-3-3 grouping (Spanish,
 *       Polish and Portuguese mobiles) is also how Europeans group thousands, so it needs a
 *       context word.
 * </ul>
 *
 * <p>Ungrouped national numbers ({@code 02071234567}, {@code 4155550132}, {@code 512345678}) look
 * like any other id, so they are reported below the default threshold and need a word such as
 * "phone" or "tel" nearby. The exception is a number of 10 digits or more whose leading digits
 * and length are specific in a plan of {@link NumberingPlans}: together they admit at most one
 * in twenty digit strings of that length ({@link NumberingPlans#SPECIFIC_SHARE}). Those are
 * mobiles dialled with their trunk prefix (UK {@code 07} + 9 digits, France and the Netherlands
 * {@code 06}/{@code 07} + 8, Belgium {@code 045}-{@code 049} + 7, Germany {@code 015}-{@code
 * 017} + 8-9, ...), Turkish landlines with their 0 ({@code 0212} + 7: Turkey's area codes fit
 * one narrow pattern) and Turkish mobiles without it ({@code 532} + 7). They are reported at the
 * default threshold, so that any negative word keeps them out; for an ungrouped number the
 * negative words also name the ids written as bare digits ("card", "timestamp", "receipt",
 * "policy", ...). Wider forms (Italian mobiles {@code 3} + 9, Spanish numbers, French
 * landlines) and nine-digit ones (Portuguese and Polish mobiles: nine digits is also the length
 * of SSNs, ITINs and passports) still need a phone word.
 *
 * <p>Runs of one repeated digit, dates (at most 8 digits), versions, prices (a decimal point or
 * comma joins the next digit), and numbers glued to letters or currency signs are never phone
 * numbers; dots separate only three or more groups of two or more digits ({@code
 * 415.555.0132}, {@code 06.12.34.56.78}), so decimals are not numbers either. Words such as
 * "order" or "invoice" lower the confidence.
 */
final class PhoneDetector implements IndexedDetector {

  static final double INTL_GROUPED = 0.8;
  static final double INTL_COMPACT = 0.75;
  static final double INTL_00_GROUPED = 0.6;
  static final double INTL_00_COMPACT = 0.4;
  static final double NATIONAL_GROUPED = 0.6;
  static final double LONE_TRUNK = 0.5;
  static final double PLAN_COMPACT = 0.5;
  static final double US_PARENS = 0.7;
  static final double AMBIGUOUS_GROUPED = 0.45;
  static final double NATIONAL_COMPACT = 0.35;
  static final double NATIONAL_COMPACT_WEAK = 0.3;

  static final ContextWords POSITIVE =
      ContextWords.of(
          0.25,
          "phone", "phones", "telephone", "tel", "mobile", "mob", "cell", "cellphone", "call",
          "fax", "whatsapp", "sms", "text me", "contact", "landline", "hotline", "dial", "telefon",
          "telefono", "teléfono", "téléphone", "tél", "portable", "móvil", "movil", "cellulare",
          "handy", "mobiel", "telefoonnummer", "rufnummer", "festnetz", "telefonnummer", "gsm",
          "tlf", "tfno", "telepono", "cep", "telefonu", "numaram", "telefone", "telemóvel",
          "telemovel", "contacto", "komórka", "komorka", "mobil", "mobilnummer", "natel");

  private static final String[] NEGATIVE_WORDS = {
    "isbn", "issn", "doi", "invoice", "order", "tracking", "serial", "sku", "ticket", "*version",
    "build", "iban", "account", "transaction", "ssn", "social security", "zip", "postal",
    "postcode", "plz", "id", "ids", "identifier", "ref", "reference"
  };

  /**
   * Things written as bare runs of digits, which an ungrouped number near them is more likely to
   * be than a phone number. Kept apart from {@link #NEGATIVE_WORDS} because they would wrongly
   * lower a grouped or international number ("business card: +44 20 7946 0958").
   */
  private static final String[] ID_WORDS = {
    "acct", "*card", "timestamp", "epoch", "unix", "millis", "confirmation", "receipt", "shipment",
    "parcel", "consignment", "waybill", "awb", "policy", "claim", "pnr", "batch", "barcode",
    "ean", "upc", "gtin", "checksum", "hash", "nonce", "seed", "imei", "iccid"
  };

  static final ContextWords NEGATIVE = ContextWords.of(-0.35, NEGATIVE_WORDS);

  /** For ungrouped national numbers: {@link #NEGATIVE} and the kinds of bare-digit ids. */
  static final ContextWords UNGROUPED_NEGATIVE =
      ContextWords.of(-0.35, concat(NEGATIVE_WORDS, ID_WORDS));

  /** Both lists, read in one pass over the window. */
  private static final ContextPair CONTEXT = new ContextPair(POSITIVE, NEGATIVE);

  /** The same for an ungrouped national number. */
  private static final ContextPair UNGROUPED_CONTEXT =
      new ContextPair(POSITIVE, UNGROUPED_NEGATIVE);

  private static String[] concat(String[] a, String[] b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** A national format that fits: its base confidence and the detection's detail. */
  private static final class Verdict {
    final double base;
    final String detail;

    Verdict(double base, String detail) {
      this.base = base;
      this.detail = detail;
    }
  }

  private static final Verdict TRUNK = new Verdict(NATIONAL_GROUPED, "national");
  private static final Verdict TRUNK_COMPACT = new Verdict(NATIONAL_COMPACT, "national");
  private static final Verdict TRUNK_APART = new Verdict(LONE_TRUNK, "national");
  private static final Verdict TRUNK_SPECIFIC = new Verdict(PLAN_COMPACT, "national");
  private static final Verdict US = new Verdict(NATIONAL_GROUPED, "US");
  private static final Verdict US_WITH_PARENS = new Verdict(US_PARENS, "US");
  private static final Verdict US_COMPACT = new Verdict(NATIONAL_COMPACT, "US");
  private static final Verdict US_COMPACT_WITH_1 = new Verdict(NATIONAL_COMPACT_WEAK, "US");

  private static final int MAX_GROUPS = 8;
  /**
   * The fewest digits any accepted form has: an international number has a country code and a
   * national number of 8 digits or more in all; national forms have 9 or more.
   */
  private static final int MIN_DIGITS = 8;
  /** 15 digits of E.164 plus the "00" international prefix, with room for a "(0)". */
  private static final int MAX_DIGITS = 18;

  /** Assigned ITU-T E.164 country calling codes (prefix-free, so the split is unambiguous). */
  private static final String COUNTRY_CODES =
      "1 7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62"
          + " 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98 211 212 213 216 218 220 221 222 223"
          + " 224 225 226 227 228 229 230 231 232 233 234 235 236 237 238 239 240 241 242 243 244"
          + " 245 246 247 248 249 250 251 252 253 254 255 256 257 258 260 261 262 263 264 265 266"
          + " 267 268 269 290 291 297 298 299 350 351 352 353 354 355 356 357 358 359 370 371 372"
          + " 373 374 375 376 377 378 379 380 381 382 383 385 386 387 389 420 421 423 500 501 502"
          + " 503 504 505 506 507 508 509 590 591 592 593 594 595 596 597 598 599 670 672 673 674"
          + " 675 676 677 678 679 680 681 682 683 685 686 687 688 689 690 691 692 800 808 850 852"
          + " 853 855 856 870 878 880 881 882 883 886 888 960 961 962 963 964 965 966 967 968 970"
          + " 971 972 973 974 975 976 977 979 992 993 994 995 996 998";

  /** Index: the code's digits with its length as a leading digit (1 + "44" -> 244). */
  private static final boolean[] CC = new boolean[4000];

  static {
    for (String code : COUNTRY_CODES.split(" ")) {
      CC[code.length() * 1000 + Integer.parseInt(code)] = true;
    }
  }

  /**
   * The digit runs a number can start with (see {@link Run#read}): not after a word char, and
   * either {@value #MIN_DIGITS} digits long or followed by more groups (a separator and then a
   * digit or '(', a '(' and a digit, or the ')' that closes the run's parentheses). A run that
   * is neither would be read alone, too short for any form.
   */
  private static final RunFilter FIRST_GROUPS =
      new RunFilter(
          s -> {
            int after = RunShape.after(s);
            boolean separated =
                after == RunShape.SPACE || after == RunShape.DASH || after == RunShape.DOT
                    || after == RunShape.SLASH;
            boolean groupFollows = after == RunShape.CLOSE_PAREN
                || (after == RunShape.OPEN_PAREN && RunShape.then(s) == RunShape.DIGIT)
                || (separated && RunShape.then(s) != RunShape.OTHER);
            return RunShape.before(s) == RunShape.AFTER_NON_WORD
                && (RunShape.minLength(s) >= MIN_DIGITS || groupFollows);
          });

  @Override
  public String type() {
    return PiiTypes.PHONE;
  }

  @Override
  public void detect(CharSequence text, TextIndex index, List<Detection> out) {
    // A number starts at a digit run, or at the '+' or '(' right before one; a run that an
    // earlier number took in whole is not read again.
    Run run = null;
    int resume = 0;
    BitSet runs = index.runs(FIRST_GROUPS);
    for (int k = runs.nextSetBit(0); k >= 0; k = runs.nextSetBit(k + 1)) {
      int digit = index.runStart(k);
      for (int i = Math.max(digit - 1, resume); i <= digit && resume <= digit; i++) {
        char c = text.charAt(i);
        boolean candidate = i == digit || c == '+' || c == '(';
        if (!candidate || !startAllowed(text, i)) {
          continue;
        }
        if (run == null) {
          run = new Run();
        }
        int end = run.read(text, i, index, k);
        if (run.ok) {
          evaluate(text, run, out);
        }
        resume = Math.max(end, i + 1);
      }
    }
  }

  /** Not inside a word, a longer number, an amount or an id ("#", "$", "+" already used). */
  private static boolean startAllowed(CharSequence t, int i) {
    char p = Chars.at(t, i - 1);
    if (p == 0) {
      return true;
    }
    if (Chars.isWordChar(p)) {
      return false;
    }
    switch (p) {
      case '+': case '$': case '€': case '£': case '¥': case '#': case '@': case '%': case '&':
      case '\\': case '.':
        return false;
      case ',': case '-': case '/': case ':':
        return !Chars.digitAt(t, i - 2);
      case ' ':
        // "DE89 3704 ...": the tail of a longer alphanumeric run
        return !Chars.digitAt(t, i - 2);
      default:
        return true;
    }
  }

  private static void evaluate(CharSequence t, Run run, List<Detection> out) {
    if (run.digitCount < MIN_DIGITS) {
      return; // most runs of a text are years, counts and prices: nothing below can accept them
    }
    int slash = 0;
    boolean dot = false;
    boolean otherSep = false;
    for (int g = 1; g < run.count; g++) {
      char s = run.sep[g];
      if (s == '/') {
        slash++;
        if (g != 1 || run.plus) {
          return;
        }
      } else if (s == '.') {
        dot = true;
      } else if (s != 0) {
        otherSep = true;
      }
    }
    if (slash > 1 || (dot && (otherSep || slash > 0))) {
      return; // "12/25/2023", "1.5-2": mixed punctuation is arithmetic or dates, not numbers
    }
    if (dot && !dottedLayout(run)) {
      return; // "+35236450.6": a decimal number
    }
    String all = run.digits(false);
    if (Chars.allSame(all)) {
      return;
    }
    boolean grouped = run.count > 1;
    double base;
    String detail;
    ContextPair context = CONTEXT;
    if (run.plus) {
      String digits = run.digits(true);
      int cc = countryCodeLength(digits);
      // Grouped, the country code is a group of its own ("+44 20 ..."), never cut across groups.
      if (cc == 0 || (grouped && run.len[0] != cc)
          || !validNational(digits.substring(0, cc), digits.substring(cc))) {
        return;
      }
      base = grouped ? INTL_GROUPED : INTL_COMPACT;
      detail = "+" + digits.substring(0, cc);
    } else if (all.length() > 3 && all.startsWith("00") && all.charAt(2) != '0') {
      String digits = run.digits(true).substring(2);
      int cc = countryCodeLength(digits);
      boolean ccAlone =
          run.len[0] == 2 + cc || (run.len[0] == 2 && run.count > 1 && run.len[1] == cc);
      if (cc == 0 || (grouped && !ccAlone)
          || !validNational(digits.substring(0, cc), digits.substring(cc))) {
        return; // "0069 0307 0303" (code points) is not +690 ...
      }
      base = grouped ? INTL_00_GROUPED : INTL_00_COMPACT;
      detail = "+" + digits.substring(0, cc);
    } else {
      if (run.hasZeroInParens()) {
        return;
      }
      Verdict verdict = national(run, all);
      if (verdict == null) {
        return;
      }
      base = verdict.base;
      detail = verdict.detail;
      if (!grouped) {
        context = UNGROUPED_CONTEXT;
      }
    }
    double conf = context.confidence(base, t, run.start, run.end);
    out.add(new Detection(PiiTypes.PHONE, run.start, run.end, Confidence.of(conf), detail));
  }

  /** The national format the run fits, or null. */
  private static Verdict national(Run run, String d) {
    int n = d.length();
    int k = run.count;
    boolean compact = k == 1;
    if (d.charAt(0) == '0') {
      if (d.charAt(1) == '0') {
        return null;
      }
      if (compact) {
        if (NumberingPlans.trunkSpecific(d) != null) {
          return TRUNK_SPECIFIC;
        }
        return n == 10 || n == 11 ? TRUNK_COMPACT : null;
      }
      if (run.len[0] == 1) {
        // "0 532 123 45 67": the trunk prefix written apart; the area code is the next group.
        boolean area = k >= 3 && run.len[1] >= 2 && run.len[1] <= 4;
        return area && n >= 10 && n <= 12 && subscriberLayout(run, 1) ? TRUNK_APART : null;
      }
      if (n < 9 || n > 12 || run.len[0] < 2 || run.len[0] > 6) {
        return null;
      }
      return subscriberLayout(run, 0) ? TRUNK : null;
    }
    NumberingPlans.Match match = NumberingPlans.withoutTrunk(d, run.len, k);
    if (match.fit == NumberingPlans.Fit.COMPACT_SPECIFIC) {
      // Before the NANP test: "5325551234" is also a valid US number, but only a weak one.
      return new Verdict(PLAN_COMPACT, match.country);
    }
    if (n == 10 || (n == 11 && d.charAt(0) == '1')) {
      Verdict us = northAmerican(run, d);
      if (us != null || n == 11) {
        return us;
      }
    }
    switch (match.fit) {
      case LAYOUT:
        return new Verdict(NATIONAL_GROUPED, match.country);
      case THOUSANDS_LIKE:
        return new Verdict(AMBIGUOUS_GROUPED, match.country);
      case COMPACT:
        return new Verdict(NATIONAL_COMPACT_WEAK, match.country);
      default:
        return null;
    }
  }

  /** A NANP number (10 digits, or 11 with a leading 1) as the US writes it, or null. */
  private static Verdict northAmerican(Run run, String d) {
    int n = d.length();
    boolean compact = run.count == 1;
    int first = n == 11 ? 1 : 0;
    if (n == 11 && !compact && run.len[0] != 1) {
      return null;
    }
    String nsn = d.substring(first);
    if (nsn.charAt(0) < '2' || nsn.charAt(3) < '2') {
      return null; // area code and exchange start 2-9
    }
    if (compact) {
      return n == 11 ? US_COMPACT_WITH_1 : US_COMPACT;
    }
    int groups = run.count - first;
    if (groups == 3 && run.len[first] == 3 && run.len[first + 1] == 3
        && run.len[first + 2] == 4) {
      return run.paren[first] ? US_WITH_PARENS : US;
    }
    if (groups == 2 && run.paren[first] && run.len[first] == 3 && run.len[first + 1] == 7) {
      return US_WITH_PARENS;
    }
    return null;
  }

  /**
   * Whether the groups after the area code (group {@code area}) are laid out as a subscriber
   * number: pairs ({@code 01 42 68 53 00}) or a block of 3+ digits then blocks of 2+ ({@code 020
   * 7123 4567}).
   */
  private static boolean subscriberLayout(Run run, int area) {
    int k = run.count;
    // Subscriber numbers never start with 0 ("0399 0308 0301" are code points, "01 00 00" a
    // hex dump), and one 4-digit block after five digits is a US ZIP+4 ("02110-1301").
    if (run.firstDigit(area + 1) == '0' || (k == area + 2 && run.len[area + 1] < 5)) {
      return false;
    }
    boolean pairs = k - area >= 4;
    boolean blocks = run.len[area + 1] >= 3;
    for (int g = area + 1; g < k; g++) {
      pairs &= run.len[g] == 2;
      blocks &= run.len[g] >= 2 && run.len[g] <= 8;
    }
    return pairs || blocks;
  }

  /** Dotted numbers are written in three or more groups of two or more digits (415.555.0132). */
  private static boolean dottedLayout(Run run) {
    if (run.count < 3) {
      return false;
    }
    for (int g = 0; g < run.count; g++) {
      if (run.len[g] < 2) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(Run run, int... lens) {
    if (run.count != lens.length) {
      return false;
    }
    for (int g = 0; g < lens.length; g++) {
      if (run.len[g] != lens[g]) {
        return false;
      }
    }
    return true;
  }

  /** Length (1-3) of the country code that starts {@code digits}, or 0 when none is assigned. */
  static int countryCodeLength(String digits) {
    int v = 0;
    for (int len = 1; len <= 3 && len <= digits.length(); len++) {
      v = v * 10 + (digits.charAt(len - 1) - '0');
      if (CC[len * 1000 + v]) {
        return len;
      }
    }
    return 0;
  }

  /**
   * The national significant number's length and leading digits: NANP rules for +1, the
   * country's plan where {@link NumberingPlans} has one, and E.164's bounds otherwise.
   */
  static boolean validNational(String cc, String nsn) {
    int n = nsn.length();
    if (n == 0 || Chars.allSame(nsn)) {
      return false;
    }
    if (cc.equals("1")) {
      return n == 10 && nsn.charAt(0) >= '2' && nsn.charAt(3) >= '2';
    }
    NumberingPlans.Plan plan = NumberingPlans.byCallingCode(cc);
    if (plan != null) {
      return plan.validNsn(nsn);
    }
    return n >= 4 && cc.length() + n <= 15 && cc.length() + n >= 8 && nsn.charAt(0) != '0';
  }

  /**
   * One candidate run of digit groups. Reused across the candidates of one call (detectors are
   * shared between threads, so it is created per call, never stored in a field).
   */
  private static final class Run {
    final int[] pos = new int[MAX_GROUPS];
    final int[] len = new int[MAX_GROUPS];
    final boolean[] paren = new boolean[MAX_GROUPS];
    final char[] sep = new char[MAX_GROUPS];
    /** Room for the digits of the groups kept: at most {@value #MAX_DIGITS}. */
    private final char[] digitChars = new char[MAX_DIGITS];
    int count;
    /** Digits in the run, "(0)" included. */
    int digitCount;
    boolean plus;
    boolean ok;
    int start;
    int end;
    private CharSequence text;

    /**
     * Reads the run at {@code i}, whose first digit starts the index's digit run {@code k};
     * returns where scanning resumes (always past the run).
     */
    int read(CharSequence t, int i, TextIndex index, int k) {
      text = t;
      count = 0;
      ok = false;
      plus = false;
      start = i;
      int p = i;
      if (t.charAt(p) == '+') {
        plus = true;
        p++;
      }
      int digits = 0;
      boolean overflow = false;
      boolean lastParen = false;
      while (true) {
        int before = p;
        char s = 0;
        if (count > 0 || overflow) {
          char c = Chars.at(t, p);
          boolean groupFollows =
              Chars.digitAt(t, p + 1) || (Chars.at(t, p + 1) == '(' && Chars.digitAt(t, p + 2));
          if ((c == ' ' || c == '-' || c == '.' || c == '/') && groupFollows) {
            s = c;
            p++;
          } else if (!(c == '(' && Chars.digitAt(t, p + 1)) && !(lastParen && Chars.isDigit(c))) {
            break;
          }
        }
        boolean inParens = Chars.at(t, p) == '(';
        if (inParens) {
          p++;
        }
        int ds = p;
        if (Chars.digitAt(t, p)) {
          // A group starts where a digit follows a non-digit: at the next digit run of the index,
          // whose end was noted in the pass (no char-by-char walk over the group).
          assert index.runStart(k) == p;
          p = index.runEnd(k++);
        }
        if (p == ds || (inParens && Chars.at(t, p) != ')')) {
          p = before; // an empty or unbalanced group ends the run before it
          break;
        }
        int groupLen = p - ds;
        if (inParens) {
          p++;
        }
        if (count == MAX_GROUPS || digits + groupLen > MAX_DIGITS) {
          overflow = true;
        } else if (!overflow) {
          this.pos[count] = ds;
          this.len[count] = groupLen;
          this.paren[count] = inParens;
          this.sep[count] = s;
          count++;
        }
        digits += groupLen;
        lastParen = inParens;
      }
      end = p;
      digitCount = digits;
      if (count == 0) {
        return i + 1;
      }
      char after = Chars.at(t, end);
      boolean joined =
          Chars.isWordChar(after)
              || after == '%'
              || ((after == '.' || after == ',' || after == '-' || after == '/' || after == ':')
                  && Chars.digitAt(t, end + 1));
      ok = !overflow && !joined;
      return end;
    }

    /**
     * The digits of the run; with {@code dropZeroInParens}, a "(0)" trunk hint is left out.
     * Gathered in {@link #digitChars} and made a string once: a builder cost a second copy and
     * an object per candidate, and every run of {@value #MIN_DIGITS} digits or more comes here.
     */
    String digits(boolean dropZeroInParens) {
      char[] chars = digitChars;
      int n = 0;
      for (int g = 0; g < count; g++) {
        if (dropZeroInParens && paren[g] && len[g] == 1 && text.charAt(pos[g]) == '0') {
          continue;
        }
        for (int i = pos[g], end = pos[g] + len[g]; i < end; i++) {
          chars[n++] = text.charAt(i);
        }
      }
      return new String(chars, 0, n);
    }

    char firstDigit(int group) {
      return text.charAt(pos[group]);
    }

    boolean hasZeroInParens() {
      for (int g = 0; g < count; g++) {
        if (paren[g] && len[g] == 1 && text.charAt(pos[g]) == '0') {
          return true;
        }
      }
      return false;
    }
  }
}
