package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.LlmRequest;
import dev.airlock.agent.codec.RequestCodec;
import dev.airlock.agent.engine.PipelineState;
import dev.airlock.agent.engine.ProviderMatch;
import dev.airlock.agent.guard.injection.ContentSource;
import dev.airlock.agent.guard.injection.InjectionDetector;
import dev.airlock.agent.guard.injection.InjectionDetectors;
import dev.airlock.agent.guard.injection.InjectionScore;
import dev.airlock.agent.identity.CallFacts;
import dev.airlock.agent.pii.Detection;
import dev.airlock.agent.pii.PiiScanner;
import dev.airlock.agent.policy.PipelineStates;
import dev.airlock.agent.redact.GuardedRequest;
import dev.airlock.agent.redact.PiiScanners;
import dev.airlock.agent.redact.Pseudonyms;
import dev.airlock.agent.redact.RequestGuard;
import dev.airlock.agent.redact.RequestTexts;
import dev.airlock.agent.redact.TextRole;
import dev.airlock.agent.route.RoutePlan;
import dev.airlock.agent.route.RouteTarget;
import dev.airlock.agent.route.RouteTargets;
import dev.airlock.agent.route.Routing;
import dev.airlock.policy.PiiPolicy;
import dev.airlock.policy.Policy;
import dev.airlock.policy.RoutePolicy;
import dev.airlock.policy.StatePolicy;
import dev.airlock.policy.TargetRef;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs one request through what the agent would do with it, without sending anything: the same
 * {@link PipelineState} ({@link PipelineStates#of}), the same provider match, codec and {@link
 * dev.airlock.agent.redact.RequestGuard}, in the order {@code Pipeline.begin} runs them.
 *
 * <p>The guard reports totals only (counts per type, the highest injection score), by design: the
 * agent must not carry values around. An explanation needs the detail, so the texts are also
 * visited here, value by value, with a scanner and detector built from the same policy, and the
 * placeholders numbered the way the guard numbers them. The verdict and the outgoing body always
 * come from the guard itself; where the detail and the guard's totals differ the result says so
 * ({@link DryRunResult#disagreements()}). Routes are decided by the engine's own {@link
 * Routing#plan} and explained by {@link RouteDecider}.
 *
 * <p>Keys are never read: every {@code ${env:...}} reference resolves to a stand-in, since nothing
 * is sent, and the explanation names where a key comes from, never what it is.
 *
 * <p>Built once per policy and reused for every request (the {@code test} command's cases).
 */
final class DryRun {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What every {@code ${env:...}} key reads as: the CLI sends nothing, so it needs no real key. */
  private static final Function<String, String> STAND_IN_KEYS = name -> "airlock-explain-sends-nothing";

  private final Policy policy;
  private final PipelineState state;
  private final PiiPolicy pii;
  private final PiiScanner scanner;
  private final InjectionDetector injection;
  /** Policy targets resolved once, as the engine resolves them: shared by every request of a test suite. */
  private final Map<TargetRef, RouteTarget> resolved = new HashMap<>();
  private final Function<TargetRef, RouteTarget> targets;

  DryRun(Policy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.state = PipelineStates.of(offline(policy), STAND_IN_KEYS);
    this.targets = ref -> resolved.computeIfAbsent(ref, r -> RouteTargets.resolve(policy, r, STAND_IN_KEYS));
    this.pii = policy.pii().orElse(null);
    this.scanner = pii == null ? null : PiiScanners.from(pii);
    boolean scoresInjection = policy.guardrails().map(g -> g.injectionAction().isPresent()).orElse(false);
    // The same class loader PipelineStates uses, so that an extension detector is found here too.
    this.injection = scoresInjection ? InjectionDetectors.load(PipelineStates.class.getClassLoader()) : null;
  }

  /**
   * The policy as the dry run builds its engine state from: the same, except that budget and rate
   * counters stay in memory and no audit log is written. A policy with {@code state: redis://...}
   * would otherwise have the CLI connect to the shared Redis, and the CLI neither reads nor charges
   * counters; a dry run is not a call, so it has no place in the audit log.
   */
  private static Policy offline(Policy policy) {
    if (policy.state().kind() == StatePolicy.Kind.MEMORY && policy.audit().isEmpty()) {
      return policy;
    }
    Policy.Builder b = Policy.builder().formatVersion(policy.formatVersion()).name(policy.name())
        .sha256(policy.sha256()).sourceName(policy.sourceName()).onInternalError(policy.onInternalError())
        .state(StatePolicy.memory());
    policy.version().ifPresent(b::version);
    policy.providers().values().forEach(b::provider);
    policy.models().forEach(b::model);
    policy.pii().ifPresent(b::pii);
    policy.identity().ifPresent(b::identity);
    policy.guardrails().ifPresent(b::guardrails);
    policy.routes().forEach(b::route);
    policy.resilience().ifPresent(b::resilience);
    policy.cache().ifPresent(b::cache);
    policy.budgets().forEach(b::budget);
    policy.rateLimits().forEach(b::rateLimit);
    return b.build();
  }

  /**
   * @param context who calls, standing in for what only the running application knows
   * @throws UsageException when the request names a provider the URL does not reach (or an unknown
   *     one): a request file that contradicts itself
   */
  DryRunResult run(RequestSpec spec, RequestContext context) throws UsageException {
    URI url = spec.url(policy);
    String host = url.getHost();
    int port = effectivePort(url);
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    ProviderMatch match = state.registry().match(host, port, path);
    if (spec.provider().isPresent()) {
      String reached = match == null ? null : match.provider().providerName();
      if (!spec.provider().get().equals(reached)) {
        throw new UsageException(spec.source() + ": names provider '" + spec.provider().get() + "' but " + url
            + (reached == null ? " is not an LLM API this policy knows" : " goes to provider '" + reached + "'"));
      }
    }
    byte[] body = spec.body();
    List<String> disagreements = new ArrayList<>();
    CallIdentity identity = identity(spec, null, context);
    if (match == null) {
      return new DryRunResult(policy, state, spec, url, port, null, null, identity, List.of(), null,
          RouteDecision.NOT_APPLIED, body, false, disagreements);
    }
    Endpoint endpoint = match.endpoint();
    LlmRequest request = RequestCodec.parse(endpoint, path, body);
    if (request == null) {
      return new DryRunResult(policy, state, spec, url, port, match, null, identity, List.of(), null,
          RouteDecision.NOT_APPLIED, body, false, disagreements);
    }
    identity = identity(spec, request, context);
    // As Pipeline.begin: the guard, then the routes (which see what the guard found), then the
    // matched route's own PII action, which inspects the original body again.
    GuardedRequest guarded = state.guard().inspect(endpoint, body);
    RouteInputs inputs = new RouteInputs(match.provider().providerName(), endpoint, request.model(), identity,
        spec.headers(), request.stream(), body, guarded.piiCounts().keySet(), guarded.injectionScore());
    Routing routing = state.routing();
    RoutePlan plan = routing.active() ? routing.plan(inputs.toRouteFacts(), match.provider().providerName(),
        match.provider().format(), match.provider().region()) : null;
    PiiPolicy piiInForce = pii;
    RequestGuard routeGuard = plan == null ? null : state.routeGuard(plan.routeName());
    if (routeGuard != null) {
      guarded = routeGuard.inspect(endpoint, body);
      piiInForce = pii.withAction(routeAction(plan.routeName()));
    }
    List<TextPart> texts = state.guard().isActive() ? texts(endpoint, body, piiInForce) : List.of();
    check(texts, guarded, disagreements);
    boolean denied = plan != null && plan.denial() != null;
    byte[] outgoing = guarded.blocked() == null && !denied ? guarded.body() : null;
    boolean usageRequested = false;
    // As Pipeline.begin: a stream that does not ask for usage is made to, so that it can be priced.
    if (outgoing != null && endpoint == Endpoint.OPENAI_CHAT && request.stream() && !request.streamIncludeUsage()) {
      byte[] withUsage = RequestCodec.withStreamUsageRequested(outgoing);
      if (withUsage != null && withUsage != outgoing) {
        outgoing = withUsage;
        usageRequested = true;
      }
    }
    RouteDecision route = new RouteDecider(policy, targets, match.provider(), endpoint, url, port, request,
        outgoing).explain(plan, inputs, disagreements);
    return new DryRunResult(policy, state, spec, url, port, match, request, identity, texts, guarded, route, outgoing,
        usageRequested, disagreements);
  }

  /** Who calls: the policy's identity sources on the request, else the given context. */
  private CallIdentity identity(RequestSpec spec, LlmRequest request, RequestContext context) {
    Map<String, String> headers = spec.headers();
    CallFacts facts = CallFacts.described(name -> header(headers, name), request, spec.body(), context.caller());
    return new CallIdentity(state.identity().resolve(facts), context, policy.identity().isPresent());
  }

  private static String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The PII action of the route named, which {@link PipelineState#routeGuard} exists for. */
  private PiiPolicy.Action routeAction(String routeName) {
    for (RoutePolicy route : policy.routes()) {
      if (route.name().equals(routeName) && route.piiAction().isPresent()) {
        return route.piiAction().get();
      }
    }
    throw new IllegalStateException("route " + routeName + " has a guard but no PII action");
  }

  /** The texts with their findings and scores, visited in the guard's order on a private copy of the body. */
  private List<TextPart> texts(Endpoint endpoint, byte[] body, PiiPolicy piiInForce) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return List.of(); // the guard passes such a body through untouched, and so is there nothing to show
    }
    List<TextPart> texts = new ArrayList<>();
    Pseudonyms pseudonyms = new Pseudonyms();
    RequestTexts.visit(endpoint, root, (text, role) -> {
      texts.add(new TextPart(texts.size() + 1, role, text.length(), findings(text, pseudonyms, piiInForce),
          score(text, role)));
      return text;
    });
    return texts;
  }

  private List<PiiFinding> findings(String text, Pseudonyms pseudonyms, PiiPolicy piiInForce) {
    List<PiiFinding> findings = new ArrayList<>();
    if (scanner == null) {
      return findings;
    }
    for (Detection d : scanner.scan(text)) {
      PiiPolicy.Action action = piiInForce.actionFor(d.type());
      String value = d.text(text);
      String placeholder;
      switch (action) {
        case MASK:
          placeholder = "[" + Pseudonyms.label(d.type()) + "]";
          break;
        case PSEUDONYMIZE:
          placeholder = pseudonyms.placeholderFor(d.type(), value);
          break;
        default:
          placeholder = null; // detect and block leave the value where it is
          break;
      }
      findings.add(new PiiFinding(d, action, placeholder, value));
    }
    return findings;
  }

  /** Scores as the guard does: the end user's text and tool results; system and assistant text is trusted. */
  private InjectionScore score(String text, TextRole role) {
    if (injection == null) {
      return null;
    }
    ContentSource source = role == TextRole.USER ? ContentSource.USER
        : role == TextRole.TOOL_RESULT ? ContentSource.TOOL_RESULT : null;
    return source == null ? null : injection.score(text, source);
  }

  /** Compares the per-text account with the guard's totals. */
  private static void check(List<TextPart> texts, GuardedRequest guarded, List<String> disagreements) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, String> placeholders = new LinkedHashMap<>();
    double maxScore = -1;
    for (TextPart t : texts) {
      for (PiiFinding f : t.findings()) {
        counts.merge(f.type(), 1, Integer::sum);
        if (f.action() == PiiPolicy.Action.PSEUDONYMIZE) {
          placeholders.put(f.placeholder(), f.value());
        }
      }
      if (t.injection() != null) {
        maxScore = Math.max(maxScore, t.injection().score());
      }
    }
    if (!counts.equals(guarded.piiCounts())) {
      disagreements.add("detections per type: explained " + counts + ", the guard counted " + guarded.piiCounts());
    }
    if (!placeholders.equals(guarded.restorations())) {
      disagreements.add("pseudonyms: explained " + placeholders.keySet() + ", the guard made "
          + guarded.restorations().keySet());
    }
    if (Double.compare(maxScore, guarded.injectionScore()) != 0) {
      disagreements.add(String.format(Locale.ROOT, "injection score: explained %.3f, the guard scored %.3f",
          maxScore, guarded.injectionScore()));
    }
  }

  private static int effectivePort(URI url) {
    if (url.getPort() != -1) {
      return url.getPort();
    }
    return "http".equalsIgnoreCase(url.getScheme()) ? 80 : 443;
  }
}
