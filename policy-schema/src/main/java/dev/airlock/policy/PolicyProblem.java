package dev.airlock.policy;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong (or worth a warning) in a policy file, located like a compiler diagnostic.
 *
 * <p>{@link #toString()} renders the line a security team sees in {@code airlock validate} and in
 * the agent's log:
 *
 * <pre>
 * policy.yaml:12:5: error: providers.eu-llama.format: must be one of openai, anthropic, gemini, got 'opnai' (did you mean 'openai'?)
 * </pre>
 *
 * <p>{@link #message()} is the complete human sentence, including any "did you mean" hint, so that
 * it reads well on its own; {@link #suggestion()} carries the same hint as a bare replacement value
 * for tools (an editor quick fix) that want to apply it.
 *
 * <p>Messages never contain secret values: a refused inline API key is reported without echoing it.
 *
 * <p>Instances are immutable.
 */
public final class PolicyProblem {

  /** How bad a problem is: an error refuses the whole policy, a warning does not. */
  public enum Severity {
    ERROR,
    WARNING;

    /** The lower-case word used in rendered problems: {@code error} or {@code warning}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Severity severity;
  private final String sourceName;
  private final int line;
  private final int column;
  private final String path;
  private final String message;
  private final String suggestion;

  private PolicyProblem(Builder b) {
    this.severity = Objects.requireNonNull(b.severity, "severity");
    this.message = Objects.requireNonNull(b.message, "message");
    this.sourceName = b.sourceName == null ? "" : b.sourceName;
    if (b.line < 0 || b.column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0 (0 = unknown)");
    }
    this.line = b.line;
    this.column = b.column;
    this.path = b.path == null ? "" : b.path;
    this.suggestion = b.suggestion;
  }

  /** Starts a problem of the given severity with its complete human-readable message. */
  public static Builder builder(Severity severity, String message) {
    return new Builder(severity, message);
  }

  /** {@link Severity#ERROR} or {@link Severity#WARNING}. */
  public Severity severity() {
    return severity;
  }

  /** True for {@link Severity#ERROR}. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The name of the policy source, usually its path as given; empty if unknown. */
  public String sourceName() {
    return sourceName;
  }

  /** 1-based line of the offending key or value; 0 when the problem concerns no position. */
  public int line() {
    return line;
  }

  /** 1-based column of the offending key or value; 0 when the problem concerns no position. */
  public int column() {
    return column;
  }

  /**
   * Where in the document: {@code providers.eu-llama.format}, {@code routes[2].to} (sequence
   * indexes are 0-based), or {@code models["gpt-4.1-mini"].input} for keys that contain dots or
   * other separators. Empty for the document as a whole.
   */
  public String path() {
    return path;
  }

  /** The complete message, including any "did you mean" hint. Never contains a secret value. */
  public String message() {
    return message;
  }

  /** The bare replacement value a "did you mean" hint proposes, if any (e.g. {@code openai}). */
  public Optional<String> suggestion() {
    return Optional.ofNullable(suggestion);
  }

  /**
   * {@code source:line:col: severity: path: message}; the position is left out when unknown and the
   * path when the problem concerns the whole document.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (!sourceName.isEmpty()) {
      sb.append(sourceName);
      if (line > 0) {
        sb.append(':').append(line);
        if (column > 0) {
          sb.append(':').append(column);
        }
      }
      sb.append(": ");
    }
    sb.append(severity.label()).append(": ");
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(message).toString();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PolicyProblem)) {
      return false;
    }
    PolicyProblem p = (PolicyProblem) o;
    return severity == p.severity
        && line == p.line
        && column == p.column
        && sourceName.equals(p.sourceName)
        && path.equals(p.path)
        && message.equals(p.message)
        && Objects.equals(suggestion, p.suggestion);
  }

  @Override
  public int hashCode() {
    return Objects.hash(severity, sourceName, line, column, path, message, suggestion);
  }

  /** Builds a {@link PolicyProblem}; only severity and message are required. */
  public static final class Builder {
    private final Severity severity;
    private final String message;
    private String sourceName;
    private int line;
    private int column;
    private String path;
    private String suggestion;

    private Builder(Severity severity, String message) {
      this.severity = severity;
      this.message = message;
    }

    /** The policy source's name, e.g. {@code /etc/airlock/policy.yaml}. */
    public Builder sourceName(String sourceName) {
      this.sourceName = sourceName;
      return this;
    }

    /** 1-based position; 0 means unknown. */
    public Builder at(int line, int column) {
      this.line = line;
      this.column = column;
      return this;
    }

    /** Document path, see {@link PolicyProblem#path()}. */
    public Builder path(String path) {
      this.path = path;
      return this;
    }

    /** Bare replacement value for a "did you mean" hint already worded into the message. */
    public Builder suggestion(String suggestion) {
      this.suggestion = suggestion;
      return this;
    }

    public PolicyProblem build() {
      return new PolicyProblem(this);
    }
  }
}
