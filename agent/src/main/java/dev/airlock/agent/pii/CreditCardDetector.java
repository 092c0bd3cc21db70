package dev.airlock.agent.pii;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Payment card numbers: 12-19 digits, ungrouped or grouped with one kind of separator (space or
 * hyphen) as cards print them (4-4-4-4, 4-4-4-4-3, 4-6-5, 4-6-4), whose prefix and length belong
 * to a known issuer (Visa, Mastercard, American Express, Discover, JCB, Diners Club, UnionPay,
 * Maestro, Mir, UATP) and that pass the Luhn check.
 *
 * <p>A run of digit groups is read from its start: a card, possibly followed by more cards (a
 * list on one line) and a tail of at most four digits (an expiry month or CVV). A run joined to
 * letters or to another number by {@code . , / -}, or one that goes on with more digits, is
 * rejected whole rather than searched for a card inside it. Card words ("card", "visa", ...)
 * raise the confidence; words such as "order" or "tracking" lower it, since one random number in
 * ten passes Luhn.
 */
final class CreditCardDetector implements IndexedDetector {

  static final double GROUPED = 0.9;
  static final double COMPACT = 0.8;

  private static final ContextWords POSITIVE =
      ContextWords.of(
          0.1, "card", "cards", "credit", "debit", "visa", "mastercard", "amex", "cc", "pan",
          "payment", "kreditkarte", "karte", "carte", "tarjeta", "carta");

  private static final ContextWords NEGATIVE =
      ContextWords.of(
          -0.35, "order", "tracking", "invoice", "serial", "isbn", "imei", "iccid", "account",
          "transaction", "reference", "ref");

  /** Both lists, read in one pass over the window. */
  private static final ContextPair CONTEXT = new ContextPair(POSITIVE, NEGATIVE);

  /** Most groups a printed card number has (4-4-4-4-3). */
  private static final int MAX_CARD_GROUPS = 5;
  /** Longest run we read: a short list of cards written on one line. */
  private static final int MAX_RUN_GROUPS = 64;
  /** Digits that may follow the cards in the same run: an expiry month or a CVV ("1111 123"). */
  private static final int MAX_TRAILING_DIGITS = 4;

  /**
   * The digit runs a card can start with: not after a word char, two digits or more, and either
   * grouped (a space or hyphen and another group right after) or long enough for a card alone (a
   * lone shorter number: the pattern would match it and drop it).
   */
  private static final RunFilter FIRST_GROUPS =
      new RunFilter(
          s -> {
            int after = RunShape.after(s);
            boolean grouped = (after == RunShape.SPACE || after == RunShape.DASH)
                && RunShape.then(s) == RunShape.DIGIT;
            return RunShape.before(s) == RunShape.AFTER_NON_WORD && RunShape.minLength(s) >= 2
                && (grouped || RunShape.minLength(s) >= 12);
          });

  @Override
  public String type() {
    return PiiTypes.CREDIT_CARD;
  }

  /**
   * Reads each run from its start: a card, then (in a list such as "4111... 5555...") the next
   * card right after it, and so on. What is left after the last card may only be a short tail;
   * otherwise the run is a longer number and nothing in it is reported.
   */
  @Override
  public void detect(CharSequence text, TextIndex index, List<Detection> out) {
    int[] starts = null;
    int[] ends = null;
    List<Detection> cards = null;
    int resume = 0;
    BitSet runs = index.runs(FIRST_GROUPS);
    for (int k = runs.nextSetBit(0); k >= 0; k = runs.nextSetBit(k + 1)) {
      int i = index.runStart(k);
      if (i < resume || !Chars.separateNumberAt(text, i)) {
        continue;
      }
      if (starts == null) {
        starts = new int[MAX_RUN_GROUPS];
        ends = new int[MAX_RUN_GROUPS];
        cards = new ArrayList<>();
      }
      int lastRun = lastJoinedRun(text, index, k);
      int runEnd = index.runEnd(lastRun);
      resume = runEnd;
      int groups = lastRun - k + 1;
      if (runEnd - i < 12 || joinedAfter(text, runEnd) || groups > MAX_RUN_GROUPS) {
        continue;
      }
      for (int g = 0; g < groups; g++) {
        starts[g] = index.runStart(k + g);
        ends[g] = index.runEnd(k + g);
      }
      cards.clear();
      int g = 0;
      while (g < groups) {
        Detection card = null;
        int next = g;
        for (int last = Math.min(groups, g + MAX_CARD_GROUPS); last > g && card == null; last--) {
          int digits = digitCount(starts, ends, g, last);
          // Most spans tried have no card's length: ruled out before any string is built.
          if (digits >= 12 && digits <= 19 && validGrouping(text, starts, ends, g, last)) {
            card = card(text, starts[g], ends[last - 1]);
          }
          next = last;
        }
        if (card == null) {
          break;
        }
        cards.add(card);
        g = next;
      }
      boolean shortTail =
          g == groups || digitCount(starts, ends, g, groups) <= MAX_TRAILING_DIGITS;
      if (!cards.isEmpty() && shortTail) {
        out.addAll(cards);
      }
    }
  }

  /**
   * The last digit run of the groups joined by single spaces or hyphens that digit run {@code k}
   * starts: each next run starts one char after the end of the one before, and that char is a
   * space or a hyphen. Together with the look-behind ({@link Chars#separateNumberAt}: not after a
   * letter or number of any script, '_', '.', ',', '/', '-', or a digit and a space or hyphen,
   * "12.4111...", "7 4111...") this is what the pattern {@code (?<![\p{L}\p{N}_.,/\-])(?<!\d[
   * \-])\d++(?:[ \-]\d++)*+} matches, written out: the run starts of a text dense with numbers
   * are many, and running the pattern at each was the largest part of this detector's time. The
   * groups are read from the index's run bounds, not from the text again.
   */
  private static int lastJoinedRun(CharSequence t, TextIndex index, int k) {
    int last = k;
    while (last + 1 < index.runCount() && index.runStart(last + 1) == index.runEnd(last) + 1) {
      char join = t.charAt(index.runEnd(last));
      if (join != ' ' && join != '-') {
        break;
      }
      last++;
    }
    return last;
  }

  /** The digits of groups {@code [from, to)}: the groups hold only digits, their joins none. */
  private static int digitCount(int[] starts, int[] ends, int from, int to) {
    int digits = 0;
    for (int g = from; g < to; g++) {
      digits += ends[g] - starts[g];
    }
    return digits;
  }

  /** A letter, or ". , / -" and a digit, right after the run: it is part of something longer. */
  private static boolean joinedAfter(CharSequence t, int end) {
    char c = Chars.at(t, end);
    return Chars.isWordChar(c)
        || ((c == '.' || c == ',' || c == '/' || c == '-') && Chars.digitAt(t, end + 1));
  }

  /** The card in {@code [start, end)}, whose grouping {@link #validGrouping} accepted, or null. */
  private static Detection card(CharSequence text, int start, int end) {
    String digits = Chars.digitsOf(text, start, end);
    if (digits.length() < 12 || digits.length() > 19) {
      return null;
    }
    String brand = brand(digits);
    if (brand == null || !luhn(digits)) {
      return null;
    }
    double base = digits.length() == end - start ? COMPACT : GROUPED;
    double conf = CONTEXT.confidence(base, text, start, end);
    return new Detection(PiiTypes.CREDIT_CARD, start, end, Confidence.of(conf), brand);
  }

  /**
   * Whether groups {@code [from, to)} (bounds in {@code starts} and {@code ends}, each joined to
   * the next by one char) are one card as printed: one separator kind, and 4s with a shorter last
   * group, or Amex-style. Read from the group bounds rather than char by char: the span's digits
   * are known, and a branch at each of its chars cost more than the test.
   */
  private static boolean validGrouping(
      CharSequence t, int[] starts, int[] ends, int from, int to) {
    int groups = to - from;
    if (groups == 1) {
      return true;
    }
    if (groups > MAX_CARD_GROUPS) {
      return false;
    }
    char sep = t.charAt(ends[from]);
    for (int g = from + 1; g < to - 1; g++) {
      if (t.charAt(ends[g]) != sep) {
        return false;
      }
    }
    int lastLen = ends[to - 1] - starts[to - 1];
    if (groups == 3 && ends[from] - starts[from] == 4 && ends[from + 1] - starts[from + 1] == 6
        && (lastLen == 5 || lastLen == 4)) {
      return true;
    }
    for (int g = from; g < to - 1; g++) {
      if (ends[g] - starts[g] != 4) {
        return false;
      }
    }
    return groups >= 3 && lastLen >= 1 && lastLen <= 4;
  }

  /** The issuer whose prefix range and lengths fit, or null. */
  static String brand(String d) {
    int n = d.length();
    int p1 = d.charAt(0) - '0';
    int p2 = prefix(d, 2);
    int p3 = prefix(d, 3);
    int p4 = prefix(d, 4);
    int p6 = prefix(d, 6);
    if ((p2 == 34 || p2 == 37) && n == 15) {
      return "amex";
    }
    if (p1 == 4 && (n == 13 || n == 16 || n == 19)) {
      return "visa";
    }
    if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n == 16) {
      return "mastercard";
    }
    boolean long16to19 = n >= 16 && n <= 19;
    if ((p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925))
        && long16to19) {
      return "discover";
    }
    if (p4 >= 3528 && p4 <= 3589 && long16to19) {
      return "jcb";
    }
    if (((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39)
        && n >= 14 && n <= 19) {
      return "diners";
    }
    if (p4 >= 2200 && p4 <= 2204 && long16to19) {
      return "mir";
    }
    if (p2 == 62 && long16to19) {
      return "unionpay";
    }
    if ((p2 == 50 || (p2 >= 56 && p2 <= 69)) && long16to19) {
      return "maestro";
    }
    if (p1 == 1 && n == 15) {
      return "uatp";
    }
    return null;
  }

  /** The number the first {@code len} digits of {@code d} (all of it when shorter) make. */
  private static int prefix(String d, int len) {
    int value = 0;
    for (int i = 0, n = Math.min(len, d.length()); i < n; i++) {
      value = value * 10 + (d.charAt(i) - '0');
    }
    return value;
  }

  /** The Luhn (mod 10) check over all digits, the last being the check digit. */
  static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int v = digits.charAt(i) - '0';
      if (dbl) {
        v *= 2;
        if (v > 9) {
          v -= 9;
        }
      }
      sum += v;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }
}
