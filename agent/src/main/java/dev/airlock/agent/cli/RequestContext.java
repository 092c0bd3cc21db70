package dev.airlock.agent.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who is calling, as {@code --tenant}, {@code --feature}, {@code --user} and {@code --caller} (or a
 * test case's {@code context:}) state it. In the agent these facts come from the policy's
 * {@code identity:} section (headers, MDC, the calling class); the CLI takes them as given so that
 * routes, budgets and rate limits keyed on them can be explained before any application runs.
 */
final class RequestContext {

  static final RequestContext NONE = new RequestContext(null, null, null, null);

  private final String tenant;
  private final String feature;
  private final String user;
  private final String caller;

  RequestContext(String tenant, String feature, String user, String caller) {
    this.tenant = tenant;
    this.feature = feature;
    this.user = user;
    this.caller = caller;
  }

  /** The given facts by name ({@code tenant}, {@code feature}, {@code user}, {@code caller}), absent ones left out. */
  Map<String, String> given() {
    Map<String, String> given = new LinkedHashMap<>();
    if (tenant != null) {
      given.put("tenant", tenant);
    }
    if (feature != null) {
      given.put("feature", feature);
    }
    if (user != null) {
      given.put("user", user);
    }
    if (caller != null) {
      given.put("caller", caller);
    }
    return given;
  }

  /** The calling application class, or null: what the {@code caller} identity source and {@code when.caller} read. */
  String caller() {
    return caller;
  }

  boolean isEmpty() {
    return given().isEmpty();
  }
}
