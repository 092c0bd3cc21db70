package dev.airlock.policy;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads {@code audit:}: a required {@code file} and an optional {@code fsync} (every, batch, off). */
final class AuditReader {

  static final List<String> KEYS = Arrays.asList("file", "fsync");
  static final List<String> FSYNC = Arrays.asList("every", "batch", "off");

  private final Expect expect;

  AuditReader(Expect expect) {
    this.expect = expect;
  }

  /** The section, or null after reporting. */
  AuditPolicy read(PolicyNode node) {
    MappingNode audit = expect.mapping(node);
    if (audit == null) {
      return null;
    }
    expect.onlyKeys(audit, KEYS);
    AuditPolicy.Fsync fsync = AuditPolicy.Fsync.BATCH;
    if (audit.get("fsync") != null) {
      String id = expect.oneOf(audit.get("fsync"), FSYNC);
      if (id == null) {
        return null;
      }
      fsync = AuditPolicy.Fsync.valueOf(id.toUpperCase(Locale.ROOT));
    }
    // An audit section that names no file would record nothing while looking like a control.
    if (!expect.require(audit, "file", "the path of the audit log, e.g. /var/log/airlock/audit.jsonl")) {
      return null;
    }
    Path file = file(audit.get("file"));
    return file == null ? null : AuditPolicy.of(file, fsync);
  }

  private Path file(PolicyNode node) {
    String text = expect.string(node);
    if (text == null) {
      return null;
    }
    if (text.endsWith("/") || text.endsWith("\\")) {
      expect.problems().error(node, "must name a file, not a directory, e.g. " + text + "audit.jsonl");
      return null;
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      expect.problems().error(node, "is not a valid path (" + e.getReason() + ")");
      return null;
    }
  }
}
