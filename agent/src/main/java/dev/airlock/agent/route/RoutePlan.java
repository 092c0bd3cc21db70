package dev.airlock.agent.route;

import java.util.Collections;
import java.util.List;

/**
 * What the routes decided for one call: the targets to try in order (region rules already
 * applied), or the refusal. Immutable.
 */
public final class RoutePlan {

  private final String routeName;
  private final List<RouteTarget> chain;
  private final String denial;
  private final String requiredRegion;
  private final RouteTarget canary;
  private final RouteTarget shadow;
  private final CanaryHealth canaryHealth;

  RoutePlan(String routeName, List<RouteTarget> chain, String denial, String requiredRegion, RouteTarget canary,
      CanaryHealth canaryHealth, RouteTarget shadow) {
    this.routeName = routeName;
    this.chain = Collections.unmodifiableList(chain);
    this.denial = denial;
    this.requiredRegion = requiredRegion;
    this.canary = canary;
    this.canaryHealth = canaryHealth;
    this.shadow = shadow;
  }

  /** A plan that sends the call where the application addressed it. */
  static RoutePlan direct(String routeName, RouteTarget appTarget) {
    return new RoutePlan(routeName, List.of(appTarget), null, null, null, null, null);
  }

  /** A plan that sends the call to one target, e.g. a budget's downgrade target. */
  public static RoutePlan to(String routeName, RouteTarget target) {
    return new RoutePlan(routeName, List.of(target), null, null, null, null, null);
  }

  /** The name of the route that matched, or null when none did. */
  public String routeName() {
    return routeName;
  }

  /** The targets to try, in order; empty when the call is denied or no target is allowed. */
  public List<RouteTarget> chain() {
    return chain;
  }

  /** Why the call is refused, or null: the route's {@code deny:} message, or the region rule that left no target. */
  public String denial() {
    return denial;
  }

  /** The region every attempt must stay in, or null. */
  public String requiredRegion() {
    return requiredRegion;
  }

  /** The canary target put first in {@link #chain()} for this call, or null. */
  public RouteTarget canary() {
    return canary;
  }

  CanaryHealth canaryHealth() {
    return canaryHealth;
  }

  /** Where a copy of the call goes, or null. */
  public RouteTarget shadow() {
    return shadow;
  }
}
