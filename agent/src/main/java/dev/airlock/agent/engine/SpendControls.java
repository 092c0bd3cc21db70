package dev.airlock.agent.engine;

import dev.airlock.agent.route.RouteTarget;
import dev.airlock.agent.spend.BudgetConfig;
import dev.airlock.agent.spend.Budgets;
import dev.airlock.agent.spend.ScopeKey;
import dev.airlock.agent.telemetry.BudgetLabels;
import dev.airlock.agent.telemetry.GenAiAttributes;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import dev.airlock.agent.spend.RateLimiter;
import java.util.Map;

/**
 * The budgets and rate limits of one policy, with the targets its budgets downgrade to, resolved
 * when the policy loads. The counters behind them live in a {@code CounterState} shared across
 * policy reloads (and, with Redis, across JVMs), so a reload never resets what was spent.
 */
public final class SpendControls {

  /** Neither budgets nor rate limits. */
  public static final SpendControls NONE = new SpendControls(null, null, Map.of());

  private final Budgets budgets;
  private final RateLimiter rateLimiter;
  private final Map<String, RouteTarget> downgrades;
  /** Scopes checked recently, oldest first. */
  private final java.util.LinkedHashSet<ScopeKey> observed = new java.util.LinkedHashSet<>();
  static final int MAX_OBSERVED_SCOPES = 1000;

  /**
   * @param budgets the budgets, or null
   * @param rateLimiter the rate limits, or null
   * @param downgrades each budget's downgrade target by its policy text ({@code provider/model})
   */
  public SpendControls(Budgets budgets, RateLimiter rateLimiter, Map<String, RouteTarget> downgrades) {
    this.budgets = budgets == null || budgets.isEmpty() ? null : budgets;
    this.rateLimiter = rateLimiter == null || rateLimiter.isEmpty() ? null : rateLimiter;
    this.downgrades = Map.copyOf(downgrades);
  }

  public boolean active() {
    return budgets != null || rateLimiter != null;
  }

  /** Null when the policy has none. */
  public Budgets budgets() {
    return budgets;
  }

  /** Null when the policy has none. */
  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  /**
   * Remembers a scope that was checked, so the remaining-budget gauge can report it. Bounded: past
   * {@link #MAX_OBSERVED_SCOPES} scopes the oldest are forgotten (a JVM serving thousands of tenants
   * reports the recently active ones).
   */
  public void noteScope(ScopeKey key) {
    synchronized (observed) {
      observed.remove(key);
      observed.add(key);
      if (observed.size() > MAX_OBSERVED_SCOPES) {
        observed.remove(observed.iterator().next());
      }
    }
  }

  /** Reports the remaining amount of each budget for each recently checked scope it applies to. */
  public void observeRemaining(ObservableDoubleMeasurement measurement) {
    if (budgets == null) {
      return;
    }
    java.util.List<ScopeKey> keys;
    synchronized (observed) {
      keys = new java.util.ArrayList<>(observed);
    }
    for (BudgetConfig budget : budgets.configs()) {
      for (ScopeKey key : keys) {
        if (key.kind() != budget.scope()) {
          continue;
        }
        java.util.OptionalLong remaining = budgets.remaining(budget, key);
        if (remaining.isPresent()) {
          double value = budget.unit() == BudgetConfig.Unit.USD ? remaining.getAsLong() / 1_000_000.0
              : remaining.getAsLong();
          measurement.record(value, Attributes.of(GenAiAttributes.AIRLOCK_BUDGET, BudgetLabels.of(budget),
              GenAiAttributes.AIRLOCK_SCOPE, key.toString()));
        }
      }
    }
  }

  /** The resolved target a budget downgrades to, or null. */
  public RouteTarget downgradeTarget(String target) {
    return target == null ? null : downgrades.get(target);
  }
}
