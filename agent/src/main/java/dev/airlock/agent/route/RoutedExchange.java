package dev.airlock.agent.route;

import static dev.airlock.agent.telemetry.GenAiAttributes.*;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.WireFormat;
import dev.airlock.agent.telemetry.LlmInstruments;
import dev.airlock.agent.translate.StreamContentProbe;
import dev.airlock.agent.translate.StreamTranslator;
import dev.airlock.agent.translate.SyntheticAnswers;
import dev.airlock.agent.translate.Translation;
import dev.airlock.agent.translate.TranslationException;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one routed call: tries the plan's targets in order, each with retries on transient failures
 * (exponential backoff with jitter, {@code Retry-After} honoured) behind its circuit breaker, and
 * gives back the first answer, translated into the application's format. When every target
 * failed it gives the policy's degraded answer, or else the last target's error (or exception).
 *
 * <p>Every attempt is a child span of the call's span. Streams commit at their first event: one
 * that fails before it fails over; one that fails after it ends with an error event (see
 * {@link AppEventStream}).
 */
public final class RoutedExchange {

  /** A {@code Retry-After} longer than this is not waited for: the call moves to the next target. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
  /** Error bodies are read up to this size (they are only translated or passed on). */
  private static final int MAX_ERROR_BYTES = 64 * 1024;
  /** Whole answers are read up to this size; a larger one is passed on as it streams. */
  private static final int MAX_WHOLE_BYTES = 8 * 1024 * 1024;

  /** What the application gets. */
  public static final class Result {
    private final int status;
    private final Map<String, List<String>> headers;
    private final InputStream body;
    private final RouteTarget answeredBy;
    private final int fallbacks;
    private final int attempts;
    private final boolean degraded;

    Result(int status, Map<String, List<String>> headers, InputStream body, RouteTarget answeredBy, int fallbacks,
        int attempts, boolean degraded) {
      this.status = status;
      this.headers = headers;
      this.body = body;
      this.answeredBy = answeredBy;
      this.fallbacks = fallbacks;
      this.attempts = attempts;
      this.degraded = degraded;
    }

    public int status() {
      return status;
    }

    /** Lower-case names; never {@code content-length}, {@code content-encoding} or {@code transfer-encoding}. */
    public Map<String, List<String>> headers() {
      return headers;
    }

    public String contentType() {
      List<String> values = headers.get("content-type");
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body in the application's format; close it when done. */
    public InputStream body() {
      return body;
    }

    /** The target that answered, or null when the answer is degraded. */
    public RouteTarget answeredBy() {
      return answeredBy;
    }

    /** How many targets were given up on before the one that answered. */
    public int fallbacks() {
      return fallbacks;
    }

    public int attempts() {
      return attempts;
    }

    public boolean degraded() {
      return degraded;
    }
  }

  private final Upstream upstream;
  private final RoutePlan plan;
  private final ResilienceSettings settings;
  private final Breakers breakers;
  private final LlmInstruments instruments;
  private final Context parent;
  private final String appProvider;
  private final Endpoint appEndpoint;
  private final String appModel;
  private final boolean stream;
  private final boolean streamUsage;
  private final AppRequest app;
  private final byte[] body;
  private int attemptNumber;
  /** The last target a request was sent to (past its breaker), or null: where the data went. */
  private RouteTarget lastSentTo;

  /**
   * @param parent the context of the call's span; attempts are its children
   * @param appProvider the provider the application addressed
   * @param appModel the model it asked for (null when unknown)
   * @param streamUsage whether the body sent asks for stream usage (the degraded stream then has it)
   * @param body the body as the agent sends it, in the application's format
   */
  public RoutedExchange(Upstream upstream, RoutePlan plan, ResilienceSettings settings, Breakers breakers,
      LlmInstruments instruments, Context parent, String appProvider, Endpoint appEndpoint, String appModel,
      boolean stream, boolean streamUsage, AppRequest app, byte[] body) {
    this.upstream = upstream;
    this.plan = plan;
    this.settings = settings;
    this.breakers = breakers;
    this.instruments = instruments;
    this.parent = parent;
    this.appProvider = appProvider;
    this.appEndpoint = appEndpoint;
    this.appModel = appModel;
    this.stream = stream;
    this.streamUsage = streamUsage;
    this.app = app;
    this.body = body;
  }

  /**
   * Runs the plan.
   *
   * @throws IOException the last target's failure, when no target answered and there is no degraded answer
   */
  public Result run() throws IOException {
    List<RouteTarget> chain = plan.chain();
    Attempt last = null;
    for (int i = 0; i < chain.size(); i++) {
      RouteTarget target = chain.get(i);
      Attempt outcome = tryTarget(target);
      if (plan.canary() != null && target.equals(plan.canary()) && plan.canaryHealth() != null) {
        boolean wasIn = !plan.canaryHealth().rolledBack();
        plan.canaryHealth().record(!outcome.answered() && outcome.transientFailure());
        if (wasIn && plan.canaryHealth().rolledBack()) {
          Span.fromContext(parent).addEvent("airlock.canary.rollback",
              Attributes.of(AIRLOCK_ROUTE, routeLabel(), AIRLOCK_TARGET, target.label()));
        }
      }
      if (outcome.answered() || !outcome.transientFailure()) {
        return outcome.toResult(i, attemptNumber);
      }
      last = outcome;
      if (i + 1 < chain.size()) {
        instruments.fallbacks().add(1, Attributes.of(AIRLOCK_TARGET, target.label(), AIRLOCK_ROUTE, routeLabel()));
      }
    }
    if (settings.degradeMessage() != null) {
      instruments.degraded().add(1, Attributes.of(AIRLOCK_ROUTE, routeLabel()));
      return degraded(Math.max(0, chain.size() - 1));
    }
    if (last != null && last.status > 0) {
      return last.toResult(chain.size() - 1, attemptNumber);
    }
    if (last != null && last.failure instanceof IOException) {
      throw (IOException) last.failure;
    }
    String reason = last == null ? "no target is allowed for this call" : "no target could take this call: "
        + (last.failure == null ? last.outcome : last.failure.getMessage());
    byte[] error = SyntheticAnswers.errorBody(appEndpoint.format(), 503, "Airlock: " + reason);
    return new Result(503, jsonHeaders(), new ByteArrayInputStream(error), null, Math.max(0, chain.size() - 1),
        attemptNumber, false);
  }

  /**
   * The last target the request was sent to, answered or not, or null when none was (no target
   * allowed, every breaker open): when no target answered, this is where the data last went.
   */
  public RouteTarget lastSentTo() {
    return lastSentTo;
  }

  private String routeLabel() {
    return plan.routeName() == null ? "(none)" : plan.routeName();
  }

  /** Every attempt on one target: retries behind its breaker. */
  private Attempt tryTarget(RouteTarget target) {
    TargetRequests.Prepared prepared;
    try {
      prepared = TargetRequests.prepare(target, appProvider, appEndpoint, appModel, app, body);
    } catch (TranslationException | IllegalArgumentException unfit) {
      attemptNumber++;
      Span span = startAttemptSpan(target, 0);
      span.setAttribute(AIRLOCK_ATTEMPT_OUTCOME, "untranslatable");
      span.setStatus(StatusCode.ERROR, unfit.getMessage());
      span.end();
      AgentLog.warn("target " + target.label() + " cannot take this call: " + unfit.getMessage());
      return Attempt.failed(target, "untranslatable", unfit, false);
    }
    CircuitBreaker<Object> breaker = breakers.of(target);
    RetryPolicy<Attempt> retry = RetryPolicy.<Attempt>builder()
        .handleResultIf(Attempt::retryable)
        .withMaxAttempts(settings.maxAttempts())
        .withDelayFn(context -> delayBefore(context.getAttemptCount(), context.getLastResult()))
        .onRetry(event -> instruments.retries().add(1, Attributes.of(AIRLOCK_TARGET, target.label())))
        .build();
    try {
      return Failsafe.with(retry).get(context -> attemptOnce(target, prepared, breaker, context.getAttemptCount()));
    } catch (FailsafeException interrupted) {
      Thread.currentThread().interrupt();
      return Attempt.failed(target, "interrupted", interrupted.getCause(), false);
    }
  }

  /**
   * The wait before retry number {@code attempts}: the target's {@code Retry-After} when it sent
   * one (never shortened by jitter: it says when the target will take calls again), else
   * exponential backoff from the policy's minimum, capped at its maximum, with up to 25% jitter
   * taken off so that retrying clients spread out.
   */
  Duration delayBefore(int attempts, Attempt previous) {
    if (previous != null && previous.retryAfter != null) {
      return previous.retryAfter;
    }
    long min = Math.max(1, settings.backoffMin().toMillis());
    long max = Math.max(min, settings.backoffMax().toMillis());
    long exponential = min << Math.min(20, Math.max(0, attempts - 1));
    long capped = Math.min(max, exponential < 0 ? max : exponential);
    double jitter = 1 - 0.25 * java.util.concurrent.ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis(Math.max(1, Math.round(capped * jitter)));
  }

  private Attempt attemptOnce(RouteTarget target, TargetRequests.Prepared prepared, CircuitBreaker<Object> breaker,
      int retry) {
    attemptNumber++;
    Span span = startAttemptSpan(target, retry);
    if (breaker != null && !breaker.tryAcquirePermit()) {
      span.setAttribute(AIRLOCK_ATTEMPT_OUTCOME, "breaker_open");
      span.setAttribute(AIRLOCK_BREAKER_STATE, "open");
      span.end();
      return Attempt.failed(target, "breaker_open", null, false);
    }
    Attempt attempt;
    try {
      lastSentTo = target;
      attempt = send(target, prepared);
    } catch (RuntimeException bug) {
      attempt = Attempt.failed(target, "agent_error", bug, false);
    }
    if (breaker != null) {
      if (attempt.countsAgainstTarget()) {
        breaker.recordFailure();
      } else {
        breaker.recordSuccess();
      }
    }
    span.setAttribute(AIRLOCK_ATTEMPT_OUTCOME, attempt.outcome);
    span.setAttribute(AIRLOCK_BREAKER_STATE, breakers.stateOf(target));
    if (attempt.status > 0) {
      span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) attempt.status);
    }
    if (!attempt.answered()) {
      span.setStatus(StatusCode.ERROR, attempt.outcome);
      span.setAttribute(ERROR_TYPE, attempt.outcome);
    }
    span.end();
    return attempt;
  }

  private Span startAttemptSpan(RouteTarget target, int retry) {
    SpanBuilder builder = instruments.tracer().spanBuilder("attempt " + target.label())
        .setParent(parent)
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(AIRLOCK_TARGET, target.label())
        .setAttribute(AIRLOCK_ATTEMPT_NUMBER, (long) attemptNumber)
        .setAttribute(AIRLOCK_ATTEMPT_RETRY, (long) retry)
        .setAttribute(AIRLOCK_REGION, target.region() == null ? "unknown" : target.region());
    // Where this attempt went; a target without an address of its own is the app's own host,
    // which the call span already names.
    if (target.host() != null) {
      builder.setAttribute(SERVER_ADDRESS, target.host()).setAttribute(SERVER_PORT, (long) target.port());
    }
    return builder.startSpan();
  }

  private Attempt send(RouteTarget target, TargetRequests.Prepared prepared) {
    UpstreamResponse response;
    try {
      response = upstream.send(prepared.request, settings.timeout(), settings.idleTimeout());
    } catch (IOException failure) {
      return ioFailure(target, failure);
    }
    int status = response.status();
    if (status >= 200 && status < 300) {
      return answered(target, prepared, response);
    }
    byte[] errorBody;
    try {
      errorBody = readUpTo(response, MAX_ERROR_BYTES);
    } catch (IOException unreadable) {
      errorBody = new byte[0];
    } finally {
      response.close();
    }
    String kind = Integer.toString(status);
    boolean transientStatus = status == 429 || status >= 500;
    Duration retryAfter = RetryAfter.parse(response.header("retry-after"));
    boolean retryable = transientStatus && settings.retries(kind) && !isContextLengthError(errorBody)
        && (retryAfter == null || retryAfter.compareTo(MAX_RETRY_AFTER) <= 0);
    Attempt attempt = Attempt.error(target, kind, status, headersOf(response), errorBody, prepared, transientStatus,
        retryable);
    attempt.retryAfter = retryAfter;
    return attempt;
  }

  private Attempt ioFailure(RouteTarget target, IOException failure) {
    String kind = isTimeout(failure) ? "timeout" : "connect";
    AgentLog.debug("attempt on " + target.label() + " failed: " + kind, failure);
    return Attempt.failed(target, kind, failure, settings.retries(kind)).transientFailure(true);
  }

  private Attempt answered(RouteTarget target, TargetRequests.Prepared prepared, UpstreamResponse response) {
    String contentType = response.header("content-type");
    boolean eventStream = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    Map<String, List<String>> headers = headersOf(response);
    headers.put("x-airlock-target", List.of(target.label()));
    if (eventStream) {
      StreamTranslator translator = prepared.translation == null ? null : Translation.stream(prepared.translation);
      AppEventStream events = new AppEventStream(response.body(), translator, StreamContentProbe.of(target.format()),
          () -> SyntheticAnswers.streamError(appEndpoint.format(), 502,
              "Airlock: the stream from " + target.label() + " broke off"));
      try {
        events.awaitFirstEvent();
      } catch (IOException failure) {
        events.close();
        return ioFailure(target, failure);
      }
      headers.put("content-type", List.of("text/event-stream"));
      return Attempt.ok(target, response.status(), headers, events);
    }
    byte[] bytes;
    try {
      bytes = readUpTo(response, MAX_WHOLE_BYTES + 1);
    } catch (IOException failure) {
      response.close();
      return ioFailure(target, failure);
    }
    if (bytes.length > MAX_WHOLE_BYTES && prepared.translation == null) {
      // Too large to hold: pass it on as it comes (it cannot need translating: same format).
      InputStream rest = new java.io.SequenceInputStream(new ByteArrayInputStream(bytes), response.body());
      return Attempt.ok(target, response.status(), headers, rest);
    }
    response.close();
    if (prepared.translation != null) {
      try {
        bytes = Translation.response(prepared.translation, bytes);
      } catch (TranslationException unreadable) {
        AgentLog.warn("the answer of " + target.label() + " could not be translated: " + unreadable.getMessage());
        return Attempt.failed(target, "bad_response", unreadable, false).transientFailure(true);
      }
      headers.put("content-type", List.of("application/json"));
    }
    return Attempt.ok(target, response.status(), headers, new ByteArrayInputStream(bytes));
  }

  private Result degraded(int fallbacks) {
    String model = appModel == null ? "airlock-degraded" : appModel;
    Map<String, List<String>> headers = new LinkedHashMap<>();
    byte[] answer;
    if (stream) {
      answer = SyntheticAnswers.stream(appEndpoint, model, settings.degradeMessage(), streamUsage);
      headers.put("content-type", List.of("text/event-stream"));
    } else {
      answer = SyntheticAnswers.whole(appEndpoint, model, settings.degradeMessage());
      headers.put("content-type", List.of("application/json"));
    }
    headers.put("x-airlock-degraded", List.of("true"));
    return new Result(200, headers, new ByteArrayInputStream(answer), null, fallbacks, attemptNumber, true);
  }

  private static Map<String, List<String>> jsonHeaders() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-type", List.of("application/json"));
    return headers;
  }

  private static Map<String, List<String>> headersOf(UpstreamResponse response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response.headers().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!lower.equals("content-length") && !lower.equals("content-encoding") && !lower.equals("transfer-encoding")
          && !lower.startsWith(":")) {
        headers.put(lower, values);
      }
    });
    return headers;
  }

  static boolean isTimeout(IOException failure) {
    Throwable t = failure;
    while (t != null) {
      if (t instanceof InterruptedIOException || t.getClass().getSimpleName().contains("Timeout")) {
        return true;
      }
      t = t.getCause();
    }
    return false;
  }

  /** A 400 that says the prompt is too long: retrying or moving on with the same prompt is pointless. */
  private static boolean isContextLengthError(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    return text.contains("context_length") || text.contains("context length") || text.contains("too many tokens")
        || text.contains("prompt is too long");
  }

  /**
   * Reads into one growing array rather than through a copy buffer: most answers are a few KB, and
   * this runs on every routed call. The array starts at the declared length when the response has
   * one, so that an answer of that length is read into it and returned without a copy.
   */
  private static byte[] readUpTo(UpstreamResponse response, int limit) throws IOException {
    InputStream in = response.body();
    long declared = declaredLength(response);
    byte[] buffer = new byte[declared >= 0 && declared < limit ? (int) declared : Math.min(limit, 4096)];
    int length = 0;
    while (length < limit) {
      if (length == buffer.length) {
        // Full: either all that was declared has come, or the first guess was short; one more byte tells.
        int next = in.read();
        if (next < 0) {
          break;
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(4096, buffer.length * 2L)));
        buffer[length++] = (byte) next;
        continue;
      }
      int n = in.read(buffer, length, buffer.length - length);
      if (n < 0) {
        break;
      }
      length += n;
    }
    return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
  }

  /** The response's {@code Content-Length}, or -1 when it has none or a malformed one. */
  private static long declaredLength(UpstreamResponse response) {
    String value = response.header("content-length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException malformed) {
      return -1;
    }
  }

  /** How one attempt (or the last attempt on one target) ended. */
  private static final class Attempt {
    final RouteTarget target;
    final String outcome;
    final int status;
    final Map<String, List<String>> headers;
    final InputStream answer;
    final byte[] errorBody;
    final TargetRequests.Prepared prepared;
    final Throwable failure;
    final boolean retryable;
    boolean transientFailure;
    Duration retryAfter;

    private Attempt(RouteTarget target, String outcome, int status, Map<String, List<String>> headers,
        InputStream answer, byte[] errorBody, TargetRequests.Prepared prepared, Throwable failure,
        boolean transientFailure, boolean retryable) {
      this.target = target;
      this.outcome = outcome;
      this.status = status;
      this.headers = headers;
      this.answer = answer;
      this.errorBody = errorBody;
      this.prepared = prepared;
      this.failure = failure;
      this.transientFailure = transientFailure;
      this.retryable = retryable;
    }

    static Attempt ok(RouteTarget target, int status, Map<String, List<String>> headers, InputStream answer) {
      return new Attempt(target, "ok", status, headers, answer, null, null, null, false, false);
    }

    static Attempt error(RouteTarget target, String outcome, int status, Map<String, List<String>> headers,
        byte[] body, TargetRequests.Prepared prepared, boolean transientFailure, boolean retryable) {
      return new Attempt(target, outcome, status, headers, null, body, prepared, null, transientFailure, retryable);
    }

    /** No response: connect error, timeout, open breaker, a target that cannot take the call. */
    static Attempt failed(RouteTarget target, String outcome, Throwable failure, boolean retryable) {
      boolean movesOn = !"interrupted".equals(outcome) && !"agent_error".equals(outcome);
      return new Attempt(target, outcome, -1, null, null, null, null, failure, movesOn, retryable);
    }

    Attempt transientFailure(boolean value) {
      this.transientFailure = value;
      return this;
    }

    boolean answered() {
      return answer != null;
    }

    boolean retryable() {
      return retryable;
    }

    boolean transientFailure() {
      return transientFailure;
    }

    /** Whether the breaker counts it as the target's failure (not an open breaker, not the caller's error). */
    boolean countsAgainstTarget() {
      return transientFailure && !"breaker_open".equals(outcome) && !"untranslatable".equals(outcome);
    }

    Result toResult(int fallbacks, int attempts) {
      if (answered()) {
        return new Result(status, headers, answer, target, fallbacks, attempts, false);
      }
      byte[] bodyForApp = errorBody == null ? new byte[0] : errorBody;
      Map<String, List<String>> forApp = headers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(headers);
      if (prepared != null && prepared.translation != null) {
        bodyForApp = Translation.error(prepared.translation, status, errorBody);
        forApp.put("content-type", List.of("application/json"));
      }
      forApp.put("x-airlock-target", List.of(target.label()));
      return new Result(status, forApp, new ByteArrayInputStream(bodyForApp), target, fallbacks, attempts, false);
    }
  }
}
