package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.policy.BudgetLimit;
import dev.airlock.policy.BudgetPolicy;
import dev.airlock.policy.OnExceed;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code budgets:} that apply to the request: each one's counter for this caller ({@link
 * CounterScope}), its limit and window, what happens past it, its alert thresholds, and what the
 * agent reserves for this request before sending it ({@link SpendEstimate}). Every budget applies
 * to every observed call that is sent and not answered from the cache; a call without a value for
 * the budget's scope counts under the shared {@code (none)} counter.
 */
final class BudgetSection implements ExplanationSection {

  private final DryRunResult result;

  BudgetSection(DryRunResult result) {
    this.result = result;
  }

  @Override
  public String key() {
    return "budgets";
  }

  private List<BudgetPolicy> budgets() {
    return result.policy().budgets();
  }

  @Override
  public void writeText(TextReport out) {
    if (budgets().isEmpty()) {
      out.row("budgets", "the policy has no budgets: no spending limit is checked");
      return;
    }
    if (result.request() == null) {
      out.row("budgets", "not applied: the call is not observed (see request)");
      return;
    }
    out.row("budgets", CounterScope.noLiveCounters(result.policy().state()));
    SpendEstimate estimate = SpendEstimate.of(result);
    boolean cacheable = CacheDecision.of(result).cacheable();
    int i = 1;
    for (BudgetPolicy b : budgets()) {
      out.subRow("budget " + i++, b.limit() + " per " + b.per() + ", " + CounterScope.describe(b.per(), result)
          + "; on exceed " + onExceed(b.onExceed()) + alerts(b));
      out.detail("this request: " + share(b.limit().unit(), estimate, cacheable));
    }
  }

  private static String onExceed(OnExceed onExceed) {
    switch (onExceed.kind()) {
      case DOWNGRADE:
        return "downgrade to " + onExceed.downgradeTo().get();
      case ALERT:
        return "alert (the call goes ahead)";
      default:
        return "block (HTTP 429, the provider's rate-limit error)";
    }
  }

  private static String alerts(BudgetPolicy b) {
    if (b.alertAt().isEmpty()) {
      return "";
    }
    List<String> at = new ArrayList<>();
    b.alertAt().forEach(a -> at.add(Units.fraction(a)));
    return "; alerts at " + String.join(", ", at);
  }

  /** What the agent reserves against a budget of this unit for the request. */
  private String share(BudgetLimit.Unit unit, SpendEstimate estimate, boolean cacheable) {
    if (result.blockedAnswer() != null) {
      return "nothing: it is not sent (" + result.blockedRule() + ")";
    }
    String reserved = unit == BudgetLimit.Unit.USD ? estimate.usdText()
        : estimate.tokens() == null ? estimate.tokensText() : estimate.tokens() + " tokens (" + estimate.tokensText() + ")";
    return "the agent reserves " + reserved + ", settled with the answer's real usage"
        + (cacheable ? "; nothing when the exact cache answers it" : "");
  }

  @Override
  public void writeJson(ObjectNode node) {
    node.put("configured", !budgets().isEmpty());
    if (budgets().isEmpty()) {
      return;
    }
    node.put("applied", result.request() != null);
    node.put("live_counters", false);
    node.put("state", result.policy().state().toString());
    ArrayNode rules = node.putArray("rules");
    for (BudgetPolicy b : budgets()) {
      ObjectNode r = rules.addObject();
      r.put("per", b.per());
      if (result.request() != null) {
        r.put("scope_key", CounterScope.of(b.per(), result).toString());
      }
      r.put("limit", b.limit().toString());
      r.put("amount", b.limit().amount());
      r.put("unit", b.limit().unit().id());
      r.put("window", b.limit().window().id());
      r.put("on_exceed", b.onExceed().kind().id());
      r.put("downgrade_to", b.onExceed().downgradeTo().map(Object::toString).orElse(null));
      ArrayNode alerts = r.putArray("alert_at");
      b.alertAt().forEach(alerts::add);
      if (result.request() != null) {
        SpendEstimate estimate = SpendEstimate.of(result);
        ObjectNode share = r.putObject("this_request");
        share.put("sent", result.blockedAnswer() == null);
        share.put("estimated_input_tokens", estimate.inputTokens());
        share.put("max_output_tokens", estimate.maxTokens());
        share.put("estimated_tokens", estimate.tokens());
        share.put("estimated_usd", estimate.usd());
      }
    }
  }
}
