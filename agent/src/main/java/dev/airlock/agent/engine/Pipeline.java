package dev.airlock.agent.engine;

import static dev.airlock.agent.telemetry.GenAiAttributes.*;

import dev.airlock.agent.cache.CacheKey;
import dev.airlock.agent.cache.CacheKeys;
import dev.airlock.agent.cache.ExactCache;
import dev.airlock.agent.cache.semantic.SemanticCache;
import dev.airlock.agent.cache.semantic.SemanticCaching;
import dev.airlock.agent.cache.semantic.SemanticRequest;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.LlmRequest;
import dev.airlock.agent.codec.RequestCodec;
import dev.airlock.agent.identity.CallFacts;
import dev.airlock.agent.identity.Identity;
import dev.airlock.agent.AgentLog;
import dev.airlock.agent.codec.Usage;
import dev.airlock.agent.identity.CallerClass;
import dev.airlock.agent.route.RouteTarget;
import dev.airlock.agent.spend.Admission;
import dev.airlock.agent.spend.BudgetConfig;
import dev.airlock.agent.spend.CallScope;
import dev.airlock.agent.spend.Permit;
import dev.airlock.agent.telemetry.BudgetLabels;
import io.opentelemetry.context.Scope;
import dev.airlock.agent.redact.BlockedAnswer;
import dev.airlock.agent.redact.GuardedRequest;
import dev.airlock.agent.redact.RequestGuard;
import dev.airlock.agent.route.RouteFacts;
import dev.airlock.agent.route.RoutePlan;
import dev.airlock.agent.route.Routing;
import dev.airlock.agent.telemetry.LlmInstruments;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Collections;

/**
 * The transport-independent engine: the doors ask it whether a request is an LLM call
 * ({@link #match}) and, if so, hand it the request ({@link #begin}); the returned {@link LlmCall}
 * then sees the response. It knows nothing of bytecode or of any transport's types.
 */
public final class Pipeline {

  /** The answer's size, in tokens, that budgets and rate limits assume when the request sets no max_tokens. */
  static final long DEFAULT_OUTPUT_ESTIMATE = 1024;

  private static final TextMapGetter<RequestHeaders> HEADER_GETTER = new TextMapGetter<RequestHeaders>() {
    @Override
    public Iterable<String> keys(RequestHeaders carrier) {
      return Collections.emptyList();
    }

    @Override
    public String get(RequestHeaders carrier, String key) {
      return carrier == null ? null : carrier.first(key);
    }
  };

  private final LlmInstruments instruments;
  private final PromptFingerprint fingerprint = new PromptFingerprint();
  private volatile PipelineState state;

  public Pipeline(PipelineState initial, LlmInstruments instruments) {
    this.state = initial;
    this.instruments = instruments;
    initial.attach(instruments);
    instruments.meter().gaugeBuilder("airlock.budget.remaining")
        .setUnit("{USD or token}")
        .setDescription("What is left of each budget in its current window, per recently active scope.")
        .buildWithCallback(measurement -> state.spend().observeRemaining(measurement));
  }

  /** Swaps the policy in force; calls already begun keep the state they began with. */
  public void install(PipelineState next) {
    next.attach(instruments);
    this.state = next;
  }

  public PipelineState state() {
    return state;
  }

  /**
   * What a door does when the agent fails inside a call: with {@code on_internal_error: block},
   * the provider-format refusal to give the application; otherwise null, and the door forwards the
   * original request untouched.
   */
  public BlockedAnswer internalFailure(ProviderMatch match, Throwable failure) {
    if (!state.failClosed() || match == null) {
      return null;
    }
    AgentLog.error("internal failure on an LLM call; refusing it (on_internal_error: block)", failure);
    return BlockedAnswer.of(match.endpoint().format(), "on_internal_error",
        "the agent failed on this call and the policy fails closed");
  }

  /** Whether a request to this host could be an LLM call: one hash lookup; see {@link ProviderRegistry#isCandidateHost}. */
  public boolean isCandidateHost(String host) {
    return state.registry().isCandidateHost(host);
  }

  /**
   * Whether the request is an LLM call: one hash lookup for any other host.
   *
   * @param port the effective port (the scheme's default when the URL has none)
   */
  public ProviderMatch match(String host, int port, String path) {
    return state.registry().match(host, port, path);
  }

  /**
   * Starts an LLM call.
   *
   * @param transport the door's name, for the span ({@code okhttp}, {@code jdk-httpclient})
   * @param body the request body as the application wrote it
   * @return the call, or null when the body is not one we understand: the door then sends the
   *     original request untouched and records nothing
   */
  public LlmCall begin(ProviderMatch match, String transport, String host, int port, String path,
      RequestHeaders headers, byte[] body) {
    return begin(match, transport, host, port, path, null, headers, body);
  }

  /**
   * Starts an LLM call whose URL has a query string.
   *
   * @param query the raw query (after {@code '?'}), or null: it can change the answer (Gemini's
   *     {@code alt=sse}, Azure's {@code api-version}), so the cache keys on it
   * @see #begin(ProviderMatch, String, String, int, String, RequestHeaders, byte[])
   */
  public LlmCall begin(ProviderMatch match, String transport, String host, int port, String path, String query,
      RequestHeaders headers, byte[] body) {
    PipelineState current = state;
    Endpoint endpoint = match.endpoint();
    LlmRequest request = RequestCodec.parse(endpoint, path, body);
    if (request == null) {
      return null;
    }
    Identity identity = current.identity().resolve(new CallFacts(headers, request, body));
    GuardedRequest guarded = current.guard().inspect(endpoint, body);
    ProviderEndpoint provider = match.provider();
    RoutePlan plan = null;
    BlockedAnswer denied = current.refusal() == null ? null
        : BlockedAnswer.of(endpoint.format(), "policy.unavailable", current.refusal());
    Routing routing = current.routing();
    if (routing.active() && denied == null) {
      RouteFacts facts = new RouteFacts(provider.providerName(), endpoint, request.model(), identity.tenant(),
          identity.feature(), identity.user(), CallerClass::find, headers::first, request.stream(),
          body.length / 4, guarded.piiCounts().keySet(), guarded.injectionScore());
      plan = routing.plan(facts, provider.providerName(), provider.format(), provider.region());
      if (plan != null) {
        RequestGuard routeGuard = current.routeGuard(plan.routeName());
        if (routeGuard != null) {
          // The route sets its own PII action (e.g. detect only: the data stays in-region).
          guarded = routeGuard.inspect(endpoint, body);
        }
        if (plan.denial() != null && denied == null) {
          denied = BlockedAnswer.of(endpoint.format(), "route:" + plan.routeName(), plan.denial());
        }
      }
    }
    byte[] outgoing = guarded.body();
    boolean usageRequested = false;
    if (guarded.blocked() == null && endpoint == Endpoint.OPENAI_CHAT && request.stream()
        && !request.streamIncludeUsage()) {
      // Streams report usage only when asked; ask for it, and drop the extra chunk on the way back.
      byte[] withUsage = RequestCodec.withStreamUsageRequested(outgoing);
      if (withUsage != null && withUsage != outgoing) {
        outgoing = withUsage;
        usageRequested = true;
      }
    }
    String model = request.model() == null ? "unknown" : request.model();
    String operation = endpoint.operation().semconvName();
    SpanBuilder builder = instruments.tracer()
        .spanBuilder(operation + " " + model)
        .setSpanKind(SpanKind.CLIENT)
        .setParent(W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, HEADER_GETTER));
    putStartAttributes(builder, current, provider, endpoint, request, model, transport, host, port,
        usageRequested, identity);
    if (plan != null && plan.routeName() != null) {
      builder.setAttribute(AIRLOCK_ROUTE, plan.routeName());
    }
    Span span = builder.startSpan();
    LlmCall call = new LlmCall(current, instruments, span, match, request, model, host, outgoing, usageRequested,
        guarded, identity, plan, denied);
    if (current.contentCapture() != null) {
      call.captureAnswer(current.contentCapture().request(span, endpoint, body, guarded.restorations()));
    }
    ExactCache cache = current.exactCache();
    SemanticCaching semantic = current.semanticCache();
    if ((cache != null || semantic != null) && denied == null && guarded.blocked() == null) {
      // What both caches key on besides the body, worked out once per call.
      String target = cacheTarget(plan, provider, model);
      String variant = CacheKeys.variant(query, headers.first("anthropic-version"), headers.first("anthropic-beta"));
      if (cache != null && isCacheable(cache, endpoint, request)) {
        // Keyed on the body as the application wrote it: the stored answer is the one it received.
        CacheKey key = CacheKeys.of(endpoint, target, identity.tenant(), variant, body);
        if (key != null) {
          call.useCache(cache, key, cache.lookup(key));
        }
      }
      if (semantic != null && call.cachedAnswer() == null) {
        lookUpSemantic(call, semantic, span, endpoint, target, variant, identity, guarded, body);
      }
    }
    SpendControls spend = current.spend();
    if (spend.active() && call.blockedAnswer() == null && call.cachedAnswer() == null) {
      try (Scope inCall = span.makeCurrent()) {
        checkSpend(call, spend, current, span, endpoint, request, model, body.length, identity);
      } catch (RuntimeException spendFailure) {
        AgentLog.debug("checking budgets and rate limits failed; the call goes ahead", spendFailure);
      }
    }
    return call;
  }

  /** The provider and model that will answer, after routing: part of every cache key. */
  private static String cacheTarget(RoutePlan plan, ProviderEndpoint provider, String model) {
    return plan != null && !plan.chain().isEmpty() ? plan.chain().get(0).label()
        : provider.providerName() + "/" + model;
  }

  /**
   * Asks the semantic cache, after the exact cache missed: a request in which PII was detected
   * bypasses it unless the policy allows that, as does one without a question to compare (see
   * {@link SemanticRequest}). Any failure of the embedder only means the call goes to the provider.
   */
  private static void lookUpSemantic(LlmCall call, SemanticCaching semantic, Span span, Endpoint endpoint,
      String target, String variant, Identity identity, GuardedRequest guarded, byte[] body) {
    if (!guarded.piiCounts().isEmpty() && !semantic.cache().config().allowPii()) {
      // One user's personal data must not answer another user's similar question.
      span.setAttribute(AIRLOCK_CACHE_SEMANTIC, "bypass_pii");
      return;
    }
    try {
      SemanticRequest question = SemanticRequest.of(endpoint, target, identity.tenant(), variant,
          semantic.embedder().name(), body);
      if (question == null) {
        span.setAttribute(AIRLOCK_CACHE_SEMANTIC, "not_cacheable");
        return;
      }
      long start = System.nanoTime();
      float[] vector = semantic.vectorOf(question.question());
      span.setAttribute(AIRLOCK_CACHE_EMBEDDING_MS, (System.nanoTime() - start) / 1e6);
      if (vector == null) {
        span.setAttribute(AIRLOCK_CACHE_SEMANTIC, "error");
        return;
      }
      SemanticCache.Lookup found = semantic.cache().lookup(question.scope(), vector);
      if (!Double.isNaN(found.bestSimilarity())) {
        span.setAttribute(AIRLOCK_CACHE_SIMILARITY, found.bestSimilarity());
      }
      call.useSemanticCache(semantic.cache(), question.scope(), vector, found.match());
    } catch (RuntimeException | LinkageError embedderFailure) {
      AgentLog.debug("the semantic cache failed on this call; it goes to the provider", embedderFailure);
      span.setAttribute(AIRLOCK_CACHE_SEMANTIC, "error");
    }
  }

  /**
   * Rate limits, then budgets, against an estimate of the call: the prompt at four bytes a token
   * plus {@code max_tokens} (or {@link #DEFAULT_OUTPUT_ESTIMATE}) for the answer. A refusal is the
   * provider's own 429; a budget may instead move the call to its downgrade target, or only alert.
   */
  private static void checkSpend(LlmCall call, SpendControls spend, PipelineState current, Span span,
      Endpoint endpoint, LlmRequest request, String model, int bodyBytes, Identity identity) {
    CallScope scope = CallScope.of(identity.tenant(), identity.feature(), identity.user(), model);
    long inputTokens = Math.max(1, bodyBytes / 4);
    long outputTokens = request.maxTokens() != null ? request.maxTokens() : DEFAULT_OUTPUT_ESTIMATE;
    long tokens = inputTokens + outputTokens;
    double usd = current.prices().costUsd(model, Usage.of(inputTokens, outputTokens, 0, 0, 0));
    Permit permit = null;
    if (spend.rateLimiter() != null) {
      permit = spend.rateLimiter().acquire(scope, tokens);
      if (!permit.allowed()) {
        String rule = "rate_limit:" + (permit.limitedScope() == null ? scope : permit.limitedScope());
        long seconds = permit.retryAfter() == null ? 1 : Math.max(1, (permit.retryAfter().toMillis() + 999) / 1000);
        call.refuse(BlockedAnswer.of(endpoint.format(), rule, "too many requests; retry in " + seconds + " s",
            BlockedAnswer.LIMITED));
        return;
      }
    }
    Admission admission = null;
    if (spend.budgets() != null) {
      if (!Double.isNaN(usd)) {
        span.setAttribute(AIRLOCK_BUDGET_ESTIMATE_USD, usd);
      }
      admission = spend.budgets().admit(scope, Double.isNaN(usd) ? 0 : BudgetConfig.microUsd(usd), tokens);
      for (BudgetConfig budget : spend.budgets().configs()) {
        spend.noteScope(scope.key(budget.scope()));
      }
      span.setAttribute(AIRLOCK_BUDGET_OUTCOME, admission.outcome().name().toLowerCase(java.util.Locale.ROOT));
      switch (admission.outcome()) {
        case BLOCKED:
        case UNAVAILABLE:
          if (permit != null) {
            permit.settle(0);
          }
          String label = admission.exceededBudget() == null ? "state unavailable"
              : BudgetLabels.of(admission.exceededBudget());
          call.refuse(BlockedAnswer.of(endpoint.format(), "budget:" + label, "the budget " + label + " for "
              + admission.exceededScope() + " is spent", BlockedAnswer.LIMITED));
          return;
        case DOWNGRADED:
          RouteTarget target = spend.downgradeTarget(admission.downgradeTo());
          if (target != null) {
            call.downgrade(RoutePlan.to("budget-downgrade", target));
            span.setAttribute(AIRLOCK_ROUTE, "budget-downgrade");
          }
          break;
        default:
          break;
      }
    }
    call.useSpend(admission, permit);
  }

  /**
   * Whether the policy's exact cache may answer this request. Gemini's streaming endpoint is left
   * out: whether it streams SSE or a JSON array depends on a query parameter the key does not see.
   */
  private static boolean isCacheable(ExactCache cache, Endpoint endpoint, LlmRequest request) {
    return endpoint != Endpoint.GEMINI_STREAM_GENERATE_CONTENT && cache.config().when().admits(request);
  }

  /**
   * The span's attributes at its start, set on the builder one by one: the span keeps them in its
   * own map, so an {@link Attributes} built first would only be sorted and then copied over.
   */
  private void putStartAttributes(SpanBuilder a, PipelineState current, ProviderEndpoint provider, Endpoint endpoint,
      LlmRequest request, String model, String transport, String host, int port, boolean usageRequested,
      Identity identity) {
    putIfPresent(a, OPERATION_NAME, endpoint.operation().semconvName());
    putIfPresent(a, PROVIDER_NAME, provider.semconvProviderName());
    putIfPresent(a, REQUEST_MODEL, model);
    a.setAttribute(REQUEST_STREAM, request.stream());
    putIfPresent(a, SERVER_ADDRESS, host);
    a.setAttribute(SERVER_PORT, (long) port);
    putIfPresent(a, AIRLOCK_PROVIDER, provider.providerName());
    putIfPresent(a, AIRLOCK_ENDPOINT, endpoint.name().toLowerCase(java.util.Locale.ROOT));
    putIfPresent(a, AIRLOCK_TRANSPORT, transport);
    putIfPresent(a, AIRLOCK_POLICY_NAME, current.policy().name());
    putIfPresent(a, AIRLOCK_POLICY_VERSION, current.policy().version());
    putIfPresent(a, AIRLOCK_POLICY_SHA256, current.policy().sha256());
    putIfPresent(a, REQUEST_TEMPERATURE, request.temperature());
    putIfPresent(a, REQUEST_TOP_P, request.topP());
    putIfPresent(a, REQUEST_TOP_K, request.topK());
    putIfPresent(a, REQUEST_MAX_TOKENS, request.maxTokens());
    putIfPresent(a, REQUEST_SEED, request.seed());
    putIfPresent(a, REQUEST_FREQUENCY_PENALTY, request.frequencyPenalty());
    putIfPresent(a, REQUEST_PRESENCE_PENALTY, request.presencePenalty());
    putIfPresent(a, REQUEST_CHOICE_COUNT, request.choiceCount());
    if (request.stopSequences() != null && !request.stopSequences().isEmpty()) {
      a.setAttribute(REQUEST_STOP_SEQUENCES, request.stopSequences());
    }
    if (request.systemPrompt() != null) {
      a.setAttribute(AIRLOCK_SYSTEM_PROMPT_FINGERPRINT, fingerprint.of(request.systemPrompt()));
    }
    if (usageRequested) {
      a.setAttribute(AIRLOCK_USAGE_REQUESTED, true);
    }
    putIfPresent(a, AIRLOCK_TENANT, identity.tenant());
    putIfPresent(a, AIRLOCK_FEATURE, identity.feature());
    putIfPresent(a, AIRLOCK_USER, identity.user());
  }

  /** Sets the attribute unless the value is null: absent request fields are left out of the span. */
  private static <T> void putIfPresent(SpanBuilder a, io.opentelemetry.api.common.AttributeKey<T> key, T value) {
    if (value != null) {
      a.setAttribute(key, value);
    }
  }
}
