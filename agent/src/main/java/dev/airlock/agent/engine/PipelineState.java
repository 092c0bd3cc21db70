package dev.airlock.agent.engine;

import dev.airlock.agent.cost.PriceTable;

/**
 * Everything a call needs from the policy in force, swapped as one immutable unit so that a call
 * finishes under the policy it started with.
 */
public final class PipelineState {
  private final ProviderRegistry registry;
  private final PriceTable prices;
  private final PolicyIdentity policy;

  public PipelineState(ProviderRegistry registry, PriceTable prices, PolicyIdentity policy) {
    this.registry = registry;
    this.prices = prices;
    this.policy = policy;
  }

  public ProviderRegistry registry() {
    return registry;
  }

  public PriceTable prices() {
    return prices;
  }

  public PolicyIdentity policy() {
    return policy;
  }
}
