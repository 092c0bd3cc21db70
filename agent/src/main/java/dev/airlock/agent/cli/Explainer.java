package dev.airlock.agent.cli;

/**
 * Puts an explanation together from a dry run: which sections, in which order. The order follows
 * the agent's decisions: who calls, what the request is, the input checks, where it goes, what it
 * costs and may spend, and the outcome. When a capability lands, its section replaces the
 * {@link NotConfiguredSection} of the same key here, and nothing else changes.
 */
final class Explainer {

  private Explainer() {}

  static Explanation explain(DryRunResult result, RequestContext context, ExplainOptions options) {
    Explanation.Builder b = Explanation.builder("Airlock explain: " + result.spec().source() + " under policy "
        + result.policy().name());
    b.add(new PolicySection(result.policy()))
        .add(new RequestSection(result))
        .add(new IdentitySection(result, context))
        .add(new PiiSection(result, options))
        .add(new InjectionSection(result))
        .add(NotConfiguredSection.routes())
        .add(new TargetSection(result))
        .add(NotConfiguredSection.cache())
        .add(NotConfiguredSection.budgets())
        .add(NotConfiguredSection.rateLimits())
        .add(new CostSection(result))
        .add(new VerdictSection(result, options));
    if (!result.disagreements().isEmpty()) {
      b.add(new WarningsSection(result.disagreements()));
    }
    return b.build();
  }
}
