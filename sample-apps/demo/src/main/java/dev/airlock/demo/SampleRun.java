package dev.airlock.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One sample app, run in a child JVM under the agent, its output shown as it comes. */
final class SampleRun {

  private final String app;
  private final String baseUrlVariable;
  private final String baseUrl;
  private final String keyVariable;
  private final List<String> args = new ArrayList<>();

  private SampleRun(String app, String baseUrlVariable, String baseUrl, String keyVariable) {
    this.app = app;
    this.baseUrlVariable = baseUrlVariable;
    this.baseUrl = baseUrl;
    this.keyVariable = keyVariable;
  }

  static SampleRun of(String app, String baseUrlVariable, String baseUrl, String keyVariable) {
    return new SampleRun(app, baseUrlVariable, baseUrl, keyVariable);
  }

  /** Only these scenarios of the app, instead of all. */
  SampleRun args(String... scenarios) {
    args.addAll(List.of(scenarios));
    return this;
  }

  /** @param prompt the question the app asks (its PROMPT variable), or null for its own */
  void execute(Path root, Path agent, Path policy, Path telemetry, String healthUrl, String prompt)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-javaagent:" + agent + "=policy=" + policy + ",telemetry=" + telemetry);
    command.add("-jar");
    command.add(root.resolve("sample-apps/" + app + "/target/" + app + ".jar").toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put(baseUrlVariable, baseUrl);
    builder.environment().put(keyVariable, "demo-key");
    builder.environment().put("HEALTH_URL", healthUrl);
    if (prompt != null) {
      builder.environment().put("PROMPT", prompt);
    }
    System.out.println();
    System.out.println("-- " + app + " (unmodified, under -javaagent:airlock-agent.jar)"
        + (prompt == null ? "" : ", asked: " + prompt));
    Process process = builder.start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        System.out.println("   " + line);
      }
    }
    int exit = process.waitFor();
    if (exit != 0) {
      System.out.println("   (exit code " + exit + ")");
    }
  }
}
