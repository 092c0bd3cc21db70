package dev.airlock.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache section's own logic: what it reads from the agent's telemetry, and the questions it asks. */
class CacheWorkloadTest {

  @TempDir
  Path dir;

  private static String span(String name, String attributes) {
    return "{\"name\":\"" + name + "\",\"attributes\":[" + attributes + "]}";
  }

  private static String line(String... spans) {
    return "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + String.join(",", spans) + "]}]}]}";
  }

  @Test
  void spendSavingAndHitsAreSummedOverChatSpansOnly() throws Exception {
    Path file = dir.resolve("t.jsonl");
    Files.writeString(file, String.join("\n",
        line(span("chat llama-3.3-70b", "{\"key\":\"airlock.cost.usd\",\"value\":{\"doubleValue\":0.25}},"
                + "{\"key\":\"airlock.cache\",\"value\":{\"stringValue\":\"miss\"}}"),
            span("attempt mock", "{\"key\":\"airlock.cost.usd\",\"value\":{\"doubleValue\":9.0}}")),
        line(span("chat llama-3.3-70b", "{\"key\":\"airlock.cost.usd\",\"value\":{\"doubleValue\":0.0}},"
            + "{\"key\":\"airlock.cache\",\"value\":{\"stringValue\":\"hit\"}},"
            + "{\"key\":\"airlock.cache.saved_usd\",\"value\":{\"doubleValue\":0.25}}")),
        "{\"resourceMetrics\":[]}"));
    CacheWorkload.Run run = new CacheWorkload.Run("r");

    CacheWorkload.readSpans(file, run);

    assertEquals(2, run.spans, "attempt spans are not calls");
    assertEquals(1, run.hits);
    assertEquals(0.25, run.spentUsd, 1e-12);
    assertEquals(0.25, run.savedUsd, 1e-12);
  }

  @Test
  void everyQuestionIsDistinctDeterministicAndFreeOfPersonalData() {
    Set<String> bodies = new HashSet<>();
    for (int id = 1; id <= 200; id++) {
      String body = new String(ChatRequests.question("llama-3.3-70b", id), StandardCharsets.UTF_8);
      assertTrue(body.contains("\"temperature\":0,"), body);
      assertFalse(body.contains("@"), "no email address: every policy may cache it");
      bodies.add(body);
    }
    assertEquals(200, bodies.size());
  }
}
