package dev.airlock.agent.route;

import dev.airlock.agent.AgentLog;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where shadow copies go: the agent's own client, set once at start-up by the agent, and a small
 * pool of daemon threads with a bounded queue. When the queue is full the copy is dropped (and
 * counted in the debug log): shadow traffic is a sample, never a backlog the app pays for.
 */
public final class ShadowTraffic {

  private static volatile Upstream upstream;
  private static final ThreadPoolExecutor EXECUTOR;

  static {
    AtomicInteger count = new AtomicInteger();
    EXECUTOR = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), r -> {
      Thread t = new Thread(r, "airlock-shadow-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    EXECUTOR.allowCoreThreadTimeOut(true);
  }

  private ShadowTraffic() {}

  /** The client shadow copies are sent with; until it is set, no copy is sent. */
  public static void install(Upstream agentOwned) {
    upstream = agentOwned;
  }

  /** The installed client, or null. */
  public static Upstream upstream() {
    return upstream;
  }

  /** Waits up to {@code limit} for queued and running copies to finish (at JVM shutdown). */
  public static void awaitQuiet(java.time.Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while ((EXECUTOR.getActiveCount() > 0 || !EXECUTOR.getQueue().isEmpty()) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Runs the copy on a shadow thread; never blocks, never throws. */
  public static void submit(Runnable copy) {
    try {
      EXECUTOR.execute(copy);
    } catch (RejectedExecutionException full) {
      AgentLog.debug("shadow queue full: a shadow copy was dropped");
    }
  }
}
