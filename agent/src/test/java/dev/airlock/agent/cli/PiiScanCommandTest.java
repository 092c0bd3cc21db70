package dev.airlock.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PiiScanCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    return new PiiScanCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(Arrays.asList(args));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void findingsWithTypeOffsetsAndConfidenceButNoValues() throws Exception {
    String text = "Mail ana@example.com or call +44 20 7946 0958.";
    assertEquals(0, run(text, "scan"));
    JsonNode findings = JSON.readTree(stdout()).get("findings");
    assertEquals(2, findings.size(), stdout());
    assertEquals("email", findings.get(0).get("type").asText());
    assertEquals(5, findings.get(0).get("start").asInt());
    assertEquals(20, findings.get(0).get("end").asInt());
    assertEquals("phone", findings.get(1).get("type").asText());
    assertEquals("+44 20 7946 0958", text.substring(findings.get(1).get("start").asInt(), findings.get(1).get("end").asInt()));
    assertTrue(findings.get(0).get("confidence").asDouble() >= 0.5);
    assertFalse(stdout().contains("ana@example.com"), "values are never printed: " + stdout());
  }

  @Test
  void offsetsCountCodePointsAsPythonDoes() throws Exception {
    String text = "\uD83D\uDE00 ana@example.com";
    assertEquals(0, run(text, "scan"));
    JsonNode f = JSON.readTree(stdout()).get("findings").get(0);
    assertEquals(2, f.get("start").asInt(), "the emoji is one character");
    assertEquals(17, f.get("end").asInt());
  }

  @Test
  void policyDetectorsIncludingCustomOnes() throws Exception {
    Path policy = Files.writeString(dir.resolve("p.yaml"), "airlock: 1\nname: p\npii:\n  detect: [email]\n"
        + "  custom:\n    - {name: customer_id, pattern: 'CUST-[0-9]{8}'}\n");
    assertEquals(0, run("CUST-12345678 wrote from ana@example.com, card 4111 1111 1111 1111", "scan", "--policy",
        policy.toString()));
    JsonNode findings = JSON.readTree(stdout()).get("findings");
    assertEquals(2, findings.size(), stdout());
    assertEquals("customer_id", findings.get(0).get("type").asText());
    assertEquals(0, findings.get(0).get("start").asInt());
    assertEquals("email", findings.get(1).get("type").asText());
  }

  @Test
  void jsonlAnswersOneLinePerInputLine() throws Exception {
    String stdin = "{\"text\":\"ana@example.com\"}\n\n{\"text\":\"nothing here\",\"id\":7}\n{\"text\":\"IBAN DE89 3704 0044 0532 0130 00\"}\n";
    assertEquals(0, run(stdin, "scan", "--jsonl"));
    String[] lines = stdout().split("\n");
    assertEquals(3, lines.length, stdout());
    assertEquals("email", JSON.readTree(lines[0]).get("findings").get(0).get("type").asText());
    assertEquals(0, JSON.readTree(lines[1]).get("findings").size());
    assertEquals("iban", JSON.readTree(lines[2]).get("findings").get(0).get("type").asText());
  }

  @Test
  void aBadJsonlLineIsAUsageErrorNamingTheLine() {
    assertEquals(2, run("{\"text\":\"ok\"}\n{\"txt\":\"no\"}\n", "scan", "--jsonl"));
    assertEquals(1, stdout().split("\n").length, "the answer to line 1 was printed: " + stdout());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 2"), err.toString(StandardCharsets.UTF_8));
    assertEquals(2, run("not json\n", "scan", "--jsonl"));
  }

  @Test
  void exitCodes() throws Exception {
    assertEquals(0, run("", "--help"));
    assertEquals(0, run("", "scan", "--help"));
    assertTrue(stdout().contains("usage: java -jar airlock-agent.jar pii scan"), stdout());
    assertEquals(2, run(""), "no subcommand");
    assertEquals(2, run("", "sacn"));
    assertEquals(2, run("", "scan", "--jsn"));
    assertEquals(2, run("", "scan", "--policy", dir.resolve("missing.yaml").toString()));
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "airlock: 1\nname: b\npii:\n  detect: [emial]\n");
    assertEquals(1, run("", "scan", "--policy", bad.toString()));
  }
}
