package dev.airlock.agent.route;

import static dev.airlock.agent.telemetry.GenAiAttributes.*;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.codec.WireFormat;
import dev.airlock.agent.telemetry.LlmInstruments;
import dev.airlock.policy.CanaryPolicy;
import dev.airlock.policy.Policy;
import dev.airlock.policy.RoutePolicy;
import dev.airlock.policy.TargetRef;
import io.opentelemetry.api.common.Attributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The routes and resilience of one policy: decides, per call, where it goes ({@link #plan}) and
 * holds what must outlive a call (circuit breakers, canary health). Immutable but for that state;
 * a policy reload builds a new one.
 */
public final class Routing {

  /** No routes, no resilience: every call goes where the application sent it, as sent. */
  public static final Routing NONE = new Routing(Collections.emptyList(), ResilienceSettings.NONE, false);

  private final List<CompiledRoute> routes;
  private final ResilienceSettings resilience;
  private final boolean resilient;
  private final Breakers breakers;
  private volatile LlmInstruments instruments;

  private Routing(List<CompiledRoute> routes, ResilienceSettings resilience, boolean resilient) {
    this.routes = routes;
    this.resilience = resilience;
    this.resilient = resilient;
    this.breakers = new Breakers(resilience, this::onBreakerTransition);
  }

  /**
   * The routing of {@code policy}.
   *
   * @param resilience the policy's resilience, or {@link ResilienceSettings#NONE}
   * @param resilient whether the policy has a resilience section (every call then goes through routing)
   * @param env where {@code ${env:...}} keys are read
   */
  public static Routing of(Policy policy, ResilienceSettings resilience, boolean resilient,
      Function<String, String> env) {
    List<CompiledRoute> compiled = new ArrayList<>();
    Routing routing = new Routing(compiled, resilience, resilient);
    for (RoutePolicy route : policy.routes()) {
      List<RouteTarget> targets = new ArrayList<>();
      for (TargetRef ref : route.to()) {
        targets.add(RouteTargets.resolve(policy, ref, env));
      }
      RouteTarget canary = null;
      CanaryHealth health = null;
      if (route.canary().isPresent()) {
        CanaryPolicy c = route.canary().get();
        canary = RouteTargets.resolve(policy, c.to(), env);
        health = new CanaryHealth(route.name(), canary.label(), c.rollbackErrorRate().orElse(-1),
            c.rollbackMinimumCalls(), c.rollbackWindow(), System::nanoTime, routing::onCanaryRollback);
      }
      RouteTarget shadow = route.shadow().map(s -> RouteTargets.resolve(policy, s.to(), env)).orElse(null);
      compiled.add(new CompiledRoute(route, Collections.unmodifiableList(targets), canary, health, shadow));
    }
    return routing;
  }

  /** Gives the routing its metrics; until then, transitions and rollbacks are only logged. */
  public void attach(LlmInstruments instruments) {
    this.instruments = instruments;
  }

  /** Whether calls may go anywhere but where the application sent them, as sent. */
  public boolean active() {
    return resilient || !routes.isEmpty();
  }

  public ResilienceSettings resilience() {
    return resilience;
  }

  public Breakers breakers() {
    return breakers;
  }

  /**
   * Where this call goes.
   *
   * @param appProvider the provider the application addressed
   * @param appFormat its wire format
   * @param appRegion its region in the policy, or null
   * @return the plan, or null when the call goes where the application sent it with nothing to
   *     add (no route took it and there is no resilience to apply)
   */
  public RoutePlan plan(RouteFacts facts, String appProvider, WireFormat appFormat, String appRegion) {
    RouteTarget appOwn = RouteTargets.appOwn(appProvider, appFormat, appRegion);
    for (CompiledRoute route : routes) {
      if (!route.matches(facts)) {
        continue;
      }
      RoutePolicy policy = route.policy;
      if (policy.deny().isPresent()) {
        return new RoutePlan(policy.name(), List.of(), policy.deny().get(), null, null, null, null);
      }
      List<RouteTarget> chain = new ArrayList<>();
      RouteTarget canary = null;
      if (route.canary != null && !route.canaryHealth.rolledBack() && inCanary(route, facts)) {
        canary = route.canary;
        chain.add(canary);
      }
      for (RouteTarget target : route.targets.isEmpty() ? List.of(appOwn) : route.targets) {
        if (!chain.contains(target)) {
          chain.add(target);
        }
      }
      String region = policy.requireRegion().orElse(null);
      if (region != null) {
        chain.removeIf(target -> !region.equals(target.region()));
        if (canary != null && !chain.contains(canary)) {
          canary = null;
        }
        if (chain.isEmpty()) {
          return new RoutePlan(policy.name(), List.of(), "route " + policy.name() + " requires region " + region
              + " and none of its targets is in it", region, null, null, null);
        }
      }
      RouteTarget shadow = null;
      if (route.shadow != null && ThreadLocalRandom.current().nextDouble(100) < policy.shadow().get().percent()) {
        shadow = route.shadow;
      }
      return new RoutePlan(policy.name(), chain, null, region, canary, route.canaryHealth, shadow);
    }
    return resilient ? RoutePlan.direct(null, appOwn) : null;
  }

  /** A sticky share: the same tenant (or user) always lands on the same side. */
  private static boolean inCanary(CompiledRoute route, RouteFacts facts) {
    CanaryPolicy canary = route.policy.canary().get();
    String first = "user".equals(canary.stickyBy()) ? facts.user : facts.tenant;
    String second = "user".equals(canary.stickyBy()) ? facts.tenant : facts.user;
    String key = first != null ? first : second;
    double bucket;
    if (key == null) {
      bucket = ThreadLocalRandom.current().nextDouble(100);
    } else {
      int h = (route.policy.name() + "\u0000" + key).hashCode();
      h ^= h >>> 16;
      h *= 0x85ebca6b;
      h ^= h >>> 13;
      bucket = ((h & 0x7fffffff) % 10000) / 100.0;
    }
    return bucket < canary.percent();
  }

  private void onBreakerTransition(String target, String from, String to) {
    AgentLog.warn("circuit breaker of " + target + ": " + from + " -> " + to);
    LlmInstruments metrics = instruments;
    if (metrics != null) {
      metrics.breakerTransitions().add(1, Attributes.of(AIRLOCK_TARGET, target, AIRLOCK_BREAKER_STATE, to));
    }
  }

  private void onCanaryRollback(String route, String canary, double errorRate, int calls) {
    AgentLog.warn("route " + route + ": canary " + canary + " rolled back, error rate "
        + String.format(java.util.Locale.ROOT, "%.2f", errorRate) + " over " + calls + " calls");
    LlmInstruments metrics = instruments;
    if (metrics != null) {
      metrics.canaryRollbacks().add(1, Attributes.of(AIRLOCK_ROUTE, route, AIRLOCK_TARGET, canary));
    }
  }
}
