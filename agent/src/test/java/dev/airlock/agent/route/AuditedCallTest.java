package dev.airlock.agent.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.audit.AuditChain;
import dev.airlock.agent.audit.AuditLogs;
import dev.airlock.agent.engine.LlmCall;
import dev.airlock.agent.engine.Pipeline;
import dev.airlock.agent.engine.ProviderMatch;
import dev.airlock.agent.policy.PipelineStates;
import dev.airlock.agent.redact.BlockedAnswer;
import dev.airlock.agent.telemetry.LlmInstruments;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit line of a call driven through the engine without bytecode: what it records (types,
 * counts, where the request really went) and what it never does (prompt, answer, PII values).
 */
class AuditedCallTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String A = "127.0.0.1:9001";
  private static final String B = "127.0.0.1:9002";
  private static final String ANSWER = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\","
      + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Noted, paying now\"},"
      + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}";
  private static final String IBAN_CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":"
      + "\"Pay DE89 3704 0044 0532 0130 00 today\"}]}";
  private static final String EMAIL_CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":"
      + "\"Write to ana.silva@example.com\"}]}";
  private static final String PROVIDERS = String.join("\n",
      "airlock: 1",
      "name: audit-test",
      "version: '7'",
      "providers:",
      "  mock-a: {format: openai, base_url: 'http://127.0.0.1:9001/v1', region: us}",
      "  mock-b: {format: openai, base_url: 'http://127.0.0.1:9002/v1', api_key: '${env:B_KEY}', region: eu}",
      "identity:",
      "  tenant: [header:X-Tenant-Id]",
      "");

  @TempDir
  Path dir;

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final FakeUpstream upstream = new FakeUpstream();
  private final Map<String, String> env = Map.of("B_KEY", "key-for-b");

  @AfterEach
  void closeLogs() {
    AuditLogs.closeAll();
  }

  private Policy policy(String yaml) {
    PolicyLoadResult loaded = PolicyLoader.parse("test.yaml", (PROVIDERS + yaml).getBytes(StandardCharsets.UTF_8),
        env::get);
    assertTrue(loaded.ok(), loaded.problems().toString());
    return loaded.policy().get();
  }

  private Pipeline pipeline(String yaml) {
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .build();
    return new Pipeline(PipelineStates.of(policy(yaml), env::get), new LlmInstruments(sdk, "test"));
  }

  private String audit(Path file) {
    return "audit: {file: '" + file + "', fsync: every}\n";
  }

  private static LlmCall begin(Pipeline pipeline, String body) {
    ProviderMatch match = pipeline.match("127.0.0.1", 9001, "/v1/chat/completions");
    assertNotNull(match);
    return pipeline.begin(match, "test", "127.0.0.1", 9001, "/v1/chat/completions",
        name -> name.equalsIgnoreCase("x-tenant-id") ? "acme" : null, body.getBytes(StandardCharsets.UTF_8));
  }

  /** As a door does with a routed call: exchange, then report the answer it passes on. */
  private void routed(LlmCall call) throws IOException {
    RoutedExchange.Result result = call.exchange(upstream, new AppRequest("http", "127.0.0.1", 9001,
        "/v1/chat/completions", Map.of("Content-Type", List.of("application/json"))));
    byte[] answer = result.body().readAllBytes();
    call.onResponse(result.status(), result.contentType());
    call.observe(answer, 0, answer.length);
    call.complete();
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  @Test
  void aRoutedCallRecordsTheTargetsRegionAndThePiiTypesButNoContent() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    Pipeline p = pipeline(String.join("\n",
        "pii: {detect: [iban, email], action: pseudonymize}",
        "routes:",
        "  - {name: sensitive, when: {pii: [iban]}, to: mock-b, pii: {action: detect}, require_region: eu}",
        "  - {name: default, to: mock-a}",
        audit(file)));
    upstream.always(A, r -> FakeUpstream.json(200, ANSWER)).always(B, r -> FakeUpstream.json(200, ANSWER));
    routed(begin(p, IBAN_CHAT));
    routed(begin(p, EMAIL_CHAT));
    AuditLogs.closeAll();

    String text = Files.readString(file);
    for (String content : List.of("DE89", "3704 0044", "Pay ", "ana.silva", "example.com", "Write to", "paying",
        "key-for-b", "<EMAIL_1>")) {
      assertFalse(text.contains(content), "the audit log holds no content, yet has '" + content + "':\n" + text);
    }
    assertTrue(AuditChain.verify(file).ok());
    List<JsonNode> lines = lines(file);
    assertEquals(2, lines.size(), text);

    JsonNode eu = lines.get(0);
    assertEquals("mock-b", eu.get("sent_to").get("provider").asText());
    assertEquals("eu", eu.get("sent_to").get("region").asText());
    assertEquals("127.0.0.1", eu.get("sent_to").get("host").asText());
    assertEquals("mock-a", eu.get("app").get("provider").asText());
    assertEquals("gpt-4o-mini", eu.get("app").get("model").asText());
    assertEquals("openai_chat", eu.get("app").get("endpoint").asText());
    assertEquals("sensitive", eu.get("route").asText());
    assertEquals(1, eu.get("attempts").asInt());
    assertEquals(0, eu.get("fallbacks").asInt());
    assertEquals(1, eu.get("pii").get("found").get("iban").asInt());
    assertEquals("detect", eu.get("pii").get("action").get("iban").asText());
    assertEquals("acme", eu.get("tenant").asText());
    assertEquals(200, eu.get("status").asInt());
    assertEquals(3, eu.get("tokens").get("input").asInt());
    assertEquals(1, eu.get("tokens").get("output").asInt());
    assertEquals("audit-test", eu.get("policy").get("name").asText());
    assertEquals("7", eu.get("policy").get("version").asText());
    assertEquals(64, eu.get("policy").get("sha256").asText().length());
    assertFalse(eu.has("error_type") || eu.has("blocked_rule"));
    assertTrue(eu.get("ts").asText().endsWith("Z"));

    SpanData span = spans.getFinishedSpanItems().stream().filter(s -> s.getName().startsWith("chat "))
        .findFirst().orElseThrow();
    assertEquals(span.getTraceId(), eu.get("trace_id").asText());
    assertEquals(span.getSpanId(), eu.get("span_id").asText());
    assertEquals(span.getSpanId(), eu.get("call_id").asText());

    JsonNode us = lines.get(1);
    assertEquals("us", us.get("sent_to").get("region").asText());
    assertEquals("default", us.get("route").asText());
    assertEquals("pseudonymize", us.get("pii").get("action").get("email").asText());
  }

  @Test
  void aBlockedCallIsRecordedAsSentNowhere() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    Pipeline p = pipeline("pii: {detect: [email], action: block}\n" + audit(file));
    LlmCall call = begin(p, EMAIL_CHAT);
    BlockedAnswer blocked = call.blockedAnswer();
    assertNotNull(blocked);
    call.onResponse(blocked.status(), "application/json");
    call.observe(blocked.body(), 0, blocked.body().length);
    call.complete();
    AuditLogs.closeAll();

    JsonNode line = lines(file).get(0);
    assertFalse(line.has("sent_to"), line.toString());
    assertEquals(0, line.get("attempts").asInt());
    assertEquals("pii.email", line.get("blocked_rule").asText());
    assertEquals("airlock_blocked", line.get("error_type").asText());
    assertEquals("block", line.get("pii").get("action").get("email").asText());
    assertFalse(Files.readString(file).contains("ana.silva"));
  }

  @Test
  void aRoutedCallNoTargetAnsweredNamesWhereTheRequestLastWentNotTheAppsProvider() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    // mock-b (eu) refuses connections: once with a degraded answer, once with the failure thrown.
    Pipeline degrading = pipeline(String.join("\n",
        "routes:",
        "  - {name: eu-only, to: mock-b}",
        "resilience: {degrade: {message: 'Busy, try later.'}}",
        audit(file)));
    routed(begin(degrading, EMAIL_CHAT));
    Pipeline failing = pipeline(String.join("\n",
        "routes:",
        "  - {name: eu-only, to: mock-b}",
        audit(file)));
    LlmCall thrown = begin(failing, EMAIL_CHAT);
    IOException failure = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> thrown.exchange(
        upstream, new AppRequest("http", "127.0.0.1", 9001, "/v1/chat/completions", Map.of())));
    thrown.fail(failure);
    AuditLogs.closeAll();

    List<JsonNode> lines = lines(file);
    assertEquals(2, lines.size());
    for (JsonNode line : lines) {
      assertEquals("mock-b", line.get("sent_to").get("provider").asText(), line.toString());
      assertEquals("eu", line.get("sent_to").get("region").asText(), line.toString());
      assertEquals("mock-a", line.get("app").get("provider").asText(), line.toString());
    }
    assertEquals(0, upstream.sentTo(A));
  }

  @Test
  void aRoutedCallWhoseTargetsAreAllClosedIsRecordedAsSentNowhere() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    Pipeline p = pipeline(String.join("\n",
        "routes:",
        "  - {name: eu-only, to: mock-b}",
        "resilience: {circuit_breaker: {failure_rate: 0.5, minimum_calls: 2, open_for: 1h},"
            + " degrade: {message: 'Busy, try later.'}}",
        audit(file)));
    for (int i = 0; i < 3; i++) {
      routed(begin(p, EMAIL_CHAT)); // mock-b refuses: the breaker opens after two failures
    }
    long sentBefore = upstream.sentTo(B);
    routed(begin(p, EMAIL_CHAT));
    assertEquals(sentBefore, upstream.sentTo(B), "the open breaker kept the request in the JVM");
    AuditLogs.closeAll();

    List<JsonNode> lines = lines(file);
    assertEquals("mock-b", lines.get(0).get("sent_to").get("provider").asText());
    JsonNode last = lines.get(lines.size() - 1);
    assertFalse(last.has("sent_to"), last.toString());
  }

  @Test
  void aCallSentAsAddressedNamesTheAppsProviderAndItsRegion() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    Pipeline p = pipeline(audit(file));
    LlmCall call = begin(p, EMAIL_CHAT);
    assertFalse(call.routed());
    byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
    call.onResponse(200, "application/json");
    call.observe(answer, 0, answer.length);
    call.complete();
    AuditLogs.closeAll();

    JsonNode line = lines(file).get(0);
    assertEquals("mock-a", line.get("sent_to").get("provider").asText());
    assertEquals("us", line.get("sent_to").get("region").asText());
    assertEquals(1, line.get("attempts").asInt());
    assertFalse(line.has("route") || line.has("pii"), line.toString());
  }

  @Test
  void aPolicyWithoutAuditBuildsNoLog() {
    assertNull(pipeline("").state().audit());
  }

  @Test
  void aReloadedPolicyWithAnotherFileSwitchesFiles() throws IOException {
    Path first = dir.resolve("first.jsonl");
    Path second = dir.resolve("second/audit.jsonl");
    Pipeline p = pipeline(audit(first));
    byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
    LlmCall before = begin(p, EMAIL_CHAT);
    p.install(PipelineStates.of(policy(audit(second)), env::get));
    LlmCall after = begin(p, EMAIL_CHAT);
    for (LlmCall call : List.of(after, before)) {
      call.onResponse(200, "application/json");
      call.observe(answer, 0, answer.length);
      call.complete();
    }
    AuditLogs.closeAll();
    assertEquals(1, lines(first).size(), "a call finishes under the policy it began with");
    assertEquals(1, lines(second).size());
    assertTrue(AuditChain.verify(second).ok());
  }
}
