package dev.airlock.agent.pii;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The national numbering plans the phone detector knows, as one table: for each country its
 * calling code, whether numbers are dialled at home with the trunk prefix 0, the length of the
 * national significant number (NSN: the number after the country code), the leading digits of
 * its mobile numbers, and how numbers dialled without a trunk prefix are grouped in writing.
 *
 * <p>Why a table: a national number has no country code to say where it is from, so what makes
 * it a phone number rather than an order number is that its length, its leading digits and its
 * grouping together fit some country's plan. Each row says that once for its country; the
 * detector asks the table instead of holding a rule per country.
 *
 * <p>Only what the detector uses is recorded, from the countries' published national plans:
 *
 * <ul>
 *   <li>NSN lengths check international numbers ({@code +48 ...} must have 9 digits);
 *   <li>mobile prefixes and lengths, for trunk-prefix countries, tell an ungrouped mobile number
 *       ({@code 0470123456} in Belgium) from other ids: leading digits and length together are
 *       specific, while landline area codes are too many to tell from an id (Turkey's, one
 *       pattern of 3 digits, are the exception: see its written forms);
 *   <li>written forms, for countries that dial without a trunk prefix (Spain, Poland, Portugal,
 *       Italian mobiles, Turkish numbers written without their 0): leading digits, length and the
 *       groupings in use. A grouping that is also how thousands are grouped ({@code 512 345 678})
 *       is recorded apart, since it is weak evidence on its own.
 * </ul>
 *
 * <p>How specific a form is, is measured rather than asserted: its <em>share</em> is the fraction
 * of all digit strings of its length that its leading digits admit ({@code "5[03-6]"} of 10
 * digits: 5 in 100). An ungrouped number is an id as often as a phone number, so only a form
 * admitting at most {@link #SPECIFIC_SHARE} of its length, and of {@link #SPECIFIC_MIN_LENGTH}
 * digits or more, identifies one on its own; a wider form (Italian mobiles, {@code "3"}: one in
 * ten; Spanish numbers, {@code "[6-9]"}: four in ten) or a shorter one needs a phone word nearby.
 *
 * <p>Numbers written with a trunk prefix and grouped ({@code 020 7946 0958}) are not in the table:
 * area codes and subscriber numbers vary too much for a table to be complete, so the detector
 * reads them by layout, for every country alike. Leading digits are written as digit patterns,
 * each position a digit or a class: {@code "5[03-6]"} is 50, 53, 54, 55 or 56.
 *
 * <p>Immutable after class initialization.
 */
final class NumberingPlans {

  /** How well digits written without a trunk prefix fit a country's forms, weakest first. */
  enum Fit {
    NONE,
    /** Ungrouped, with a country's length and leading digits. */
    COMPACT,
    /** Ungrouped, in a form whose leading digits and length are specific ({@link #SPECIFIC_SHARE}). */
    COMPACT_SPECIFIC,
    /** Grouped 3-3-3, which is also how thousands are written. */
    THOUSANDS_LIKE,
    /** Grouped as the country writes its numbers, and as little else is written. */
    LAYOUT
  }

  /** A fit and the country whose plan it is. */
  static final class Match {
    final Fit fit;
    final String country;

    Match(Fit fit, String country) {
      this.fit = fit;
      this.country = country;
    }
  }

  static final Match NO_MATCH = new Match(Fit.NONE, null);

  /**
   * The largest share of the digit strings of a length that a form may admit and still identify
   * an ungrouped number without a phone word: one in twenty. The trunk mobiles admit one in 50
   * (France's {@code 0[67]} + 8 digits) to one in 300; Turkish mobiles written without their 0
   * ({@code 5[03-6]} + 8) one in 20; Italian mobiles ({@code 3} + 9) one in ten, too many.
   */
  static final double SPECIFIC_SHARE = 0.05;

  /**
   * The fewest digits of an ungrouped number that a specific form identifies on its own. Nine
   * digits is the length of many national ids (US SSNs, ITINs and passports, Canadian SINs), of
   * which a Portuguese mobile form ({@code 9[1236]} + 7) would take one in 25.
   */
  static final int SPECIFIC_MIN_LENGTH = 10;

  /** Digit-pattern groupings of mobile numbers written without a prefix (Italy, Turkey). */
  private static final String MOBILE_LAYOUTS = "3-3-4 3-7 3-3-2-2 3-4-3";

  /** An array, not a list: the phone detector walks it for every candidate number, without an iterator. */
  private static final Plan[] PLANS;
  private static final Map<String, Plan> BY_CALLING_CODE = new HashMap<>();
  /**
   * The written forms of {@link #PLANS} by their length (each form has one), in table order:
   * {@link #withoutTrunk} runs for most numbers of a text dense with them, and a form of another
   * length never fits.
   */
  private static final Form[][] FORMS_BY_LENGTH;

  static {
    List<Plan> p = new ArrayList<>();
    // Trunk prefix 0. Mobile prefixes are NSN digits (without the 0).
    p.add(trunk("GB", "44", 9, 10).mobile("7[1-57-9]", 10, 10));
    p.add(trunk("DE", "49", 6, 13).mobile("1[5-7]", 10, 11));
    p.add(trunk("FR", "33", 9, 9).mobile("[67]", 9, 9));
    p.add(trunk("NL", "31", 9, 9).mobile("6", 9, 9));
    p.add(trunk("BE", "32", 8, 9).mobile("4[5-9]", 9, 9));
    p.add(trunk("AT", "43", 6, 13).mobile("6[5-9]", 10, 11));
    p.add(trunk("CH", "41", 9, 9).mobile("7[5-9]", 9, 9));
    p.add(trunk("SE", "46", 7, 10).mobile("7[02369]", 9, 9));
    p.add(trunk("IE", "353", 7, 9).mobile("8[35-9]", 9, 9));
    // Turkey writes numbers with or without the 0; without it, mobiles in the Italian groupings
    // and landlines (area codes 2xx-4xx, ending in an even digit) as 3-3-2-2.
    p.add(trunk("TR", "90", 10, 10).mobile("5[03-6]", 10, 10)
        .written("5[03-6]", 10, MOBILE_LAYOUTS, "", true)
        .written("[2-4][1-8][02468]", 10, "3-3-2-2", "", false));
    p.add(trunk("PH", "63", 6, 13).mobile("9", 10, 10));
    // Russia and Kazakhstan dial at home with an 8, which no written form here needs.
    p.add(plain("RU", "7", 10, 10));
    // No trunk prefix: the NSN is what is dialled at home.
    p.add(plain("ES", "34", 9, 9).written("[6-9]", 9, "3-2-2-2 2-3-2-2", "3-3-3", true));
    p.add(plain("IT", "39", 6, 11).leadingZero().written("3", 10, MOBILE_LAYOUTS, "", true));
    p.add(plain("PL", "48", 9, 9)
        .written("45 5[0137] 6[069] 7[2389] 88", 9, "", "3-3-3", true)
        .written("1[2-8] 2[2-59] 3[2-4] 4[1-468] 5[245689] 6[1235678] 7[14-7] 8[1-79] 9[145]", 9,
            "2-3-2-2", "", true));
    p.add(plain("PT", "351", 9, 9)
        .written("2", 9, "2-3-4", "3-3-3", true)
        .written("9[1236]", 9, "", "3-3-3", true));
    PLANS = p.toArray(new Plan[0]);
    for (Plan plan : PLANS) {
      BY_CALLING_CODE.put(plan.callingCode, plan);
    }
    List<List<Form>> byLength = new ArrayList<>();
    for (Plan plan : PLANS) {
      for (Form form : plan.forms) {
        while (byLength.size() <= form.length()) {
          byLength.add(new ArrayList<>());
        }
        byLength.get(form.length()).add(form);
      }
    }
    FORMS_BY_LENGTH = new Form[byLength.size()][];
    for (int n = 0; n < byLength.size(); n++) {
      FORMS_BY_LENGTH[n] = byLength.get(n).toArray(new Form[0]);
    }
  }

  private NumberingPlans() {}

  /** At most {@link #SPECIFIC_SHARE}, with room for the rounding of the shares' products. */
  private static boolean isSpecific(double share) {
    return share <= SPECIFIC_SHARE + 1e-9;
  }

  /** The plan of a country calling code, or null when the table has none for it. */
  static Plan byCallingCode(String callingCode) {
    return BY_CALLING_CODE.get(callingCode);
  }

  /**
   * The country in whose plan {@code digits}, dialled with the trunk prefix 0 and ungrouped
   * ({@code 07700900123}, {@code 02121234567}), are a specific number: the digits after the 0
   * have the leading digits and length of the country's mobile numbers or of one of its written
   * forms, and these (the 0 counted) admit at most {@link #SPECIFIC_SHARE} of the strings of their
   * length. Null when no country's are.
   */
  static String trunkSpecific(String digits) {
    int n = digits.length();
    if (n < 2 || digits.charAt(0) != '0') {
      return null;
    }
    for (Plan plan : PLANS) {
      if (!plan.trunkZero) {
        continue;
      }
      if (plan.mobile != null && plan.mobile.specificAt(digits, 1, n - 1, 0.1)) {
        return plan.country;
      }
      for (int f = 0; f < plan.forms.size(); f++) {
        if (plan.forms.get(f).digits.specificAt(digits, 1, n - 1, 0.1)) {
          return plan.country;
        }
      }
    }
    return null;
  }

  /**
   * The best fit of {@code digits}, written in {@code count} groups of the given lengths without a
   * trunk prefix, to the written forms of the table (the first country wins a tie).
   */
  static Match withoutTrunk(String digits, int[] groupLengths, int count) {
    int n = digits.length();
    if (n >= FORMS_BY_LENGTH.length) {
      return NO_MATCH;
    }
    Match best = NO_MATCH;
    for (Form form : FORMS_BY_LENGTH[n]) {
      Fit fit = form.fit(digits, groupLengths, count);
      if (fit.compareTo(best.fit) > 0) {
        best = form.match(fit);
      }
    }
    return best;
  }

  /** One country's row. */
  static final class Plan {
    final String country;
    final String callingCode;
    final boolean trunkZero;
    private final int minLength;
    private final int maxLength;
    private boolean leadingZero;
    private Digits mobile;
    private final List<Form> forms = new ArrayList<>();

    private Plan(String country, String callingCode, boolean trunkZero, int min, int max) {
      this.country = country;
      this.callingCode = callingCode;
      this.trunkZero = trunkZero;
      this.minLength = min;
      this.maxLength = max;
    }

    /** Whether {@code nsn} (digits after the country code) has this country's length and start. */
    boolean validNsn(String nsn) {
      int n = nsn.length();
      return n >= minLength && n <= maxLength && (leadingZero || nsn.charAt(0) != '0');
    }

    /** Italy: landline numbers keep their 0 after the country code (+39 06 ...). */
    private Plan leadingZero() {
      leadingZero = true;
      return this;
    }

    private Plan mobile(String prefixes, int min, int max) {
      mobile = new Digits(prefixes, min, max);
      return this;
    }

    /**
     * A form written without a trunk prefix: leading digits, length, groupings specific to phone
     * numbers and groupings also used for thousands (both as "3-2-2-2 2-3-2-2"), and whether the
     * digits are a number ungrouped.
     */
    private Plan written(
        String prefixes, int length, String layouts, String thousandsLike, boolean compact) {
      forms.add(new Form(country, new Digits(prefixes, length, length), layouts(layouts),
          layouts(thousandsLike), compact));
      return this;
    }
  }

  private static Plan trunk(String country, String callingCode, int min, int max) {
    return new Plan(country, callingCode, true, min, max);
  }

  private static Plan plain(String country, String callingCode, int min, int max) {
    return new Plan(country, callingCode, false, min, max);
  }

  /** A written form: which digits, and how they may be grouped. */
  private static final class Form {
    private final Digits digits;
    private final int[][] layouts;
    private final int[][] thousandsLike;
    private final boolean compact;
    /** The answer of each fit for this form's country, made once rather than per number. */
    private final Match[] matches = new Match[Fit.values().length];

    Form(String country, Digits digits, int[][] layouts, int[][] thousandsLike,
        boolean compact) {
      this.digits = digits;
      this.layouts = layouts;
      this.thousandsLike = thousandsLike;
      this.compact = compact;
      for (Fit fit : Fit.values()) {
        matches[fit.ordinal()] = new Match(fit, country);
      }
    }

    /** The form's one length: its digits' shortest and longest are the same. */
    int length() {
      return digits.min;
    }

    Match match(Fit fit) {
      return matches[fit.ordinal()];
    }

    Fit fit(String d, int[] groupLengths, int count) {
      if (!digits.matches(d, 0, d.length())) {
        return Fit.NONE;
      }
      if (count == 1) {
        if (!compact) {
          return Fit.NONE;
        }
        boolean specific = d.length() >= SPECIFIC_MIN_LENGTH && isSpecific(digits.share());
        return specific ? Fit.COMPACT_SPECIFIC : Fit.COMPACT;
      }
      if (anyEquals(layouts, groupLengths, count)) {
        return Fit.LAYOUT;
      }
      return anyEquals(thousandsLike, groupLengths, count) ? Fit.THOUSANDS_LIKE : Fit.NONE;
    }

    private static boolean anyEquals(int[][] layouts, int[] groupLengths, int count) {
      for (int[] layout : layouts) {
        if (layout.length == count
            && Arrays.equals(layout, 0, count, groupLengths, 0, count)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Leading-digit patterns and a length range. */
  private static final class Digits {
    /** Per pattern, per position: which digits may stand there. */
    private final boolean[][][] patterns;
    private final int min;
    private final int max;
    /** The fraction of digit strings (of any length from min to max) these patterns admit. */
    private final double share;

    Digits(String patterns, int min, int max) {
      String[] specs = patterns.trim().split(" +");
      this.patterns = new boolean[specs.length][][];
      for (int i = 0; i < specs.length; i++) {
        this.patterns[i] = parse(specs[i]);
      }
      this.min = min;
      this.max = max;
      double admitted = 0;
      for (boolean[][] pattern : this.patterns) {
        double p = 1;
        for (boolean[] position : pattern) {
          int allowed = 0;
          for (boolean a : position) {
            allowed += a ? 1 : 0;
          }
          p *= allowed / 10.0;
        }
        admitted += p; // the patterns of a row are disjoint, so their shares add up
      }
      this.share = admitted;
    }

    double share() {
      return share;
    }

    /**
     * Whether the digits match and the patterns, behind leading digits that themselves admit
     * {@code leadShare} of the strings (the trunk 0: one in ten), are specific.
     */
    boolean specificAt(String d, int from, int length, double leadShare) {
      return d.length() >= SPECIFIC_MIN_LENGTH && isSpecific(leadShare * share)
          && matches(d, from, length);
    }

    /** Whether the {@code length} digits at {@code from} have the length and a listed start. */
    boolean matches(String d, int from, int length) {
      if (length < min || length > max) {
        return false;
      }
      for (boolean[][] pattern : patterns) {
        if (startsWith(d, from, length, pattern)) {
          return true;
        }
      }
      return false;
    }

    private static boolean startsWith(String d, int from, int length, boolean[][] pattern) {
      if (pattern.length > length) {
        return false;
      }
      for (int k = 0; k < pattern.length; k++) {
        if (!pattern[k][d.charAt(from + k) - '0']) {
          return false;
        }
      }
      return true;
    }

    /** "5[03-6]" to {{5}, {0, 3, 4, 5, 6}}. */
    private static boolean[][] parse(String spec) {
      List<boolean[]> positions = new ArrayList<>();
      for (int i = 0; i < spec.length(); i++) {
        boolean[] allowed = new boolean[10];
        if (spec.charAt(i) == '[') {
          int close = spec.indexOf(']', i);
          for (int k = i + 1; k < close; k++) {
            char lo = spec.charAt(k);
            char hi = lo;
            if (k + 2 < close && spec.charAt(k + 1) == '-') {
              hi = spec.charAt(k + 2);
              k += 2;
            }
            for (char c = lo; c <= hi; c++) {
              allowed[c - '0'] = true;
            }
          }
          i = close;
        } else {
          allowed[spec.charAt(i) - '0'] = true;
        }
        positions.add(allowed);
      }
      return positions.toArray(new boolean[0][]);
    }
  }

  /** "3-3-3 2-3-4" to {{3, 3, 3}, {2, 3, 4}}; "" to none. */
  private static int[][] layouts(String spec) {
    if (spec.trim().isEmpty()) {
      return new int[0][];
    }
    String[] items = spec.trim().split(" +");
    int[][] out = new int[items.length][];
    for (int i = 0; i < items.length; i++) {
      String[] lengths = items[i].split("-");
      out[i] = new int[lengths.length];
      for (int g = 0; g < lengths.length; g++) {
        out[i][g] = Integer.parseInt(lengths[g]);
      }
    }
    return out;
  }
}
