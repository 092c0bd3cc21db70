package dev.airlock.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the value notations of the policy language: durations ({@code 200ms}, {@code 30s}), sizes
 * ({@code 256MB}), budget limits ({@code 50 USD/day}, {@code 2M tokens/hour}) and rates ({@code
 * 600/min}, {@code 200k/min}).
 *
 * <p>Each method throws {@link IllegalArgumentException} whose message is a complete reason that
 * reads well after a document path ({@code resilience.timeout: must be a duration such as ...});
 * the policy readers turn it into a {@link PolicyProblem} at the value's position. The notations
 * are the ones the JSON Schema ({@link PolicySchema}) describes, and the two agree.
 *
 * <p>Counts (token amounts, rates, prompt sizes) may carry a multiplier: {@code k} or {@code K}
 * (thousand), {@code M} (million), {@code G} (billion); the result must be a whole number, so
 * {@code 1.5k} is 1500 but {@code 0.5} is refused.
 */
public final class PolicyValues {

  private static final String NUMBER = "([0-9]+(?:\\.[0-9]+)?)";

  private static final Pattern DURATION = Pattern.compile(NUMBER + "(ms|s|m|h|d)");
  private static final Pattern BYTES = Pattern.compile(NUMBER + "(B|KB|MB|GB|KiB|MiB|GiB)");
  private static final Pattern BUDGET =
      Pattern.compile(NUMBER + "([kKMG]?) +([A-Za-z]+)/([A-Za-z]+)");
  private static final Pattern RATE = Pattern.compile(NUMBER + "([kKMG]?)/([A-Za-z]+)");
  private static final Pattern COUNT = Pattern.compile(NUMBER + "([kKMG]?)");

  /** The window words of a budget limit, as written after the slash. */
  static final List<String> BUDGET_WINDOWS =
      Arrays.asList("min", "minute", "h", "hour", "d", "day", "month");

  /** The period words of a rate, as written after the slash. */
  static final List<String> RATE_PERIODS =
      Arrays.asList("s", "sec", "second", "min", "minute", "h", "hour", "d", "day");

  private static final String DURATION_FORM =
      "must be a duration such as 200ms, 30s, 5m, 1h or 2d (a number and one of ms, s, m, h, d)";
  private static final String BYTES_FORM =
      "must be a size such as 256MB or 1GiB (a number and one of B, KB, MB, GB, KiB, MiB, GiB;"
          + " 1KB = 1024 bytes)";
  private static final String BUDGET_FORM =
      "must be a budget limit such as 50 USD/day or 2M tokens/hour (an amount, a space, USD or"
          + " tokens, '/', and min, hour, day or month)";
  private static final String RATE_FORM =
      "must be a rate such as 600/min, 200k/min or 10/s (a count, '/', and s, min, hour or day)";

  private PolicyValues() {}

  /**
   * A duration: a number and a unit, {@code ms}, {@code s}, {@code m} (minutes), {@code h} or
   * {@code d}, e.g. {@code 200ms}, {@code 1.5s}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}.
   * Zero is allowed here; readers that need a positive duration say so.
   *
   * @throws IllegalArgumentException if the text is not such a duration, or is finer than a
   *     millisecond, or too long to represent
   */
  public static Duration duration(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(DURATION_FORM + ", got '" + text + "'");
    }
    long unitMillis;
    switch (m.group(2)) {
      case "ms":
        unitMillis = 1L;
        break;
      case "s":
        unitMillis = 1_000L;
        break;
      case "m":
        unitMillis = 60_000L;
        break;
      case "h":
        unitMillis = 3_600_000L;
        break;
      default:
        unitMillis = 86_400_000L;
    }
    BigDecimal millis = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitMillis));
    return Duration.ofMillis(whole(millis, text, "a whole number of milliseconds", "duration"));
  }

  /**
   * A size in bytes: a number and a unit, {@code B}, {@code KB}, {@code MB}, {@code GB} (binary
   * multiples of 1024, as memory is measured) or the same as {@code KiB}, {@code MiB}, {@code GiB},
   * e.g. {@code 256MB} is 268,435,456 bytes.
   *
   * @throws IllegalArgumentException if the text is not such a size or not a whole number of bytes
   */
  public static long bytes(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = BYTES.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(BYTES_FORM + ", got '" + text + "'");
    }
    long unit;
    switch (m.group(2)) {
      case "B":
        unit = 1L;
        break;
      case "KB":
      case "KiB":
        unit = 1L << 10;
        break;
      case "MB":
      case "MiB":
        unit = 1L << 20;
        break;
      default:
        unit = 1L << 30;
    }
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
    return whole(bytes, text, "a whole number of bytes", "size");
  }

  /**
   * A budget limit: an amount (with an optional multiplier {@code k}, {@code M}, {@code G}), a
   * space, a unit ({@code USD} or {@code tokens}, in any case), a slash and a window ({@code
   * min}/{@code minute}, {@code h}/{@code hour}, {@code d}/{@code day}, {@code month}), e.g. {@code
   * 50 USD/day}, {@code 2M tokens/hour}, {@code 1.5k tokens/min}, {@code 100 usd/month}. The amount
   * must be more than zero, and a whole number of tokens.
   *
   * @throws IllegalArgumentException with the reason the text is not such a limit
   */
  public static BudgetLimit budgetLimit(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = BUDGET.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(BUDGET_FORM + ", got '" + text + "'");
    }
    String unitWord = m.group(3);
    BudgetLimit.Unit unit;
    if (unitWord.equalsIgnoreCase("usd")) {
      unit = BudgetLimit.Unit.USD;
    } else if (unitWord.equalsIgnoreCase("tokens")) {
      unit = BudgetLimit.Unit.TOKENS;
    } else {
      throw new IllegalArgumentException(
          "unknown unit '"
              + unitWord
              + "' in budget limit '"
              + text
              + "'; write USD or tokens"
              + DidYouMean.hint(unitWord, Arrays.asList("USD", "tokens")));
    }
    String windowWord = m.group(4);
    BudgetLimit.Window window = budgetWindow(windowWord);
    if (window == null) {
      throw new IllegalArgumentException(
          "unknown window '"
              + windowWord
              + "' in budget limit '"
              + text
              + "'; write min, hour, day or month"
              + DidYouMean.hint(windowWord, BUDGET_WINDOWS));
    }
    BigDecimal amount = new BigDecimal(m.group(1)).multiply(multiplier(m.group(2)));
    if (amount.signum() == 0) {
      throw new IllegalArgumentException(
          "budget limit '"
              + text
              + "' must be more than zero (to refuse every request, use a"
              + " route with deny)");
    }
    if (unit == BudgetLimit.Unit.TOKENS) {
      whole(amount, text, "a whole number of tokens", "budget limit");
    }
    return BudgetLimit.of(normalize(amount), unit, window);
  }

  /**
   * A rate: a count (with an optional multiplier {@code k}, {@code M}, {@code G}), a slash and a
   * period ({@code s}/{@code sec}/{@code second}, {@code min}/{@code minute}, {@code h}/{@code
   * hour}, {@code d}/{@code day}), e.g. {@code 600/min}, {@code 200k/min}, {@code 10/s}, {@code
   * 1M/hour}, {@code 5/day}. The count must be a whole number more than zero.
   *
   * @throws IllegalArgumentException with the reason the text is not such a rate
   */
  public static Rate rate(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = RATE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(RATE_FORM + ", got '" + text + "'");
    }
    String periodWord = m.group(3);
    Duration per = ratePeriod(periodWord);
    if (per == null) {
      throw new IllegalArgumentException(
          "unknown period '"
              + periodWord
              + "' in rate '"
              + text
              + "'; write s, min, hour or day"
              + DidYouMean.hint(periodWord, RATE_PERIODS));
    }
    BigDecimal amount = new BigDecimal(m.group(1)).multiply(multiplier(m.group(2)));
    long count = whole(amount, text, "a whole number", "rate");
    if (count == 0) {
      throw new IllegalArgumentException(
          "rate '"
              + text
              + "' must be more than zero (to refuse every request, use a route with"
              + " deny)");
    }
    return Rate.of(count, per);
  }

  /**
   * A count such as {@code 8000}, {@code 8k} or {@code 1.5M}, for token thresholds.
   *
   * @throws IllegalArgumentException if it is not a whole count
   */
  static long count(String text) {
    Matcher m = COUNT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a count such as 8000, 8k or 1.5M");
    }
    BigDecimal amount = new BigDecimal(m.group(1)).multiply(multiplier(m.group(2)));
    return whole(amount, text, "a whole number", "count");
  }

  private static BudgetLimit.Window budgetWindow(String word) {
    switch (word) {
      case "min":
      case "minute":
        return BudgetLimit.Window.MINUTE;
      case "h":
      case "hour":
        return BudgetLimit.Window.HOUR;
      case "d":
      case "day":
        return BudgetLimit.Window.DAY;
      case "month":
        return BudgetLimit.Window.MONTH;
      default:
        return null;
    }
  }

  private static Duration ratePeriod(String word) {
    switch (word) {
      case "s":
      case "sec":
      case "second":
        return Duration.ofSeconds(1);
      case "min":
      case "minute":
        return Duration.ofMinutes(1);
      case "h":
      case "hour":
        return Duration.ofHours(1);
      case "d":
      case "day":
        return Duration.ofDays(1);
      default:
        return null;
    }
  }

  private static BigDecimal multiplier(String suffix) {
    switch (suffix) {
      case "k":
      case "K":
        return BigDecimal.valueOf(1_000L);
      case "M":
        return BigDecimal.valueOf(1_000_000L);
      case "G":
        return BigDecimal.valueOf(1_000_000_000L);
      default:
        return BigDecimal.ONE;
    }
  }

  /** The exact long value of {@code value}, or a reason naming what it must be. */
  private static long whole(BigDecimal value, String text, String mustBe, String what) {
    BigDecimal v = value.stripTrailingZeros();
    if (v.scale() > 0) {
      throw new IllegalArgumentException(what + " '" + text + "' must be " + mustBe);
    }
    try {
      return v.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(what + " '" + text + "' is too large");
    }
  }

  /** {@code 1500.0} becomes {@code 1500}, {@code 2E+6} becomes {@code 2000000}. */
  private static BigDecimal normalize(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }
}
