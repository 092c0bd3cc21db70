package dev.airlock.agent.cli;

import dev.airlock.agent.spend.CallScope;
import dev.airlock.agent.spend.ScopeKey;
import dev.airlock.agent.spend.ScopeKind;
import dev.airlock.policy.StatePolicy;

/**
 * Which counter a budget or rate limit charges one request to, as the pipeline scopes it ({@link
 * CallScope} of the tenant, feature, user and requested model): {@code tenant:acme},
 * {@code feature:(none)} (every call without a feature shares that one), {@code global}; and where
 * the agent keeps its counters. The CLI itself keeps none, so an explanation states limits and this
 * request's share, never what is left.
 */
final class CounterScope {

  private CounterScope() {}

  /** @param per the policy's {@code per:}: {@code tenant}, {@code feature}, {@code user}, {@code model} or {@code global} */
  static ScopeKey of(String per, DryRunResult result) {
    CallIdentity identity = result.identity();
    String model = result.request() == null || result.request().model() == null ? "unknown" : result.request().model();
    return CallScope.of(identity.tenant(), identity.feature(), identity.user(), model).key(ScopeKind.of(per));
  }

  /** {@code counter tenant:acme}, with a note when the request shares the {@code (none)} counter. */
  static String describe(String per, DryRunResult result) {
    ScopeKey key = of(per, result);
    return "counter " + key + (key.isNone() ? " (shared by every call without a " + per + ")" : "");
  }

  /** The sentence about counters that every budget and rate-limit explanation starts with. */
  static String noLiveCounters(StatePolicy state) {
    String where = state.kind() == StatePolicy.Kind.REDIS
        ? "in " + state + ", shared by every replica"
        : "in memory, per process";
    return "limits only: the CLI keeps no counters, so what is already used is unknown (the agent counts " + where + ")";
  }
}
