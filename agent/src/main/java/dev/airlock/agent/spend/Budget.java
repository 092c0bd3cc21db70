package dev.airlock.agent.spend;

import dev.airlock.agent.state.Charge;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A {@link BudgetConfig} at work inside {@link Budgets}: builds its counters' keys and expiry for the
 * current window, converts a call's cost into its unit, and knows its alert thresholds in that unit.
 */
final class Budget {

  /**
   * How long a window's counter outlives the window, so that calls admitted just before the end
   * still find it when they settle (longer than any LLM call).
   */
  static final long SETTLE_GRACE_MILLIS = 15 * 60_000L;

  /** The window that {@link #slot} describes, and the tail of its keys. */
  private static final class Slot {
    final long start;
    final long end;
    final String tail;

    Slot(long start, long end, String tail) {
      this.start = start;
      this.end = end;
      this.tail = tail;
    }
  }

  final BudgetConfig config;
  final boolean hard;
  private final String head;
  private final String id;
  private final long[] thresholds;
  private final double[] fractions;
  /** The current window, cached: it changes once a window, and building the label is the slow part of a key. */
  private volatile Slot slot = new Slot(0, 0, "");

  /**
   * @param ordinal 1 for the first budget of this scope, unit and window in the policy, 2 for a second
   *     one, and so on: each budget keeps its own counters even when two look alike
   */
  Budget(BudgetConfig config, int ordinal) {
    this.config = config;
    this.hard = config.onExceed().refuses();
    this.head = Keys.BUDGET_PREFIX + config.scope().id() + ":";
    this.id = config.unit().id() + "-" + config.window().id() + (ordinal > 1 ? "-" + ordinal : "");
    this.fractions = new double[config.alertAt().size()];
    this.thresholds = new long[fractions.length];
    for (int i = 0; i < fractions.length; i++) {
      fractions[i] = config.alertAt().get(i);
      // Decimal arithmetic: in doubles 0.07 * 100 is 7.000000000000001, whose ceiling would be 8.
      thresholds[i] = new BigDecimal(Double.toString(fractions[i])).multiply(BigDecimal.valueOf(config.limit()))
          .setScale(0, RoundingMode.CEILING).longValue();
    }
  }

  /** The charge of {@code amount} on {@code key}'s counter for the window holding {@code nowMillis}. */
  Charge charge(ScopeKey key, long amount, long nowMillis) {
    Slot s = slot(nowMillis);
    return new Charge(head + key.keyPart() + s.tail, amount, config.limit(), hard, s.end + SETTLE_GRACE_MILLIS);
  }

  /** The cost of a call in this budget's unit. */
  long amount(long microUsd, long tokens) {
    return Math.max(0, config.unit() == BudgetConfig.Unit.USD ? microUsd : tokens);
  }

  /** Reports each alert fraction that the spend crossed going from {@code before} to {@code after}. */
  void crossed(ScopeKey key, long before, long after, BudgetListener listener) {
    for (int i = 0; i < thresholds.length; i++) {
      if (before < thresholds[i] && after >= thresholds[i]) {
        listener.onThreshold(config, key, fractions[i], after, config.limit());
      }
    }
  }

  private Slot slot(long nowMillis) {
    Slot s = slot;
    if (nowMillis >= s.start && nowMillis < s.end) {
      return s;
    }
    long start = config.window().startMillis(nowMillis);
    long end = config.window().endMillis(start);
    s = new Slot(start, end, ":" + id + ":" + Window.label(start));
    slot = s;
    return s;
  }

  @Override
  public String toString() {
    return config.toString();
  }
}
