package dev.airlock.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.policy.AuditPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The writer: lines, their chain, what breaks it, and that it never holds the caller up. */
class AuditLogTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static AuditRecord record(int n) {
    return AuditRecord.builder()
        .timestamp(Instant.parse("2026-11-22T10:15:30Z").plusSeconds(n))
        .ids("call-" + n, "0af7651916cd43dd8448eb211c80319c", "b7ad6b716920333" + (n % 10))
        .policy("acme", "2026-11-22.1", "ab12")
        .identity("tenant-" + n, "triage", null)
        .app("openai", "gpt-4o", "openai_chat")
        .sentTo("eu-llama", "llama-3.3-70b", "llm.eu.internal", "eu")
        .route("sensitive-stays-in-eu", 1, 0)
        .pii(Map.of("iban", 2), Map.of("iban", "detect"))
        .cache("miss")
        .outcome(200, null)
        .tokens(12, 5)
        .costUsd(0.0000054)
        .durationMs(42)
        .build();
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  private static void write(Path file, List<String> lines) throws IOException {
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  private static AuditLog written(Path file, AuditPolicy.Fsync fsync, int count) {
    AuditLog log = AuditLog.start(file, fsync);
    for (int i = 1; i <= count; i++) {
      log.submit(record(i));
    }
    log.close(Duration.ofSeconds(10));
    return log;
  }

  @Test
  void eachRecordIsOneLineChainedToTheOneBefore() throws IOException {
    Path file = dir.resolve("nested/dirs/audit.jsonl");
    AuditLog log = written(file, AuditPolicy.Fsync.BATCH, 3);
    assertEquals(3, log.written());
    assertEquals(0, log.dropped());
    List<String> lines = lines(file);
    assertEquals(3, lines.size());
    assertEquals(AuditLine.GENESIS, JSON.readTree(lines.get(0)).get("prev").asText());
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", AuditLine.GENESIS);
    assertEquals(AuditLine.hashOf(lines.get(0)), JSON.readTree(lines.get(1)).get("prev").asText());
    assertEquals(AuditLine.hashOf(lines.get(1)), JSON.readTree(lines.get(2)).get("prev").asText());

    AuditChain.Result result = AuditChain.verify(file);
    assertTrue(result.ok(), result.reason());
    assertEquals(3, result.lines());
    assertEquals(AuditLine.hashOf(lines.get(2)), result.head());
  }

  @Test
  void theLineHasTheDocumentedFieldsInSnakeCaseAndLeavesOutWhatIsUnknown() throws IOException {
    JsonNode line = JSON.readTree(AuditLine.format(record(1), AuditLine.GENESIS));
    List<String> keys = new ArrayList<>();
    line.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("ts", "call_id", "trace_id", "span_id", "policy", "tenant", "feature", "app", "sent_to",
        "route", "attempts", "fallbacks", "pii", "cache", "status", "tokens", "cost_usd", "duration_ms", "prev"), keys);
    assertEquals("2026-11-22T10:15:31Z", line.get("ts").asText());
    assertEquals("eu", line.get("sent_to").get("region").asText());
    assertEquals(2, line.get("pii").get("found").get("iban").asInt());
    assertEquals("detect", line.get("pii").get("action").get("iban").asText());
    assertEquals(12, line.get("tokens").get("input").asInt());
    assertEquals("2026-11-22.1", line.get("policy").get("version").asText());

    AuditRecord blocked = AuditRecord.builder().timestamp(Instant.EPOCH).ids("c", null, null)
        .policy("acme", "", "").app("openai", "gpt-4o", "openai_chat")
        .injection(0.93, true, true).blockedRule("guardrails.prompt_injection")
        .output(Set.of(), null).outcome(400, "airlock_blocked").build();
    JsonNode b = JSON.readTree(AuditLine.format(blocked, "x"));
    assertFalse(b.has("sent_to"), "a blocked call was sent nowhere");
    assertFalse(b.has("user") || b.has("trace_id") || b.has("tokens") || b.has("cost_usd") || b.has("output"));
    assertEquals(0, b.get("attempts").asInt());
    assertTrue(b.get("injection").get("blocked").asBoolean());
    assertEquals(0.93, b.get("injection").get("score").asDouble());
    assertEquals("guardrails.prompt_injection", b.get("blocked_rule").asText());
  }

  @Test
  void anEditedLineIsFoundAtTheLineAfterIt() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    written(file, AuditPolicy.Fsync.OFF, 4);
    List<String> lines = lines(file);
    lines.set(1, lines.get(1).replace("\"tenant\":\"tenant-2\"", "\"tenant\":\"someone-else\""));
    write(file, lines);
    AuditChain.Result result = AuditChain.verify(file);
    assertFalse(result.ok());
    assertEquals(3, result.brokenLine());
    assertTrue(result.reason().contains("not the hash of line 2"), result.reason());
  }

  @Test
  void aRemovedLineIsFoundWhereItWas() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    written(file, AuditPolicy.Fsync.OFF, 4);
    List<String> lines = lines(file);
    lines.remove(1);
    write(file, lines);
    assertEquals(2, AuditChain.verify(file).brokenLine());

    List<String> withoutFirst = lines.subList(1, lines.size());
    write(file, withoutFirst);
    AuditChain.Result top = AuditChain.verify(file);
    assertEquals(1, top.brokenLine());
    assertTrue(top.reason().contains("removed from the top"), top.reason());
  }

  @Test
  void aRestartContinuesTheChainOfTheFileItFinds() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    written(file, AuditPolicy.Fsync.BATCH, 2);
    written(file, AuditPolicy.Fsync.BATCH, 3);
    AuditChain.Result result = AuditChain.verify(file);
    assertTrue(result.ok(), result.reason());
    assertEquals(5, result.lines());
  }

  @Test
  void anIdleFileIsLetGoAndTheNextLineReopensItOnTheSameChain() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    AuditLog log = AuditLog.start(file, AuditPolicy.Fsync.BATCH, 16, Duration.ofMillis(200));
    log.submit(record(1));
    awaitTrue(() -> log.written() == 1 && !log.fileOpen(), "the first line written and the idle file closed");
    // Another process may rotate or append meanwhile; here the file is simply reopened.
    log.submit(record(2));
    awaitTrue(() -> log.written() == 2, "the second line written");
    log.close(Duration.ofSeconds(5));
    AuditChain.Result result = AuditChain.verify(file);
    assertTrue(result.ok(), result.reason());
    assertEquals(2, result.lines());
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting for: " + what);
      Thread.sleep(20);
    }
  }

  @Test
  void aLineCutShortByACrashIsReportedAndTheNextLinesStartClean() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    written(file, AuditPolicy.Fsync.BATCH, 2);
    Files.writeString(file, "{\"ts\":\"2026-", java.nio.file.StandardOpenOption.APPEND);
    written(file, AuditPolicy.Fsync.BATCH, 1);
    List<String> lines = lines(file);
    assertEquals(4, lines.size());
    assertEquals("{\"ts\":\"2026-", lines.get(2));
    AuditChain.Result result = AuditChain.verify(file);
    assertEquals(3, result.brokenLine());
    assertTrue(result.reason().startsWith("not a JSON object"), result.reason());
    // The line after the cut chains to the cut line: only the cut itself is a gap.
    assertEquals(AuditLine.hashOf(lines.get(2)), JSON.readTree(lines.get(3)).get("prev").asText());
  }

  @ParameterizedTest
  @EnumSource(AuditPolicy.Fsync.class)
  void everyFsyncModeWritesAVerifiableFile(AuditPolicy.Fsync mode) throws IOException {
    Path file = dir.resolve(mode.id() + ".jsonl");
    AuditLog log = written(file, mode, 20);
    assertEquals(mode, log.fsync());
    assertEquals(20, log.written());
    assertTrue(AuditChain.verify(file).ok());
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlocking() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    AuditLog log = AuditLog.unstarted(file, AuditPolicy.Fsync.BATCH, 4);
    long start = System.nanoTime();
    for (int i = 1; i <= 1000; i++) {
      log.submit(record(i));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 2000, "submitting to a full queue took " + millis + " ms");
    assertEquals(996, log.dropped());
    log.startWriter();
    log.close(Duration.ofSeconds(10));
    assertEquals(4, log.written());
    assertEquals(4, lines(file).size());
    log.submit(record(1001));
    assertEquals(997, log.dropped(), "a closed log drops");
  }

  @Test
  void aFileThatCannotBeOpenedDropsWithoutThrowing() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
    AuditLog log = AuditLog.start(notADirectory.resolve("audit.jsonl"), AuditPolicy.Fsync.EVERY);
    log.submit(record(1));
    log.submit(record(2));
    log.close(Duration.ofSeconds(10));
    assertEquals(0, log.written());
    assertEquals(2, log.dropped());
  }

  @Test
  void policiesNamingOneFileShareItsWriter() {
    Path file = dir.resolve("shared.jsonl");
    try {
      AuditLog a = AuditLogs.of(AuditPolicy.of(file, AuditPolicy.Fsync.BATCH));
      AuditLog b = AuditLogs.of(AuditPolicy.of(dir.resolve("x/../shared.jsonl"), AuditPolicy.Fsync.EVERY));
      assertTrue(a == b, "one writer per file keeps one chain");
      assertEquals(AuditPolicy.Fsync.EVERY, a.fsync(), "the newest policy's fsync mode applies");
      assertFalse(a == AuditLogs.of(AuditPolicy.of(dir.resolve("other.jsonl"))));
    } finally {
      AuditLogs.closeAll();
    }
  }
}
