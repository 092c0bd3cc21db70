package dev.airlock.agent.door.jdk;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's threads for routed JDK calls: running an asynchronous call's attempts, and pumping
 * routed bodies into the application's handlers. Daemon threads, created on demand, gone when idle.
 */
final class RoutingThreads {

  static final ExecutorService EXECUTOR;

  static {
    AtomicInteger count = new AtomicInteger();
    EXECUTOR = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "airlock-route-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  private RoutingThreads() {}
}
