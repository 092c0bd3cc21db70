package dev.airlock.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code pii} and {@code guard} are commands of the agent jar, with help and usage like the others. */
class PiiAndGuardCommandsRegisteredTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new AirlockCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
  }

  @Test
  void helpNamesBothAndEachHasItsOwn() {
    assertEquals(0, run("help"));
    String usage = out.toString(StandardCharsets.UTF_8);
    assertTrue(usage.contains("pii scan") && usage.contains("guard check"), usage);
    out.reset();
    assertEquals(0, run("help", "pii"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--jsonl"));
    out.reset();
    assertEquals(0, run("guard", "check", "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("prompt injection"));
  }

  @Test
  void missingSubcommandsAreUsageErrors() {
    assertEquals(2, run("pii"));
    assertEquals(2, run("guard"));
  }
}
