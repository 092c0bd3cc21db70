package dev.airlock.agent.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.cache.AnswerReplay;
import dev.airlock.agent.cache.semantic.WordEmbedder;
import dev.airlock.agent.extension.Extensions;
import dev.airlock.agent.policy.PipelineStates;
import dev.airlock.agent.telemetry.LlmInstruments;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The semantic cache inside the pipeline, with a bag-of-words embedder standing in for a model. */
class PipelineSemanticCacheTest {

  private static final String POLICY = String.join("\n",
      "airlock: 1",
      "name: semantic-test",
      "providers:",
      "  mock-a: {format: openai, base_url: 'http://127.0.0.1:9001/v1'}",
      "identity:",
      "  tenant: [header:X-Tenant-Id]",
      "pii: {detect: [email], action: detect}",
      "cache: {semantic: {threshold: 0.9%s}}",
      "");
  private static final byte[] ANSWER = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\","
      + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Paris\"},"
      + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}")
      .getBytes(StandardCharsets.UTF_8);

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();

  @BeforeEach
  void installEmbedder() {
    Extensions.install(Extensions.of(List.of(new WordEmbedder.Provider())));
  }

  @AfterEach
  void uninstall() {
    Extensions.install(Extensions.NONE);
  }

  private Pipeline pipeline(String semanticExtra) {
    PolicyLoadResult loaded = PolicyLoader.parse("p.yaml",
        String.format(POLICY, semanticExtra).getBytes(StandardCharsets.UTF_8));
    assertTrue(loaded.ok(), loaded.problems().toString());
    OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .build();
    return new Pipeline(PipelineStates.of(loaded.policy().get()), new LlmInstruments(otel, "t"));
  }

  private static LlmCall ask(Pipeline pipeline, String question, String tenant) {
    String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
        + "{\"role\":\"user\",\"content\":\"" + question + "\"}]}";
    ProviderMatch match = pipeline.match("127.0.0.1", 9001, "/v1/chat/completions");
    Map<String, String> headers = tenant == null ? Map.of() : Map.of("x-tenant-id", tenant);
    return pipeline.begin(match, "test", "127.0.0.1", 9001, "/v1/chat/completions",
        name -> headers.get(name.toLowerCase(java.util.Locale.ROOT)), body.getBytes(StandardCharsets.UTF_8));
  }

  /** Answers a call that went to the provider, or replays a hit, as a door would. */
  private static void finish(LlmCall call) {
    byte[] bytes = call.cachedAnswer() != null ? AnswerReplay.bytes(call.cachedAnswer()) : ANSWER;
    call.onResponse(200, "application/json");
    call.observe(bytes, 0, bytes.length);
    call.complete();
  }

  private SpanData lastSpan() {
    List<SpanData> all = spans.getFinishedSpanItems();
    return all.get(all.size() - 1);
  }

  @Test
  void aSimilarQuestionOfTheSameTenantGetsTheStoredAnswer() {
    Pipeline pipeline = pipeline("");
    LlmCall first = ask(pipeline, "What is the capital of France?", "acme");
    assertNull(first.cachedAnswer());
    finish(first);
    assertEquals("miss", lastSpan().getAttributes().get(AttributeKey.stringKey("airlock.cache.semantic")));

    LlmCall similar = ask(pipeline, "what is the capital of France", "acme");
    assertNotNull(similar.cachedAnswer(), "the same words in another form: a hit");
    assertArrayEquals(ANSWER, AnswerReplay.bytes(similar.cachedAnswer()));
    finish(similar);
    SpanData hit = lastSpan();
    assertEquals("semantic_hit", hit.getAttributes().get(AttributeKey.stringKey("airlock.cache")));
    assertEquals(1.0, hit.getAttributes().get(AttributeKey.doubleKey("airlock.cache.similarity")), 1e-6);
    assertNotNull(hit.getAttributes().get(AttributeKey.doubleKey("airlock.cache.embedding_ms")));

    assertNull(ask(pipeline, "Tell me a joke about penguins", "acme").cachedAnswer(), "a dissimilar question");
    assertNull(ask(pipeline, "What is the capital of France?", "globex").cachedAnswer(), "another tenant");
    assertNull(ask(pipeline, "What is the capital of France?", null).cachedAnswer(), "no tenant");
  }

  @Test
  void aRequestWithPiiBypassesTheSemanticCacheUnlessAllowed() {
    Pipeline strict = pipeline("");
    finish(ask(strict, "Write to jane@example.com about the capital of France", "acme"));
    assertEquals("bypass_pii", lastSpan().getAttributes().get(AttributeKey.stringKey("airlock.cache.semantic")));
    assertNull(ask(strict, "Write to jane@example.com about the capital of France", "acme").cachedAnswer(),
        "neither stored nor served");

    Pipeline allowing = pipeline(", allow_pii: true");
    finish(ask(allowing, "Write to jane@example.com about the capital of France", "acme"));
    assertNotNull(ask(allowing, "write to jane@example.com about the capital of france", "acme").cachedAnswer());
  }

  @Test
  void withoutAnEmbedderTheSemanticCacheIsOffAndCallsGoOut() {
    Extensions.install(Extensions.NONE);
    Pipeline pipeline = pipeline("");
    assertNull(pipeline.state().semanticCache());
    finish(ask(pipeline, "What is the capital of France?", "acme"));
    assertNull(ask(pipeline, "What is the capital of France?", "acme").cachedAnswer());
  }

  @Test
  void aFailingEmbedderOnlySendsTheCallToTheProvider() {
    Extensions.install(Extensions.of(List.of(new dev.airlock.spi.EmbedderProvider() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public dev.airlock.spi.Embedder open() {
        return new dev.airlock.spi.Embedder() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public int dimensions() {
            return 3;
          }

          @Override
          public float[] embed(String text) {
            throw new IllegalStateException("model crashed");
          }
        };
      }
    })));
    Pipeline pipeline = pipeline("");
    LlmCall call = ask(pipeline, "What is the capital of France?", "acme");
    assertNull(call.cachedAnswer());
    finish(call);
    assertEquals("error", lastSpan().getAttributes().get(AttributeKey.stringKey("airlock.cache.semantic")));
  }
}
