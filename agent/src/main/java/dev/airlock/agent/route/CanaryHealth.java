package dev.airlock.agent.route;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * The error rate of one route's canary over a sliding window, and the decision to take it out.
 * Once the rate over at least {@code minimumCalls} calls in the window crosses the limit, the
 * canary is rolled back for as long as this policy is in force (a reload puts it back), and the
 * listener hears of it once.
 */
final class CanaryHealth {

  /** Hears of the one rollback. */
  interface Listener {
    void onRollback(String route, String canary, double errorRate, int calls);
  }

  private final String route;
  private final String canary;
  private final double maxErrorRate;
  private final int minimumCalls;
  private final long windowNanos;
  private final LongSupplier clock;
  private final Listener listener;
  /** Outcomes in the window: nanoTime, with the low bit telling failure (1) from success (0). */
  private final Deque<long[]> outcomes = new ArrayDeque<>();
  private volatile boolean rolledBack;

  CanaryHealth(String route, String canary, double maxErrorRate, int minimumCalls, Duration window,
      LongSupplier clock, Listener listener) {
    this.route = route;
    this.canary = canary;
    this.maxErrorRate = maxErrorRate;
    this.minimumCalls = minimumCalls;
    this.windowNanos = window.toNanos();
    this.clock = clock;
    this.listener = listener;
  }

  boolean rolledBack() {
    return rolledBack;
  }

  /** Records how a call the canary served ended. */
  void record(boolean failed) {
    if (rolledBack || maxErrorRate < 0) {
      return;
    }
    double rate;
    int calls;
    synchronized (outcomes) {
      long now = clock.getAsLong();
      outcomes.addLast(new long[] {now, failed ? 1 : 0});
      while (!outcomes.isEmpty() && now - outcomes.peekFirst()[0] > windowNanos) {
        outcomes.removeFirst();
      }
      calls = outcomes.size();
      if (calls < minimumCalls) {
        return;
      }
      int failures = 0;
      for (long[] o : outcomes) {
        failures += (int) o[1];
      }
      rate = failures / (double) calls;
      if (rate < maxErrorRate || rolledBack) {
        return;
      }
      rolledBack = true;
    }
    listener.onRollback(route, canary, rate, calls);
  }
}
