package dev.airlock.agent.audit;

import dev.airlock.policy.AuditPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process's audit logs, one per file, shared by every policy that names that file: a reload
 * that keeps the file keeps its writer (and so its chain); one that names another file gets that
 * file's writer, while calls begun under the old policy finish into the old file. Every log is
 * written out and closed when the JVM shuts down.
 */
public final class AuditLogs {

  /** How long shutdown waits for each log's queue to be written. */
  static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(3);

  private static final Map<Path, AuditLog> OPEN = new ConcurrentHashMap<>();
  private static volatile boolean hooked;

  private AuditLogs() {}

  /** The log of {@code policy}'s file, started on first use; its fsync mode becomes {@code policy}'s. */
  public static AuditLog of(AuditPolicy policy) {
    Path file = policy.file().toAbsolutePath().normalize();
    AuditLog log = OPEN.computeIfAbsent(file, path -> {
      hookShutdown();
      return AuditLog.start(path, policy.fsync());
    });
    log.fsync(policy.fsync());
    return log;
  }

  /** Writes out and closes every open log; for the shutdown hook (and tests). */
  public static void closeAll() {
    for (Path file : OPEN.keySet()) {
      AuditLog log = OPEN.remove(file);
      if (log != null) {
        log.close(SHUTDOWN_WAIT);
      }
    }
  }

  private static synchronized void hookShutdown() {
    if (hooked) {
      return;
    }
    hooked = true;
    // Its own hook rather than the agent's: any process that opens a log (agent, extension) flushes it.
    Runtime.getRuntime().addShutdownHook(new Thread(AuditLogs::closeAll, "airlock-audit-shutdown"));
  }
}
