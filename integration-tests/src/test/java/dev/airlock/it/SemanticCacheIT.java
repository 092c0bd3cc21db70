package dev.airlock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.it.TelemetryFile.SpanRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The semantic cache end to end: the built agent jar with the semantic-cache extension jar (the
 * real all-MiniLM-L6-v2 model) in front of an unmodified OpenAI SDK app. A paraphrase reaches the
 * provider once and gets the first question's answer in the app's own format (whole and
 * streamed); a different question, another tenant, and a request with PII reach the provider.
 */
class SemanticCacheIT extends WithMockProvider {

  private static final String FRANCE = "What is the capital of France?";
  /** all-MiniLM-L6-v2 puts this at a cosine similarity of about 0.95 to {@link #FRANCE}. */
  private static final String FRANCE_AGAIN = "What's the capital city of France?";
  private static final String BREAD = "How do I bake sourdough bread?";
  private static final String WITH_EMAIL = "Email jane.doe@example.com the capital of France.";

  private static String policy(String semantic) {
    return String.join("\n",
        "identity:",
        "  tenant: [header:X-Tenant-Id]",
        "pii: {detect: [email], action: detect}",
        "cache:",
        "  semantic: {" + semantic + "}");
  }

  private AppRun.Result run(String semantic, Path telemetry, String... asks) throws Exception {
    String agent = "policy=" + MockPolicy.write(dir, mock.port(), policy(semantic)) + ",telemetry=" + telemetry
        + ",extensions=" + BuildOutputs.semanticCacheExtension();
    return AppRun.of("openai-app").args(asks)
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1").env("OPENAI_API_KEY", "sk-test")
        .withAgent(agent).run();
  }

  /** The bodies the provider received, in order. */
  private List<String> sent() {
    List<String> bodies = new ArrayList<>();
    mock.requests().forEach(r -> bodies.add(r.body()));
    return bodies;
  }

  @Test
  void aParaphraseIsAnsweredFromTheCacheButNotForOtherQuestionsTenantsOrPii() throws Exception {
    Path telemetry = dir.resolve("t.jsonl");
    AppRun.Result run = run("threshold: 0.9, ttl: 1h", telemetry,
        "ask@acme=" + FRANCE,
        "ask@acme=" + FRANCE_AGAIN,
        "ask@acme=" + BREAD,
        "ask@globex=" + FRANCE,
        "ask@acme=" + WITH_EMAIL,
        "ask@acme=" + WITH_EMAIL,
        "ask-stream@acme=" + FRANCE,
        "ask-stream@acme=" + FRANCE_AGAIN);
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(run.agentLines().get(0).contains(
        "| extensions airlock-semantic-cache.jar (all-minilm-l6-v2 loaded in "), run.stderr);
    List<String> lines = run.stdout.lines().collect(Collectors.toList());
    assertEquals(8, lines.size(), run.stdout);
    assertTrue(lines.get(1).startsWith("ask@acme: You said: " + FRANCE + " |"),
        "the paraphrase gets the first question's answer, in the SDK's own types: " + lines.get(1));
    assertEquals(lines.get(0), lines.get(1));
    assertTrue(lines.get(2).contains("You said: " + BREAD), lines.get(2));
    assertTrue(lines.get(3).startsWith("ask@globex: You said: " + FRANCE), lines.get(3));
    assertTrue(lines.get(7).startsWith("ask-stream@acme: You said: " + FRANCE + " |"),
        "a streamed paraphrase gets the first stream replayed: " + lines.get(7));
    assertEquals(lines.get(6), lines.get(7), "chunk for chunk");

    List<String> sent = sent();
    assertEquals(6, sent.size(), "two paraphrases were answered from the cache: " + sent);
    assertEquals(0, sent.stream().filter(b -> b.contains("capital city")).count(),
        "the paraphrases never reached the provider");
    assertEquals(2, sent.stream().filter(b -> b.contains("jane.doe@example.com")).count(),
        "the PII question went out both times: never stored, never served");

    List<SpanRecord> spans = TelemetryFile.read(telemetry).spans;
    assertEquals(List.of("miss", "hit", "miss", "miss", "bypass_pii", "bypass_pii", "miss", "hit"),
        spans.stream().map(s -> s.attr("airlock.cache.semantic")).collect(Collectors.toList()));
    for (SpanRecord hit : spans.stream().filter(s -> "semantic_hit".equals(s.attr("airlock.cache")))
        .collect(Collectors.toList())) {
      assertTrue(hit.doubleAttr("airlock.cache.similarity") >= 0.9, hit.toString());
      assertEquals(0.0, hit.doubleAttr("airlock.cost.usd"), "a hit costs nothing");
      assertTrue(hit.doubleAttr("airlock.cache.saved_usd") > 0, hit.toString());
    }
    assertTrue(spans.get(2).doubleAttr("airlock.cache.similarity") < 0.5, "bread is far from France");
  }

  @Test
  void withAllowPiiARequestWithPiiIsCachedToo() throws Exception {
    AppRun.Result run = run("threshold: 0.9, allow_pii: true", dir.resolve("t.jsonl"),
        "ask@acme=" + WITH_EMAIL, "ask@acme=" + WITH_EMAIL.toLowerCase(java.util.Locale.ROOT));
    assertEquals(0, run.exitCode, run.toString());
    assertEquals(1, mock.requests().size(), run.stdout);
  }

  @Test
  void aProvidersEmbeddingsEndpointCanMakeTheVectorsInstead() throws Exception {
    // No extension: the mock's own embeddings endpoint (vectors from hashes: equal texts, equal vectors).
    Path telemetry = dir.resolve("t.jsonl");
    // The same endpoint as a provider of its own, with the key the agent sends (the mock wants one).
    String embeddingsProvider = "  mock-embeddings: {format: openai, base_url: '" + mock.baseUrl() + "/v1',"
        + " api_key: '${env:EMBEDDINGS_KEY}'}";
    String agent = "policy=" + MockPolicy.write(dir, mock.port(), embeddingsProvider,
        policy("threshold: 0.99, embedder: mock-embeddings/text-embedding-3-small")) + ",telemetry=" + telemetry;
    AppRun.Result run = AppRun.of("openai-app").args("ask@acme=" + FRANCE, "ask@acme=" + FRANCE, "ask@acme=" + BREAD)
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1").env("OPENAI_API_KEY", "sk-test")
        .env("EMBEDDINGS_KEY", "sk-embeddings")
        .withAgent(agent).run();
    assertEquals(0, run.exitCode, run.toString());
    List<String> paths = new ArrayList<>();
    mock.requests().forEach(r -> paths.add(r.path()));
    assertEquals(List.of("/v1/embeddings", "/v1/chat/completions", "/v1/embeddings", "/v1/embeddings",
        "/v1/chat/completions"), paths, "each question embedded by the provider; the repeat answered in-process");
    assertTrue(mock.requests().get(0).body().contains("\"model\":\"text-embedding-3-small\""));
    assertEquals("Bearer sk-embeddings", mock.requests().get(0).header("authorization"),
        "the embeddings provider's own key from the policy, not the application's");
    List<SpanRecord> spans = TelemetryFile.read(telemetry).spans;
    assertEquals(List.of("miss", "hit", "miss"),
        spans.stream().map(s -> s.attr("airlock.cache.semantic")).collect(Collectors.toList()),
        "one span per application call: the agent's own embeddings calls are not the app's");
  }

  @Test
  void aMissingExtensionIsReportedAndTheAppRunsWithoutTheSemanticCache() throws Exception {
    String agent = "policy=" + MockPolicy.write(dir, mock.port(), policy("threshold: 0.9"))
        + ",extensions=" + dir.resolve("no-such-extension.jar");
    AppRun.Result run = AppRun.of("openai-app").args("ask@acme=" + FRANCE, "ask@acme=" + FRANCE)
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1").env("OPENAI_API_KEY", "sk-test")
        .withAgent(agent).run();
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(run.agentLines().stream().anyMatch(l -> l.contains("no-such-extension.jar is not a readable file")),
        run.stderr);
    assertTrue(run.agentLines().stream().anyMatch(l -> l.contains("cache.semantic is off")), run.stderr);
    assertEquals(2, mock.requests().size());
  }
}
