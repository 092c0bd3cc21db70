package dev.airlock.agent.spend;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes down what a {@link Budgets} reports, one line per event. */
final class RecordingListener implements BudgetListener {

  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void onThreshold(BudgetConfig budget, ScopeKey scopeKey, double fraction, long spent, long limit) {
    events.add("threshold " + scopeKey + " " + fraction + " spent=" + spent + " limit=" + limit);
  }

  @Override
  public void onExceeded(BudgetConfig budget, ScopeKey scopeKey, long spent, long reserved, long requested, long limit) {
    events.add("exceeded " + scopeKey + " " + budget.onExceed() + " spent=" + spent + " reserved=" + reserved
        + " requested=" + requested + " limit=" + limit);
  }
}
