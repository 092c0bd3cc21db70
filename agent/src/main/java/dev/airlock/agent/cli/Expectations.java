package dev.airlock.agent.cli;

import dev.airlock.policy.DidYouMean;
import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.policy.PiiPolicy;
import dev.airlock.policy.Policy;
import dev.airlock.policy.TargetRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code expect:} keys of a policy test case into {@link Expectation}s. Names that can
 * be checked against the policy are checked when the file is read (an unknown PII type, rule or
 * endpoint is a mistake in the test, not a failing test), so that a typo cannot make an
 * expectation pass vacuously.
 */
final class Expectations {

  /** Every key {@code expect:} accepts, in the order the help lists them. */
  static final List<String> KEYS = Collections.unmodifiableList(Arrays.asList("provider", "endpoint", "blocked",
      "redacted", "detected", "not_detected", "injection_flagged", "body_contains", "body_not_contains", "route",
      "target", "denied", "cacheable"));

  /** What {@code route:} says for "no route matched". */
  static final String NO_ROUTE = "none";

  static final String INJECTION_RULE = "guardrails.prompt_injection";

  private final Policy policy;

  Expectations(Policy policy) {
    this.policy = policy;
  }

  /**
   * @param where how to name the value in messages, e.g. {@code tests.yaml: tests[0] 'x': expect.blocked}
   * @throws UsageException for an unknown key or a value of the wrong shape or naming nothing known
   */
  Expectation parse(String key, JsonNode value, String where) throws UsageException {
    switch (key) {
      case "provider":
        return new ProviderIs(string(value, where));
      case "endpoint":
        return new EndpointIs(RequestSpec.name(RequestSpec.endpoint(string(value, where), where)));
      case "blocked":
        return blocked(value, where);
      case "redacted":
        return new Types(Types.Mode.REDACTED, types(value, where));
      case "detected":
        return new Types(Types.Mode.DETECTED, types(value, where));
      case "not_detected":
        return new Types(Types.Mode.NOT_DETECTED, types(value, where));
      case "injection_flagged":
        return new InjectionFlagged(bool(value, where));
      case "body_contains":
        return new BodyContains(true, strings(value, where));
      case "body_not_contains":
        return new BodyContains(false, strings(value, where));
      case "route":
        return route(value, where);
      case "target":
        return target(value, where);
      case "denied":
        return new Denied(bool(value, where));
      case "cacheable":
        return new Cacheable(bool(value, where));
      default:
        throw new UsageException(where + ": unknown expectation '" + key + "'" + DidYouMean.hint(key, KEYS)
            + "; expect takes " + String.join(", ", KEYS));
    }
  }

  private Expectation blocked(JsonNode value, String where) throws UsageException {
    if (value.isBoolean()) {
      return new Blocked(value.booleanValue(), null);
    }
    String rule = string(value, where);
    List<String> rules = new ArrayList<>();
    for (String type : knownTypes()) {
      rules.add("pii." + type);
    }
    rules.add(INJECTION_RULE);
    for (String route : routeNames()) {
      rules.add("route:" + route);
    }
    if (!rules.contains(rule)) {
      throw new UsageException(where + ": unknown rule '" + rule + "'" + DidYouMean.hint(rule, rules)
          + "; rules are pii.TYPE, " + INJECTION_RULE + " and route:NAME of a route of the policy (or write true"
          + " for any rule, false for not blocked)");
    }
    return new Blocked(true, rule);
  }

  /** The policy's route names, in order. */
  private List<String> routeNames() {
    List<String> names = new ArrayList<>();
    policy.routes().forEach(r -> names.add(r.name()));
    return names;
  }

  /**
   * {@code route: NAME | none}. Unlike PII types, a route name must be one of this policy's: a test
   * that names a route the policy does not have can only be a typo or a stale test.
   */
  private Expectation route(JsonNode value, String where) throws UsageException {
    String name = string(value, where);
    List<String> names = routeNames();
    if (!name.equals(NO_ROUTE) && !names.contains(name)) {
      List<String> choices = new ArrayList<>(names);
      choices.add(NO_ROUTE);
      throw new UsageException(where + ": the policy has no route '" + name + "'" + DidYouMean.hint(name, choices)
          + "; " + (names.isEmpty() ? "it has no routes, so only '" + NO_ROUTE + "'" : "routes are "
          + String.join(", ", names) + ", or " + NO_ROUTE + " when none matches"));
    }
    return new RouteIs(name.equals(NO_ROUTE) ? null : name);
  }

  /** {@code target: PROVIDER/MODEL} (or {@code PROVIDER}), in the form the policy writes targets. */
  private static Expectation target(JsonNode value, String where) throws UsageException {
    String text = string(value, where);
    try {
      TargetRef.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(where + ": '" + text + "' is not a target (PROVIDER/MODEL, or PROVIDER): "
          + e.getMessage());
    }
    return new TargetIs(text);
  }

  /**
   * The names a test may use: every built-in type (enabled or not) and the policy's custom ones.
   * Deliberately not only what the policy enables or blocks today: a test written against the
   * policy must fail, not be refused, when someone changes the policy under it.
   */
  private List<String> knownTypes() {
    List<String> known = new ArrayList<>(PiiPolicy.BUILT_IN_TYPES);
    policy.pii().ifPresent(p -> p.custom().forEach(c -> known.add(c.name())));
    return known;
  }

  /** Type names must exist (see {@link #knownTypes()}), so that {@code not_detected: [emial]} is refused. */
  private List<String> types(JsonNode value, String where) throws UsageException {
    List<String> known = knownTypes();
    List<String> types = strings(value, where);
    for (String type : types) {
      if (!known.contains(type)) {
        throw new UsageException(where + ": unknown PII type '" + type + "'" + DidYouMean.hint(type, known)
            + "; types are " + String.join(", ", known));
      }
    }
    return types;
  }

  private static String string(JsonNode value, String where) throws UsageException {
    if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
      throw new UsageException(where + ": must be a non-empty string");
    }
    return value.textValue();
  }

  private static boolean bool(JsonNode value, String where) throws UsageException {
    if (value == null || !value.isBoolean()) {
      throw new UsageException(where + ": must be true or false");
    }
    return value.booleanValue();
  }

  /** A string, or a non-empty list of strings. */
  private static List<String> strings(JsonNode value, String where) throws UsageException {
    List<String> out = new ArrayList<>();
    if (value != null && value.isTextual()) {
      out.add(string(value, where));
      return out;
    }
    if (value == null || !value.isArray() || value.isEmpty()) {
      throw new UsageException(where + ": must be a string or a non-empty list of strings");
    }
    for (int i = 0; i < value.size(); i++) {
      out.add(string(value.get(i), where + "[" + i + "]"));
    }
    return out;
  }

  /** What happened to the request, in the words of a failure message. */
  static String outcome(DryRunResult r) {
    switch (r.verdict()) {
      case NOT_AN_LLM_CALL:
        return "not an LLM call (passes untouched)";
      case NOT_UNDERSTOOD:
        return "a body the agent does not understand (passes untouched)";
      case BLOCKED:
        return "blocked by " + r.blockedRule();
      default:
        return "sent";
    }
  }

  /** {@code provider: NAME}: the policy or built-in provider the URL reaches. */
  static final class ProviderIs implements Expectation {
    private final String provider;

    ProviderIs(String provider) {
      this.provider = provider;
    }

    @Override
    public String check(DryRunResult r) {
      String got = r.match() == null ? null : r.match().provider().providerName();
      return provider.equals(got) ? null
          : "expected provider " + provider + ", got " + (got == null ? "not an LLM call" : got);
    }
  }

  /** {@code endpoint: openai_chat}: the API the URL's path is. */
  static final class EndpointIs implements Expectation {
    private final String endpoint;

    EndpointIs(String endpoint) {
      this.endpoint = endpoint;
    }

    @Override
    public String check(DryRunResult r) {
      String got = r.match() == null ? null : RequestSpec.name(r.match().endpoint());
      return endpoint.equals(got) ? null
          : "expected endpoint " + endpoint + ", got " + (got == null ? "not an LLM call" : got);
    }
  }

  /** {@code blocked: RULE | true | false}. */
  static final class Blocked implements Expectation {
    private final boolean blocked;
    private final String rule;

    /** @param rule the rule, or null for any rule (with {@code blocked}) or none */
    Blocked(boolean blocked, String rule) {
      this.blocked = blocked;
      this.rule = rule;
    }

    @Override
    public String check(DryRunResult r) {
      String got = r.blockedRule();
      boolean ok = blocked ? got != null && (rule == null || rule.equals(got)) : got == null;
      if (ok) {
        return null;
      }
      String expected = !blocked ? "not blocked" : rule == null ? "blocked by any rule" : "blocked by " + rule;
      return "expected " + expected + ", got " + outcome(r);
    }
  }

  /** {@code redacted}, {@code detected}, {@code not_detected}: PII types and what was done with them. */
  static final class Types implements Expectation {
    enum Mode { REDACTED, DETECTED, NOT_DETECTED }

    private final Mode mode;
    private final List<String> types;

    Types(Mode mode, List<String> types) {
      this.mode = mode;
      this.types = types;
    }

    @Override
    public String check(DryRunResult r) {
      List<String> wrong = new ArrayList<>();
      for (String type : types) {
        boolean detected = r.detectedTypes().contains(type);
        boolean ok = mode == Mode.REDACTED ? r.redactedTypes().contains(type)
            : mode == Mode.DETECTED ? detected : !detected;
        if (!ok) {
          wrong.add(type);
        }
      }
      if (wrong.isEmpty()) {
        return null;
      }
      String what = mode == Mode.REDACTED ? "redacted (masked or pseudonymized)"
          : mode == Mode.DETECTED ? "detected" : "not detected";
      return "expected " + String.join(", ", wrong) + " " + what + ", got " + found(r);
    }

    /** Every detected type with its actions, e.g. {@code email: pseudonymize x2, credit_card: block}. */
    private static String found(DryRunResult r) {
      if (r.guarded() == null) {
        return "nothing checked: " + outcome(r);
      }
      List<String> parts = new ArrayList<>();
      for (String type : r.detectedTypes()) {
        List<String> actions = new ArrayList<>();
        for (PiiFinding f : r.findings()) {
          if (f.type().equals(type) && !actions.contains(f.action().id())) {
            actions.add(f.action().id());
          }
        }
        parts.add(type + " (" + String.join(", ", actions) + ")");
      }
      return parts.isEmpty() ? "no detections" : "detections " + String.join(", ", parts);
    }
  }

  /** {@code injection_flagged: BOOL}: whether the score reached the threshold (flag or block fired). */
  static final class InjectionFlagged implements Expectation {
    private final boolean flagged;

    InjectionFlagged(boolean flagged) {
      this.flagged = flagged;
    }

    @Override
    public String check(DryRunResult r) {
      if (r.injectionTriggered() == flagged) {
        return null;
      }
      String got;
      if (r.injectionGuardrail() == null) {
        got = "no prompt-injection guardrail in the policy";
      } else if (r.injectionScore() < 0) {
        got = "nothing scored (" + outcome(r) + ")";
      } else {
        got = String.format(Locale.ROOT, "score %.2f against threshold %.2f", r.injectionScore(),
            r.injectionGuardrail().injectionThreshold());
      }
      return "expected injection " + (flagged ? "flagged" : "not flagged") + ", got " + got;
    }
  }

  /**
   * {@code body_contains} / {@code body_not_contains}: substrings of the body the provider would
   * receive, as JSON text. A blocked request sends nothing, which contains nothing.
   */
  static final class BodyContains implements Expectation {
    private final boolean contains;
    private final List<String> needles;

    BodyContains(boolean contains, List<String> needles) {
      this.contains = contains;
      this.needles = needles;
    }

    @Override
    public String check(DryRunResult r) {
      byte[] outgoing = r.outgoing();
      String body = outgoing == null ? "" : new String(outgoing, StandardCharsets.UTF_8);
      List<String> wrong = new ArrayList<>();
      for (String needle : needles) {
        if (body.contains(needle) != contains) {
          wrong.add("'" + needle + "'");
        }
      }
      if (wrong.isEmpty()) {
        return null;
      }
      if (outgoing == null) {
        return "expected the sent body to contain " + String.join(", ", wrong) + ", got nothing sent: " + outcome(r);
      }
      // The body is not echoed: it holds whatever the test put in the prompt, values included.
      return "expected the sent body " + (contains ? "to contain " : "not to contain ") + String.join(", ", wrong)
          + ", got a body that " + (contains ? "does not" : "does") + " (see: explain --show-body)";
    }
  }

  /** {@code route: NAME | none}: the route that matched, first match winning; none when no route did. */
  static final class RouteIs implements Expectation {
    private final String route;

    /** @param route the route's name, or null for "none matched" */
    RouteIs(String route) {
      this.route = route;
    }

    @Override
    public String check(DryRunResult r) {
      String got = r.route().routeName();
      if (route == null ? got == null : route.equals(got)) {
        return null;
      }
      String expected = "expected route " + (route == null ? NO_ROUTE : route);
      if (!r.route().applied()) {
        return expected + ", got no routing: " + outcome(r);
      }
      StringBuilder s = new StringBuilder(expected).append(", got ").append(got == null ? NO_ROUTE : got);
      for (RouteCheck check : r.route().checks()) {
        if (check.route().name().equals(route) && check.outcome() == RouteCheck.Outcome.NOT_MATCHED) {
          s.append(" (").append(route).append(" did not match: ").append(check.reason()).append(')');
        } else if (check.route().name().equals(route) && check.outcome() == RouteCheck.Outcome.NOT_TRIED) {
          s.append(" (an earlier route matched, so ").append(route).append(" was not tried)");
        }
      }
      return s.toString();
    }
  }

  /** {@code target: PROVIDER/MODEL}: the first target of the chain; {@code PROVIDER} alone checks the provider. */
  static final class TargetIs implements Expectation {
    private final String target;

    TargetIs(String target) {
      this.target = target;
    }

    @Override
    public String check(DryRunResult r) {
      ChainTarget first = r.route().first();
      if (first == null) {
        return "expected target " + target + ", got no target: " + (r.route().applied() ? outcome(r)
            : "not routed, " + outcome(r));
      }
      String got = target.contains("/") ? first.label() : first.provider();
      return target.equals(got) ? null : "expected target " + target + ", got " + first.label();
    }
  }

  /** {@code denied: BOOL}: a route refused the request (its {@code deny:}, or a region rule that left no target). */
  static final class Denied implements Expectation {
    private final boolean denied;

    Denied(boolean denied) {
      this.denied = denied;
    }

    @Override
    public String check(DryRunResult r) {
      String denial = r.route().denial();
      if ((denial != null) == denied) {
        return null;
      }
      return denied ? "expected denied by a route, got " + (r.route().applied() ? outcome(r) : "not routed, " + outcome(r))
          : "expected not denied, got denied by route " + r.route().routeName() + ": " + denial;
    }
  }

  /** {@code cacheable: BOOL}: whether the exact cache would store and serve the request (see {@link CacheDecision}). */
  static final class Cacheable implements Expectation {
    private final boolean cacheable;

    Cacheable(boolean cacheable) {
      this.cacheable = cacheable;
    }

    @Override
    public String check(DryRunResult r) {
      CacheDecision cache = CacheDecision.of(r);
      if (cache.cacheable() == cacheable) {
        return null;
      }
      return "expected " + (cacheable ? "cacheable" : "not cacheable") + ", got "
          + (cache.cacheable() ? "cacheable: " : "not cacheable: ") + cache.reason();
    }
  }
}
