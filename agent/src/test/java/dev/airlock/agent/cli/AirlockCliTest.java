package dev.airlock.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AirlockCliTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new AirlockCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
  }

  @Test
  void validateAcceptsAGoodPolicy() throws Exception {
    Path policy = Files.writeString(dir.resolve("ok.yaml"), "airlock: 1\nname: ok\n");
    assertEquals(0, run("validate", policy.toString()));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("ok: policy 'ok', sha256 "), out.toString());
    Path versioned = Files.writeString(dir.resolve("v.yaml"), "airlock: 1\nname: v\nversion: \"7\"\n");
    assertEquals(0, run("validate", versioned.toString()));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("ok: policy 'v' version 7, sha256 "), out.toString());
  }

  @Test
  void validateReportsEveryErrorWithItsPositionAndFailsWithExitCode1() throws Exception {
    Path policy = Files.writeString(dir.resolve("bad.yaml"),
        "airlock: 1\nname: bad\nproviders:\n  x:\n    format: opnai\n    base_url: http://127.0.0.1:1/v1\ntimout: 3\n");
    assertEquals(1, run("validate", policy.toString()));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains(policy + ":5:13: error: providers.x.format"), printed);
    assertTrue(printed.contains(policy + ":7:1: error"), printed);
    assertTrue(printed.contains("invalid: 2 error(s)"), printed);
  }

  @Test
  void usageMistakesExitWith2() {
    assertEquals(2, run());
    assertEquals(2, run("frobnicate"));
    assertEquals(2, run("validate"));
    assertEquals(1, run("validate", dir.resolve("missing.yaml").toString()));
  }

  @Test
  void helpAndSchemaAndVersion() {
    assertEquals(0, run("--help"));
    assertEquals(0, run("validate", "--help"));
    assertEquals(0, run("schema"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"$schema\""));
    assertEquals(0, run("version"));
  }

  @Test
  void keygenSignAndVerifyRoundTrip() throws Exception {
    Path policy = Files.writeString(dir.resolve("p.yaml"), "airlock: 1\nname: signed\n");
    String prefix = dir.resolve("team").toString();
    assertEquals(0, run("keygen", "--out", prefix));
    assertEquals(0, run("sign", "--key", prefix + ".pem", policy.toString()));
    assertTrue(Files.exists(dir.resolve("p.yaml.sig")));
    assertEquals(0, run("verify", "--pubkey", prefix + ".pub.pem", policy.toString()));
    Files.writeString(policy, "airlock: 1\nname: changed\n");
    assertEquals(1, run("verify", "--pubkey", prefix + ".pub.pem", policy.toString()));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("does not match"), out.toString());
  }

  @Test
  void anInvalidPolicyIsNeverSigned() throws Exception {
    Path policy = Files.writeString(dir.resolve("bad.yaml"), "airlock: 1\n");
    String prefix = dir.resolve("k").toString();
    assertEquals(0, run("keygen", "--out", prefix));
    assertEquals(1, run("sign", "--key", prefix + ".pem", policy.toString()));
    assertFalse(Files.exists(dir.resolve("bad.yaml.sig")));
    assertEquals(2, run("sign", policy.toString()), "--key is required");
  }
}
