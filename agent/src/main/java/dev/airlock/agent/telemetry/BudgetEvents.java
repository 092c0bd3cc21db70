package dev.airlock.agent.telemetry;

import static dev.airlock.agent.telemetry.GenAiAttributes.*;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.spend.BudgetConfig;
import dev.airlock.agent.spend.BudgetListener;
import dev.airlock.agent.spend.ScopeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import java.util.Locale;

/**
 * Turns budget thresholds and exceeded budgets into a log line, a metric and an event on the span
 * of the call that crossed them (the current span, when the listener runs inside that call).
 */
public final class BudgetEvents implements BudgetListener {

  private volatile LlmInstruments instruments;

  /** Gives the events their metrics; until then they are only logged. */
  public void attach(LlmInstruments instruments) {
    this.instruments = instruments;
  }

  @Override
  public void onThreshold(BudgetConfig budget, ScopeKey scopeKey, double fraction, long spent, long limit) {
    String label = BudgetLabels.of(budget);
    AgentLog.warn("budget " + label + " for " + scopeKey + " crossed " + Math.round(fraction * 100) + "% ("
        + BudgetLabels.amount(budget, spent) + " of " + BudgetLabels.amount(budget, limit) + ")");
    Attributes attributes = Attributes.of(AIRLOCK_BUDGET, label, AIRLOCK_SCOPE, scopeKey.toString(),
        AIRLOCK_BUDGET_THRESHOLD, fraction);
    Span.current().addEvent("airlock.budget.threshold", attributes);
    LlmInstruments metrics = instruments;
    if (metrics != null) {
      metrics.budgetAlerts().add(1, attributes);
    }
  }

  @Override
  public void onExceeded(BudgetConfig budget, ScopeKey scopeKey, long spent, long reserved, long requested,
      long limit) {
    String label = BudgetLabels.of(budget);
    AgentLog.warn("budget " + label + " for " + scopeKey + " exceeded: " + budget.onExceed().action().name()
        .toLowerCase(Locale.ROOT));
    Attributes attributes = Attributes.of(AIRLOCK_BUDGET, label, AIRLOCK_SCOPE, scopeKey.toString(),
        AIRLOCK_BUDGET_THRESHOLD, 1.0);
    Span.current().addEvent("airlock.budget.exceeded", attributes);
    LlmInstruments metrics = instruments;
    if (metrics != null) {
      metrics.budgetAlerts().add(1, attributes);
    }
  }
}
