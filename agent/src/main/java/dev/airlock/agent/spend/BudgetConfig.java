package dev.airlock.agent.spend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One budget of the policy: a ceiling on spend per scope and window, e.g. "50 USD per tenant per day,
 * block beyond, alert at 50% and 80%". Immutable; made with {@link #builder(ScopeKind)}.
 *
 * <pre>{@code
 * BudgetConfig.builder(ScopeKind.TENANT)
 *     .limitUsd(50).window(Window.DAY)
 *     .onExceed(OnExceed.block())
 *     .alertAt(0.5, 0.8)
 *     .build();
 * }</pre>
 */
public final class BudgetConfig {

  /** What a budget counts. */
  public enum Unit {
    /** Cost, counted in micro-USD (1 USD = 1,000,000) so that sums stay exact. */
    USD("usd"),
    /** Tokens, input and output together. */
    TOKENS("tokens");

    private final String id;

    Unit(String id) {
      this.id = id;
    }

    /** The key segment: {@code usd} or {@code tokens}. */
    public String id() {
      return id;
    }
  }

  private final ScopeKind scope;
  private final long limit;
  private final Unit unit;
  private final Window window;
  private final OnExceed onExceed;
  private final List<Double> alertAt;

  private BudgetConfig(Builder b) {
    this.scope = b.scope;
    this.limit = b.limit;
    this.unit = b.unit;
    this.window = b.window;
    this.onExceed = b.onExceed;
    this.alertAt = b.alertAt;
  }

  public static Builder builder(ScopeKind scope) {
    return new Builder(scope);
  }

  /**
   * {@code usd} in micro-USD, rounded half up to the nearest micro-USD as the decimal the double
   * prints as ({@code 0.0000025} is 3).
   */
  public static long microUsd(double usd) {
    double scaled = usd * 1_000_000d;
    double fraction = scaled - Math.floor(scaled);
    if (Math.abs(scaled) < 1e15 && Math.abs(fraction - 0.5) > 1e-6) {
      // Clear of a tie: binary rounding cannot change the answer. This runs twice per call (the
      // reservation and the settlement), where the decimal path below costs microseconds.
      return Math.round(scaled);
    }
    return new BigDecimal(Double.toString(usd)).movePointRight(6).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
  }

  /** Builds a {@link BudgetConfig}. A limit and a window are required; on-exceed defaults to block. */
  public static final class Builder {
    private final ScopeKind scope;
    private long limit = -1;
    private Unit unit;
    private Window window;
    private OnExceed onExceed = OnExceed.block();
    private List<Double> alertAt = Collections.emptyList();

    private Builder(ScopeKind scope) {
      this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * The ceiling per window: micro-USD for {@link Unit#USD}, tokens for {@link Unit#TOKENS}.
     * Zero is allowed (nothing may be spent).
     */
    public Builder limit(long amount, Unit unit) {
      if (amount < 0) {
        throw new IllegalArgumentException("a budget limit must not be negative: " + amount);
      }
      this.limit = amount;
      this.unit = Objects.requireNonNull(unit, "unit");
      return this;
    }

    /** The ceiling in USD (stored as micro-USD). */
    public Builder limitUsd(double usd) {
      return limit(microUsd(usd), Unit.USD);
    }

    /** The ceiling in tokens. */
    public Builder limitTokens(long tokens) {
      return limit(tokens, Unit.TOKENS);
    }

    public Builder window(Window window) {
      this.window = Objects.requireNonNull(window, "window");
      return this;
    }

    public Builder onExceed(OnExceed onExceed) {
      this.onExceed = Objects.requireNonNull(onExceed, "onExceed");
      return this;
    }

    /**
     * Fractions of the limit at which to alert once per window and scope, e.g. {@code 0.5, 0.8}.
     * Each must be above 0; values above 1 are allowed (useful with alert and downgrade budgets,
     * whose spend may pass the limit).
     */
    public Builder alertAt(double... fractions) {
      List<Double> list = new ArrayList<>();
      for (double f : fractions) {
        if (!(f > 0) || Double.isInfinite(f)) {
          throw new IllegalArgumentException("an alert fraction must be above 0: " + f);
        }
        if (!list.contains(f)) {
          list.add(f);
        }
      }
      Collections.sort(list);
      this.alertAt = Collections.unmodifiableList(list);
      return this;
    }

    /** @throws IllegalStateException if the limit or the window is missing */
    public BudgetConfig build() {
      if (limit < 0) {
        throw new IllegalStateException("budget per " + scope + ": a limit is required");
      }
      if (window == null) {
        throw new IllegalStateException("budget per " + scope + ": a window is required");
      }
      return new BudgetConfig(this);
    }
  }

  public ScopeKind scope() {
    return scope;
  }

  /** The ceiling per window, in {@link #unit()}s (micro-USD or tokens). */
  public long limit() {
    return limit;
  }

  public Unit unit() {
    return unit;
  }

  public Window window() {
    return window;
  }

  public OnExceed onExceed() {
    return onExceed;
  }

  /** Alert fractions, ascending, without duplicates. */
  public List<Double> alertAt() {
    return alertAt;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BudgetConfig)) {
      return false;
    }
    BudgetConfig b = (BudgetConfig) o;
    return b.scope == scope && b.limit == limit && b.unit == unit && b.window == window
        && b.onExceed.equals(onExceed) && b.alertAt.equals(alertAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scope, limit, unit, window, onExceed, alertAt);
  }

  /** {@code per tenant 50 USD/day, block, alert at [0.5, 0.8]}. */
  @Override
  public String toString() {
    String amount = unit == Unit.USD
        ? BigDecimal.valueOf(limit).movePointLeft(6).stripTrailingZeros().toPlainString() + " USD"
        : limit + " tokens";
    return "per " + scope + " " + amount + "/" + window + ", " + onExceed
        + (alertAt.isEmpty() ? "" : ", alert at " + alertAt);
  }
}
