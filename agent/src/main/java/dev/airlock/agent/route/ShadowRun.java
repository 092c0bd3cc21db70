package dev.airlock.agent.route;

import static dev.airlock.agent.telemetry.GenAiAttributes.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.AgentLog;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.LlmResponse;
import dev.airlock.agent.codec.ResponseCodec;
import dev.airlock.agent.codec.Usage;
import dev.airlock.agent.telemetry.LlmInstruments;
import dev.airlock.agent.translate.AnswerText;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.ToDoubleBiFunction;

/**
 * A copy of a call sent to a route's {@code shadow:} target after the application has its answer:
 * on an agent thread, through the agent's own client, so it can never delay, change or fail the
 * application's call. It reports, on a {@code shadow} span and in metrics, the target's latency,
 * tokens, cost and how similar its answer is to the one the application got.
 *
 * <p>The copy asks for a whole answer even when the application streamed: the comparison needs
 * the text, not the timing of its pieces.
 */
public final class ShadowRun implements Runnable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Upstream upstream;
  private final RouteTarget target;
  private final LlmInstruments instruments;
  private final Context parent;
  private final String appProvider;
  private final Endpoint endpoint;
  private final String appModel;
  private final AppRequest app;
  private final byte[] body;
  private final String appAnswer;
  private final ToDoubleBiFunction<String, Usage> prices;

  /**
   * @param upstream the agent's own client (never the application's: the copy must not touch it)
   * @param body the request as it was sent, in the application's format
   * @param appAnswer the text of the answer the application got
   * @param prices the cost in USD of a model's usage (NaN when unpriced)
   */
  public ShadowRun(Upstream upstream, RouteTarget target, LlmInstruments instruments, Context parent,
      String appProvider, Endpoint endpoint, String appModel, AppRequest app, byte[] body, String appAnswer,
      ToDoubleBiFunction<String, Usage> prices) {
    this.upstream = upstream;
    this.target = target;
    this.instruments = instruments;
    this.parent = parent;
    this.appProvider = appProvider;
    this.endpoint = endpoint;
    this.appModel = appModel;
    this.app = app;
    this.body = body;
    this.appAnswer = appAnswer;
    this.prices = prices;
  }

  /** Whether a call to this endpoint can be shadowed (chat answers can be compared). */
  public static boolean supports(Endpoint endpoint) {
    return endpoint == Endpoint.OPENAI_CHAT || endpoint == Endpoint.ANTHROPIC_MESSAGES
        || endpoint == Endpoint.GEMINI_GENERATE_CONTENT;
  }

  @Override
  public void run() {
    Span span = instruments.tracer().spanBuilder("shadow " + target.label())
        .setParent(parent)
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute(AIRLOCK_TARGET, target.label())
        .startSpan();
    long start = System.nanoTime();
    String outcome = "error";
    try {
      RoutedExchange exchange = new RoutedExchange(upstream, RoutePlan.to("shadow", target), ResilienceSettings.NONE,
          new Breakers(ResilienceSettings.NONE, (t, from, to) -> { }), instruments, Context.root().with(span),
          appProvider, endpoint, appModel, false, false, app, wholeAnswerRequested(body));
      RoutedExchange.Result result = exchange.run();
      byte[] answer;
      try (InputStream in = result.body()) {
        answer = in.readAllBytes();
      }
      span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) result.status());
      if (result.status() >= 200 && result.status() < 300) {
        outcome = "ok";
        report(span, answer);
      } else {
        outcome = Integer.toString(result.status());
        span.setStatus(StatusCode.ERROR, outcome);
      }
    } catch (IOException | RuntimeException failure) {
      AgentLog.debug("shadow call to " + target.label() + " failed", failure);
      span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    } finally {
      span.setAttribute("airlock.shadow.latency_ms", (System.nanoTime() - start) / 1_000_000L);
      span.setAttribute(AIRLOCK_ATTEMPT_OUTCOME, outcome);
      instruments.shadowCalls().add(1, Attributes.of(AIRLOCK_TARGET, target.label(), AIRLOCK_ATTEMPT_OUTCOME, outcome));
      span.end();
    }
  }

  private void report(Span span, byte[] answer) {
    LlmResponse facts = ResponseCodec.parse(endpoint, answer);
    if (facts != null && facts.usage() != null) {
      Usage usage = facts.usage();
      span.setAttribute(USAGE_INPUT_TOKENS, usage.inputTokens());
      span.setAttribute(USAGE_OUTPUT_TOKENS, usage.outputTokens());
      String model = facts.model() != null ? facts.model() : target.model() != null ? target.model() : appModel;
      double cost = model == null ? Double.NaN : prices.applyAsDouble(model, usage);
      if (!Double.isNaN(cost)) {
        span.setAttribute(AIRLOCK_COST_USD, cost);
      }
    }
    String text = AnswerText.of(endpoint, answer, false);
    if (text != null && appAnswer != null) {
      double similarity = AnswerSimilarity.of(appAnswer, text);
      span.setAttribute(AIRLOCK_SHADOW_SIMILARITY, similarity);
      instruments.shadowSimilarity().record(similarity, Attributes.of(AIRLOCK_TARGET, target.label()));
    }
  }

  /** The same request asking for a whole answer. */
  private byte[] wholeAnswerRequested(byte[] request) throws IOException {
    JsonNode root = JSON.readTree(request);
    if (!(root instanceof ObjectNode) || !root.path("stream").asBoolean(false)) {
      return request;
    }
    ObjectNode copy = ((ObjectNode) root).deepCopy();
    copy.put("stream", false);
    copy.remove("stream_options");
    return JSON.writeValueAsBytes(copy);
  }
}
