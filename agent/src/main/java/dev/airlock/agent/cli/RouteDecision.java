package dev.airlock.agent.cli;

import dev.airlock.agent.redact.BlockedAnswer;
import dev.airlock.policy.RoutePolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where one request goes under the policy's routes, as {@link RouteDecider} found it with the
 * engine's own plan: each route tried and why it did not match, the route that did, the target
 * chain in order (fallbacks after the first), what {@code require_region} removed, the canary
 * choice, and the refusal when the route denies. Immutable.
 */
final class RouteDecision {

  /** The request is no LLM call, or not one the agent reads: routes are never consulted. */
  static final RouteDecision NOT_APPLIED =
      new RouteDecision(false, List.of(), null, List.of(), List.of(), null, null, null, null);

  private final boolean applied;
  private final List<RouteCheck> checks;
  private final RoutePolicy matched;
  private final List<ChainTarget> chain;
  private final List<ChainTarget> removedByRegion;
  private final CanaryChoice canary;
  private final String denial;
  private final BlockedAnswer denied;
  private final String cacheTarget;

  /**
   * @param checks every route of the policy in order (empty when it has none)
   * @param matched the route that decides, or null when none matched
   * @param chain the targets in the order they are tried; empty when denied
   * @param canary the canary choice of the matched route, or null when it has none (or denies)
   * @param denial why the request is refused (the route's {@code deny:}, or a region rule that left
   *     no target), or null; {@code denied} is then the answer the application gets
   * @param cacheTarget the target the exact cache keys the call under, as the pipeline names it; null when denied
   */
  RouteDecision(boolean applied, List<RouteCheck> checks, RoutePolicy matched, List<ChainTarget> chain,
      List<ChainTarget> removedByRegion, CanaryChoice canary, String denial, BlockedAnswer denied,
      String cacheTarget) {
    this.applied = applied;
    this.checks = Collections.unmodifiableList(new ArrayList<>(checks));
    this.matched = matched;
    this.chain = Collections.unmodifiableList(new ArrayList<>(chain));
    this.removedByRegion = Collections.unmodifiableList(new ArrayList<>(removedByRegion));
    this.canary = canary;
    this.denial = denial;
    this.denied = denied;
    this.cacheTarget = cacheTarget;
  }

  /** Whether the request was routed at all (an LLM call the agent understands). */
  boolean applied() {
    return applied;
  }

  List<RouteCheck> checks() {
    return checks;
  }

  /** The route that decides, or null. */
  RoutePolicy matched() {
    return matched;
  }

  /** The matched route's name, or null when the request goes where the application addressed it. */
  String routeName() {
    return matched == null ? null : matched.name();
  }

  /** The targets in the order they are tried (the first answers unless it fails); empty when denied or not applied. */
  List<ChainTarget> chain() {
    return chain;
  }

  /** The first target, or null. */
  ChainTarget first() {
    return chain.isEmpty() ? null : chain.get(0);
  }

  /** Targets {@code require_region} took out of the chain (their region is another, or unknown). */
  List<ChainTarget> removedByRegion() {
    return removedByRegion;
  }

  CanaryChoice canary() {
    return canary;
  }

  /** Why the route refuses the request, or null. */
  String denial() {
    return denial;
  }

  /** The error the application gets when the route refuses the request, or null. */
  BlockedAnswer denied() {
    return denied;
  }

  /**
   * The target in the exact cache's key, named as the pipeline names it: the plan's first target
   * ({@code openai} for a bare provider, {@code openai/gpt-4o-mini} with a model), or, when no plan
   * applies, the addressed provider and the requested model. Null when denied or not routed.
   */
  String cacheTarget() {
    return cacheTarget;
  }
}
