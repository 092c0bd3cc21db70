package dev.airlock.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One child JVM, started as a user would start an application: plain {@code java}, flags, a main class. */
final class ChildJvm {

  /** What the child printed and how long it lived. */
  static final class Result {
    int exitCode;
    String stdout;
    String stderr;
    List<String> command;
    /** {@link System#nanoTime()} just before the process was started, and after it had exited. */
    long startNanos;
    long endNanos;

    /** The last line of stdout (the JSON the child apps print). */
    String lastLine() {
      String[] lines = stdout.trim().split("\\R");
      return lines[lines.length - 1];
    }

    @Override
    public String toString() {
      return "exit " + exitCode + " of " + String.join(" ", command) + "\n--- stdout (tail)\n"
          + tail(stdout) + "\n--- stderr (tail)\n" + tail(stderr);
    }

    private static String tail(String s) {
      return s.length() > 4000 ? "..." + s.substring(s.length() - 4000) : s;
    }
  }

  private final String java;
  private final List<String> jvmArgs = new ArrayList<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> mainAndArgs = new ArrayList<>();

  ChildJvm(String java) {
    this.java = java;
  }

  ChildJvm jvmArgs(List<String> args) {
    jvmArgs.addAll(args);
    return this;
  }

  ChildJvm env(Map<String, String> vars) {
    env.putAll(vars);
    return this;
  }

  ChildJvm main(String classpath, String mainClass, List<String> args) {
    mainAndArgs.add("-cp");
    mainAndArgs.add(classpath);
    mainAndArgs.add(mainClass);
    mainAndArgs.addAll(args);
    return this;
  }

  ChildJvm jar(String jar, List<String> args) {
    mainAndArgs.add("-jar");
    mainAndArgs.add(jar);
    mainAndArgs.addAll(args);
    return this;
  }

  Result run(long timeoutSeconds) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmArgs);
    command.addAll(mainAndArgs);
    ProcessBuilder builder = new ProcessBuilder(command);
    // The child sees only what the scenario sets: no stray agent, policy or OTel settings.
    builder.environment().keySet().removeIf(k -> k.startsWith("AIRLOCK_") || k.startsWith("OTEL_")
        || k.startsWith("OPENAI_") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS")
        || k.equals("_JAVA_OPTIONS"));
    builder.environment().putAll(env);
    Path out = Files.createTempFile("load-child-out", ".txt");
    Path err = Files.createTempFile("load-child-err", ".txt");
    builder.redirectOutput(out.toFile());
    builder.redirectError(err.toFile());
    Result r = new Result();
    r.command = command;
    try {
      r.startNanos = System.nanoTime();
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new IOException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command)
            + "\n" + Files.readString(err));
      }
      r.endNanos = System.nanoTime();
      r.exitCode = process.exitValue();
      r.stdout = Files.readString(out, StandardCharsets.UTF_8);
      r.stderr = Files.readString(err, StandardCharsets.UTF_8);
      return r;
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
