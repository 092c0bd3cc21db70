package dev.airlock.agent.engine;

import static dev.airlock.agent.telemetry.GenAiAttributes.*;

import dev.airlock.agent.audit.AuditLog;
import dev.airlock.agent.audit.AuditRecord;
import dev.airlock.agent.cache.AnswerRecorder;
import dev.airlock.agent.cache.CacheKey;
import dev.airlock.agent.cache.CachedAnswer;
import dev.airlock.agent.cache.ExactCache;
import dev.airlock.agent.cache.semantic.SemanticCache;
import dev.airlock.agent.codec.LlmRequest;
import dev.airlock.agent.codec.LlmResponse;
import dev.airlock.agent.codec.ResponseCodec;
import dev.airlock.agent.codec.SseParser;
import dev.airlock.agent.codec.StreamAccumulator;
import dev.airlock.agent.codec.Usage;
import dev.airlock.agent.identity.Identity;
import dev.airlock.agent.redact.BlockedAnswer;
import dev.airlock.agent.redact.GuardedRequest;
import dev.airlock.agent.redact.Placeholders;
import dev.airlock.agent.redact.StreamPseudonymRestorer;
import dev.airlock.agent.route.AppRequest;
import dev.airlock.agent.route.RoutePlan;
import dev.airlock.agent.route.RoutedExchange;
import dev.airlock.agent.route.ShadowRun;
import dev.airlock.agent.route.ShadowTraffic;
import dev.airlock.agent.translate.AnswerText;
import dev.airlock.agent.route.Upstream;
import dev.airlock.agent.spend.Admission;
import dev.airlock.agent.spend.BudgetConfig;
import dev.airlock.agent.spend.Permit;
import dev.airlock.agent.telemetry.LlmInstruments;
import dev.airlock.agent.telemetry.content.AnswerCapture;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One LLM call in flight, from the request the door handed over to the end of its response.
 *
 * <p>The door feeds it the response as it passes to the application: {@link #onResponse} once,
 * then the body bytes ({@link #observe}, or {@link #rewrite} when {@link #rewritesResponse()}),
 * then exactly one of {@link #complete}, {@link #fail} or {@link #cancel}. A transport delivers a
 * body's pieces one at a time, so the response side is not synchronized; ending is idempotent.
 * Streams are parsed as they pass, never buffered whole; a non-streamed body is kept up to
 * {@link #MAX_BODY_BYTES} for its usage and then no more.
 */
public final class LlmCall {

  /** Beyond this a non-streamed answer is passed on but no longer kept for parsing. */
  static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
  /** One SSE event larger than this is skipped by the parser (and, when rewriting, passed on as is). */
  static final int MAX_EVENT_BYTES = 1024 * 1024;

  // The kinds of metric attribute sets a call records with (see AttributeSets): keys in value order.
  private static final List<AttributeKey<String>> CALL_KEYS = List.of(
      OPERATION_NAME, PROVIDER_NAME, REQUEST_MODEL, SERVER_ADDRESS, AIRLOCK_PROVIDER, RESPONSE_MODEL, ERROR_TYPE);
  private static final List<AttributeKey<String>> TOKEN_KEYS = List.of(
      OPERATION_NAME, PROVIDER_NAME, REQUEST_MODEL, SERVER_ADDRESS, AIRLOCK_PROVIDER, RESPONSE_MODEL, ERROR_TYPE,
      TOKEN_TYPE);
  private static final List<AttributeKey<String>> COST_KEYS = List.of(
      PROVIDER_NAME, AIRLOCK_PROVIDER, REQUEST_MODEL, AIRLOCK_TENANT, AIRLOCK_FEATURE);
  private static final List<AttributeKey<String>> SAVED_KEYS = List.of(REQUEST_MODEL, AIRLOCK_TENANT);
  private static final List<AttributeKey<String>> PII_KEYS = List.of(AIRLOCK_PII_TYPE, AIRLOCK_PII_ACTION);
  private static final List<AttributeKey<String>> BLOCKED_KEYS = List.of(AIRLOCK_BLOCKED_RULE);

  private final PipelineState state;
  private final LlmInstruments instruments;
  private final Span span;
  private final ProviderMatch match;
  private final LlmRequest request;
  private final String requestModel;
  /** Where the call went: what the application addressed, or the target that answered a routed call. */
  private CallDestination destination;
  private final String host;
  private final byte[] outgoingBody;
  private final boolean usageRequested;
  private final GuardedRequest guarded;
  private final Identity identity;
  private RoutePlan plan;
  private BlockedAnswer denied;
  /** The budgets' hold on this call, settled with the real usage at its end; null without budgets. */
  private Admission admission;
  /** The rate limits' hold on this call's tokens; null without rate limits. */
  private Permit permit;
  /** The exact cache's answer to this call, or null (no cache, not cacheable, or a miss). */
  private CachedAnswer cachedAnswer;
  /** Records the answer for the cache on a miss; null otherwise. */
  private AnswerRecorder recorder;
  private CacheKey cacheKey;
  private ExactCache cache;
  /** Where the answer goes in the semantic cache on a miss: its scope and its question's vector; null otherwise. */
  private SemanticCache semanticCache;
  private CacheKey semanticScope;
  private float[] semanticVector;
  /** Set while {@link #finishWholeAnswer} feeds itself the raw answer, which is not what the app gets. */
  private boolean recordingPaused;
  /** What the application got, kept for comparing with a shadow target's answer; null when not shadowed. */
  private ByteArrayOutputStream shadowCapture;
  private AppRequest app;
  /** What the routed exchange reports, for the audit line; -1 until it ran. */
  private int attempts = -1;
  /** The routed exchange once it has run (or failed): where the request was sent. */
  private RoutedExchange routedExchange;
  private int fallbacks;
  /** {@code hit}, {@code miss} or {@code semantic_hit} once a cache was asked; for the audit line. */
  private String cacheOutcome;
  private final long startNanos = System.nanoTime();
  private final AtomicBoolean ended = new AtomicBoolean();

  private int status = -1;
  private boolean streaming;
  private SseParser sse;
  private StreamAccumulator accumulator;
  /** A non-streamed answer as it arrives; created by its first bytes. */
  private ByteArrayOutputStream body;
  /** The non-streamed answer when it was handed over whole ({@link #finishWholeAnswer}). */
  private byte[] wholeAnswer;
  private boolean bodyTruncated;
  private ByteArrayOutputStream rewritten;
  private StreamPseudonymRestorer restorer;
  private long firstChunkNanos = -1;
  /**
   * A non-streamed answer's reading once made at the call's end (the span and the cache recorder
   * both need it), and the bytes it was read from; both null until then, or when none was kept.
   */
  private LlmResponse wholeResponse;
  private byte[] wholeResponseBytes;
  /** Records the answer on the span ({@code telemetry.capture_content: true}); null otherwise. */
  private AnswerCapture answerCapture;

  LlmCall(PipelineState state, LlmInstruments instruments, Span span, ProviderMatch match, LlmRequest request,
      String requestModel, String host, byte[] outgoingBody, boolean usageRequested, GuardedRequest guarded,
      Identity identity, RoutePlan plan, BlockedAnswer denied) {
    this.state = state;
    this.instruments = instruments;
    this.span = span;
    this.match = match;
    this.request = request;
    this.requestModel = requestModel;
    this.destination = CallDestination.asAddressed(match, requestModel, host);
    this.host = host;
    this.outgoingBody = outgoingBody;
    this.usageRequested = usageRequested;
    this.guarded = guarded;
    this.identity = identity;
    this.plan = plan;
    this.denied = denied;
    if (plan != null && plan.shadow() != null && ShadowRun.supports(match.endpoint())) {
      this.shadowCapture = new ByteArrayOutputStream(4096);
    }
  }

  /** The body to send: the application's own array unless the agent changed the request. */
  public byte[] outgoingBody() {
    return outgoingBody;
  }

  /** Whether the agent changed the request body (redaction, or asking for stream usage). */
  public boolean requestChanged() {
    return usageRequested || guarded.changed();
  }

  /**
   * The answer to give the application instead of sending the request, or null. The door hands it
   * over as the provider's response and then reports it like any other ({@link #onResponse} ...).
   */
  public BlockedAnswer blockedAnswer() {
    return denied != null ? denied : guarded.blocked();
  }

  /**
   * Whether the door must hand the call to {@link #exchange} rather than send it itself: the
   * policy routes it elsewhere, or retries, falls back or times it out.
   */
  public boolean routed() {
    return plan != null && blockedAnswer() == null && cachedAnswer == null;
  }

  /**
   * Runs the routed call through the door's {@code upstream} (see {@link RoutedExchange}) and
   * returns what the application gets, in its own format; the door then reports it like any
   * response ({@link #onResponse}, the body, {@link #complete}).
   *
   * @throws IOException when no target answered and the policy has no degraded answer
   */
  public RoutedExchange.Result exchange(Upstream upstream, AppRequest app) throws IOException {
    RoutedExchange exchange = new RoutedExchange(upstream, plan, state.resilience(), state.breakers(), instruments,
        Context.root().with(span), match.provider().providerName(), match.endpoint(), request.model(),
        request.stream(), usageRequested || request.streamIncludeUsage(), app, outgoingBody);
    this.app = app;
    RoutedExchange.Result result;
    try {
      result = exchange.run();
    } finally {
      // Whatever the outcome, the audit line names where the request went, if anywhere.
      routedExchange = exchange;
    }
    this.attempts = result.attempts();
    this.fallbacks = result.fallbacks();
    span.setAttribute(AIRLOCK_FALLBACKS, (long) result.fallbacks());
    span.setAttribute(AIRLOCK_ATTEMPTS, (long) result.attempts());
    if (result.degraded()) {
      span.setAttribute(AIRLOCK_DEGRADED, true);
    }
    if (result.answeredBy() != null) {
      destination = CallDestination.answeredBy(result.answeredBy(), destination, state.registry());
      span.setAttribute(AIRLOCK_TARGET, result.answeredBy().label());
      span.setAttribute(AIRLOCK_REGION, result.answeredBy().region() == null ? "unknown" : result.answeredBy().region());
      if (plan.canary() != null && plan.canary().equals(result.answeredBy())) {
        span.setAttribute(AIRLOCK_CANARY, true);
      }
    }
    return result;
  }

  /** Attaches the exact cache: {@code hit} is served as is; on a miss the answer is recorded under {@code key}. */
  void useCache(ExactCache cache, CacheKey key, CachedAnswer hit) {
    this.cache = cache;
    this.cacheKey = key;
    this.cachedAnswer = hit;
    if (hit == null) {
      this.recorder = new AnswerRecorder(match.endpoint(), cache.config().maxEntryBytes());
    }
    this.cacheOutcome = hit == null ? "miss" : "hit";
    span.setAttribute(AIRLOCK_CACHE, cacheOutcome);
  }

  /**
   * Attaches the semantic cache, after the exact cache missed (or is not configured): a {@code hit}
   * is served as is and nothing is recorded; on a miss the answer is recorded for both caches.
   *
   * @param scope the request's scope (see {@code SemanticRequest})
   * @param vector the question's normalized vector
   */
  void useSemanticCache(SemanticCache semantic, CacheKey scope, float[] vector, SemanticCache.Match hit) {
    if (hit != null) {
      this.cachedAnswer = hit.answer();
      // The answer is another question's: it must not become this request's exact-cache entry.
      this.recorder = null;
      this.cacheOutcome = "semantic_hit";
      span.setAttribute(AIRLOCK_CACHE, "semantic_hit");
      span.setAttribute(AIRLOCK_CACHE_SEMANTIC, "hit");
      return;
    }
    this.semanticCache = semantic;
    this.semanticScope = scope;
    this.semanticVector = vector;
    long cap = semantic.config().maxEntryBytes();
    if (cache != null) {
      cap = Math.max(cap, cache.config().maxEntryBytes());
    }
    // Nothing has been recorded yet: each cache still checks its own entry cap when storing.
    this.recorder = new AnswerRecorder(match.endpoint(), cap);
    this.cacheOutcome = "miss";
    span.setAttribute(AIRLOCK_CACHE, "miss");
    span.setAttribute(AIRLOCK_CACHE_SEMANTIC, "miss");
  }

  /**
   * The cached answer to give the application instead of sending the request, or null. The door
   * hands it over as the provider's response ({@link CachedAnswer#contentType()}, the replayed
   * bytes) and reports it like any other; it is already in its final form and is not rewritten.
   */
  public CachedAnswer cachedAnswer() {
    return cachedAnswer;
  }

  /** Content capture for this call's answer, or null. */
  void captureAnswer(AnswerCapture capture) {
    this.answerCapture = capture;
  }

  /** A budget or rate limit refuses the call. */
  void refuse(BlockedAnswer refusal) {
    this.denied = refusal;
  }

  /** A budget sends the call elsewhere (its {@code downgrade:} target). */
  void downgrade(RoutePlan downgraded) {
    this.plan = downgraded;
  }

  /** The holds to settle with the call's real usage when it ends. */
  void useSpend(Admission admission, Permit permit) {
    this.admission = admission;
    this.permit = permit;
  }

  /** What the routes decided, or null when the call goes where the application sent it. */
  public RoutePlan plan() {
    return plan;
  }

  /**
   * Whether response bytes must go through {@link #rewrite} rather than {@link #observe}: when the
   * agent asked for stream usage the application did not (that chunk is removed), or when
   * pseudonyms must be turned back into the values the application sent.
   */
  public boolean rewritesResponse() {
    if (cachedAnswer != null) {
      return false;
    }
    return usageRequested || guarded.restores() || (guarded.answerCheck() != null && request.stream());
  }

  /**
   * Whether the door must read the whole answer first and give the application what
   * {@link #finishWholeAnswer} returns: a non-streamed call under output rules, whose verdict may
   * turn the answer into the provider's error.
   */
  public boolean holdsWholeAnswer() {
    return guarded.answerCheck() != null && !request.stream() && blockedAnswer() == null && cachedAnswer == null;
  }

  /** What the application gets instead of a whole answer the door read. */
  public static final class WholeAnswer {
    private final int status;
    private final byte[] body;
    private final String blockedRule;

    WholeAnswer(int status, byte[] body, String blockedRule) {
      this.status = status;
      this.body = body;
      this.blockedRule = blockedRule;
    }

    public int status() {
      return status;
    }

    public byte[] body() {
      return body;
    }

    /** The output rule that replaced the answer with an error, or null. */
    public String blockedRule() {
      return blockedRule;
    }
  }

  /**
   * Takes a whole answer (see {@link #holdsWholeAnswer}), records it, and returns what the app gets:
   * the answer restored and checked, or the provider-format error of the output rule that blocks it.
   */
  public WholeAnswer finishWholeAnswer(int statusCode, String contentType, byte[] answer) {
    recordingPaused = true;
    onResponse(statusCode, contentType);
    if (streaming || answer.length > MAX_BODY_BYTES) {
      observe(answer, 0, answer.length);
    } else if (answer.length > 0) {
      // The whole answer is in hand: parsed from this array at the end, not copied into a buffer.
      markFirstChunk();
      wholeAnswer = answer;
    }
    recordingPaused = false;
    WholeAnswer result = new WholeAnswer(statusCode, answer, null);
    if (!streaming && statusCode < 300) {
      byte[] restored = guarded.restores()
          ? Placeholders.restoreJson(answer, guarded.restorations())
          : answer;
      byte[] checked = guarded.answerCheck().checkWhole(restored);
      if (checked == null) {
        BlockedAnswer error = BlockedAnswer.of(match.endpoint().format(), guarded.answerCheck().blockedRule(),
            "the answer broke an output rule of the policy");
        result = new WholeAnswer(error.status(), error.body(), error.rule());
      } else {
        result = new WholeAnswer(statusCode, checked, null);
      }
    }
    if (recorder != null) {
      recorder.onResponse(result.status(), contentType);
      recorder.onBytes(result.body(), 0, result.body().length);
    }
    complete();
    return result;
  }

  public LlmRequest request() {
    return request;
  }

  /** The status line and content type have arrived. */
  public void onResponse(int statusCode, String contentType) {
    if (recorder != null && !recordingPaused) {
      recorder.onResponse(statusCode, contentType);
    }
    this.status = statusCode;
    this.streaming = contentType != null && contentType.regionMatches(true, 0, "text/event-stream", 0, 17);
    if (streaming) {
      accumulator = new StreamAccumulator(match.endpoint());
      sse = new SseParser(this::onEvent, MAX_EVENT_BYTES);
      if (guarded.restores() || guarded.answerCheck() != null) {
        restorer = new StreamPseudonymRestorer(match.endpoint(), guarded.restorations(), guarded.answerCheck());
      }
    }
  }

  /** Response bytes on their way to the application, unchanged. */
  public void observe(byte[] bytes, int offset, int length) {
    if (length <= 0) {
      return;
    }
    if (recorder != null && !recordingPaused) {
      recorder.onBytes(bytes, offset, length);
    }
    if (!recordingPaused) {
      keepForShadow(bytes, offset, length);
    }
    markFirstChunk();
    if (streaming) {
      sse.feed(bytes, offset, length);
    } else {
      keep(bytes, offset, length);
    }
  }

  /** As {@link #observe(byte[], int, int)}, without moving the buffer's position. */
  public void observe(ByteBuffer buffer) {
    if (!buffer.hasRemaining()) {
      return;
    }
    if (recorder != null) {
      recorder.onBytes(buffer.duplicate());
    }
    if (shadowCapture != null) {
      ByteBuffer view = buffer.duplicate();
      byte[] copy = new byte[view.remaining()];
      view.get(copy);
      keepForShadow(copy, 0, copy.length);
    }
    markFirstChunk();
    if (streaming) {
      sse.feed(buffer);
    } else if (!bodyTruncated) {
      ByteBuffer view = buffer.duplicate();
      byte[] copy = new byte[view.remaining()];
      view.get(copy);
      keep(copy, 0, copy.length);
    }
  }

  /**
   * Response bytes that the agent may change: returns what to pass on now (possibly nothing, while
   * an event is incomplete). Only whole SSE events are ever held back.
   */
  public byte[] rewrite(byte[] bytes, int offset, int length) {
    if (!streaming) {
      return rewriteWhole(bytes, offset, length);
    }
    markFirstChunk();
    if (rewritten == null) {
      rewritten = new ByteArrayOutputStream(length + 64);
    }
    sse.feed(bytes, offset, length);
    byte[] out = rewritten.toByteArray();
    rewritten.reset();
    recordRewritten(out);
    return out;
  }

  /** At the end of a rewritten stream: whatever was held back (an unterminated last event). */
  public byte[] finishRewrite() {
    if (!streaming) {
      return finishWhole();
    }
    if (rewritten == null) {
      rewritten = new ByteArrayOutputStream();
    }
    sse.finish();
    if (restorer != null) {
      restorer.finish(rewritten);
    }
    byte[] tail = rewritten.toByteArray();
    rewritten.reset();
    recordRewritten(tail);
    return tail;
  }

  /**
   * A non-streamed answer that must be restored is held until its end (it is one JSON document),
   * up to {@link #MAX_BODY_BYTES}; a larger one is passed on as it is.
   */
  private byte[] rewriteWhole(byte[] bytes, int offset, int length) {
    markFirstChunk();
    if (!guarded.restores() || bodyTruncated) {
      keep(bytes, offset, length);
      byte[] same = new byte[length];
      System.arraycopy(bytes, offset, same, 0, length);
      recordRewritten(same);
      return same;
    }
    if (body == null) {
      body = new ByteArrayOutputStream(Math.max(4096, length));
    }
    if (body.size() + length > MAX_BODY_BYTES) {
      byte[] held = body.toByteArray();
      bodyTruncated = true;
      body = null;
      byte[] all = new byte[held.length + length];
      System.arraycopy(held, 0, all, 0, held.length);
      System.arraycopy(bytes, offset, all, held.length, length);
      recordRewritten(all);
      return all;
    }
    body.write(bytes, offset, length);
    return new byte[0];
  }

  private byte[] finishWhole() {
    if (!guarded.restores() || bodyTruncated || body == null) {
      return new byte[0];
    }
    byte[] out = Placeholders.restoreJson(body.toByteArray(), guarded.restorations());
    recordRewritten(out);
    return out;
  }

  /** Bytes the application gets from the rewriting path, for the cache. */
  private void recordRewritten(byte[] out) {
    if (recorder != null && out.length > 0) {
      recorder.onBytes(out, 0, out.length);
    }
    keepForShadow(out, 0, out.length);
  }

  /** Keeps what the application got, up to 1 MB, for the shadow comparison. */
  private void keepForShadow(byte[] bytes, int offset, int length) {
    if (shadowCapture == null) {
      return;
    }
    if (shadowCapture.size() + length > 1024 * 1024) {
      shadowCapture = null;
      return;
    }
    shadowCapture.write(bytes, offset, length);
  }

  /** After a good answer, sends its copy to the route's shadow target (see {@link ShadowRun}). */
  private void startShadow(Throwable error) {
    if (shadowCapture == null || error != null || status < 200 || status >= 300 || app == null
        || ShadowTraffic.upstream() == null) {
      return;
    }
    try {
      String answer = AnswerText.of(match.endpoint(), shadowCapture.toByteArray(), streaming);
      ShadowTraffic.submit(new ShadowRun(ShadowTraffic.upstream(), plan.shadow(), instruments,
          Context.root().with(span), match.provider().providerName(), match.endpoint(), request.model(), app,
          outgoingBody, answer, state.prices()::costUsd));
    } catch (RuntimeException shadowFailure) {
      dev.airlock.agent.AgentLog.debug("starting a shadow copy failed", shadowFailure);
    }
  }

  private void onEvent(String eventName, String data, byte[] raw) {
    accumulator.onEvent(eventName, data);
    if (answerCapture != null) {
      answerCapture.onEvent(data);
    }
    if (rewritten == null) {
      return;
    }
    if (usageRequested && data != null && StreamAccumulator.isUsageOnlyChunk(data)) {
      return;
    }
    if (restorer != null) {
      restorer.onEvent(eventName, data, raw, rewritten);
    } else {
      rewritten.write(raw, 0, raw.length);
    }
  }

  private void markFirstChunk() {
    if (firstChunkNanos < 0) {
      firstChunkNanos = System.nanoTime();
    }
  }

  private void keep(byte[] bytes, int offset, int length) {
    if (bodyTruncated) {
      return;
    }
    if (body == null) {
      body = new ByteArrayOutputStream(Math.max(4096, length));
    }
    if (body.size() + length > MAX_BODY_BYTES) {
      bodyTruncated = true;
      body = null;
      return;
    }
    body.write(bytes, offset, length);
  }

  /** The response ended normally. */
  public void complete() {
    end(null, false);
  }

  /** The call failed: no response, or the body broke off. */
  public void fail(Throwable error) {
    end(error, false);
  }

  /**
   * The application closed the body before the transport saw its end. SDKs do that once they have
   * what they need (a whole JSON answer, a stream's last event), so the call counts as cancelled
   * only when the answer was in fact incomplete.
   */
  public void cancel() {
    end(null, true);
  }

  private void end(Throwable error, boolean closedEarly) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    finishRecording(error);
    startShadow(error);
    try {
      record(error, closedEarly);
    } finally {
      span.end();
    }
  }

  /** Stores a complete answer in the cache; a failed or partial one never is (the recorder checks). */
  private void finishRecording(Throwable error) {
    if (recorder == null) {
      return;
    }
    try {
      if (error != null) {
        recorder.abandon();
        return;
      }
      // A whole answer the app got unchanged is read once, for the span and the recorder alike.
      CachedAnswer answer = streaming ? recorder.complete() : recorder.complete(response(), wholeResponseBytes);
      if (answer != null) {
        CachedAnswer stored = withProviderUsage(answer);
        if (cache != null && cacheKey != null) {
          cache.store(cacheKey, stored);
        }
        if (semanticScope != null) {
          semanticCache.store(semanticScope, semanticVector, stored);
        }
      }
    } catch (RuntimeException cacheFailure) {
      dev.airlock.agent.AgentLog.debug("storing an answer in the cache failed", cacheFailure);
    }
  }

  /**
   * The answer with the usage the provider reported: a stream whose usage chunk the agent asked
   * for and took out before the app saw it has none of its own, yet a hit must know what it saved.
   */
  private CachedAnswer withProviderUsage(CachedAnswer answer) {
    if (answer.usage() != null || !answer.streamed()) {
      return answer;
    }
    // A stream's response is the accumulator's result: nothing is parsed again here.
    LlmResponse response = response();
    if (response == null || response.usage() == null) {
      return answer;
    }
    java.util.List<byte[]> chunks = new java.util.ArrayList<>(answer.chunkCount());
    for (int i = 0; i < answer.chunkCount(); i++) {
      chunks.add(answer.chunk(i));
    }
    return CachedAnswer.streamed(answer.status(), answer.contentType(), answer.model(), response.usage(), chunks);
  }

  private void recordGuard() {
    if (!guarded.piiCounts().isEmpty()) {
      span.setAttribute(AIRLOCK_PII_TYPES, new java.util.ArrayList<>(guarded.piiCounts().keySet()));
      span.setAttribute(AIRLOCK_PII_COUNT, (long) guarded.piiCounts().values().stream().mapToInt(Integer::intValue).sum());
      guarded.piiCounts().forEach((type, count) -> instruments.piiDetections().add(count,
          instruments.attributeSets().of(PII_KEYS, type, guarded.piiActions().get(type))));
    }
    if (guarded.injectionScore() >= 0) {
      span.setAttribute(AIRLOCK_INJECTION_SCORE, guarded.injectionScore());
      if (guarded.injectionRule() != null) {
        span.setAttribute(AIRLOCK_INJECTION_SIGNAL, guarded.injectionRule());
      }
    }
    if (guarded.injectionFlagged()) {
      span.setAttribute(AIRLOCK_INJECTION_FLAGGED, true);
    }
    String blockedRule = blockedRule();
    if (blockedRule != null) {
      span.setAttribute(AIRLOCK_BLOCKED_RULE, blockedRule);
      instruments.blocked().add(1, instruments.attributeSets().of(BLOCKED_KEYS, blockedRule));
    }
    if (guarded.answerCheck() != null) {
      if (!guarded.answerCheck().foundTypes().isEmpty()) {
        span.setAttribute(AIRLOCK_OUTPUT_TYPES, new java.util.ArrayList<>(guarded.answerCheck().foundTypes()));
      }
      if (guarded.answerCheck().jsonFlagged()) {
        span.setAttribute(AIRLOCK_OUTPUT_JSON_INVALID, true);
      }
      if (guarded.answerCheck().jsonProblem() != null) {
        span.setAttribute(AIRLOCK_OUTPUT_JSON_PROBLEM, guarded.answerCheck().jsonProblem());
      }
    }
  }

  private void record(Throwable error, boolean closedEarly) {
    long endNanos = System.nanoTime();
    recordGuard();
    LlmResponse response = response();
    if (answerCapture != null && blockedRule() == null) {
      answerCapture.finish(span, streaming ? null : keptAnswer());
    }
    boolean cancelled = closedEarly && (streaming ? !accumulator.sawTerminalEvent() : response == null);
    String responseModel = response != null && response.model() != null ? response.model() : null;
    if (responseModel != null) {
      span.setAttribute(RESPONSE_MODEL, responseModel);
    }
    if (response != null && response.id() != null) {
      span.setAttribute(RESPONSE_ID, response.id());
    }
    if (response != null && response.finishReasons() != null && !response.finishReasons().isEmpty()) {
      span.setAttribute(RESPONSE_FINISH_REASONS, response.finishReasons());
    }
    if (status > 0) {
      span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) status);
    }
    String errorType = errorType(error, cancelled);
    if (destination.movedByRoute) {
      nameByDestination();
    }
    if (errorType != null) {
      span.setAttribute(ERROR_TYPE, errorType);
      span.setStatus(StatusCode.ERROR, error == null ? errorType : error.getClass().getSimpleName());
    }
    String operation = match.endpoint().operation().semconvName();
    Attributes common = instruments.attributeSets().of(CALL_KEYS, operation, destination.semconvProviderName,
        destination.model, destination.host, destination.providerName, responseModel, errorType);
    instruments.operationDuration().record((endNanos - startNanos) / 1e9, common);
    if (streaming && firstChunkNanos > 0) {
      double seconds = (firstChunkNanos - startNanos) / 1e9;
      span.setAttribute(RESPONSE_TIME_TO_FIRST_CHUNK, seconds);
      instruments.timeToFirstChunk().record(seconds, common);
    }
    Usage usage = response == null ? null : response.usage();
    double cost = Double.NaN;
    if (cachedAnswer != null) {
      recordCacheSaving(cachedAnswer.usage() != null ? cachedAnswer.usage() : usage,
          responseModel != null ? responseModel : destination.model);
    } else if (usage != null) {
      cost = recordUsage(usage, responseModel != null ? responseModel : destination.model, operation, responseModel,
          errorType);
    }
    settleSpend(usage, cost);
    AuditLog audit = state.audit();
    if (audit != null) {
      try {
        audit.submit(auditRecord(errorType, usage, cachedAnswer != null ? 0.0 : cost, endNanos));
      } catch (RuntimeException auditFailure) {
        dev.airlock.agent.AgentLog.debug("building the call's audit line failed", auditFailure);
      }
    }
  }

  /**
   * The call's audit line: identifiers, names, counts and numbers, never content. {@code sent_to}
   * only when the request left the JVM (not blocked, not served from the cache, not a routed call
   * that found every target's breaker open).
   */
  private AuditRecord auditRecord(String errorType, Usage usage, double cost, long endNanos) {
    io.opentelemetry.api.trace.SpanContext ids = span.getSpanContext();
    String callId = ids.isValid() ? ids.getSpanId()
        : Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    boolean sent = blockedAnswer() == null && cachedAnswer == null
        && (routedExchange == null || routedExchange.lastSentTo() != null);
    AuditRecord.Builder record = AuditRecord.builder()
        .timestamp(java.time.Instant.now())
        .ids(callId, ids.isValid() ? ids.getTraceId() : null, ids.isValid() ? ids.getSpanId() : null)
        .policy(state.policy().name(), state.policy().version(), state.policy().sha256())
        .identity(identity.tenant(), identity.feature(), identity.user())
        .app(match.provider().providerName(), requestModel,
            match.endpoint().name().toLowerCase(java.util.Locale.ROOT))
        .route(plan == null ? null : plan.routeName(), attempts >= 0 ? attempts : sent ? 1 : 0, fallbacks)
        .pii(guarded.piiCounts(), guarded.piiActions())
        .injection(guarded.injectionScore(), guarded.injectionFlagged(),
            guarded.blocked() != null && "guardrails.prompt_injection".equals(guarded.blocked().rule()))
        .blockedRule(blockedRule())
        .cache(cacheOutcome)
        .outcome(status, errorType)
        .costUsd(cost)
        .durationMs((endNanos - startNanos) / 1_000_000);
    if (sent) {
      // A routed call that no target answered (all failed, or the degraded answer) went to the
      // last target it was sent to, not to where the application addressed it.
      CallDestination where = routedExchange == null ? destination
          : CallDestination.answeredBy(routedExchange.lastSentTo(), destination, state.registry());
      record.sentTo(where.providerName, where.model, where.host, where.region);
    }
    if (guarded.answerCheck() != null) {
      record.output(guarded.answerCheck().foundTypes(), guarded.answerCheck().jsonProblem());
    }
    if (usage != null) {
      record.tokens(usage.inputTokens(), usage.outputTokens());
    }
    return record.build();
  }

  /** The rule that refused the call or its answer, or null. */
  private String blockedRule() {
    return blockedAnswer() != null ? blockedAnswer().rule()
        : guarded.answerCheck() != null ? guarded.answerCheck().blockedRule() : null;
  }

  /**
   * A routed call is named by where it went (so dashboards count cost and latency against the
   * provider and model that served it); what the application addressed is kept beside it.
   */
  private void nameByDestination() {
    span.setAttribute(AIRLOCK_APP_PROVIDER, match.provider().providerName());
    if (requestModel != null) {
      span.setAttribute(AIRLOCK_APP_MODEL, requestModel);
    }
    span.setAttribute(PROVIDER_NAME, destination.semconvProviderName);
    span.setAttribute(AIRLOCK_PROVIDER, destination.providerName);
    span.setAttribute(SERVER_ADDRESS, destination.host);
    if (destination.port > 0) {
      span.setAttribute(SERVER_PORT, (long) destination.port);
    }
    if (destination.model != null) {
      span.setAttribute(REQUEST_MODEL, destination.model);
      span.updateName(match.endpoint().operation().semconvName() + " " + destination.model);
    }
  }

  /** A cache hit used no tokens and cost nothing; what the provider would have charged was saved. */
  private void recordCacheSaving(Usage usage, String pricedModel) {
    span.setAttribute(AIRLOCK_COST_USD, 0.0);
    if (usage == null) {
      return;
    }
    double saved = state.prices().costUsd(pricedModel, usage);
    if (!Double.isNaN(saved)) {
      span.setAttribute(AIRLOCK_CACHE_SAVED_USD, saved);
      instruments.cacheSaved().add(saved,
          instruments.attributeSets().of(SAVED_KEYS, destination.model, identity.tenant()));
    }
  }

  /**
   * Replaces the budgets' and rate limits' estimate with what the call really used; a call that
   * ended without usage (failed, blocked) gives its reservation back.
   */
  private void settleSpend(Usage usage, double cost) {
    try {
      long tokens = usage == null ? 0 : usage.inputTokens() + usage.outputTokens();
      if (admission != null) {
        if (usage == null) {
          admission.release();
        } else {
          admission.settle(Double.isNaN(cost) ? 0 : BudgetConfig.microUsd(cost), tokens);
        }
      }
      if (permit != null) {
        permit.settle(tokens);
      }
    } catch (RuntimeException spendFailure) {
      dev.airlock.agent.AgentLog.debug("settling a call's spend failed", spendFailure);
    }
  }

  /** Records tokens and cost; returns the cost in USD, or NaN when the model has no price. */
  private double recordUsage(Usage usage, String pricedModel, String operation, String responseModel,
      String errorType) {
    span.setAttribute(USAGE_INPUT_TOKENS, usage.inputTokens());
    span.setAttribute(USAGE_OUTPUT_TOKENS, usage.outputTokens());
    if (usage.cacheReadInputTokens() > 0) {
      span.setAttribute(USAGE_CACHE_READ_INPUT_TOKENS, usage.cacheReadInputTokens());
    }
    if (usage.cacheCreationInputTokens() > 0) {
      span.setAttribute(USAGE_CACHE_CREATION_INPUT_TOKENS, usage.cacheCreationInputTokens());
    }
    if (usage.reasoningOutputTokens() > 0) {
      span.setAttribute(USAGE_REASONING_OUTPUT_TOKENS, usage.reasoningOutputTokens());
    }
    instruments.tokenUsage().record(usage.inputTokens(), instruments.attributeSets().of(TOKEN_KEYS, operation,
        destination.semconvProviderName, destination.model, destination.host, destination.providerName,
        responseModel, errorType, "input"));
    instruments.tokenUsage().record(usage.outputTokens(), instruments.attributeSets().of(TOKEN_KEYS, operation,
        destination.semconvProviderName, destination.model, destination.host, destination.providerName,
        responseModel, errorType, "output"));
    double cost = state.prices().costUsd(pricedModel, usage);
    if (Double.isNaN(cost) && destination.model != null && !pricedModel.equals(destination.model)) {
      cost = state.prices().costUsd(destination.model, usage);
    }
    if (!Double.isNaN(cost)) {
      span.setAttribute(AIRLOCK_COST_USD, cost);
      instruments.cost().add(cost, instruments.attributeSets().of(COST_KEYS, destination.semconvProviderName,
          destination.providerName, destination.model, identity.tenant(), identity.feature()));
    }
    return cost;
  }

  /** The non-streamed answer as it came, when it was kept whole; null otherwise. */
  private byte[] keptAnswer() {
    return wholeAnswer != null ? wholeAnswer : bodyTruncated || body == null ? null : body.toByteArray();
  }

  private LlmResponse response() {
    if (streaming) {
      return accumulator == null ? null : accumulator.result();
    }
    if (wholeResponseBytes == null) {
      byte[] answer = keptAnswer();
      wholeResponse = answer == null ? null : readWhole(answer);
      wholeResponseBytes = answer;
    }
    return wholeResponse;
  }

  /** The non-streamed answer's reading (see {@link #response()}). */
  private LlmResponse readWhole(byte[] answer) {
    if (answer.length == 0) {
      return null;
    }
    if (cachedAnswer != null) {
      // A replayed answer was read when it was stored; the bytes are compared, not trusted.
      LlmResponse stored = cachedAnswer.parsedResponse(match.endpoint());
      if (stored != null && cachedAnswer.isBody(answer)) {
        return stored;
      }
    }
    return ResponseCodec.parse(match.endpoint(), answer);
  }

  private String errorType(Throwable error, boolean cancelled) {
    if (error != null) {
      return error.getClass().getName();
    }
    if (blockedAnswer() != null
        || (guarded.answerCheck() != null && guarded.answerCheck().blockedRule() != null)) {
      return "airlock_blocked";
    }
    if (status >= 400) {
      return Integer.toString(status);
    }
    if (cancelled) {
      return "cancelled";
    }
    if (streaming && accumulator != null && !accumulator.sawTerminalEvent()) {
      return "incomplete_stream";
    }
    return null;
  }
}
