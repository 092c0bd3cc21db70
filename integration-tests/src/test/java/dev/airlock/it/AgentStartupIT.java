package dev.airlock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attaching the agent: policies refused or missing, JDK 25, and what it prints. */
class AgentStartupIT extends WithMockProvider {

  private AppRun openAiApp() {
    return AppRun.of("openai-app")
        .args("chat", "stream")
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1")
        .env("OPENAI_API_KEY", "sk-test-openai");
  }

  @Test
  void anInvalidPolicyIsRefusedWithItsLocationAndTheAppRunsOn() throws Exception {
    Path policy = MockPolicy.write(dir, mock.port(), "telemetry:\n  capture_content: maybe");
    AppRun.Result without = openAiApp().run();
    Path telemetry = dir.resolve("telemetry.jsonl");
    AppRun.Result with = openAiApp().withAgent("policy=" + policy + ",telemetry=" + telemetry).run();

    assertEquals(without.stdout, with.stdout);
    assertEquals(0, with.exitCode);
    String stderr = with.stderr;
    assertTrue(stderr.contains(policy + ":17:20: error: telemetry.capture_content: must be true or false"), stderr);
    assertTrue(stderr.contains("observe only"), stderr);
    assertTrue(TelemetryFile.read(telemetry).spans.isEmpty(),
        "a refused policy's providers are not in force, so the mock is not an LLM host");
  }

  @Test
  void aPolicyWhoseSignatureFailsBlocksEveryCallWhenItFailsClosed() throws Exception {
    Path policy = MockPolicy.write(dir, mock.port(), "on_internal_error: block");
    String jar = BuildOutputs.agentJar().toString();
    Path keys = dir.resolve("team");
    for (List<String> command : List.of(List.of("keygen", "--out", keys.toString()),
        List.of("sign", "--key", keys + ".pem", policy.toString()))) {
      List<String> cli = new java.util.ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
      cli.addAll(command);
      Process process = new ProcessBuilder(cli).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(0, process.waitFor(), output);
    }
    Files.writeString(policy, Files.readString(policy) + "\n# edited after signing\n");
    AppRun.Result run = openAiApp().withAgent("policy=" + policy + ",policy.pubkey=" + keys + ".pub.pem").run();
    assertEquals(0, mock.requests().size(), "nothing leaves under a policy that cannot be verified");
    assertTrue(run.stdout.contains("Blocked by Airlock policy rule 'policy.unavailable'"), run.toString());
    assertTrue(run.stderr.contains("every LLM call is refused"), run.stderr);
  }

  @Test
  void withoutAPolicyTheAgentObservesOnlyBuiltInProviders() throws Exception {
    Path telemetry = dir.resolve("telemetry.jsonl");
    AppRun.Result run = openAiApp().withAgent("telemetry=" + telemetry).run();
    assertEquals(0, run.exitCode, run.toString());
    List<String> lines = run.agentLines();
    assertEquals(1, lines.size(), run.stderr);
    assertTrue(lines.get(0).contains("policy none (observe only)"), lines.get(0));
    assertTrue(TelemetryFile.read(telemetry).spans.isEmpty(), "the mock is no built-in provider");
  }

  @Test
  void theEnvironmentVariablesWorkLikeTheAgentArguments() throws Exception {
    Path telemetry = dir.resolve("telemetry.jsonl");
    AppRun.Result run = openAiApp()
        .withAgent("")
        .env("AIRLOCK_POLICY", MockPolicy.write(dir, mock.port(), null).toString())
        .env("AIRLOCK_TELEMETRY_FILE", telemetry.toString())
        .run();
    assertEquals(0, run.exitCode, run.toString());
    assertEquals(2, TelemetryFile.read(telemetry).spans.size());
  }

  @Test
  void aBadAgentArgumentIsReportedAndTheAppStillRuns() throws Exception {
    AppRun.Result run = openAiApp().withAgent("polcy=/x.yaml").run();
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(run.stderr.contains("unknown agent argument 'polcy'"), run.stderr);
  }

  @Test
  void onTemurin25TheDoorsWorkAndNothingElseIsPrinted() throws Exception {
    Path jdk25 = BuildOutputs.jdk25();
    assumeTrue(jdk25 != null, "Temurin 25 is not installed");
    AppRun.Result without = openAiApp().run();
    mock.reset();
    Path telemetry = dir.resolve("telemetry.jsonl");
    AppRun.Result with = openAiApp()
        .javaHome(jdk25)
        .withAgent("policy=" + MockPolicy.write(dir, mock.port(), null) + ",telemetry=" + telemetry)
        .run();
    assertEquals(0, with.exitCode, with.toString());
    assertEquals(without.stdout, with.stdout);
    assertFalse(with.stderr.toLowerCase(java.util.Locale.ROOT).contains("warning"),
        "no JVM warnings (Unsafe, class data sharing): " + with.stderr);
    assertEquals(1, with.agentLines().size(), with.stderr);
    assertEquals(2, TelemetryFile.read(telemetry).spans.size());

    Path telemetry2 = dir.resolve("telemetry-jdk.jsonl");
    AppRun.Result jdkClient = AppRun.of("langchain4j-app")
        .javaHome(jdk25)
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1")
        .env("OPENAI_API_KEY", "sk-test-openai")
        .withAgent("policy=" + dir.resolve("policy.yaml") + ",telemetry=" + telemetry2)
        .run();
    assertEquals(0, jdkClient.exitCode, jdkClient.toString());
    assertFalse(jdkClient.stderr.toLowerCase(java.util.Locale.ROOT).contains("warning"), jdkClient.stderr);
    assertEquals(2, TelemetryFile.read(telemetry2).spans.size());
    assertTrue(Files.size(telemetry2) > 0);
  }
}
