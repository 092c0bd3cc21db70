package dev.airlock.agent.cli;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.LlmRequest;
import dev.airlock.agent.engine.ProviderEndpoint;
import dev.airlock.agent.redact.BlockedAnswer;
import dev.airlock.agent.route.RoutePlan;
import dev.airlock.agent.route.RouteTarget;
import dev.airlock.agent.route.RouteTargets;
import dev.airlock.policy.CanaryPolicy;
import dev.airlock.policy.Policy;
import dev.airlock.policy.RoutePolicy;
import dev.airlock.policy.TargetRef;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Explains the engine's {@link RoutePlan} for one request as a {@link RouteDecision}. The plan
 * decides (route, chain, denial, canary); this adds what the plan does not carry: why each earlier
 * route did not match ({@link RouteConditions}), what each target means for the call ({@link
 * ChainTarget}), and what {@code require_region} removed. Where its own reading of the routes and
 * the plan disagree, it says so in the dry run's disagreements, as the PII account does.
 *
 * <p>Two of the plan's choices are random per call and are not taken from it, so that the same
 * request always gets the same explanation: the canary for a caller with neither tenant nor user
 * (the chain is shown without it, and {@link CanaryChoice} says why), and the shadow copy (shown as
 * the route's share, from the policy).
 */
final class RouteDecider {

  private final Policy policy;
  private final Function<TargetRef, RouteTarget> targets;
  private final ProviderEndpoint app;
  private final Endpoint endpoint;
  private final URI url;
  private final int port;
  private final LlmRequest request;
  private final byte[] sentBody;

  /**
   * @param targets resolves a policy target as the engine does ({@link RouteTargets#resolve})
   * @param app the provider endpoint the application addressed
   * @param url the URL it called, {@code port} the effective port
   * @param sentBody the body the agent would send, or null when nothing is sent
   */
  RouteDecider(Policy policy, Function<TargetRef, RouteTarget> targets, ProviderEndpoint app, Endpoint endpoint,
      URI url, int port, LlmRequest request, byte[] sentBody) {
    this.policy = policy;
    this.targets = targets;
    this.app = app;
    this.endpoint = endpoint;
    this.url = url;
    this.port = port;
    this.request = request;
    this.sentBody = sentBody;
  }

  /**
   * @param plan the engine's plan, or null when it had nothing to add (no route matched and no
   *     resilience, or no routing at all)
   * @param disagreements where to say it when this reading of the routes and the plan differ
   */
  RouteDecision explain(RoutePlan plan, RouteInputs inputs, List<String> disagreements) {
    List<RouteCheck> checks = new ArrayList<>();
    RoutePolicy explained = null;
    for (RoutePolicy route : policy.routes()) {
      if (explained != null) {
        checks.add(new RouteCheck(route, RouteCheck.Outcome.NOT_TRIED, null));
        continue;
      }
      String failure = RouteConditions.firstFailure(route.when(), inputs);
      checks.add(new RouteCheck(route, failure == null ? RouteCheck.Outcome.MATCHED : RouteCheck.Outcome.NOT_MATCHED,
          failure));
      if (failure == null) {
        explained = route;
      }
    }
    String planned = plan == null ? null : plan.routeName();
    String explainedName = explained == null ? null : explained.name();
    if (planned == null ? explainedName != null : !planned.equals(explainedName)) {
      disagreements.add("route: explained " + (explainedName == null ? "none" : explainedName) + ", the engine chose "
          + (planned == null ? "none" : planned));
    }
    RoutePolicy matched = planned == null ? null : policy.routes().stream()
        .filter(r -> r.name().equals(planned)).findFirst().orElse(null);
    RouteTarget appOwn = RouteTargets.appOwn(app.providerName(), app.format(), app.region());
    // As Pipeline.begin names the cache key's target when no plan has a chain.
    String unplanned = app.providerName() + "/" + (request.model() == null ? "unknown" : request.model());
    if (matched == null) {
      String cacheTarget = plan == null || plan.chain().isEmpty() ? unplanned : plan.chain().get(0).label();
      return new RouteDecision(true, checks, null, List.of(target(appOwn)), List.of(), null, null, null, cacheTarget);
    }
    if (plan.denial() != null) {
      BlockedAnswer denied = BlockedAnswer.of(endpoint.format(), "route:" + matched.name(), plan.denial());
      return new RouteDecision(true, checks, matched, List.of(), removedByRegion(matched, appOwn, null),
          null, plan.denial(), denied, null);
    }
    CanaryChoice canary = canary(matched, plan, inputs.identity());
    List<ChainTarget> chain = new ArrayList<>();
    String cacheTarget = null;
    for (RouteTarget t : plan.chain()) {
      boolean randomCanary = canary != null && canary.side() == CanaryChoice.Side.RANDOM && t.equals(plan.canary())
          && !routeTargets(matched, appOwn).contains(t);
      if (!randomCanary) {
        chain.add(target(t));
        cacheTarget = cacheTarget == null ? t.label() : cacheTarget;
      }
    }
    RouteTarget chosenCanary = canary != null && canary.side() == CanaryChoice.Side.CANARY ? plan.canary() : null;
    return new RouteDecision(true, checks, matched, chain, removedByRegion(matched, appOwn, chosenCanary), canary,
        null, null, cacheTarget);
  }

  /** The sticky choice, from the plan; random (and not taken from the plan) when there is no key. */
  private CanaryChoice canary(RoutePolicy route, RoutePlan plan, CallIdentity identity) {
    if (route.canary().isEmpty()) {
      return null;
    }
    CanaryPolicy c = route.canary().get();
    String label = label(targets.apply(c.to()));
    boolean byUser = "user".equals(c.stickyBy());
    String firstDimension = byUser ? "user" : "tenant";
    String secondDimension = byUser ? "tenant" : "user";
    String dimension = identity.value(firstDimension) != null ? firstDimension
        : identity.value(secondDimension) != null ? secondDimension : null;
    if (dimension == null) {
      return new CanaryChoice(c, label, CanaryChoice.Side.RANDOM, null);
    }
    return new CanaryChoice(c, label, plan.canary() != null ? CanaryChoice.Side.CANARY : CanaryChoice.Side.ROUTE,
        dimension);
  }

  /** The route's own targets before any region rule: its {@code to}, or where the application sent the call. */
  private List<RouteTarget> routeTargets(RoutePolicy route, RouteTarget appOwn) {
    List<RouteTarget> own = new ArrayList<>();
    for (TargetRef ref : route.to()) {
      own.add(targets.apply(ref));
    }
    if (own.isEmpty()) {
      own.add(appOwn);
    }
    return own;
  }

  private List<ChainTarget> removedByRegion(RoutePolicy route, RouteTarget appOwn, RouteTarget canary) {
    List<ChainTarget> removed = new ArrayList<>();
    if (route.requireRegion().isEmpty()) {
      return removed;
    }
    String region = route.requireRegion().get();
    List<RouteTarget> candidates = new ArrayList<>();
    if (canary != null) {
      candidates.add(canary);
    }
    candidates.addAll(routeTargets(route, appOwn));
    for (RouteTarget t : candidates) {
      if (!region.equals(t.region())) {
        removed.add(target(t));
      }
    }
    return removed;
  }

  private ChainTarget target(RouteTarget t) {
    return ChainTarget.of(t, policy, app.providerName(), endpoint, url, port, request.model(), sentBody);
  }

  private String label(RouteTarget t) {
    String model = t.model() != null ? t.model() : request.model();
    return model == null ? t.provider() : t.provider() + "/" + model;
  }
}
