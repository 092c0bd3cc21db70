package dev.airlock.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.audit.AuditLog;
import dev.airlock.agent.audit.AuditRecord;
import dev.airlock.policy.AuditPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit verify} and {@code audit summary}. */
class AuditCommandTest {

  @TempDir
  Path dir;

  private static AuditRecord.Builder call(String tenant) {
    return AuditRecord.builder().timestamp(Instant.parse("2026-11-22T10:00:00Z")).ids("c", null, null)
        .policy("acme", "1", "ab").identity(tenant, null, null).app("openai", "gpt-4o", "openai_chat")
        .outcome(200, null);
  }

  /** Four calls: IBANs kept in the EU, an email pseudonymized to the US, one in clear to the US, one blocked. */
  private Path log() {
    Path file = dir.resolve("audit.jsonl");
    AuditLog log = AuditLog.start(file, AuditPolicy.Fsync.BATCH);
    log.submit(call("acme").sentTo("eu-llama", "llama-3.3-70b", "llm.eu", "eu").route("sensitive", 1, 0)
        .pii(Map.of("iban", 2), Map.of("iban", "detect")).costUsd(0.25).build());
    log.submit(call("acme").sentTo("openai", "gpt-4o", "api.openai.com", "us")
        .pii(Map.of("email", 1), Map.of("email", "pseudonymize")).costUsd(0.5).build());
    log.submit(call("globex").sentTo("openai", "gpt-4o", "api.openai.com", "us")
        .pii(Map.of("email", 3), Map.of("email", "detect")).costUsd(1.125).build());
    log.submit(call(null).pii(Map.of("us_ssn", 1), Map.of("us_ssn", "block")).blockedRule("pii.us_ssn")
        .outcome(400, "airlock_blocked").build());
    log.close(Duration.ofSeconds(10));
    return file;
  }

  @Test
  void verifyPrintsOkWithTheLineCount() {
    Path file = log();
    CliRun run = CliRun.of("audit", "verify", file.toString());
    assertEquals(0, run.exit, run::toString);
    assertTrue(run.out.startsWith(file + ": ok: 4 line(s), chain intact; last line's sha256 "), run.out);
  }

  @Test
  void verifyNamesTheFirstBrokenLine() throws IOException {
    Path file = log();
    List<String> lines = Files.readAllLines(file);
    lines.set(1, lines.get(1).replace("\"cost_usd\":0.5", "\"cost_usd\":0.05"));
    Files.writeString(file, String.join("\n", lines) + "\n");
    CliRun run = CliRun.of("audit", "verify", file.toString());
    assertEquals(1, run.exit, run::toString);
    assertTrue(run.out.startsWith(file + ":3: broken: 'prev' is not the hash of line 2"), run.out);
    assertTrue(run.out.contains("2 line(s) verified before it"), run.out);
  }

  @Test
  void summaryAnswersWherePersonalDataWent() {
    Path file = log();
    CliRun run = CliRun.of("audit", "summary", file.toString());
    assertEquals(0, run.exit, run::toString);
    assertEquals(String.join("\n",
        file + ": 4 call(s)",
        "",
        "calls by destination (provider (region)):",
        "  (not sent) 1",
        "  eu-llama (eu) 1",
        "  openai (us) 2",
        "",
        "personal data sent, by destination region (values found; of them sent unredacted):",
        "  eu: iban 2 (2 unredacted)",
        "  us: email 4 (3 unredacted)",
        "",
        "blocked calls by rule:",
        "  pii.us_ssn 1",
        "",
        "spend by tenant (USD):",
        "  acme 0.75",
        "  globex 1.125",
        ""), run.out.replace(System.lineSeparator(), "\n"));
  }

  @Test
  void summaryAsJson() throws IOException {
    CliRun run = CliRun.of("audit", "summary", log().toString(), "--json");
    assertEquals(0, run.exit, run::toString);
    JsonNode json = new ObjectMapper().readTree(run.out);
    assertEquals(4, json.get("calls").asInt());
    assertEquals(2, json.get("calls_by_destination").get("openai (us)").asInt());
    assertEquals(3, json.get("pii_by_region").get("us").get("email").get("unredacted").asInt());
    assertEquals(2, json.get("pii_by_region").get("eu").get("iban").get("found").asInt());
    assertEquals(1, json.get("blocked_by_rule").get("pii.us_ssn").asInt());
    assertEquals(0.75, json.get("spend_usd_by_tenant").get("acme").asDouble());
  }

  @Test
  void badUsageExitsTwoWithHelp() throws IOException {
    Path file = log();
    assertEquals(2, CliRun.of("audit").exit);
    assertEquals(2, CliRun.of("audit", "verify").exit);
    CliRun typo = CliRun.of("audit", "verfy", file.toString());
    assertEquals(2, typo.exit);
    assertTrue(typo.err.contains("expected 'audit verify FILE' or 'audit summary FILE'"), typo.err);
    CliRun missing = CliRun.of("audit", "verify", dir.resolve("nope.jsonl").toString());
    assertEquals(2, missing.exit);
    assertTrue(missing.err.contains("no such file"), missing.err);
    CliRun option = CliRun.of("audit", "summary", file.toString(), "--jsn");
    assertEquals(2, option.exit);
    assertTrue(option.err.contains("unknown option '--jsn'"), option.err);
    assertEquals(2, CliRun.of("audit", "verify", file.toString(), "--json").exit);
    CliRun help = CliRun.of("help", "audit");
    assertEquals(0, help.exit);
    assertTrue(help.out.startsWith("usage: java -jar airlock-agent.jar audit verify FILE"), help.out);
    assertEquals(0, CliRun.of("audit", "--help").exit);
    assertTrue(CliRun.of("--help").out.contains("audit verify FILE"));
    Files.writeString(dir.resolve("empty.jsonl"), "", StandardCharsets.UTF_8);
    CliRun empty = CliRun.of("audit", "verify", dir.resolve("empty.jsonl").toString());
    assertEquals(0, empty.exit, empty::toString);
    assertTrue(empty.out.contains("ok: 0 line(s)"), empty.out);
  }
}
