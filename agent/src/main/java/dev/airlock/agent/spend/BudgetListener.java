package dev.airlock.agent.spend;

/**
 * Hears what budgets notice, to turn it into span events, log lines and metrics. Called on the
 * thread of the call concerned, so implementations must be quick and must not block; exceptions they
 * throw are caught and logged at debug level. Amounts are in the budget's unit (micro-USD or tokens).
 */
public interface BudgetListener {

  /** Hears nothing. */
  BudgetListener NONE = new BudgetListener() {};

  /**
   * The settled spend of {@code scopeKey} under {@code budget} crossed {@code fraction} of the limit
   * in the current window. Called once per budget, scope, window and fraction, by the call whose
   * settle crossed it (with shared state: in whichever JVM that call ran). One settle may cross
   * several fractions at once: each is reported.
   *
   * @param spent the settled spend just after the crossing
   */
  default void onThreshold(BudgetConfig budget, ScopeKey scopeKey, double fraction, long spent, long limit) {}

  /**
   * A call could not be afforded by {@code budget} ({@code spent + reserved + requested > limit}), and
   * {@code budget.onExceed()} decided what happened to it: blocked, downgraded or flagged. Called for
   * every such call, before {@link Budgets#admit} returns; a blocked call reports only the budget that
   * blocked it.
   *
   * @param spent settled spend in the window
   * @param reserved spend reserved by calls in flight
   * @param requested this call's estimate
   */
  default void onExceeded(BudgetConfig budget, ScopeKey scopeKey, long spent, long reserved, long requested, long limit) {}
}
