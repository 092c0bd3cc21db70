package dev.airlock.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a secret lives: {@code ${env:NAME}} (an environment variable) or {@code ${file:PATH}} (a
 * file, e.g. a mounted Kubernetes secret). A policy never holds a secret itself, only this
 * reference, so policies can be reviewed, committed and logged.
 *
 * <p>The reference holds no value: {@link #resolve(Function)} reads it at the moment of use, so a
 * rotated key is picked up and a value never sits in the policy model. {@link #toString()} renders
 * the reference ({@code ${env:EU_LLM_KEY}}), which is safe to print.
 *
 * <p>A relative {@code file} path is resolved against the JVM's working directory; prefer absolute
 * paths.
 */
public final class SecretRef {

  /** Where the secret is read from. */
  public enum Kind {
    /** An environment variable. */
    ENV,
    /** The content of a file, without surrounding whitespace (a trailing newline is usual). */
    FILE
  }

  /** Environment variable names as POSIX shells accept them. */
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]*)}");

  /** Secrets are short; refusing big files stops a wrong path from reading a log into memory. */
  private static final int MAX_FILE_BYTES = 64 * 1024;

  private final Kind kind;
  private final String target;

  private SecretRef(Kind kind, String target) {
    this.kind = kind;
    this.target = target;
  }

  /** {@code ${env:NAME}}. */
  public static SecretRef env(String name) {
    Objects.requireNonNull(name, "name");
    if (!ENV_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "environment variable name must match [A-Za-z_][A-Za-z0-9_]*: " + name);
    }
    return new SecretRef(Kind.ENV, name);
  }

  /** {@code ${file:PATH}}. */
  public static SecretRef file(String path) {
    Objects.requireNonNull(path, "path");
    if (path.trim().isEmpty() || !path.equals(path.trim()) || path.indexOf('}') >= 0) {
      throw new IllegalArgumentException(
          "file path must be non-empty, without surrounding spaces and without '}'");
    }
    return new SecretRef(Kind.FILE, path);
  }

  /** True if {@code text} looks like an attempt at a reference (starts with <code>${</code>). */
  public static boolean looksLikeReference(String text) {
    return text != null && text.startsWith("${");
  }

  /**
   * The reference written as {@code text}, or empty if {@code text} is not exactly {@code
   * ${env:NAME}} or {@code ${file:PATH}}. Never throws and never echoes the text, since a string
   * that is not a reference may be a pasted secret.
   */
  public static Optional<SecretRef> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = REFERENCE.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String target = m.group(2);
    try {
      return Optional.of("env".equals(m.group(1)) ? env(target) : file(target));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public Kind kind() {
    return kind;
  }

  /** The environment variable name or the file path. */
  public String target() {
    return target;
  }

  /**
   * Reads the secret now.
   *
   * @param env looks up an environment variable (normally {@code System::getenv}; tests pass a
   *     map's {@code get}); used only for {@link Kind#ENV}
   * @return the value, never empty
   * @throws SecretResolutionException naming the variable or file (never the value) when it is
   *     unset, empty, unreadable or too large
   */
  public String resolve(Function<String, String> env) {
    if (kind == Kind.ENV) {
      String value = env.apply(target);
      if (value == null) {
        throw new SecretResolutionException("environment variable " + target + " is not set");
      }
      if (value.trim().isEmpty()) {
        throw new SecretResolutionException("environment variable " + target + " is empty");
      }
      return value;
    }
    return readFile();
  }

  /** {@link #resolve(Function)} against the process environment. */
  public String resolve() {
    return resolve(System::getenv);
  }

  /**
   * Whether {@link #resolve(Function)} would find something, without reading a file's content or
   * returning a value: the variable is set and non-empty, or the file is a readable regular file.
   */
  public boolean isAvailable(Function<String, String> env) {
    if (kind == Kind.ENV) {
      String value = env.apply(target);
      return value != null && !value.trim().isEmpty();
    }
    try {
      Path p = Paths.get(target);
      return Files.isRegularFile(p) && Files.isReadable(p);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private String readFile() {
    Path p;
    try {
      p = Paths.get(target);
    } catch (InvalidPathException e) {
      throw new SecretResolutionException("secret file path is not valid: " + target);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(p)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new SecretResolutionException("secret file " + target + " does not exist");
    } catch (IOException e) {
      // The exception text names the file and the reason; it cannot contain the content.
      throw new SecretResolutionException(
          "cannot read secret file " + target + ": " + e.getClass().getSimpleName(), e);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new SecretResolutionException(
          "secret file " + target + " is larger than " + MAX_FILE_BYTES + " bytes");
    }
    String value = new String(bytes, StandardCharsets.UTF_8).trim();
    if (value.isEmpty()) {
      throw new SecretResolutionException("secret file " + target + " is empty");
    }
    return value;
  }

  /** The reference as written in a policy, e.g. {@code ${env:EU_LLM_KEY}}; never a value. */
  @Override
  public String toString() {
    return "${" + (kind == Kind.ENV ? "env" : "file") + ":" + target + "}";
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SecretRef)) {
      return false;
    }
    SecretRef s = (SecretRef) o;
    return kind == s.kind && target.equals(s.target);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, target);
  }
}
