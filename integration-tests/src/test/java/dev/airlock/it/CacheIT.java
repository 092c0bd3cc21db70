package dev.airlock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.it.TelemetryFile.SpanRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The exact cache end to end: a repeated deterministic call reaches the provider once, streams
 * included (replayed with their chunking), on both doors; a sampled call reaches it every time.
 */
class CacheIT extends WithMockProvider {

  private static final String CACHE = "cache: {exact: {ttl: 1h, max_size: 16MB, when: deterministic}}";

  private String agent(Path telemetry) throws Exception {
    return "policy=" + MockPolicy.write(dir, mock.port(), CACHE) + ",telemetry=" + telemetry;
  }

  private static List<String> answers(AppRun.Result run) {
    return run.stdout.lines().collect(Collectors.toList());
  }

  @Test
  void aRepeatedDeterministicCallReachesTheProviderOnceStreamsIncluded() throws Exception {
    Path telemetry = dir.resolve("t.jsonl");
    AppRun.Result run = AppRun.of("openai-app").args("chat", "chat", "stream", "stream")
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1").env("OPENAI_API_KEY", "sk-test")
        .withAgent(agent(telemetry)).run();
    assertEquals(0, run.exitCode, run.toString());
    List<String> lines = answers(run);
    assertEquals(lines.get(0).replaceFirst("^chat: ", ""), lines.get(1).replaceFirst("^chat: ", ""),
        "the cached answer is the same answer");
    assertEquals(lines.get(2), lines.get(3), "the replayed stream reads the same, chunk for chunk");
    assertEquals(2, mock.requests().size(), "one chat and one stream reached the provider");
    List<SpanRecord> spans = TelemetryFile.read(telemetry).spans;
    assertEquals(List.of("miss", "hit", "miss", "hit"),
        spans.stream().map(s -> s.attr("airlock.cache")).collect(Collectors.toList()));
    for (SpanRecord hit : spans.stream().filter(s -> "hit".equals(s.attr("airlock.cache"))).collect(Collectors.toList())) {
      assertEquals(0.0, hit.doubleAttr("airlock.cost.usd"), "a hit costs nothing");
      assertTrue(hit.doubleAttr("airlock.cache.saved_usd") > 0, hit.toString());
    }
    double saved = TelemetryFile.read(telemetry).metrics.get("airlock.cache.saved").stream()
        .mapToDouble(p -> p.value).sum();
    assertTrue(saved > 0, "the saving is counted");
  }

  @Test
  void replicasSharingRedisShareTheCache() throws Exception {
    try (LocalRedis redis = LocalRedis.start()) {
      String policy = "policy=" + MockPolicy.write(dir, mock.port(), CACHE + "\nstate: " + redis.uri());
      for (String replica : new String[] {"a", "b"}) {
        AppRun.Result run = AppRun.of("openai-app").args("chat", "stream")
            .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1").env("OPENAI_API_KEY", "sk-test")
            .withAgent(policy + ",telemetry=" + dir.resolve(replica + ".jsonl")).run();
        assertEquals(0, run.exitCode, run.toString());
      }
      assertEquals(2, mock.requests().size(), "the second JVM answered both calls from the first one's answers");
      assertEquals(List.of("hit", "hit"), TelemetryFile.read(dir.resolve("b.jsonl")).spans.stream()
          .map(s -> s.attr("airlock.cache")).collect(Collectors.toList()));
    }
  }

  @Test
  void theJdkClientDoorServesHitsToo() throws Exception {
    AppRun.Result run = AppRun.of("langchain4j-app").args("chat", "chat", "stream", "stream")
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1").env("OPENAI_API_KEY", "sk-test")
        .withAgent(agent(dir.resolve("t.jsonl"))).run();
    assertEquals(0, run.exitCode, run.toString());
    assertEquals(2, mock.requests().size(), run.stdout);
    List<String> lines = answers(run);
    assertEquals(lines.get(2), lines.get(3), run.stdout);
  }

  @Test
  void aSampledCallReachesTheProviderEveryTime() throws Exception {
    AppRun.Result run = AppRun.of("anthropic-app").args("messages", "messages")
        .env("ANTHROPIC_BASE_URL", mock.baseUrl()).env("ANTHROPIC_API_KEY", "sk-ant-test")
        .withAgent(agent(dir.resolve("t.jsonl"))).run();
    assertEquals(0, run.exitCode, run.toString());
    assertEquals(2, mock.requests().size(), "no temperature 0 and no seed: not cached");
  }

  @Test
  void aFailedStreamIsNeverStored() throws Exception {
    mock.setFault("cut_after=1,times=1");
    AppRun.Result run = AppRun.of("openai-app").args("stream", "stream")
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1").env("OPENAI_API_KEY", "sk-test")
        .withAgent(agent(dir.resolve("t.jsonl"))).run();
    assertTrue(run.stdout.lines().findFirst().orElse("").contains("ERROR"), run.stdout);
    assertTrue(run.stdout.lines().skip(1).findFirst().orElse("").contains("You said"), run.stdout);
    assertEquals(2, mock.requests().size(), "the cut stream was not cached, so the second call went out");
  }
}
