package dev.airlock.agent.policy;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.engine.PipelineState;
import dev.airlock.policy.PolicyLoader;
import dev.airlock.policy.PolicySignatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the policy file and applies a changed one only if it validates; otherwise the policy in
 * force stays, and the reason is logged and counted.
 *
 * <p>It polls (modification time and size, then the content's sha256) rather than using a
 * {@code WatchService}: deployments replace policy files by atomic rename or, in Kubernetes, by
 * swapping a symlink, and polling sees every such change on every file system.
 */
public final class PolicyWatcher implements AutoCloseable {

  /** What a reload attempt came to, as the reload counter labels it. */
  public enum Outcome { APPLIED, REFUSED }

  private final Path path;
  private final Consumer<PipelineState> install;
  private final ReloadListener listener;
  private final PolicyGate gate;
  private final ScheduledExecutorService scheduler;
  private FileTime lastModified;
  private long lastSize;
  private FileTime lastSignatureModified;
  private String appliedSha256;
  private String refusedSha256;

  /** Told of each reload attempt, for the counter. */
  public interface ReloadListener {
    void onReload(Outcome outcome);
  }

  private PolicyWatcher(Path path, String currentSha256, PolicyGate gate, Consumer<PipelineState> install,
      ReloadListener listener) {
    this.path = path;
    this.gate = gate;
    this.install = install;
    this.listener = listener;
    this.appliedSha256 = currentSha256;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "airlock-policy-watcher");
      thread.setDaemon(true);
      return thread;
    });
    // No modification time yet: the first poll reads the file once and compares its sha256 with
    // the policy in force, so a change made while the agent was starting is not missed.
    this.lastModified = null;
    this.lastSize = -1;
  }

  /**
   * Starts watching.
   *
   * @param runtime what the agent started with: the policy in force and the gate for new versions
   * @param install receives each new state; the pipeline swaps it in atomically
   */
  public static PolicyWatcher start(PolicyRuntime runtime, Path path, Duration interval,
      Consumer<PipelineState> install, ReloadListener listener) {
    PolicyWatcher watcher = new PolicyWatcher(path, runtime.loadedSha256(), runtime.gate(), install, listener);
    long millis = Math.max(50, interval.toMillis());
    watcher.scheduler.scheduleWithFixedDelay(watcher::checkSafely, millis, millis, TimeUnit.MILLISECONDS);
    return watcher;
  }

  private void checkSafely() {
    try {
      check();
    } catch (RuntimeException e) {
      AgentLog.debug("checking the policy file failed", e);
    }
  }

  /** One poll: visible for tests, which call it directly instead of waiting. */
  void check() {
    FileTime modified;
    long size;
    try {
      modified = Files.getLastModifiedTime(path);
      size = Files.size(path);
    } catch (IOException e) {
      return; // mid-replacement or removed: the policy in force stays until a file is there again
    }
    // A new signature for unchanged content (the .sig deployed after the policy) is a change too.
    FileTime signatureModified = modifiedOrNull(PolicySignatures.signatureFileOf(path));
    boolean signatureChanged = !Objects.equals(signatureModified, lastSignatureModified);
    if (modified.equals(lastModified) && size == lastSize && !signatureChanged) {
      return;
    }
    byte[] content;
    try {
      content = Files.readAllBytes(path);
    } catch (IOException e) {
      return;
    }
    lastModified = modified;
    lastSize = size;
    lastSignatureModified = signatureModified;
    String sha256 = PolicyLoader.sha256(content);
    if (sha256.equals(appliedSha256) || (sha256.equals(refusedSha256) && !signatureChanged)) {
      return;
    }
    PolicyGate.Verdict verdict = gate.admit(path, content);
    if (!verdict.admitted()) {
      refusedSha256 = sha256;
      verdict.reasons.forEach(AgentLog::error);
      AgentLog.error("changed policy " + path + " refused; the policy in force stays");
      listener.onReload(Outcome.REFUSED);
      return;
    }
    appliedSha256 = sha256;
    PipelineState next = PipelineStates.of(verdict.policy);
    install.accept(next);
    AgentLog.banner("policy reloaded: " + next.policy());
    listener.onReload(Outcome.APPLIED);
  }

  private static FileTime modifiedOrNull(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
