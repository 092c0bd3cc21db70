package dev.airlock.agent.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.codec.WireFormat;
import dev.airlock.agent.cost.Price;
import dev.airlock.agent.cost.PriceTable;
import dev.airlock.agent.telemetry.GenAiAttributes;
import dev.airlock.agent.telemetry.LlmInstruments;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine without any transport: a request in, response bytes through, one span out. */
class PipelineTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private Pipeline pipeline;

  @BeforeEach
  void setUp() {
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .build();
    ProviderRegistry registry = ProviderRegistry.of(List.of(ProviderEndpoint.builder()
        .providerName("mock").semconvProviderName("openai").format(WireFormat.OPENAI)
        .host("127.0.0.1").port(8080).basePath("/v1").build()));
    PriceTable prices = PriceTable.builtIn().withOverrides(Map.of("gpt-4o-mini", Price.of(1.0, 2.0)));
    pipeline = new Pipeline(new PipelineState(registry, prices, new PolicyIdentity("p", "1", "ab"),
        new dev.airlock.agent.redact.RequestGuard(null, null, null, null)),
        new LlmInstruments(sdk, "test"));
  }

  private LlmCall begin(String body, Map<String, String> headers) {
    ProviderMatch match = pipeline.match("127.0.0.1", 8080, "/v1/chat/completions");
    return pipeline.begin(match, "test", "127.0.0.1", 8080, "/v1/chat/completions", headers::get,
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aNonStreamedAnswerGivesUsageCostAndModel() throws IOException {
    LlmCall call = begin(payload("openai/chat-request.json"), Map.of());
    assertFalse(call.requestChanged());
    call.onResponse(200, "application/json");
    byte[] body = payload("openai/chat-response.json").getBytes(StandardCharsets.UTF_8);
    call.observe(body, 0, 10);
    call.observe(body, 10, body.length - 10);
    call.cancel(); // SDKs close once the JSON is read: not a cancellation
    SpanData span = onlySpan();
    assertEquals("chat gpt-4o-mini", span.getName());
    long in = span.getAttributes().get(GenAiAttributes.USAGE_INPUT_TOKENS);
    long out = span.getAttributes().get(GenAiAttributes.USAGE_OUTPUT_TOKENS);
    assertTrue(in > 0 && out > 0);
    assertNull(span.getAttributes().get(GenAiAttributes.ERROR_TYPE));
    assertEquals(in * 1.0 / 1e6 + out * 2.0 / 1e6, span.getAttributes().get(GenAiAttributes.AIRLOCK_COST_USD), 1e-12);
    assertNotNull(span.getAttributes().get(GenAiAttributes.AIRLOCK_SYSTEM_PROMPT_FINGERPRINT));
    assertEquals("p", span.getAttributes().get(GenAiAttributes.AIRLOCK_POLICY_NAME));
  }

  @Test
  void aStreamWithoutUsageIsAskedForItAndTheUsageChunkNeverReachesTheApp() throws IOException {
    String request = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    LlmCall call = begin(request, Map.of());
    assertTrue(call.requestChanged());
    assertTrue(new String(call.outgoingBody(), StandardCharsets.UTF_8).contains("\"include_usage\":true"));
    assertTrue(call.rewritesResponse());

    call.onResponse(200, "text/event-stream; charset=utf-8");
    byte[] stream = payload("openai/chat-stream.sse").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream toApp = new ByteArrayOutputStream();
    for (int at = 0; at < stream.length; at += 13) {
      toApp.writeBytes(call.rewrite(stream, at, Math.min(13, stream.length - at)));
    }
    toApp.writeBytes(call.finishRewrite());
    call.complete();

    String seen = toApp.toString(StandardCharsets.UTF_8);
    assertFalse(seen.contains("\"choices\":[]"), "the usage-only chunk is removed: " + seen);
    assertTrue(seen.contains("data: [DONE]"));
    SpanData span = onlySpan();
    assertTrue(span.getAttributes().get(GenAiAttributes.USAGE_OUTPUT_TOKENS) > 0);
    assertNotNull(span.getAttributes().get(GenAiAttributes.RESPONSE_TIME_TO_FIRST_CHUNK));
    assertNull(span.getAttributes().get(GenAiAttributes.ERROR_TYPE));
  }

  @Test
  void aStreamTheAppAskedUsageForPassesThroughByteForByte() throws IOException {
    String request = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    LlmCall call = begin(request, Map.of());
    assertFalse(call.requestChanged());
    assertFalse(call.rewritesResponse());
    byte[] sent = request.getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(sent, call.outgoingBody());
  }

  @Test
  void anErrorStatusIsTheSpansErrorType() throws IOException {
    LlmCall call = begin(payload("openai/chat-request.json"), Map.of());
    call.onResponse(429, "application/json");
    byte[] body = payload("openai/error-rate-limit.json").getBytes(StandardCharsets.UTF_8);
    call.observe(body, 0, body.length);
    call.complete();
    assertEquals("429", onlySpan().getAttributes().get(GenAiAttributes.ERROR_TYPE));
  }

  @Test
  void aStreamCutBeforeItsLastEventIsIncomplete() throws IOException {
    LlmCall call = begin("{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
        + "\"messages\":[]}", Map.of());
    call.onResponse(200, "text/event-stream");
    String stream = payload("openai/chat-stream.sse");
    byte[] firstHalf = stream.substring(0, stream.length() / 2).getBytes(StandardCharsets.UTF_8);
    call.observe(firstHalf, 0, firstHalf.length);
    call.cancel();
    assertEquals("cancelled", onlySpan().getAttributes().get(GenAiAttributes.ERROR_TYPE));
  }

  @Test
  void aTransportFailureIsRecordedOnce() throws IOException {
    LlmCall call = begin(payload("openai/chat-request.json"), Map.of());
    call.fail(new java.net.ConnectException("refused"));
    call.complete();
    assertEquals("java.net.ConnectException", onlySpan().getAttributes().get(GenAiAttributes.ERROR_TYPE));
  }

  @Test
  void aW3cTraceparentMakesTheSpanItsChild() throws IOException {
    LlmCall call = begin(payload("openai/chat-request.json"),
        Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    call.fail(new IOException("x"));
    SpanData span = onlySpan();
    assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", span.getTraceId());
    assertEquals("00f067aa0ba902b7", span.getParentSpanId());
  }

  @Test
  void anAnswerThatBreaksTheRequestsJsonSchemaIsFlaggedOnTheSpanWithWhyButNoValue() {
    dev.airlock.policy.PolicyLoadResult loaded = dev.airlock.policy.PolicyLoader.parse("p.yaml",
        "airlock: 1\nname: t\nguardrails:\n  output:\n    json: flag\n".getBytes(StandardCharsets.UTF_8));
    dev.airlock.policy.GuardrailsPolicy guardrails = loaded.policy().get().guardrails().get();
    pipeline.install(new PipelineState(pipeline.state().registry(), PriceTable.builtIn(), new PolicyIdentity("p", "1", "ab"),
        new dev.airlock.agent.redact.RequestGuard(null, null, guardrails, null,
            dev.airlock.agent.redact.OutputGuard.of(guardrails, null))));
    LlmCall call = begin("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"age?\"}],"
        + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"a\",\"schema\":"
        + "{\"type\":\"object\",\"properties\":{\"age\":{\"type\":\"integer\"}},\"required\":[\"age\"]}}}}", Map.of());
    byte[] answer = ("{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"age\\\":\\\"forty-two\\\"}\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3,\"total_tokens\":8}}").getBytes(StandardCharsets.UTF_8);

    LlmCall.WholeAnswer delivered = call.finishWholeAnswer(200, "application/json", answer);

    assertEquals(200, delivered.status(), "json: flag lets the answer through");
    SpanData span = onlySpan();
    assertEquals(Boolean.TRUE, span.getAttributes().get(GenAiAttributes.AIRLOCK_OUTPUT_JSON_INVALID));
    String problem = span.getAttributes().get(GenAiAttributes.AIRLOCK_OUTPUT_JSON_PROBLEM);
    assertNotNull(problem);
    assertTrue(problem.contains("age"), problem);
    assertFalse(problem.contains("forty-two"), "never a value from the answer: " + problem);
  }

  @Test
  void aBodyThatIsNotJsonPassesThroughWithoutASpan() {
    assertNull(begin("not json", Map.of()));
    assertTrue(spans.getFinishedSpanItems().isEmpty());
  }

  @Test
  void promptTextNeverBecomesAnAttribute() throws IOException {
    LlmCall call = begin(payload("openai/chat-request.json"), Map.of());
    call.fail(new IOException("x"));
    for (Map.Entry<AttributeKey<?>, Object> e : onlySpan().getAttributes().asMap().entrySet()) {
      assertFalse(String.valueOf(e.getValue()).contains("test assistant"), e.toString());
    }
  }

  private SpanData onlySpan() {
    List<SpanData> finished = spans.getFinishedSpanItems();
    assertEquals(1, finished.size(), finished.toString());
    return finished.get(0);
  }

  private static String payload(String name) throws IOException {
    try (InputStream in = PipelineTest.class.getResourceAsStream("/payloads/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
