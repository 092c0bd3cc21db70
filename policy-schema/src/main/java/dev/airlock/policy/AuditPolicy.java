package dev.airlock.policy;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code audit:} section: where the audit log goes (one JSON line per LLM call, each line
 * carrying the hash of the one before it) and how hard each line is pushed to disk. Immutable;
 * build with {@link #of(Path, Fsync)} or {@link #of(Path)}.
 */
public final class AuditPolicy {

  /** When the audit file is forced to disk ({@code fsync:}). */
  public enum Fsync {
    /** After every line: nothing is lost in a crash, at the cost of one disk sync per call. */
    EVERY,
    /**
     * After the lines the writer has drained, at most once a second: a crash loses at most about
     * the last second of lines. The default.
     */
    BATCH,
    /** Never: the operating system writes the file back when it chooses. */
    OFF;

    /** {@code every}, {@code batch} or {@code off}, as the policy writes it. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Path file;
  private final Fsync fsync;

  private AuditPolicy(Path file, Fsync fsync) {
    this.file = Objects.requireNonNull(file, "file");
    this.fsync = Objects.requireNonNull(fsync, "fsync");
  }

  /** The log at {@code file}, synced as {@code fsync} says. */
  public static AuditPolicy of(Path file, Fsync fsync) {
    return new AuditPolicy(file, fsync);
  }

  /** The log at {@code file}, synced in batches. */
  public static AuditPolicy of(Path file) {
    return new AuditPolicy(file, Fsync.BATCH);
  }

  /** {@code audit.file}: the path as written (a relative path is relative to the JVM's working directory). */
  public Path file() {
    return file;
  }

  /** {@code audit.fsync}; {@link Fsync#BATCH} when not written. */
  public Fsync fsync() {
    return fsync;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AuditPolicy)) {
      return false;
    }
    AuditPolicy a = (AuditPolicy) o;
    return file.equals(a.file) && fsync == a.fsync;
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, fsync);
  }

  @Override
  public String toString() {
    return "Audit[file=" + file + ", fsync=" + fsync.id() + "]";
  }
}
