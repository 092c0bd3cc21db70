package dev.airlock.policy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * A budget's ceiling: an amount of US dollars or tokens per window, written {@code 50 USD/day} or
 * {@code 2M tokens/hour} (see {@link PolicyValues#budgetLimit(String)}). Immutable.
 */
public final class BudgetLimit {

  /** What the amount counts. */
  public enum Unit {
    /** US dollars, priced from {@code models:} and the built-in price table. */
    USD,
    /** Tokens, input and output together. */
    TOKENS;

    /** {@code USD} or {@code tokens}, as the policy writes it. */
    public String id() {
      return this == USD ? "USD" : "tokens";
    }
  }

  /** The period the amount is counted over. */
  public enum Window {
    MINUTE,
    HOUR,
    DAY,
    MONTH;

    /** {@code minute}, {@code hour}, {@code day} or {@code month}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final BigDecimal amount;
  private final Unit unit;
  private final Window window;

  private BudgetLimit(BigDecimal amount, Unit unit, Window window) {
    this.amount = Objects.requireNonNull(amount, "amount");
    this.unit = Objects.requireNonNull(unit, "unit");
    this.window = Objects.requireNonNull(window, "window");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("a budget limit must be more than zero, got " + amount);
    }
  }

  /**
   * A limit of {@code amount} (more than zero; multipliers already applied, so {@code 2M} is
   * 2000000) {@code unit}s per {@code window}.
   */
  public static BudgetLimit of(BigDecimal amount, Unit unit, Window window) {
    return new BudgetLimit(amount, unit, window);
  }

  /** The amount, exact, with multipliers applied: {@code 2M tokens/hour} gives 2000000. */
  public BigDecimal amount() {
    return amount;
  }

  public Unit unit() {
    return unit;
  }

  public Window window() {
    return window;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof BudgetLimit)) {
      return false;
    }
    BudgetLimit b = (BudgetLimit) o;
    return amount.compareTo(b.amount) == 0 && unit == b.unit && window == b.window;
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount.stripTrailingZeros(), unit, window);
  }

  /** {@code 50 USD/day}, {@code 2000000 tokens/hour}. */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + unit.id() + "/" + window.id();
  }
}
