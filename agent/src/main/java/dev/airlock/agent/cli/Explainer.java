package dev.airlock.agent.cli;

/**
 * Puts an explanation together from a dry run: which sections, in which order. The order follows
 * the agent's decisions: who calls, what the request is, the input checks, where it goes (routes,
 * the target, resilience), what may answer it without a call (cache), what it costs and may spend
 * (budgets, rate limits), and the outcome.
 */
final class Explainer {

  private Explainer() {}

  static Explanation explain(DryRunResult result, ExplainOptions options) {
    Explanation.Builder b = Explanation.builder("Airlock explain: " + result.spec().source() + " under policy "
        + result.policy().name());
    b.add(new PolicySection(result.policy()))
        .add(new RequestSection(result))
        .add(new IdentitySection(result))
        .add(new PiiSection(result, options))
        .add(new InjectionSection(result))
        .add(new RouteSection(result))
        .add(new TargetSection(result))
        .add(new ResilienceSection(result))
        .add(new CacheSection(result))
        .add(new BudgetSection(result))
        .add(new RateLimitSection(result))
        .add(new CostSection(result))
        .add(new VerdictSection(result, options));
    if (!result.disagreements().isEmpty()) {
      b.add(new WarningsSection(result.disagreements()));
    }
    return b.build();
  }
}
