package dev.airlock.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Reads {@code budgets:}: each entry's scope, limit ({@link PolicyValues#budgetLimit(String)}),
 * reaction and alert fractions. A downgrade target must name a provider that exists.
 */
final class BudgetsReader {

  static final List<String> KEYS = Arrays.asList("per", "limit", "on_exceed", "alert_at");
  static final List<String> ON_EXCEED_WORDS = Arrays.asList("block", "alert");
  static final List<String> ON_EXCEED_KEYS = Collections.singletonList("downgrade");

  private final Expect expect;
  private final ProblemCollector problems;
  private final PolicyContext context;

  BudgetsReader(Expect expect, PolicyContext context) {
    this.expect = expect;
    this.problems = expect.problems();
    this.context = context;
  }

  /** The valid budgets in file order; invalid ones are reported and left out. */
  List<BudgetPolicy> read(PolicyNode node) {
    List<BudgetPolicy> out = new ArrayList<>();
    SequenceNode list = expect.sequence(node);
    if (list == null) {
      return out;
    }
    for (PolicyNode item : list.items()) {
      BudgetPolicy budget = readBudget(item);
      if (budget != null) {
        out.add(budget);
      }
    }
    return out;
  }

  private BudgetPolicy readBudget(PolicyNode node) {
    MappingNode m = expect.mapping(node);
    if (m == null) {
      return null;
    }
    int before = problems.errorCount();
    expect.onlyKeys(m, KEYS);
    String per = null;
    if (expect.require(
        m, "per", "what the budget is counted per: tenant, feature, user, model or global")) {
      per = expect.oneOf(m.get("per"), BudgetPolicy.SCOPES);
    }
    BudgetLimit limit = null;
    if (expect.require(m, "limit", "the ceiling, e.g. 50 USD/day or 2M tokens/hour")) {
      limit = expect.parsed(m.get("limit"), PolicyValues::budgetLimit);
    }
    OnExceed onExceed =
        m.get("on_exceed") == null ? OnExceed.block() : readOnExceed(m.get("on_exceed"));
    List<Double> alertAt = new ArrayList<>();
    if (m.get("alert_at") != null) {
      for (PolicyNode item : expect.oneOrMore(m.get("alert_at"))) {
        Double fraction = expect.numberIn(item, 0, false, 1, false);
        if (fraction != null) {
          alertAt.add(fraction);
        }
      }
    }
    if (problems.errorCount() != before || per == null || limit == null || onExceed == null) {
      return null;
    }
    return BudgetPolicy.builder(per, limit).onExceed(onExceed).alertAt(alertAt).build();
  }

  private OnExceed readOnExceed(PolicyNode node) {
    if (node instanceof MappingNode) {
      MappingNode m = (MappingNode) node;
      expect.onlyKeys(m, ON_EXCEED_KEYS);
      if (!expect.require(m, "downgrade", "the cheaper target, e.g. openai/gpt-4o-mini")) {
        return null;
      }
      TargetRef target = context.target(m.get("downgrade"));
      return target == null ? null : OnExceed.downgrade(target);
    }
    if (node instanceof ScalarNode && "downgrade".equals(((ScalarNode) node).text())) {
      problems.error(
          node, "downgrade needs a target: write on_exceed: {downgrade: provider/model}");
      return null;
    }
    if (node instanceof SequenceNode) {
      problems.error(
          node, "must be block, alert or {downgrade: provider/model}, got " + node.describe());
      return null;
    }
    String word = expect.oneOf(node, ON_EXCEED_WORDS);
    if (word == null) {
      return null;
    }
    return word.equals("block") ? OnExceed.block() : OnExceed.alert();
  }
}
