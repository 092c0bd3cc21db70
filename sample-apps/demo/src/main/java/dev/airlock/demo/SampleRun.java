package dev.airlock.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One sample app, run in a child JVM under the agent, its output shown as it comes. */
final class SampleRun {

  /**
   * Each app is a short-lived JVM on what may be a small, shared machine: stopping the JIT at C1
   * and using the serial collector roughly halves the CPU a run takes to start, and changes
   * nothing the agent does.
   */
  private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private final String app;
  private final Path jar;
  private final Path agent;
  private final Path telemetry;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> args = new ArrayList<>();
  private String prompt;

  SampleRun(String app, Path jar, Path agent, Path telemetry) {
    this.app = app;
    this.jar = jar;
    this.agent = agent;
    this.telemetry = telemetry;
  }

  /** Sets a variable of the app's environment. */
  SampleRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Only these scenarios of the app, instead of all. */
  SampleRun args(String... scenarios) {
    args.addAll(List.of(scenarios));
    return this;
  }

  /** The question the app asks (its PROMPT variable) instead of its own. */
  SampleRun prompt(String question) {
    this.prompt = question;
    return env("PROMPT", question);
  }

  /** Runs the app under the agent with this policy, showing its output. */
  void execute(Path policy) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-javaagent:" + agent + "=policy=" + policy + ",telemetry=" + telemetry);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    System.out.println();
    List<String> shown = new ArrayList<>(List.of(app));
    shown.addAll(args);
    System.out.println("-- " + String.join(" ", shown) + " (unmodified, under -javaagent:airlock-agent.jar=policy="
        + policy.getFileName() + ")" + (prompt == null ? "" : ", asked: " + prompt));
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
