package dev.airlock.agent.cli;

import dev.airlock.policy.RoutePolicy;

/** One route of the policy against one request: it matched, it did not (and the first reason), or it was never tried. */
final class RouteCheck {

  /** How far the request got with this route. */
  enum Outcome {
    /** Every condition holds: this route decides (first match wins). */
    MATCHED,
    /** A condition fails; {@link #reason()} names the first. */
    NOT_MATCHED,
    /** An earlier route matched, so this one is not looked at. */
    NOT_TRIED
  }

  private final RoutePolicy route;
  private final Outcome outcome;
  private final String reason;

  RouteCheck(RoutePolicy route, Outcome outcome, String reason) {
    this.route = route;
    this.outcome = outcome;
    this.reason = reason;
  }

  RoutePolicy route() {
    return route;
  }

  Outcome outcome() {
    return outcome;
  }

  /** The first failing condition for {@link Outcome#NOT_MATCHED}, else null. */
  String reason() {
    return reason;
  }

  /** {@code cheap-triage (line 41)}; the line is left out for a policy built in code. */
  static String title(RoutePolicy route) {
    return route.name() + (route.line() > 0 ? " (line " + route.line() + ")" : "");
  }
}
