package dev.airlock.agent.spend;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How a rate limiter in wait mode waits; replaced in tests by one that advances a fake clock. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the calling thread. */
  Sleeper SYSTEM = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());

  void sleep(Duration duration) throws InterruptedException;
}
