package dev.airlock.agent.telemetry;

import dev.airlock.agent.spend.BudgetConfig;
import java.util.Locale;

/** How a budget is named in logs, spans and metrics: {@code tenant 50 USD/day}, {@code feature 2000000 tokens/hour}. */
public final class BudgetLabels {

  private BudgetLabels() {}

  public static String of(BudgetConfig budget) {
    return budget.scope().id() + " " + amount(budget, budget.limit()) + "/" + budget.window().id();
  }

  /** An amount of the budget's unit: micro-USD shown as USD, tokens as they are. */
  public static String amount(BudgetConfig budget, long value) {
    if (budget.unit() == BudgetConfig.Unit.USD) {
      return String.format(Locale.ROOT, "%.2f USD", value / 1_000_000.0);
    }
    return value + " tokens";
  }
}
