package dev.airlock.agent.policy;

import dev.airlock.agent.audit.AuditLogs;
import dev.airlock.agent.codec.WireFormat;
import dev.airlock.agent.cost.Price;
import dev.airlock.agent.cost.PriceTable;
import dev.airlock.agent.engine.PipelineState;
import dev.airlock.agent.engine.PolicyIdentity;
import dev.airlock.agent.engine.ProviderEndpoint;
import dev.airlock.agent.engine.ProviderRegistry;
import dev.airlock.agent.guard.injection.InjectionDetectors;
import dev.airlock.agent.identity.IdentityResolver;
import dev.airlock.agent.redact.OutputGuard;
import dev.airlock.agent.redact.PiiScanners;
import dev.airlock.agent.redact.RequestGuard;
import dev.airlock.policy.GuardrailsPolicy;
import dev.airlock.policy.PiiPolicy;
import dev.airlock.policy.BuiltinProvider;
import dev.airlock.policy.BuiltinProviders;
import dev.airlock.policy.ModelPrice;
import dev.airlock.policy.Policy;
import dev.airlock.policy.ProviderSpec;
import dev.airlock.policy.OnInternalError;
import dev.airlock.policy.CachePolicy;
import dev.airlock.policy.ExactCachePolicy;
import dev.airlock.agent.cache.ExactCache;
import dev.airlock.agent.cache.semantic.SemanticCaching;
import dev.airlock.agent.extension.Extensions;
import dev.airlock.agent.cache.RedisAnswers;
import dev.airlock.agent.state.RedisState;
import dev.airlock.policy.StatePolicy;
import dev.airlock.agent.engine.SpendControls;
import dev.airlock.agent.telemetry.BudgetEvents;
import dev.airlock.agent.telemetry.content.ContentCapture;
import dev.airlock.agent.cache.ExactCacheConfig;
import dev.airlock.policy.ResiliencePolicy;
import dev.airlock.policy.RoutePolicy;
import dev.airlock.agent.route.ResilienceSettings;
import dev.airlock.agent.route.Routing;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a loaded policy (or none) into the immutable state the pipeline runs on. */
public final class PipelineStates {

  private PipelineStates() {}

  /** Built-in providers and prices only: the agent observes. */
  public static PipelineState observeOnly() {
    return new PipelineState(ProviderRegistry.of(builtinEndpoints(Map.of())), PriceTable.builtIn(),
        PolicyIdentity.OBSERVE_ONLY, new RequestGuard(null, null, null, null));
  }

  public static PipelineState of(Policy policy) {
    return of(policy, System::getenv);
  }

  /** As {@link #of(Policy)}, reading {@code ${env:...}} keys from {@code env}. */
  public static PipelineState of(Policy policy, java.util.function.Function<String, String> env) {
    PipelineState state = enforcing(policy, env);
    return policy.onInternalError() == OnInternalError.BLOCK ? state.failingClosed() : state;
  }

  /**
   * What a policy file that cannot be applied leaves in force: with {@code on_internal_error:
   * block} written in it (read from the raw text, since the file did not load or verify), every
   * LLM call is refused; otherwise the agent observes only.
   */
  public static PipelineState unavailable(byte[] content, String reason) {
    String text = content == null ? "" : new String(content, java.nio.charset.StandardCharsets.UTF_8);
    if (!FAIL_CLOSED.matcher(text).find()) {
      return observeOnly();
    }
    // The file's own providers still say which calls are LLM calls (and so are refused), when it parses.
    ProviderRegistry registry = ProviderRegistry.of(builtinEndpoints(Map.of()));
    try {
      java.util.Optional<Policy> unverified = dev.airlock.policy.PolicyLoader.parse("policy", content).policy();
      if (unverified.isPresent()) {
        registry = registryOf(unverified.get());
      }
    } catch (RuntimeException unreadable) {
      // Built-in providers only.
    }
    return new PipelineState(registry, PriceTable.builtIn(), PolicyIdentity.OBSERVE_ONLY,
        new RequestGuard(null, null, null, null))
        .refusingAll("the policy could not be applied (" + reason + ") and it fails closed");
  }

  /** One shared answer store per Redis server, kept across policy reloads (its connection is costly). */
  private static final Map<String, RedisAnswers> SHARED_ANSWERS = new java.util.concurrent.ConcurrentHashMap<>();

  private static final java.util.regex.Pattern FAIL_CLOSED =
      java.util.regex.Pattern.compile("(?m)^on_internal_error:\\s*[\"']?block[\"']?\\s*(#.*)?$");

  private static ProviderRegistry registryOf(Policy policy) {
    Map<String, String> regions = new HashMap<>();
    List<ProviderEndpoint> declared = new ArrayList<>();
    for (ProviderSpec spec : policy.providers().values()) {
      spec.region().ifPresent(region -> regions.put(spec.name(), region));
      if (!spec.isBuiltin() && spec.baseUrl().isPresent()) {
        declared.add(declaredEndpoint(spec, spec.baseUrl().get()));
      }
    }
    List<ProviderEndpoint> endpoints = new ArrayList<>(declared);
    endpoints.addAll(builtinEndpoints(regions));
    return ProviderRegistry.of(endpoints);
  }

  private static PipelineState enforcing(Policy policy, java.util.function.Function<String, String> env) {
    PolicyIdentity identity = new PolicyIdentity(policy.name(), policy.version().orElse(""), policy.sha256());
    PipelineState state = new PipelineState(registryOf(policy),
        PriceTable.builtIn().withOverrides(prices(policy)), identity, guardOf(policy, policy.pii().orElse(null)),
        policy.identity().map(IdentityResolver::of).orElse(IdentityResolver.none()));
    if (policy.audit().isPresent()) {
      state = state.withAudit(AuditLogs.of(policy.audit().get()));
    }
    if (policy.captureContent()) {
      // Masked with every built-in detector, whatever types the pii: section acts on (a policy
      // that only pseudonymizes emails must not put phone numbers in spans), plus its own patterns.
      state = state.withContentCapture(ContentCapture.of(
          policy.pii().map(PiiScanners::withEveryBuiltIn).orElseGet(ContentCapture::builtInScanner)));
    }
    if (policy.cache().flatMap(CachePolicy::semantic).isPresent()) {
      SemanticCaching semantic = SemanticCaches.of(policy.cache().get().semantic().get(), Extensions.installed(),
          policy, env);
      if (semantic != null) {
        state = state.withSemanticCache(semantic);
      }
    }
    if (policy.cache().flatMap(CachePolicy::exact).isPresent()) {
      ExactCachePolicy exact = policy.cache().get().exact().get();
      ExactCache cache = ExactCache.create(ExactCacheConfig.builder()
          .ttl(exact.ttl())
          .maxBytes(exact.maxBytes())
          .when("always".equals(exact.when()) ? ExactCacheConfig.When.ALWAYS : ExactCacheConfig.When.DETERMINISTIC)
          .build());
      if (policy.state().kind() == StatePolicy.Kind.REDIS) {
        cache.shareThrough(SHARED_ANSWERS.computeIfAbsent(policy.state().redisUri().get().toString(),
            uri -> new RedisAnswers(RedisState.builder(uri).build())));
      }
      state = state.withExactCache(cache);
    }
    BudgetEvents budgetEvents = new BudgetEvents();
    SpendControls spend = SpendPolicies.of(policy, budgetEvents, env);
    if (spend.active()) {
      state = state.withSpend(spend, budgetEvents);
    }
    if (policy.routes().isEmpty() && policy.resilience().isEmpty()) {
      return state;
    }
    Map<String, RequestGuard> routeGuards = new HashMap<>();
    for (RoutePolicy route : policy.routes()) {
      if (route.piiAction().isPresent() && policy.pii().isPresent()) {
        routeGuards.put(route.name(), guardOf(policy, policy.pii().get().withAction(route.piiAction().get())));
      }
    }
    Routing routing = Routing.of(policy, resilienceOf(policy.resilience().orElse(null)),
        policy.resilience().isPresent(), env);
    return state.withRouting(routing, routeGuards);
  }

  /** The policy's resilience as the engine takes it; {@link ResilienceSettings#NONE} without one. */
  static ResilienceSettings resilienceOf(ResiliencePolicy policy) {
    if (policy == null) {
      return ResilienceSettings.NONE;
    }
    ResilienceSettings.Builder settings = ResilienceSettings.builder()
        .timeouts(policy.timeout(), policy.idleTimeout());
    policy.retry().ifPresent(retry -> settings.retry(retry.maxAttempts(), retry.backoffMin(), retry.backoffMax(),
        retry.on()));
    policy.circuitBreaker().ifPresent(breaker -> settings.breaker(breaker.failureRate(), breaker.minimumCalls(),
        breaker.openFor(), breaker.halfOpenCalls()));
    policy.degradeMessage().ifPresent(settings::degrade);
    return settings.build();
  }

  private static RequestGuard guardOf(Policy policy, PiiPolicy pii) {
    GuardrailsPolicy guardrails = policy.guardrails().orElse(null);
    boolean scoresInjection = guardrails != null && guardrails.injectionAction().isPresent();
    return new RequestGuard(pii, pii == null ? null : PiiScanners.from(pii), guardrails,
        scoresInjection ? InjectionDetectors.load(PipelineStates.class.getClassLoader()) : null,
        OutputGuard.of(guardrails, pii));
  }

  private static ProviderEndpoint declaredEndpoint(ProviderSpec spec, URI baseUrl) {
    WireFormat format = WireFormat.valueOf(spec.format().name());
    int port = baseUrl.getPort() != -1 ? baseUrl.getPort() : "http".equalsIgnoreCase(baseUrl.getScheme()) ? 80 : 443;
    return ProviderEndpoint.builder()
        .providerName(spec.name())
        .semconvProviderName(semconvNameOf(format))
        .format(format)
        .host(baseUrl.getHost().toLowerCase(Locale.ROOT))
        .port(port)
        .basePath(baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath())
        .region(spec.region().orElse(null))
        .build();
  }

  private static List<ProviderEndpoint> builtinEndpoints(Map<String, String> regions) {
    List<ProviderEndpoint> endpoints = new ArrayList<>();
    for (BuiltinProvider builtin : BuiltinProviders.all()) {
      ProviderEndpoint.Builder b = ProviderEndpoint.builder()
          .providerName(builtin.name())
          .semconvProviderName(builtin.genAiProviderName())
          .format(WireFormat.valueOf(builtin.format().name()))
          .region(regions.get(builtin.name()));
      if (builtin.hostIsSuffix()) {
        b.hostSuffix(builtin.host());
      } else {
        b.host(builtin.host());
      }
      endpoints.add(b.build());
    }
    return endpoints;
  }

  /** A self-hosted model speaks a provider's format; the conventions name it by that format. */
  private static String semconvNameOf(WireFormat format) {
    switch (format) {
      case ANTHROPIC:
        return "anthropic";
      case GEMINI:
        return "gcp.gemini";
      default:
        return "openai";
    }
  }

  private static Map<String, Price> prices(Policy policy) {
    Map<String, Price> prices = new HashMap<>();
    for (Map.Entry<String, ModelPrice> e : policy.models().entrySet()) {
      ModelPrice m = e.getValue();
      Price price = Price.of(m.inputPerMillion().doubleValue(), m.outputPerMillion().doubleValue());
      if (m.cachedInputPerMillion().isPresent()) {
        price = price.withCachedInput(m.cachedInputPerMillion().get().doubleValue());
      }
      if (m.cacheWritePerMillion().isPresent()) {
        price = price.withCacheWrite(m.cacheWritePerMillion().get().doubleValue());
      }
      prices.put(e.getKey(), price);
    }
    return prices;
  }
}
