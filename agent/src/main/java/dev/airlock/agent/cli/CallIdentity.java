package dev.airlock.agent.cli;

import dev.airlock.agent.identity.Identity;

/**
 * Who one call is attributed to, as the explanation uses it for routes, cache keys, budgets and
 * rate limits: each dimension as the policy's {@code identity:} sources resolve it from the
 * request itself, else as the command line (or a test's {@code context:}) gives it, standing in
 * for what only the running application knows (its MDC, its OpenTelemetry baggage). A policy
 * without an {@code identity:} section attributes calls to nobody, whatever is given.
 */
final class CallIdentity {

  static final CallIdentity NONE = new CallIdentity(Identity.UNKNOWN, RequestContext.NONE, false);

  private final Identity fromRequest;
  private final RequestContext given;
  private final boolean resolves;

  /**
   * @param fromRequest what the policy's sources found in the request (headers, body)
   * @param given what the command line or the test case states
   * @param resolves whether the policy has an {@code identity:} section at all
   */
  CallIdentity(Identity fromRequest, RequestContext given, boolean resolves) {
    this.fromRequest = fromRequest;
    this.given = given;
    this.resolves = resolves;
  }

  String tenant() {
    return value("tenant");
  }

  String feature() {
    return value("feature");
  }

  String user() {
    return value("user");
  }

  /** The calling class as given ({@code --caller}), or null. */
  String caller() {
    return given.caller();
  }

  /** {@code tenant}, {@code feature} or {@code user}: the request's answer, else the given one; null when neither. */
  String value(String dimension) {
    if (!resolves) {
      return null;
    }
    String found = fromRequest(dimension);
    return found != null ? found : given.given().get(dimension);
  }

  /** The request's own answer for a dimension, or null. */
  String fromRequest(String dimension) {
    switch (dimension) {
      case "tenant":
        return fromRequest.tenant();
      case "feature":
        return fromRequest.feature();
      case "user":
        return fromRequest.user();
      default:
        throw new IllegalArgumentException("no identity dimension '" + dimension + "'");
    }
  }
}
