package dev.airlock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.it.TelemetryFile.SpanRecord;
import dev.airlock.mock.MockProvider;
import dev.airlock.mock.RecordedRequest;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing, retries, fallback, breakers, regions, canaries and format translation, end to end: the
 * real SDK apps under the agent jar, against two mock providers (the app's and a "backup" one in
 * another region) and a port where nothing listens.
 */
class RoutingIT extends WithMockProvider {

  private static final String PROMPT = "Where is my parcel?";
  private static MockProvider backup;
  private static int deadPort;

  @BeforeAll
  static void startBackup() throws Exception {
    backup = MockProvider.start(0);
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
  }

  @AfterAll
  static void stopBackup() {
    backup.close();
  }

  @BeforeEach
  void resetBackup() {
    backup.reset();
  }

  private String providers() {
    return String.join("\n",
        "  backup-openai: {format: openai, base_url: 'http://127.0.0.1:" + backup.port() + "/v1',"
            + " api_key: '${env:BACKUP_KEY}', region: eu}",
        "  backup-anthropic: {format: anthropic, base_url: 'http://127.0.0.1:" + backup.port() + "',"
            + " api_key: '${env:BACKUP_KEY}', region: eu}",
        "  dead-openai: {format: openai, base_url: 'http://127.0.0.1:" + deadPort + "/v1', region: eu}");
  }

  private String agent(String extra, Path telemetry) throws Exception {
    return "policy=" + MockPolicy.write(dir, mock.port(), providers(), extra) + ",telemetry=" + telemetry;
  }

  private AppRun openAi(String... scenarios) {
    return AppRun.of("openai-app").args(scenarios).env("PROMPT", PROMPT)
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1").env("OPENAI_API_KEY", "sk-app-openai")
        .env("BACKUP_KEY", "sk-backup");
  }

  private AppRun anthropic(String... scenarios) {
    return AppRun.of("anthropic-app").args(scenarios).env("PROMPT", PROMPT)
        .env("ANTHROPIC_BASE_URL", mock.baseUrl()).env("ANTHROPIC_API_KEY", "sk-app-anthropic")
        .env("BACKUP_KEY", "sk-backup");
  }

  private AppRun langChain4j(String... scenarios) {
    return AppRun.of("langchain4j-app").args(scenarios).env("PROMPT", PROMPT)
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1").env("OPENAI_API_KEY", "sk-app-openai")
        .env("BACKUP_KEY", "sk-backup");
  }

  private static AppRun.Result ok(AppRun run) throws Exception {
    AppRun.Result result = run.run();
    assertEquals(0, result.exitCode, result.toString());
    return result;
  }

  private static List<SpanRecord> callSpans(Path telemetry) throws Exception {
    return TelemetryFile.read(telemetry).spans.stream().filter(s -> !s.name.startsWith("attempt "))
        .collect(Collectors.toList());
  }

  private static List<SpanRecord> attempts(Path telemetry, String target) throws Exception {
    return TelemetryFile.read(telemetry).spans.stream()
        .filter(s -> s.name.startsWith("attempt ") && target.equals(s.attr("airlock.target")))
        .collect(Collectors.toList());
  }

  private static void noAppKeyIn(List<RecordedRequest> requests, String... appKeys) {
    for (RecordedRequest r : requests) {
      for (String key : appKeys) {
        assertFalse(r.headers().toString().contains(key), "the app's key reached another provider: " + r);
      }
    }
  }

  @Test
  void a503IsRetriedByTheAgentOnBothDoors() throws Exception {
    String policy = "resilience: {retry: {max_attempts: 3, backoff: 10ms..50ms}}";
    Path telemetry = dir.resolve("t.jsonl");
    mock.setFault("status=503,times=1");
    AppRun.Result openAi = ok(openAi("chat").withAgent(agent(policy, telemetry)));
    assertTrue(openAi.stdout.contains("You said: " + PROMPT), openAi.stdout);
    mock.setFault("status=503,times=1");
    ok(langChain4j("chat").withAgent(agent(policy, telemetry)));
    assertEquals(4, mock.requests().size());
    List<SpanRecord> calls = callSpans(telemetry);
    assertEquals(2, calls.size(), "the SDKs saw one call each: the retry was the agent's");
    for (SpanRecord call : calls) {
      assertEquals(2L, call.longAttr("airlock.attempts"), call.toString());
    }
  }

  @Test
  void a429WithRetryAfterIsWaitedFor() throws Exception {
    Path telemetry = dir.resolve("t.jsonl");
    mock.setFault("status=429,retry_after=1,times=1");
    ok(openAi("chat").withAgent(agent("resilience: {retry: {max_attempts: 2, backoff: 10ms..20ms}}", telemetry)));
    List<SpanRecord> tries = attempts(telemetry, "mock-openai");
    assertEquals(2, tries.size());
    long waitedMillis = (tries.get(1).startNanos - tries.get(0).endNanos) / 1_000_000;
    assertTrue(waitedMillis >= 900, "waited " + waitedMillis + " ms for Retry-After: 1");
  }

  @Test
  void aDeadPrimaryFallsBackAndItsBreakerOpens() throws Exception {
    Path telemetry = dir.resolve("t.jsonl");
    String policy = String.join("\n",
        "routes:",
        "  - {name: main, to: [dead-openai, mock-openai]}",
        "resilience: {circuit_breaker: {failure_rate: 0.5, minimum_calls: 3, open_for: 1m}}");
    AppRun.Result result = ok(openAi("chat", "chat", "chat", "chat", "stream", "chat").withAgent(agent(policy, telemetry)));
    assertEquals(6, result.stdout.lines().filter(l -> l.contains("You said: " + PROMPT)).count(), result.stdout);
    List<SpanRecord> dead = attempts(telemetry, "dead-openai");
    assertEquals(6, dead.size());
    assertEquals(3, dead.stream().filter(s -> "connect".equals(s.attr("airlock.attempt.outcome"))).count(),
        "three connection failures open the breaker: " + dead);
    assertEquals(3, dead.stream().filter(s -> "breaker_open".equals(s.attr("airlock.attempt.outcome"))).count());
    for (SpanRecord call : callSpans(telemetry)) {
      assertEquals("mock-openai", call.attr("airlock.target"));
      assertEquals(1L, call.longAttr("airlock.fallbacks"));
      assertEquals("main", call.attr("airlock.route"));
    }
  }

  @Test
  void aStreamThatFailsBeforeItsFirstByteFailsOverAndOneThatFailsLaterEndsCleanly() throws Exception {
    Path telemetry = dir.resolve("t.jsonl");
    String policy = "routes:\n  - {name: main, to: [mock-openai, backup-openai]}\n"
        + "resilience: {timeout: 1s, idle_timeout: 1s}";
    mock.setFault("latency=3s,times=1");
    AppRun.Result failedOver = ok(openAi("stream").withAgent(agent(policy, telemetry)));
    assertTrue(failedOver.stdout.contains("You said: " + PROMPT), failedOver.stdout);
    assertEquals(1, backup.requests().size(), "the second target answered");
    assertEquals("timeout", attempts(telemetry, "mock-openai").get(0).attr("airlock.attempt.outcome"));

    backup.reset();
    mock.setFault("cut_after=0,times=1");
    AppRun.Result cutEarly = ok(openAi("stream").withAgent(agent(policy, dir.resolve("t1.jsonl"))));
    assertTrue(cutEarly.stdout.contains("You said: " + PROMPT), "cut before its first chunk: " + cutEarly.stdout);
    assertEquals(1, backup.requests().size(), "the second target answered");

    String single = "routes:\n  - {name: main, to: mock-openai}\nresilience: {timeout: 5s, idle_timeout: 1s}";
    mock.setFault("cut_after=2");
    AppRun.Result cut = openAi("stream").withAgent(agent(single, dir.resolve("t2.jsonl"))).run();
    assertTrue(cut.stdout.contains("stream: ERROR") && cut.stdout.contains("broke off"),
        "the SDK got an error event: " + cut);
    mock.setFault("stall_after=2");
    long start = System.nanoTime();
    AppRun.Result stalled = openAi("stream").withAgent(agent(single, dir.resolve("t3.jsonl"))).run();
    assertTrue(stalled.stdout.contains("stream: ERROR") && stalled.stdout.contains("broke off"),
        "a stalled stream ends at the idle timeout with an error event, not a hang: " + stalled);
    assertTrue((System.nanoTime() - start) / 1_000_000_000 < 30, "ended by the idle timeout");
  }

  @Test
  void anOpenAiSdkAppIsServedByAnAnthropicFormatTarget() throws Exception {
    Path telemetry = dir.resolve("t.jsonl");
    String policy = "routes:\n  - {name: to-claude, to: backup-anthropic/claude-3-5-haiku-latest}";
    AppRun.Result result = ok(openAi("chat", "stream").withAgent(agent(policy, telemetry)));
    assertEquals(2, result.stdout.lines().filter(l -> l.contains("You said: " + PROMPT)
        && l.contains("claude-3-5-haiku-latest")).count(), result.stdout);
    assertEquals(0, mock.requests().size());
    assertEquals(2, backup.requests().size());
    for (RecordedRequest r : backup.requests()) {
      assertEquals("/v1/messages", r.path());
      assertEquals("sk-backup", r.header("x-api-key"));
    }
    noAppKeyIn(backup.requests(), "sk-app-openai");
    for (SpanRecord call : callSpans(telemetry)) {
      assertEquals("backup-anthropic/claude-3-5-haiku-latest", call.attr("airlock.target"));
      assertEquals("eu", call.attr("airlock.region"));
      assertTrue(call.longAttr("gen_ai.usage.output_tokens") > 0, "usage survives translation: " + call);
    }
  }

  @Test
  void toolCallsSurviveTranslationBothWaysStreamingIncluded() throws Exception {
    String toClaude = "routes:\n  - {name: to-claude, to: backup-anthropic/claude-3-5-haiku-latest}";
    AppRun.Result openAi = ok(openAi("tools", "tools-stream").withAgent(agent(toClaude, dir.resolve("t.jsonl"))));
    String toOpenAi = "routes:\n  - {name: to-eu, to: backup-openai/llama-3.3-70b}";
    AppRun.Result claude = ok(anthropic("tools", "tools-stream").withAgent(agent(toOpenAi, dir.resolve("t2.jsonl"))));
    for (AppRun.Result run : List.of(openAi, claude)) {
      assertEquals(2, run.stdout.lines().filter(l -> l.contains("tool_call lookup_order {\"query\":\"" + PROMPT + "\"}")
          && l.contains("-> Tool said: order 42 shipped")).count(), run.stdout);
    }
    assertTrue(openAi.stdout.contains("finish=tool_calls"), openAi.stdout);
    assertTrue(claude.stdout.contains("stop=tool_use"), claude.stdout);
    assertEquals(0, mock.requests().size());
    assertEquals(8, backup.requests().size(), "two turns for each of four scenarios");
  }

  @Test
  void theJdkClientAppIsServedByAnAnthropicFormatTarget() throws Exception {
    String policy = "routes:\n  - {name: to-claude, to: backup-anthropic/claude-3-5-haiku-latest}";
    AppRun.Result result = ok(langChain4j("chat", "stream").withAgent(agent(policy, dir.resolve("t.jsonl"))));
    assertEquals(2, result.stdout.lines().filter(l -> l.contains("You said: " + PROMPT)).count(), result.stdout);
    assertEquals(2, backup.requests().size());
    noAppKeyIn(backup.requests(), "sk-app-openai");
  }

  @Test
  void anAnthropicSdkAppIsServedByAnOpenAiFormatTarget() throws Exception {
    String policy = "routes:\n  - {name: to-eu, to: backup-openai/llama-3.3-70b}";
    AppRun.Result result = ok(anthropic("messages", "stream").withAgent(agent(policy, dir.resolve("t.jsonl"))));
    assertEquals(2, result.stdout.lines().filter(l -> l.contains("You said: " + PROMPT)
        && l.contains("llama-3.3-70b")).count(), result.stdout);
    assertEquals(0, mock.requests().size());
    for (RecordedRequest r : backup.requests()) {
      assertEquals("/v1/chat/completions", r.path());
      assertEquals("Bearer sk-backup", r.header("authorization"));
    }
    noAppKeyIn(backup.requests(), "sk-app-anthropic");
  }

  @Test
  void requireRegionNeverLeavesTheRegionEvenWhenTheInRegionTargetIsDown() throws Exception {
    Path telemetry = dir.resolve("t.jsonl");
    String policy = String.join("\n",
        "routes:",
        "  - {name: eu-only, to: dead-openai, require_region: eu}",
        "resilience:",
        "  retry: {max_attempts: 2, backoff: 10ms..20ms}",
        "  degrade: {message: 'The assistant is busy.'}");
    AppRun.Result result = ok(openAi("chat", "stream").withAgent(agent(policy, telemetry)));
    assertEquals(2, result.stdout.lines().filter(l -> l.contains("The assistant is busy.")).count(), result.stdout);
    assertEquals(0, mock.requests().size(), "the app's own provider is not in the region");
    assertEquals(0, backup.requests().size());
    for (SpanRecord call : callSpans(telemetry)) {
      assertEquals(Boolean.TRUE, call.attr("airlock.degraded"));
    }
    assertEquals(4, attempts(telemetry, "dead-openai").size());
  }

  @Test
  void aShadowCopyIsComparedWithoutTouchingTheAppsAnswer() throws Exception {
    Path telemetry = dir.resolve("t.jsonl");
    String policy = "routes:\n  - {name: main, to: mock-openai, shadow: {to: backup-openai/llama-3.3-70b, percent: 100}}";
    backup.setAnswerSuffix(" And a little more.");
    AppRun.Result result = ok(openAi("chat", "stream").withAgent(agent(policy, telemetry)));
    assertEquals(2, result.stdout.lines().filter(l -> l.contains("You said: " + PROMPT)).count(), result.stdout);
    assertFalse(result.stdout.contains("a little more"), "the shadow's answer never reaches the app");
    assertEquals(2, mock.requests().size());
    assertEquals(2, backup.requests().size(), "every call was copied");
    for (RecordedRequest copy : backup.requests()) {
      assertFalse(copy.body().contains("\"stream\":true"), "the copy asks for a whole answer: " + copy.body());
      assertEquals("Bearer sk-backup", copy.header("authorization"));
    }
    List<SpanRecord> shadows = TelemetryFile.read(telemetry).spans.stream()
        .filter(s -> s.name.startsWith("shadow ")).collect(Collectors.toList());
    assertEquals(2, shadows.size());
    for (SpanRecord shadow : shadows) {
      double similarity = shadow.doubleAttr("airlock.shadow.similarity");
      assertTrue(similarity > 0.5 && similarity < 1.0, "alike but not the same answer: " + shadow);
      assertTrue(shadow.longAttr("gen_ai.usage.output_tokens") > 0, shadow.toString());
    }
  }

  @Test
  void aFailingCanaryIsRolledBack() throws Exception {
    Path telemetry = dir.resolve("t.jsonl");
    String policy = String.join("\n",
        "routes:",
        "  - name: main",
        "    to: backup-openai",
        "    canary: {to: dead-openai, percent: 100, rollback_when: {error_rate: 0.5, minimum_calls: 3}}");
    AppRun.Result result = ok(openAi("chat", "chat", "chat", "chat", "chat").withAgent(agent(policy, telemetry)));
    assertEquals(5, result.stdout.lines().filter(l -> l.contains("You said: " + PROMPT)).count(), result.stdout);
    assertEquals(3, attempts(telemetry, "dead-openai").size(), "three failed canary calls, then no more");
    assertEquals(5, backup.requests().size());
    TelemetryFile file = TelemetryFile.read(telemetry);
    assertTrue(file.spans.stream().anyMatch(s -> s.events.contains("airlock.canary.rollback")));
    assertEquals(1.0, file.metrics.get("airlock.route.canary.rollbacks").stream().mapToDouble(p -> p.value).sum());
  }
}
