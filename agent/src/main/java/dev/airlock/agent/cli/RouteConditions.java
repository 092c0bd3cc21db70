package dev.airlock.agent.cli;

import dev.airlock.policy.RouteMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Says why a route's {@code when:} does not hold for a request: the first condition that fails, in
 * the order the engine checks them (provider, endpoint, model, tenant, feature, user, caller,
 * headers, stream, prompt size, PII, injection), in the policy's words, e.g. {@code model
 * 'gpt-4o-mini' does not match 'claude*'}. The engine's own plan decides; this only explains it
 * (and the dry run warns if the two ever disagree).
 */
final class RouteConditions {

  private RouteConditions() {}

  /** The first failing condition, or null when every condition holds (an empty {@code when} always does). */
  static String firstFailure(RouteMatch when, RouteInputs in) {
    String failure = exact("provider", when.providers(), in.provider());
    if (failure == null) {
      failure = exact("endpoint", when.endpoints(), in.endpointName());
    }
    if (failure == null) {
      failure = glob("model", when.models(), in.model(), "no model in the request");
    }
    if (failure == null) {
      failure = glob("tenant", when.tenants(), in.identity().tenant(), "no tenant known (give --tenant)");
    }
    if (failure == null) {
      failure = glob("feature", when.features(), in.identity().feature(), "no feature known (give --feature)");
    }
    if (failure == null) {
      failure = glob("user", when.users(), in.identity().user(), "no user known (give --user)");
    }
    if (failure == null) {
      failure = glob("caller", when.callers(), in.identity().caller(), "no calling class known (give --caller)");
    }
    if (failure == null) {
      failure = headers(when.headers(), in);
    }
    if (failure == null && when.stream().isPresent() && when.stream().get() != in.stream()) {
      failure = "stream is " + in.stream() + ", the route wants " + when.stream().get();
    }
    if (failure == null) {
      failure = promptSize(when, in.promptTokens());
    }
    if (failure == null && !when.pii().isEmpty() && when.pii().stream().noneMatch(in.pii()::contains)) {
      failure = "none of pii " + when.pii() + " found in the request (found: "
          + (in.pii().isEmpty() ? "nothing" : String.join(", ", in.pii())) + ")";
    }
    if (failure == null && when.injectionAtLeast().isPresent() && in.injectionScore() < when.injectionAtLeast().getAsDouble()) {
      failure = in.injectionScore() < 0 ? "injection not scored (the policy sets no prompt-injection guardrail)"
          : String.format(Locale.ROOT, "injection score %.2f is below %.2f", in.injectionScore(),
              when.injectionAtLeast().getAsDouble());
    }
    return failure;
  }

  private static String exact(String key, List<String> allowed, String value) {
    if (allowed.isEmpty() || (value != null && allowed.contains(value))) {
      return null;
    }
    return key + " '" + value + "' is not " + alternatives(allowed);
  }

  private static String glob(String key, List<String> globs, String value, String whenUnknown) {
    if (globs.isEmpty()) {
      return null;
    }
    if (value == null) {
      return whenUnknown + "; the route wants " + key + " " + alternatives(globs);
    }
    for (String glob : globs) {
      if (RouteMatch.globMatches(glob, value)) {
        return null;
      }
    }
    return key + " '" + value + "' does not match " + alternatives(globs);
  }

  private static String headers(Map<String, String> wanted, RouteInputs in) {
    for (Map.Entry<String, String> header : wanted.entrySet()) {
      String value = in.header(header.getKey());
      if (value == null) {
        return "header " + header.getKey() + " is absent; the route wants '" + header.getValue() + "'";
      }
      if (!RouteMatch.globMatches(header.getValue(), value)) {
        // The value is not printed: headers carry credentials as well as tiers and flags.
        return "header " + header.getKey() + " does not match '" + header.getValue() + "'";
      }
    }
    return null;
  }

  private static String promptSize(RouteMatch when, long tokens) {
    if (when.minPromptTokens().isPresent() && tokens < when.minPromptTokens().getAsLong()) {
      return "estimated prompt " + tokens + " tokens is below " + when.minPromptTokens().getAsLong();
    }
    if (when.maxPromptTokens().isPresent() && tokens > when.maxPromptTokens().getAsLong()) {
      return "estimated prompt " + tokens + " tokens is above " + when.maxPromptTokens().getAsLong();
    }
    return null;
  }

  /** {@code 'claude*'} or {@code any of 'a', 'b'}. */
  private static String alternatives(List<String> values) {
    List<String> quoted = new ArrayList<>();
    for (String v : values) {
      quoted.add("'" + v + "'");
    }
    return values.size() == 1 ? quoted.get(0) : "any of " + String.join(", ", quoted);
  }
}
