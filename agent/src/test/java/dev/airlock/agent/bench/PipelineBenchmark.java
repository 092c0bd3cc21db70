package dev.airlock.agent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.cache.AnswerReplay;
import dev.airlock.agent.cache.CachedAnswer;
import dev.airlock.agent.engine.LlmCall;
import dev.airlock.agent.engine.Pipeline;
import dev.airlock.agent.engine.ProviderMatch;
import dev.airlock.agent.engine.RequestHeaders;
import dev.airlock.agent.route.AppRequest;
import dev.airlock.agent.route.RoutedExchange;
import dev.airlock.agent.telemetry.AgentTelemetry;
import dev.airlock.agent.telemetry.LlmInstruments;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One whole LLM call through the engine, without any transport: match, {@code begin} (parse the
 * 2 KB request, apply the policy's request guard, start the span), the response bytes through
 * {@code observe} or {@code rewrite} (as the doors do: rewrite when the call says so), {@code
 * complete} (parse the answer or fold the stream, record usage, cost and metrics, end the span).
 * A non-streamed answer under output rules takes the doors' other path ({@code holdsWholeAnswer}):
 * read whole, then {@code finishWholeAnswer} (restore, check, record, complete).
 *
 * <p>{@code policy}:
 * <ul>
 *   <li>{@code passThrough}: the example policy's providers and prices only;
 *   <li>{@code redaction}: plus its {@code pii} section (pseudonymize the request's email, phone,
 *       card and IBAN, restore them in the answer, which names them by placeholder), its
 *       prompt-injection guardrail and its output rules (the answer, or every streamed text
 *       delta, checked for PII the app did not send, masked, and for secrets).
 * </ul>
 *
 * <p>{@code pipeline_cacheHit_nonStreaming} runs the redaction policy plus the example's exact
 * cache (with {@code when: always}, since the 2 KB request samples at temperature 0.2), primed with
 * the answer: the request is parsed and guarded as always, then answered from the cache, the
 * replayed answer passing the same response path as the provider's would; telemetry {@code none}.
 *
 * <p>{@code telemetry}:
 * <ul>
 *   <li>{@code none}: the agent's own SDK as it starts without any destination
 *       ({@link AgentTelemetry#start} with no file and no OTLP endpoint): spans and metrics are
 *       built and recorded, export cost is <b>excluded</b>;
 *   <li>{@code export}: every span is serialized to OTLP JSON synchronously on the calling thread
 *       (the file exporter's marshaller, into a discarding stream) and metrics are aggregated by a
 *       reader: export cost <b>included</b>, as an upper bound (the agent batches spans on a
 *       background thread instead).
 * </ul>
 *
 * <p>Baselines, measured in the same run: the JSON work the application's SDK does anyway for the
 * same call (serialize the request from its object model, parse the answer; for a stream, parse
 * every chunk), with Jackson.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PipelineBenchmark {

  private static final RequestHeaders NO_HEADERS = name -> null;
  /** Exchanges before the last message in the later-in-conversation benchmarks. */
  static final int HISTORY_TURNS = 8;

  /** The call's bytes; no parameters, so the baselines run once. */
  @State(Scope.Thread)
  public static class Inputs {
    byte[] request;
    byte[] streamRequestWithUsage;
    byte[] streamRequestWithoutUsage;
    byte[] response;
    byte[][] streamEvents;
    ObjectMapper mapper;
    JsonNode requestModel;
    JsonNode streamRequestModel;
    /** The same requests, each call's last message new (see {@link FreshRequests}). */
    FreshRequests freshRequest;
    FreshRequests freshStreamRequestWithUsage;
    FreshRequests freshStreamRequestWithoutUsage;
    /** The request after {@value #HISTORY_TURNS} earlier exchanges: only its last message new. */
    FreshRequests laterInConversation;
    /** The same, every text new: what each call would cost if nothing were remembered. */
    FreshRequests laterInConversationAllNew;

    @Setup
    public void setUp() throws IOException {
      request = BenchFixtures.chatRequest(false, false);
      streamRequestWithUsage = BenchFixtures.chatRequest(true, true);
      streamRequestWithoutUsage = BenchFixtures.chatRequest(true, false);
      response = BenchFixtures.chatResponse();
      streamEvents = BenchFixtures.streamPieces("event");
      mapper = new ObjectMapper();
      requestModel = mapper.readTree(request);
      streamRequestModel = mapper.readTree(streamRequestWithUsage);
      freshRequest = new FreshRequests(request, false);
      freshStreamRequestWithUsage = new FreshRequests(streamRequestWithUsage, false);
      freshStreamRequestWithoutUsage = new FreshRequests(streamRequestWithoutUsage, false);
      byte[] conversation = BenchFixtures.chatRequestWithHistory(HISTORY_TURNS);
      laterInConversation = new FreshRequests(conversation, false);
      laterInConversationAllNew = new FreshRequests(conversation, true);
    }
  }

  /** The engine under the example policy, with the chosen telemetry. */
  @State(Scope.Thread)
  public static class Engine {
    @Param({"passThrough", "redaction"})
    public String policy;

    @Param({"none", "export"})
    public String telemetry;

    Pipeline pipeline;
    private AutoCloseable sdk;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      OpenTelemetry otel;
      if ("none".equals(telemetry)) {
        AgentTelemetry agentTelemetry = AgentTelemetry.start(null, Collections.emptyMap());
        otel = agentTelemetry.openTelemetry();
        sdk = agentTelemetry;
      } else if ("export".equals(telemetry)) {
        OpenTelemetrySdk exporting = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new DiscardingOtlpJsonExporter()))
                .build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(InMemoryMetricReader.create()).build())
            .build();
        otel = exporting;
        sdk = exporting;
      } else {
        throw new IllegalArgumentException("telemetry: " + telemetry);
      }
      boolean redaction = "redaction".equals(policy);
      if (!redaction && !"passThrough".equals(policy)) {
        throw new IllegalArgumentException("policy: " + policy);
      }
      pipeline = new Pipeline(BenchFixtures.examplePolicyState(redaction), new LlmInstruments(otel, "bench"));
      // The benchmark must measure the path it claims: redaction changes the request, nothing is blocked.
      LlmCall probe = pipeline.begin(pipeline.match(BenchFixtures.HOST, BenchFixtures.PORT, BenchFixtures.PATH),
          "bench", BenchFixtures.HOST, BenchFixtures.PORT, BenchFixtures.PATH, NO_HEADERS,
          BenchFixtures.chatRequest(false, false));
      if (probe == null || probe.blockedAnswer() != null || probe.requestChanged() != redaction) {
        throw new IllegalStateException("policy " + policy + ": the probe call was "
            + (probe == null ? "not recognized" : probe.blockedAnswer() != null ? "blocked" : "changed=" + probe.requestChanged()));
      }
      probe.cancel();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      sdk.close();
    }
  }

  /** The redaction policy with the example's exact cache, holding the answer to the benchmark's request. */
  @State(Scope.Thread)
  public static class CachedEngine {
    Pipeline pipeline;
    private AutoCloseable sdk;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      AgentTelemetry agentTelemetry = AgentTelemetry.start(null, Collections.emptyMap());
      sdk = agentTelemetry;
      pipeline = new Pipeline(BenchFixtures.policyState(BenchFixtures.EXAMPLE_POLICY + BenchFixtures.REDACTION_SECTIONS
          + "cache:\n  exact: {ttl: 1h, max_size: 256MB, when: always}\n"),
          new LlmInstruments(agentTelemetry.openTelemetry(), "bench"));
      LlmCall miss = begin(pipeline, BenchFixtures.chatRequest(false, false));
      // As the doors record it: under output rules the non-streamed answer is held whole.
      miss.finishWholeAnswer(200, "application/json", BenchFixtures.chatResponse());
      // The benchmark must measure the path it claims: the next call is a hit.
      LlmCall probe = begin(pipeline, BenchFixtures.chatRequest(false, false));
      if (probe == null || probe.cachedAnswer() == null) {
        throw new IllegalStateException("the primed cache did not answer the benchmark's request");
      }
      probe.cancel();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      sdk.close();
    }
  }

  /**
   * The reference policy as the load harness runs it ({@code example-policy.yaml} of the harness,
   * on this classpath through {@code bench.sh}): every section in force, budgets and rate limits
   * set high enough that they check without refusing, the audit log written to a temporary file.
   * On top of the redaction policy's work: the caller's identity, budgets and rate limits, the
   * route's plan, its attempt through the breaker and retry policy (to a provider that answers
   * from memory, {@link AnsweringUpstream}), the exact cache's test (the request's temperature
   * keeps it out of a {@code deterministic} cache) and the audit record. Telemetry as {@code none}.
   */
  @State(Scope.Thread)
  public static class ExampleEngine {
    private static final String POLICY = "dev/airlock/load/example-policy.yaml";

    Pipeline pipeline;
    AnsweringUpstream upstream;
    AppRequest app;
    FreshRequests requests;
    /** Streams that do not ask for usage, as the harness's: the agent adds it and takes it out again. */
    FreshRequests streamRequests;
    private AutoCloseable sdk;
    private Path outDir;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      outDir = Files.createTempDirectory("airlock-bench");
      String yaml;
      try (InputStream in = PipelineBenchmark.class.getClassLoader().getResourceAsStream(POLICY)) {
        if (in == null) {
          throw new IllegalStateException(POLICY + " is not on the classpath: run the benchmark through agent/bench.sh");
        }
        yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      yaml = yaml.replace("${MOCK_URL}", "http://" + BenchFixtures.HOST + ":" + BenchFixtures.PORT)
          .replace("${OUT_DIR}", outDir.toString());
      AgentTelemetry agentTelemetry = AgentTelemetry.start(null, Collections.emptyMap());
      sdk = agentTelemetry;
      pipeline = new Pipeline(BenchFixtures.policyState(yaml), new LlmInstruments(agentTelemetry.openTelemetry(), "bench"));
      ByteArrayOutputStream oneToken = new ByteArrayOutputStream();
      BenchFixtures.chatStreamEvents(1).forEach(oneToken::writeBytes);
      upstream = new AnsweringUpstream(BenchFixtures.chatResponse(), oneToken.toByteArray());
      app = new AppRequest("http", BenchFixtures.HOST, BenchFixtures.PORT, BenchFixtures.PATH,
          Map.of("content-type", List.of("application/json"), "authorization", List.of("Bearer sk-bench")));
      requests = new FreshRequests(BenchFixtures.chatRequest(false, false, false), false);
      streamRequests = new FreshRequests(BenchFixtures.chatRequest(true, false, false), false);
      // The benchmark must measure the path it claims: pseudonymized, routed, answered, nothing blocked.
      LlmCall probe = begin(pipeline, requests.next());
      if (probe == null || probe.blockedAnswer() != null || !probe.requestChanged() || !probe.routed()) {
        throw new IllegalStateException("the example policy's probe call was "
            + (probe == null ? "not recognized" : probe.blockedAnswer() != null ? "blocked"
            : "changed=" + probe.requestChanged() + ", routed=" + probe.routed()));
      }
      LlmCall.WholeAnswer answer = exchange(probe, this);
      if (answer.status() != 200) {
        throw new IllegalStateException("the example policy's probe call was answered " + answer.status());
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      sdk.close();
      try (Stream<Path> files = Files.walk(outDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  // --- baselines: the SDK's own JSON work for the same call ---

  @Benchmark
  public JsonNode baseline_sdkJsonNonStreaming(Inputs in, Blackhole bh) throws IOException {
    bh.consume(in.mapper.writeValueAsBytes(in.requestModel));
    return in.mapper.readTree(in.response);
  }

  @Benchmark
  public void baseline_sdkJsonStreaming(Inputs in, Blackhole bh) throws IOException {
    bh.consume(in.mapper.writeValueAsBytes(in.streamRequestModel));
    for (byte[] event : in.streamEvents) {
      // "data: " ... "\n\n"; the SDK parses every chunk but [DONE].
      int len = event.length - 8;
      if (len == 6 && event[6] == '[') {
        continue;
      }
      bh.consume(in.mapper.readTree(event, 6, len));
    }
  }

  // --- the agent's work for the same call ---

  /** A request whose last message is new, as an application's next call is. */
  @Benchmark
  public LlmCall pipeline_nonStreaming(Inputs in, Engine e, Blackhole bh) {
    return nonStreaming(e.pipeline, in.freshRequest.next(), in, bh);
  }

  /**
   * The request later in its conversation, {@value #HISTORY_TURNS} exchanges (about 8 KB) before
   * its new last message, as a chat application sends it: the request checks answer for the earlier
   * texts from what they found when those were new.
   */
  @Benchmark
  public LlmCall pipeline_nonStreaming_laterInConversation(Inputs in, Engine e, Blackhole bh) {
    return nonStreaming(e.pipeline, in.laterInConversation.next(), in, bh);
  }

  /** The same request with every text new: the cost of the same bytes when nothing is remembered. */
  @Benchmark
  public LlmCall pipeline_nonStreaming_laterInConversation_allNew(Inputs in, Engine e, Blackhole bh) {
    return nonStreaming(e.pipeline, in.laterInConversationAllNew.next(), in, bh);
  }

  private static LlmCall nonStreaming(Pipeline pipeline, byte[] request, Inputs in, Blackhole bh) {
    LlmCall call = begin(pipeline, request);
    if (call.holdsWholeAnswer()) {
      // Output rules on a non-streamed answer: the doors read it whole and hand it over at once.
      bh.consume(call.finishWholeAnswer(200, "application/json", in.response).body());
      return call;
    }
    call.onResponse(200, "application/json");
    deliver(call, new byte[][] {in.response}, bh);
    return call;
  }

  /**
   * The whole example policy on a request whose last message is new, routed and answered as the
   * doors do it: {@code exchange} through the route's attempt, then the answer held whole under
   * the output rules.
   */
  @Benchmark
  public LlmCall pipeline_nonStreaming_examplePolicy(ExampleEngine e, Blackhole bh) throws IOException {
    LlmCall call = begin(e.pipeline, e.requests.next());
    bh.consume(exchange(call, e).body());
    return call;
  }

  /**
   * The whole example policy on a stream of one text delta (a role chunk, the delta, the finish
   * and usage chunks, {@code [DONE]}), as the doors run it: {@code begin}, the routed attempt up to
   * its first text (which the route waits for before it answers the app), then the events through
   * the response path. All the engine does before an application can read its first token, plus a
   * short tail: an upper bound of the engine's share of the time to first token.
   */
  @Benchmark
  public LlmCall pipeline_firstToken_examplePolicy(ExampleEngine e, Blackhole bh) throws IOException {
    LlmCall call = begin(e.pipeline, e.streamRequests.next());
    RoutedExchange.Result routed = call.exchange(e.upstream, e.app);
    call.onResponse(routed.status(), routed.contentType());
    byte[] events;
    try (InputStream body = routed.body()) {
      events = body.readAllBytes();
    }
    deliver(call, new byte[][] {events}, bh);
    return call;
  }

  private static LlmCall.WholeAnswer exchange(LlmCall call, ExampleEngine e) throws IOException {
    RoutedExchange.Result routed = call.exchange(e.upstream, e.app);
    byte[] answer;
    try (InputStream body = routed.body()) {
      answer = body.readAllBytes();
    }
    return call.finishWholeAnswer(routed.status(), routed.contentType(), answer);
  }

  /** A hit of the exact cache: parse and guard the request, replay the stored answer through the response path. */
  @Benchmark
  public LlmCall pipeline_cacheHit_nonStreaming(CachedEngine e, Inputs in, Blackhole bh) throws IOException {
    LlmCall call = begin(e.pipeline, in.request);
    CachedAnswer hit = call.cachedAnswer();
    call.onResponse(hit.status(), "application/json");
    try (InputStream replay = AnswerReplay.inputStream(hit)) {
      deliver(call, new byte[][] {replay.readAllBytes()}, bh);
    }
    return call;
  }

  /** The application asked for usage itself: without redaction the stream is only watched. */
  @Benchmark
  public LlmCall pipeline_streaming_appAsksUsage(Inputs in, Engine e, Blackhole bh) {
    LlmCall call = begin(e.pipeline, in.freshStreamRequestWithUsage.next());
    call.onResponse(200, "text/event-stream");
    deliver(call, in.streamEvents, bh);
    return call;
  }

  /**
   * The application did not ask for usage: the agent adds {@code include_usage} to the request and
   * removes the usage chunk from the stream on its way back (the rewrite path).
   */
  @Benchmark
  public LlmCall pipeline_streaming_agentAddsUsage(Inputs in, Engine e, Blackhole bh) {
    LlmCall call = begin(e.pipeline, in.freshStreamRequestWithoutUsage.next());
    call.onResponse(200, "text/event-stream");
    deliver(call, in.streamEvents, bh);
    return call;
  }

  private static LlmCall begin(Pipeline p, byte[] body) {
    ProviderMatch match = p.match(BenchFixtures.HOST, BenchFixtures.PORT, BenchFixtures.PATH);
    return p.begin(match, "bench", BenchFixtures.HOST, BenchFixtures.PORT, BenchFixtures.PATH, NO_HEADERS, body);
  }

  /** The response as the doors hand it over: through rewrite when the call changes it, else observed. */
  private static void deliver(LlmCall call, byte[][] pieces, Blackhole bh) {
    if (call.rewritesResponse()) {
      for (byte[] piece : pieces) {
        bh.consume(call.rewrite(piece, 0, piece.length));
      }
      bh.consume(call.finishRewrite());
    } else {
      for (byte[] piece : pieces) {
        call.observe(piece, 0, piece.length);
      }
    }
    call.complete();
  }

  /** What the agent's file exporter does with each batch, written nowhere. */
  static final class DiscardingOtlpJsonExporter implements SpanExporter {
    private static final OutputStream NOWHERE = OutputStream.nullOutputStream();

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      try {
        TraceRequestMarshaler.create(spans).writeJsonTo(NOWHERE);
        NOWHERE.write('\n');
        return CompletableResultCode.ofSuccess();
      } catch (IOException e) {
        return CompletableResultCode.ofFailure();
      }
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
