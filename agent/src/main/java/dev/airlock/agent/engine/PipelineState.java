package dev.airlock.agent.engine;

import dev.airlock.agent.cost.PriceTable;
import dev.airlock.agent.identity.IdentityResolver;
import dev.airlock.agent.redact.RequestGuard;

/**
 * Everything a call needs from the policy in force, swapped as one immutable unit so that a call
 * finishes under the policy it started with.
 */
public final class PipelineState {
  private final ProviderRegistry registry;
  private final PriceTable prices;
  private final PolicyIdentity policy;
  private final RequestGuard guard;
  private final IdentityResolver identity;

  public PipelineState(ProviderRegistry registry, PriceTable prices, PolicyIdentity policy, RequestGuard guard) {
    this(registry, prices, policy, guard, IdentityResolver.none());
  }

  public PipelineState(ProviderRegistry registry, PriceTable prices, PolicyIdentity policy, RequestGuard guard,
      IdentityResolver identity) {
    this.registry = registry;
    this.prices = prices;
    this.policy = policy;
    this.guard = guard;
    this.identity = identity;
  }

  /** How tenant, feature and user are learned (nothing when the policy has no identity section). */
  public IdentityResolver identity() {
    return identity;
  }

  /** The input guardrails and PII handling of the policy (inactive when it has none). */
  public RequestGuard guard() {
    return guard;
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
