package dev.airlock.agent.route;

import dev.airlock.policy.RouteMatch;
import dev.airlock.policy.RoutePolicy;
import java.util.List;
import java.util.Map;

/** One route of the policy, ready to match: its conditions and its resolved targets. */
final class CompiledRoute {

  final RoutePolicy policy;
  final List<RouteTarget> targets;
  final RouteTarget canary;
  final CanaryHealth canaryHealth;
  final RouteTarget shadow;

  CompiledRoute(RoutePolicy policy, List<RouteTarget> targets, RouteTarget canary, CanaryHealth canaryHealth,
      RouteTarget shadow) {
    this.policy = policy;
    this.targets = targets;
    this.canary = canary;
    this.canaryHealth = canaryHealth;
    this.shadow = shadow;
  }

  /** Whether every condition of {@code when:} holds (an empty one always does). */
  boolean matches(RouteFacts facts) {
    RouteMatch when = policy.when();
    if (when.isEmpty()) {
      return true;
    }
    return anyEquals(when.providers(), facts.provider)
        && anyEquals(when.endpoints(), facts.endpoint)
        && anyGlob(when.models(), facts.model)
        && anyGlob(when.tenants(), facts.tenant)
        && anyGlob(when.features(), facts.feature)
        && anyGlob(when.users(), facts.user)
        && (when.callers().isEmpty() || anyGlob(when.callers(), facts.caller.get()))
        && headersMatch(when.headers(), facts)
        && (when.stream().isEmpty() || when.stream().get() == facts.stream)
        && (when.minPromptTokens().isEmpty() || facts.promptTokens >= when.minPromptTokens().getAsLong())
        && (when.maxPromptTokens().isEmpty() || facts.promptTokens <= when.maxPromptTokens().getAsLong())
        && (when.pii().isEmpty() || when.pii().stream().anyMatch(facts.pii::contains))
        && (when.injectionAtLeast().isEmpty() || facts.injectionScore >= when.injectionAtLeast().getAsDouble());
  }

  private static boolean anyEquals(List<String> allowed, String value) {
    return allowed.isEmpty() || (value != null && allowed.contains(value));
  }

  private static boolean anyGlob(List<String> globs, String value) {
    if (globs.isEmpty()) {
      return true;
    }
    if (value == null) {
      return false;
    }
    for (String glob : globs) {
      if (RouteMatch.globMatches(glob, value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean headersMatch(Map<String, String> wanted, RouteFacts facts) {
    for (Map.Entry<String, String> header : wanted.entrySet()) {
      String value = facts.headers.apply(header.getKey());
      if (value == null || !RouteMatch.globMatches(header.getValue(), value)) {
        return false;
      }
    }
    return true;
  }
}
