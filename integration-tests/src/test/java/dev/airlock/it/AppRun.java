package dev.airlock.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One sample app run in a child JVM, with or without the agent, as a user would start it. */
final class AppRun {

  private final List<String> jvmArgs = new ArrayList<>();
  private final List<String> appArgs = new ArrayList<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private Path jar;
  private Path javaHome = Path.of(System.getProperty("java.home"));
  private String agentArgs;

  static AppRun of(String sampleApp) {
    AppRun run = new AppRun();
    run.jar = BuildOutputs.sampleApp(sampleApp);
    return run;
  }

  AppRun withAgent(String agentArguments) {
    this.agentArgs = agentArguments;
    return this;
  }

  AppRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  AppRun jvmArg(String arg) {
    jvmArgs.add(arg);
    return this;
  }

  AppRun args(String... args) {
    appArgs.addAll(List.of(args));
    return this;
  }

  AppRun javaHome(Path home) {
    this.javaHome = home;
    return this;
  }

  Result run() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin/java").toString());
    if (agentArgs != null) {
      command.add("-javaagent:" + BuildOutputs.agentJar() + (agentArgs.isEmpty() ? "" : "=" + agentArgs));
    }
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(appArgs);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("AIRLOCK_") || k.startsWith("OTEL_")
        || k.startsWith("OPENAI_") || k.startsWith("ANTHROPIC_") || k.equals("TRACEPARENT") || k.equals("HEALTH_URL")
        || k.equals("JAVA_TOOL_OPTIONS"));
    builder.environment().putAll(env);
    Path out = Files.createTempFile("airlock-it-out", ".txt");
    Path err = Files.createTempFile("airlock-it-err", ".txt");
    builder.redirectOutput(out.toFile());
    builder.redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command + "\nstderr:\n" + Files.readString(err));
    }
    Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8), command);
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return result;
  }

  /** What the child JVM printed and returned. */
  static final class Result {
    final int exitCode;
    final String stdout;
    final String stderr;
    final List<String> command;

    Result(int exitCode, String stdout, String stderr, List<String> command) {
      this.exitCode = exitCode;
      this.stdout = stdout;
      this.stderr = stderr;
      this.command = command;
    }

    /** The lines the agent printed on stderr. */
    List<String> agentLines() {
      List<String> lines = new ArrayList<>();
      for (String line : stderr.split("\\R")) {
        if (line.startsWith("[airlock]")) {
          lines.add(line);
        }
      }
      return lines;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + " of " + command + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }
}
