package dev.airlock.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Loads a policy file: reads it, parses it with positions, checks it, and returns either a {@link
 * Policy} or every problem with {@code file:line:col}. It never throws because of what a file
 * contains (or fails to contain): the agent calls it at startup and on hot reload, and a bad file
 * must become a report, not a crash.
 *
 * <p>The syntax follows the file name: {@code .json} is JSON, anything else ({@code .yaml}, {@code
 * .yml}) YAML. Files over 1 MiB are refused.
 *
 * <p>Secret references are checked, not read: a missing {@code ${env:NAME}} variable or {@code
 * ${file:PATH}} file is a warning, since the agent resolves secrets when it uses them.
 *
 * <p>Thread-safe and stateless.
 */
public final class PolicyLoader {

  private PolicyLoader() {}

  /** Loads {@code file}, checking secret references against the process environment. */
  public static PolicyLoadResult load(Path file) {
    return load(file, System::getenv);
  }

  /**
   * Loads {@code file}. I/O failures (missing file, no permission, a directory) become an error in
   * the result.
   *
   * @param env environment lookup used only to warn about unset {@code ${env:NAME}} secrets
   */
  public static PolicyLoadResult load(Path file, Function<String, String> env) {
    Objects.requireNonNull(file, "file");
    String sourceName = file.toString();
    byte[] content;
    try {
      content = readBounded(file);
    } catch (IOException e) {
      ProblemCollector problems = new ProblemCollector(sourceName);
      problems.documentError("cannot read the policy: " + describe(e));
      return new PolicyLoadResult(sourceName, null, problems.errors(), problems.warnings());
    }
    return parse(sourceName, content, env);
  }

  /** Parses {@code content}, checking secret references against the process environment. */
  public static PolicyLoadResult parse(String sourceName, byte[] content) {
    return parse(sourceName, content, System::getenv);
  }

  /**
   * Parses {@code content} as the policy called {@code sourceName}; the name's extension picks the
   * syntax ({@code .json} is JSON, anything else YAML) and prefixes every problem.
   *
   * @param env environment lookup used only to warn about unset {@code ${env:NAME}} secrets
   */
  public static PolicyLoadResult parse(
      String sourceName, byte[] content, Function<String, String> env) {
    String name = sourceName == null ? "" : sourceName;
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(env, "env");
    ProblemCollector problems = new ProblemCollector(name);
    Policy policy = null;
    try {
      PolicyNode root =
          LocatedParser.parse(content, LocatedParser.Syntax.forSourceName(name), problems);
      if (root != null) {
        policy = new PolicyReader(new Expect(problems), env).read(root, name, sha256(content));
      }
    } catch (RuntimeException | StackOverflowError e) {
      // A bug in this module must not take the agent down with it; report it like any problem.
      problems.documentError(
          "internal error while checking the policy ("
              + e.getClass().getName()
              + "); the policy is refused, please report this");
      policy = null;
    }
    if (problems.hasErrors()) {
      policy = null;
    }
    return new PolicyLoadResult(name, policy, problems.errors(), problems.warnings());
  }

  /** Lower-case hex SHA-256 of {@code content}. */
  public static String sha256(byte[] content) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    byte[] hash = digest.digest(content);
    StringBuilder hex = new StringBuilder(hash.length * 2);
    for (byte b : hash) {
      hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return hex.toString();
  }

  /** Reads at most one byte over the limit, so a huge file is refused without reading it all. */
  private static byte[] readBounded(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException("is a directory");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(LocatedParser.MAX_BYTES + 1);
    }
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
  }
}
