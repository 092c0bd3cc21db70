package dev.airlock.agent.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.engine.LlmCall;
import dev.airlock.agent.engine.Pipeline;
import dev.airlock.agent.engine.ProviderMatch;
import dev.airlock.agent.policy.PipelineStates;
import dev.airlock.agent.telemetry.LlmInstruments;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.api.common.AttributeKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Routing end to end through the engine, without bytecode: the pipeline decides, {@link
 * RoutedExchange} runs the attempts against a scripted upstream, and the app-format result comes back.
 */
class RoutedCallTest {

  private static final String A = "127.0.0.1:9001";
  private static final String B = "127.0.0.1:9002";
  private static final String C = "127.0.0.1:9003";
  private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
  private static final String CHAT_STREAM = "{\"model\":\"gpt-4o-mini\",\"stream\":true,"
      + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
  private static final String ANSWER = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\","
      + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hello\"},\"finish_reason\":\"stop\"}],"
      + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}";
  private static final String EVENTS = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
      + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"hel\"},\"finish_reason\":null}]}\n\n"
      + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
      + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}\n\n";
  private static final String PROVIDERS = String.join("\n",
      "airlock: 1",
      "name: routing-test",
      "providers:",
      "  mock-a: {format: openai, base_url: 'http://127.0.0.1:9001/v1', region: us}",
      "  mock-b: {format: openai, base_url: 'http://127.0.0.1:9002/v1', api_key: '${env:B_KEY}', region: eu}",
      "  claude: {format: anthropic, base_url: 'http://127.0.0.1:9003', api_key: '${env:C_KEY}', region: us}",
      "");

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final FakeUpstream upstream = new FakeUpstream();

  private Pipeline pipeline(String yaml) {
    Map<String, String> env = Map.of("B_KEY", "key-for-b", "C_KEY", "key-for-c");
    PolicyLoadResult loaded = PolicyLoader.parse("test.yaml", (PROVIDERS + yaml).getBytes(StandardCharsets.UTF_8),
        env::get);
    assertTrue(loaded.ok(), loaded.problems().toString());
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .build();
    return new Pipeline(PipelineStates.of(loaded.policy().get(), env::get), new LlmInstruments(sdk, "test"));
  }

  private RoutedExchange.Result run(Pipeline pipeline, String body) throws IOException {
    LlmCall call = begin(pipeline, body);
    assertTrue(call.routed(), "the call goes through routing");
    return call.exchange(upstream, new AppRequest("http", "127.0.0.1", 9001, "/v1/chat/completions",
        Map.of("Authorization", List.of("Bearer app-key-for-a"), "Content-Type", List.of("application/json"))));
  }

  private static LlmCall begin(Pipeline pipeline, String body) {
    ProviderMatch match = pipeline.match("127.0.0.1", 9001, "/v1/chat/completions");
    assertNotNull(match);
    return pipeline.begin(match, "test", "127.0.0.1", 9001, "/v1/chat/completions",
        name -> name.equalsIgnoreCase("authorization") ? "Bearer app-key-for-a" : null,
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(RoutedExchange.Result result) throws IOException {
    return new String(result.body().readAllBytes(), StandardCharsets.UTF_8);
  }

  private List<SpanData> attempts() {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getName().startsWith("attempt ")).collect(
        java.util.stream.Collectors.toList());
  }

  @Test
  void aTransientStatusIsRetriedOnTheSameTarget() throws IOException {
    Pipeline p = pipeline("resilience: {retry: {max_attempts: 3, backoff: 1ms..2ms}}\n");
    upstream.then(A, r -> FakeUpstream.json(503, "{\"error\":{\"message\":\"busy\"}}"))
        .then(A, r -> FakeUpstream.json(200, ANSWER));
    RoutedExchange.Result result = run(p, CHAT);
    assertEquals(200, result.status());
    assertTrue(text(result).contains("hello"));
    assertEquals(2, upstream.sentTo(A));
    assertEquals(2, result.attempts());
    assertEquals(0, result.fallbacks());
  }

  @Test
  void retryAfterIsWaitedFor() throws IOException {
    Pipeline p = pipeline("resilience: {retry: {max_attempts: 2, backoff: 1ms..2ms}}\n");
    upstream.then(A, r -> FakeUpstream.json(429, "{}", "retry-after", "1"))
        .then(A, r -> FakeUpstream.json(200, ANSWER));
    long start = System.nanoTime();
    RoutedExchange.Result result = run(p, CHAT);
    long waitedMillis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(200, result.status());
    assertTrue(waitedMillis >= 900, "waited " + waitedMillis + " ms for Retry-After: 1");
  }

  /**
   * The answer is read whole into an array sized by its {@code Content-Length}; a length that is
   * wrong, malformed or missing, and a body that arrives a few bytes per read, still give the
   * app every byte.
   */
  @Test
  void theAnswerArrivesWholeWhateverItsDeclaredLength() throws IOException {
    Pipeline p = pipeline("routes:\n  - {name: main, to: [mock-a]}\n");
    StringBuilder content = new StringBuilder();
    while (content.length() < 10_000) {
      content.append("All work and no play. ");
    }
    String answer = ANSWER.replace("\"hello\"", "\"" + content + "\"");
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    String exact = Integer.toString(bytes.length);
    for (String declared : new String[] {exact, "100", Integer.toString(bytes.length + 50), "0", "abc", null}) {
      upstream.then(A, r -> FakeUpstream.response(200, "application/json", trickling(bytes),
          declared == null ? new String[0] : new String[] {"content-length", declared}));
      RoutedExchange.Result result = run(p, CHAT);
      assertEquals(200, result.status());
      assertEquals(answer, text(result), "Content-Length " + declared);
    }
  }

  /** {@code bytes}, seven at a time, as a slow connection hands them over. */
  private static InputStream trickling(byte[] bytes) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 7));
      }
    };
  }

  @Test
  void aClientErrorIsNeitherRetriedNorFallenBackFrom() throws IOException {
    Pipeline p = pipeline("routes:\n  - {name: main, to: [mock-a, mock-b]}\n"
        + "resilience: {retry: {max_attempts: 3, backoff: 1ms..2ms}}\n");
    upstream.always(A, r -> FakeUpstream.json(400, "{\"error\":{\"message\":\"bad\"}}"));
    RoutedExchange.Result result = run(p, CHAT);
    assertEquals(400, result.status());
    assertEquals(1, upstream.sentTo(A));
    assertEquals(0, upstream.sentTo(B));
  }

  @Test
  void aDeadPrimaryFallsBackAndTheForeignTargetGetsItsOwnKeyOnly() throws IOException {
    Pipeline p = pipeline("routes:\n  - {name: main, to: [mock-a, mock-b/gpt-4.1-mini]}\n");
    upstream.always(B, r -> FakeUpstream.json(200, ANSWER));
    RoutedExchange.Result result = run(p, CHAT);
    assertEquals(200, result.status());
    assertEquals(1, result.fallbacks());
    assertEquals("mock-b/gpt-4.1-mini", result.answeredBy().label());
    UpstreamRequest toA = upstream.sent.get(0);
    UpstreamRequest toB = upstream.sent.get(1);
    assertEquals("Bearer app-key-for-a", toA.header("authorization"), "the app's own provider keeps the app's key");
    assertEquals("Bearer key-for-b", toB.header("authorization"), "another provider gets the policy's key");
    assertEquals("/v1/chat/completions", toB.pathAndQuery());
    assertTrue(new String(toB.body(), StandardCharsets.UTF_8).contains("\"model\":\"gpt-4.1-mini\""));
    List<SpanData> tries = attempts();
    assertEquals(9001L, tries.get(0).getAttributes().get(AttributeKey.longKey("server.port")));
    assertEquals("127.0.0.1", tries.get(tries.size() - 1).getAttributes().get(AttributeKey.stringKey("server.address")));
    assertEquals(9002L, tries.get(tries.size() - 1).getAttributes().get(AttributeKey.longKey("server.port")),
        "each attempt names where it went");
    SpanData call = spans.getFinishedSpanItems().stream().filter(s -> !s.getName().startsWith("attempt")).findFirst()
        .orElse(null);
    assertNull(call, "the call span ends when the response is complete, not before");
  }

  @Test
  void theBreakerOpensAndTheDeadTargetStopsBeingHit() throws IOException {
    Pipeline p = pipeline("routes:\n  - {name: main, to: [mock-a, mock-b]}\n"
        + "resilience: {circuit_breaker: {failure_rate: 0.5, minimum_calls: 3, open_for: 1m}}\n");
    upstream.always(B, r -> FakeUpstream.json(200, ANSWER));
    for (int i = 0; i < 10; i++) {
      assertEquals(200, run(p, CHAT).status());
    }
    assertEquals(3, upstream.sentTo(A), "after three failures the breaker keeps calls away from the dead target");
    assertEquals(10, upstream.sentTo(B));
    assertTrue(attempts().stream().anyMatch(s -> "breaker_open".equals(
        s.getAttributes().get(AttributeKey.stringKey("airlock.attempt.outcome")))));
  }

  @Test
  void aStreamCutBeforeItsFirstEventFailsOverAndOneCutLaterEndsWithAnErrorEvent() throws IOException {
    Pipeline p = pipeline("routes:\n  - {name: main, to: [mock-a, mock-b]}\n");
    String roleOnly = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
        + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"},\"finish_reason\":null}]}\n\n";
    upstream.then(A, r -> FakeUpstream.sseThenFail(roleOnly))
        .then(A, r -> FakeUpstream.sseThenFail(EVENTS.substring(0, EVENTS.indexOf("\n\n") + 2)));
    upstream.always(B, r -> FakeUpstream.sse(EVENTS + "data: [DONE]\n\n"));
    RoutedExchange.Result failedOver = run(p, CHAT_STREAM);
    assertEquals(1, failedOver.fallbacks(), "only a role chunk came before the cut: nothing worth keeping");
    assertTrue(text(failedOver).endsWith("data: [DONE]\n\n"));

    RoutedExchange.Result cut = run(p, CHAT_STREAM);
    assertEquals(0, cut.fallbacks(), "the app already had the first event: no failover");
    String events = text(cut);
    assertTrue(events.startsWith("data: {\"id\":\"c1\""), events);
    assertTrue(events.endsWith("\n\n") && events.contains("\"error\""), "ends with a whole error event: " + events);
  }

  @Test
  void whenEveryTargetFailsTheDegradedAnswerIsInTheAppsFormat() throws IOException {
    Pipeline p = pipeline("routes:\n  - {name: main, to: [mock-a, mock-b]}\n"
        + "resilience: {degrade: {message: 'Busy, try later.'}}\n");
    RoutedExchange.Result whole = run(p, CHAT);
    assertTrue(whole.degraded());
    assertEquals(200, whole.status());
    String json = text(whole);
    assertTrue(json.contains("\"chat.completion\"") && json.contains("Busy, try later."), json);
    RoutedExchange.Result stream = run(p, CHAT_STREAM);
    String events = text(stream);
    assertTrue(events.contains("Busy, try later.") && events.endsWith("data: [DONE]\n\n"), events);
  }

  @Test
  void withoutADegradedAnswerTheLastFailureReachesTheApp() {
    Pipeline p = pipeline("routes:\n  - {name: main, to: [mock-a, mock-b]}\n");
    assertThrows(ConnectException.class, () -> run(p, CHAT));
  }

  @Test
  void anOpenAiCallIsServedInTheAnthropicFormatAndTranslatedBack() throws IOException {
    Pipeline p = pipeline("routes:\n  - {name: claude, to: claude/claude-3-5-haiku-latest}\n");
    upstream.always(C, r -> FakeUpstream.json(200, "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"model\":\"claude-3-5-haiku-latest\",\"content\":[{\"type\":\"text\",\"text\":\"hello from claude\"}],"
        + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":5,\"output_tokens\":3}}"));
    RoutedExchange.Result result = run(p, CHAT);
    UpstreamRequest sent = upstream.sent.get(0);
    assertEquals("/v1/messages", sent.pathAndQuery());
    assertEquals("key-for-c", sent.header("x-api-key"));
    assertNull(sent.header("authorization"), "the app's OpenAI key never reaches Anthropic");
    assertEquals(TargetRequests.ANTHROPIC_VERSION, sent.header("anthropic-version"));
    String answer = text(result);
    assertTrue(answer.contains("\"chat.completion\"") && answer.contains("hello from claude"), answer);
    assertTrue(answer.contains("\"prompt_tokens\":5"), answer);
  }

  @Test
  void aCallRoutedToAnotherProviderIsNamedByWhereItWentAndKeepsWhatTheAppAddressed() throws IOException {
    Pipeline p = pipeline("routes:\n  - {name: claude, to: claude/claude-3-5-haiku-latest}\n");
    upstream.always(C, r -> FakeUpstream.json(200, "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"model\":\"claude-3-5-haiku-latest\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],"
        + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":5,\"output_tokens\":3}}"));
    finish(begin(p, CHAT));
    SpanData call = callSpan();
    assertEquals("chat claude-3-5-haiku-latest", call.getName());
    assertEquals("anthropic", call.getAttributes().get(AttributeKey.stringKey("gen_ai.provider.name")));
    assertEquals("claude", call.getAttributes().get(AttributeKey.stringKey("airlock.provider")));
    assertEquals("claude-3-5-haiku-latest", call.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model")));
    assertEquals(9003L, call.getAttributes().get(AttributeKey.longKey("server.port")));
    assertEquals("mock-a", call.getAttributes().get(AttributeKey.stringKey("airlock.app.provider")));
    assertEquals("gpt-4o-mini", call.getAttributes().get(AttributeKey.stringKey("airlock.app.model")));

    spans.reset();
    Pipeline same = pipeline("routes:\n  - {name: main, to: mock-a}\n");
    upstream.always(A, r -> FakeUpstream.json(200, ANSWER));
    finish(begin(same, CHAT));
    SpanData unmoved = callSpan();
    assertEquals("chat gpt-4o-mini", unmoved.getName());
    assertEquals("mock-a", unmoved.getAttributes().get(AttributeKey.stringKey("airlock.provider")));
    assertEquals(9001L, unmoved.getAttributes().get(AttributeKey.longKey("server.port")));
    assertNull(unmoved.getAttributes().get(AttributeKey.stringKey("airlock.app.provider")),
        "a call that stayed where the app sent it names nothing twice");
  }

  private void finish(LlmCall call) throws IOException {
    RoutedExchange.Result result = call.exchange(upstream, new AppRequest("http", "127.0.0.1", 9001,
        "/v1/chat/completions", Map.of("Content-Type", List.of("application/json"))));
    byte[] answer = result.body().readAllBytes();
    // As the doors do: no output rules here, so the answer passes through observed.
    call.onResponse(result.status(), result.contentType());
    call.observe(answer, 0, answer.length);
    call.complete();
  }

  private SpanData callSpan() {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getName().startsWith("chat ")).findFirst()
        .orElseThrow(() -> new AssertionError("no call span in " + spans.getFinishedSpanItems()));
  }

  @Test
  void requireRegionNeverLeavesTheRegionEvenWhenTheInRegionTargetIsDown() throws IOException {
    Pipeline p = pipeline("routes:\n  - {name: eu-only, to: mock-b, require_region: eu}\n"
        + "resilience: {retry: {max_attempts: 2, backoff: 1ms..2ms}}\n");
    upstream.always(A, r -> FakeUpstream.json(200, ANSWER));
    assertThrows(ConnectException.class, () -> run(p, CHAT));
    assertEquals(0, upstream.sentTo(A), "the app's own provider is in the us: never tried");
    assertEquals(2, upstream.sentTo(B));
  }

  @Test
  void aRegionRuleThatLeavesNoTargetBlocksTheCall() {
    Pipeline p = pipeline("routes:\n  - {name: eu-only, require_region: eu}\n");
    LlmCall call = begin(p, CHAT);
    assertFalse(call.routed());
    assertEquals("route:eu-only", call.blockedAnswer().rule());
    assertTrue(new String(call.blockedAnswer().body(), StandardCharsets.UTF_8).contains("requires region eu"));
  }

  @Test
  void aDenyingRouteBlocksInTheProvidersFormat() {
    Pipeline p = pipeline("routes:\n  - {name: kill-switch, when: {model: 'gpt-4o*'}, deny: 'Switched off.'}\n");
    LlmCall call = begin(p, CHAT);
    assertFalse(call.routed());
    assertNotNull(call.blockedAnswer());
    assertEquals("route:kill-switch", call.blockedAnswer().rule());
    assertTrue(new String(call.blockedAnswer().body(), StandardCharsets.UTF_8).contains("Switched off."));
    assertEquals(0, upstream.sent.size());
  }

  @Test
  void theFirstMatchingRouteWins() throws IOException {
    Pipeline p = pipeline("routes:\n"
        + "  - {name: other-model, when: {model: 'claude*'}, to: claude/claude-3-5-haiku-latest}\n"
        + "  - {name: minis, when: {model: 'gpt-4o*'}, to: mock-b}\n"
        + "  - {name: rest, to: claude/claude-3-5-haiku-latest}\n");
    upstream.always(B, r -> FakeUpstream.json(200, ANSWER));
    assertEquals(200, run(p, CHAT).status());
    assertEquals(1, upstream.sentTo(B));
    assertEquals(0, upstream.sentTo(C));
  }

  @Test
  void sensitiveDataStaysInRegionUnredactedWhileOtherCallsArePseudonymized() throws IOException {
    Pipeline p = pipeline(String.join("\n",
        "pii: {detect: [iban, email], action: pseudonymize}",
        "routes:",
        "  - {name: sensitive, when: {pii: [iban]}, to: mock-b, pii: {action: detect}, require_region: eu}",
        "  - {name: default, to: mock-a}",
        ""));
    upstream.always(A, r -> FakeUpstream.json(200, ANSWER)).always(B, r -> FakeUpstream.json(200, ANSWER));
    String iban = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":"
        + "\"Pay DE89 3704 0044 0532 0130 00 today\"}]}";
    String email = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":"
        + "\"Write to ana.silva@example.com\"}]}";
    run(p, iban);
    run(p, email);
    String toEu = new String(upstream.sent.get(0).body(), StandardCharsets.UTF_8);
    String toUs = new String(upstream.sent.get(1).body(), StandardCharsets.UTF_8);
    assertEquals(B, upstream.sent.get(0).host() + ":" + upstream.sent.get(0).port());
    assertTrue(toEu.contains("DE89 3704 0044 0532 0130 00"), "in-region, the route only detects: " + toEu);
    assertEquals(A, upstream.sent.get(1).host() + ":" + upstream.sent.get(1).port());
    assertTrue(toUs.contains("<EMAIL_1>") && !toUs.contains("ana.silva"), toUs);
  }

  @Test
  void routesMatchOnHeadersStreamingAndPromptSize() throws IOException {
    Pipeline p = pipeline(String.join("\n",
        "routes:",
        "  - {name: big, when: {prompt_tokens: '>=1k'}, to: claude/claude-3-5-haiku-latest}",
        "  - {name: streams, when: {stream: true}, to: mock-b}",
        "  - {name: beta, when: {headers: {authorization: 'Bearer app-*'}}, to: mock-a}",
        ""));
    upstream.always(A, r -> FakeUpstream.json(200, ANSWER)).always(B, r -> FakeUpstream.sse(EVENTS));
    assertEquals("streams", begin(p, CHAT_STREAM).plan().routeName());
    assertEquals("beta", begin(p, CHAT).plan().routeName());
    String big = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\""
        + "word ".repeat(1000) + "\"}]}";
    assertEquals("big", begin(p, big).plan().routeName());
  }

  @Test
  void aCanaryThatFailsIsRolledBack() throws IOException {
    Pipeline p = pipeline("routes:\n  - name: main\n    to: mock-b\n"
        + "    canary: {to: claude/claude-3-5-haiku-latest, percent: 100,"
        + " rollback_when: {error_rate: 0.5, minimum_calls: 3}}\n");
    upstream.always(B, r -> FakeUpstream.json(200, ANSWER));
    for (int i = 0; i < 8; i++) {
      assertEquals(200, run(p, CHAT).status());
    }
    assertEquals(3, upstream.sentTo(C), "three failed canary calls, then the canary is out");
    assertEquals(8, upstream.sentTo(B));
  }
}
