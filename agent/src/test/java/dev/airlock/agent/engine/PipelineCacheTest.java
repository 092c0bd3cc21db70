package dev.airlock.agent.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.cache.AnswerReplay;
import dev.airlock.agent.policy.PipelineStates;
import dev.airlock.agent.telemetry.LlmInstruments;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import dev.airlock.agent.telemetry.GenAiAttributes;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact cache inside the pipeline: what is stored, for whom, and what is never served. */
class PipelineCacheTest {

  private static final String POLICY = String.join("\n",
      "airlock: 1",
      "name: cache-test",
      "providers:",
      "  mock-a: {format: openai, base_url: 'http://127.0.0.1:9001/v1'}",
      "identity:",
      "  tenant: [header:X-Tenant-Id]",
      "cache: {exact: {ttl: 1h, max_size: 1MB}}",
      "");
  private static final String DETERMINISTIC = "{\"model\":\"gpt-4o-mini\",\"temperature\":0,"
      + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
  private static final String SAMPLED = "{\"model\":\"gpt-4o-mini\",\"temperature\":0.7,"
      + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
  private static final byte[] ANSWER = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\","
      + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hello\"},"
      + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}")
      .getBytes(StandardCharsets.UTF_8);

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final Pipeline pipeline = pipeline(OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .build());

  private static Pipeline pipeline(OpenTelemetry otel) {
    PolicyLoadResult loaded = PolicyLoader.parse("p.yaml", POLICY.getBytes(StandardCharsets.UTF_8));
    assertTrue(loaded.ok(), loaded.problems().toString());
    return new Pipeline(PipelineStates.of(loaded.policy().get()), new LlmInstruments(otel, "t"));
  }

  private LlmCall begin(String body, String tenant) {
    ProviderMatch match = pipeline.match("127.0.0.1", 9001, "/v1/chat/completions");
    Map<String, String> headers = tenant == null ? Map.of() : Map.of("x-tenant-id", tenant);
    return pipeline.begin(match, "test", "127.0.0.1", 9001, "/v1/chat/completions",
        name -> headers.get(name.toLowerCase(java.util.Locale.ROOT)), body.getBytes(StandardCharsets.UTF_8));
  }

  private static void answer(LlmCall call, int status) {
    call.onResponse(status, "application/json");
    call.observe(ANSWER, 0, 20);
    call.observe(ANSWER, 20, ANSWER.length - 20);
    call.complete();
  }

  @Test
  void anAnswerIsServedAgainToTheSameTenantOnly() {
    LlmCall first = begin(DETERMINISTIC, "acme");
    assertNull(first.cachedAnswer());
    answer(first, 200);
    LlmCall again = begin(DETERMINISTIC, "acme");
    assertNotNull(again.cachedAnswer(), "the same tenant gets the stored answer");
    assertArrayEquals(ANSWER, AnswerReplay.bytes(again.cachedAnswer()));
    assertFalse(again.routed());
    assertNull(begin(DETERMINISTIC, "globex").cachedAnswer(), "another tenant never does");
    assertNull(begin(DETERMINISTIC, null).cachedAnswer(), "nor a call without a tenant");
  }

  @Test
  void aHitReportsTheStoredAnswersResponseAsAMissReportsTheProvidersOne() {
    answer(begin(DETERMINISTIC, "acme"), 200);
    LlmCall hit = begin(DETERMINISTIC, "acme");
    assertNotNull(hit.cachedAnswer());
    answer(hit, 200);
    // A door that hands over other bytes than the stored ones (a cut replay): those are read instead.
    LlmCall cut = begin(DETERMINISTIC, "acme");
    assertNotNull(cut.cachedAnswer());
    cut.onResponse(200, "application/json");
    cut.observe(ANSWER, 0, ANSWER.length - 1);
    cut.complete();
    List<SpanData> ended = spans.getFinishedSpanItems();
    assertEquals(3, ended.size());
    Attributes miss = ended.get(0).getAttributes();
    Attributes replayed = ended.get(1).getAttributes();
    assertEquals("hit", replayed.get(GenAiAttributes.AIRLOCK_CACHE));
    assertEquals("c1", replayed.get(GenAiAttributes.RESPONSE_ID));
    assertEquals(miss.get(GenAiAttributes.RESPONSE_ID), replayed.get(GenAiAttributes.RESPONSE_ID));
    assertEquals(miss.get(GenAiAttributes.RESPONSE_MODEL), replayed.get(GenAiAttributes.RESPONSE_MODEL));
    assertEquals(miss.get(GenAiAttributes.RESPONSE_FINISH_REASONS),
        replayed.get(GenAiAttributes.RESPONSE_FINISH_REASONS));
    Attributes unreadable = ended.get(2).getAttributes();
    assertNull(unreadable.get(GenAiAttributes.RESPONSE_ID), "a cut body does not parse");
  }

  @Test
  void sampledRequestsAndErrorsAreNotStored() {
    answer(begin(SAMPLED, "acme"), 200);
    assertNull(begin(SAMPLED, "acme").cachedAnswer(), "temperature 0.7 is not deterministic");
    answer(begin(DETERMINISTIC, "initech"), 500);
    assertNull(begin(DETERMINISTIC, "initech").cachedAnswer(), "an error is never stored");
  }

  @Test
  void aFailedCallIsNotStored() {
    LlmCall call = begin(DETERMINISTIC, "umbrella");
    call.onResponse(200, "application/json");
    call.observe(ANSWER, 0, 20);
    call.fail(new java.io.IOException("connection reset"));
    assertNull(begin(DETERMINISTIC, "umbrella").cachedAnswer());
  }

  @Test
  void theQueryAndAnthropicsVersionAndBetaHeadersAreInTheKey() {
    Map<String, String> beta = Map.of("x-tenant-id", "acme", "anthropic-beta", "output-128k-2025-02-19");
    answer(beginWith(DETERMINISTIC, null, beta), 200);
    assertNotNull(beginWith(DETERMINISTIC, null, beta).cachedAnswer(), "the same beta gets the stored answer");
    assertNull(beginWith(DETERMINISTIC, null, Map.of("x-tenant-id", "acme")).cachedAnswer(),
        "without the beta the model may answer otherwise");
    assertNull(beginWith(DETERMINISTIC, null, Map.of("x-tenant-id", "acme", "anthropic-version", "2023-06-01",
        "anthropic-beta", "output-128k-2025-02-19")).cachedAnswer(), "nor with another version");

    Map<String, String> tenant = Map.of("x-tenant-id", "hooli");
    answer(beginWith(DETERMINISTIC, "api-version=2024-10-21", tenant), 200);
    assertNotNull(beginWith(DETERMINISTIC, "api-version=2024-10-21", tenant).cachedAnswer());
    assertNull(beginWith(DETERMINISTIC, "api-version=2025-01-01", tenant).cachedAnswer(), "another API version");
    assertNull(beginWith(DETERMINISTIC, null, tenant).cachedAnswer(), "no query at all");
  }

  private LlmCall beginWith(String body, String query, Map<String, String> headers) {
    ProviderMatch match = pipeline.match("127.0.0.1", 9001, "/v1/chat/completions");
    return pipeline.begin(match, "test", "127.0.0.1", 9001, "/v1/chat/completions", query,
        name -> headers.get(name.toLowerCase(java.util.Locale.ROOT)), body.getBytes(StandardCharsets.UTF_8));
  }
}
