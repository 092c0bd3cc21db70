package dev.airlock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The audit log as a security team uses it: the openai-java sample app runs under a policy with
 * {@code audit:}, then {@code airlock audit verify} and {@code audit summary} read the file the
 * agent left behind. One line per call, with where it went and what PII it carried, never the text.
 */
class AuditIT extends WithMockProvider {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMAIL = "ana.silva@example.com";
  private static final String PROMPT = "Please write to " + EMAIL + " about the refund.";

  private Path policy(Path audit) throws Exception {
    String yaml = String.join("\n",
        "airlock: 1",
        "name: it-audit",
        "version: \"2026-11-22.1\"",
        "providers:",
        "  mock-openai:",
        "    format: openai",
        "    base_url: http://127.0.0.1:" + mock.port() + "/v1",
        "    region: eu",
        "models:",
        "  gpt-4o-mini: {input: 1.0, output: 2.0}",
        "identity:",
        "  tenant: [static:acme]",
        "pii:",
        "  detect: [email]",
        "  action: pseudonymize",
        "  restore: true",
        "audit:",
        "  file: " + audit,
        "  fsync: every",
        "");
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static List<String> cli(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", BuildOutputs.agentJar().toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return List.of(Integer.toString(process.waitFor()), output);
  }

  @Test
  void everyCallLeavesOneVerifiableLineWithItsDestinationAndPiiTypesButNoText() throws Exception {
    // A folder that does not exist yet: the agent creates it.
    Path audit = dir.resolve("logs/airlock/audit.jsonl");
    Path telemetry = dir.resolve("telemetry.jsonl");
    AppRun.Result run = AppRun.of("openai-app").env("PROMPT", PROMPT)
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1").env("OPENAI_API_KEY", "sk-test-openai")
        .withAgent("policy=" + policy(audit) + ",telemetry=" + telemetry)
        .run();
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(run.stdout.contains(EMAIL), "the app gets its own values back: " + run.stdout);

    int calls = mock.requests().size();
    assertEquals(6, calls, "chat, stream, responses, responses-stream, embeddings, async");
    String text = Files.readString(audit, StandardCharsets.UTF_8);
    assertFalse(text.contains(EMAIL) || text.contains("ana.silva") || text.contains("refund")
        || text.contains("sk-test-openai"), "no prompt, answer, PII value or key in the audit log:\n" + text);

    List<String> lines = Files.readAllLines(audit, StandardCharsets.UTF_8);
    assertEquals(calls, lines.size(), text);
    Set<String> traceIds = new HashSet<>();
    int withEmail = 0;
    for (String line : lines) {
      JsonNode l = JSON.readTree(line);
      assertEquals("it-audit", l.get("policy").get("name").asText(), line);
      assertEquals("2026-11-22.1", l.get("policy").get("version").asText(), line);
      assertEquals(64, l.get("policy").get("sha256").asText().length(), line);
      assertEquals("acme", l.get("tenant").asText(), line);
      assertEquals("mock-openai", l.get("app").get("provider").asText(), line);
      assertEquals("mock-openai", l.get("sent_to").get("provider").asText(), line);
      assertEquals("eu", l.get("sent_to").get("region").asText(), line);
      assertEquals("127.0.0.1", l.get("sent_to").get("host").asText(), line);
      assertEquals(200, l.get("status").asInt(), line);
      assertEquals(1, l.get("attempts").asInt(), line);
      assertTrue(l.get("tokens").get("input").asLong() > 0, line);
      assertTrue(l.has("ts") && l.has("duration_ms") && l.has("prev") && l.has("call_id"), line);
      assertFalse(l.has("error_type") || l.has("blocked_rule"), line);
      if (l.has("pii")) {
        assertEquals("pseudonymize", l.get("pii").get("action").get("email").asText(), line);
        withEmail++;
      }
      traceIds.add(l.get("trace_id").asText());
    }
    assertTrue(withEmail >= 5, "every call that asked the prompt found its email: " + text);
    Set<String> spanTraceIds = TelemetryFile.read(telemetry).spans.stream().map(span -> span.traceId)
        .collect(Collectors.toSet());
    assertTrue(spanTraceIds.containsAll(traceIds), "each line names its call's trace: " + traceIds);

    List<String> verify = cli("audit", "verify", audit.toString());
    assertEquals("0", verify.get(0), verify.get(1));
    assertTrue(verify.get(1).contains(": ok: " + calls + " line(s), chain intact"), verify.get(1));

    List<String> summary = cli("audit", "summary", audit.toString(), "--json");
    assertEquals("0", summary.get(0), summary.get(1));
    JsonNode s = JSON.readTree(summary.get(1));
    assertEquals(calls, s.get("calls").asInt());
    assertEquals(calls, s.get("calls_by_destination").get("mock-openai (eu)").asInt());
    assertEquals(0, s.get("pii_by_region").get("eu").get("email").get("unredacted").asInt(),
        "pseudonymized: the email never left as written");

    // One changed byte in the first line shows at the second.
    lines.set(0, lines.get(0).replace("\"tenant\":\"acme\"", "\"tenant\":\"acmf\""));
    Files.writeString(audit, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    List<String> tampered = cli("audit", "verify", audit.toString());
    assertEquals("1", tampered.get(0), tampered.get(1));
    assertTrue(tampered.get(1).contains(audit + ":2: broken:"), tampered.get(1));
  }
}
