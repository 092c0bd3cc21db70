package dev.airlock.agent.engine;

import dev.airlock.agent.route.RouteTarget;
import dev.airlock.agent.spend.Budgets;
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

  /** The resolved target a budget downgrades to, or null. */
  public RouteTarget downgradeTarget(String target) {
    return target == null ? null : downgrades.get(target);
  }
}
