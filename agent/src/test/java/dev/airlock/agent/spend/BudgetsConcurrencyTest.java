package dev.airlock.agent.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.state.Counter;
import dev.airlock.agent.state.MemoryState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 32 threads spend one tenant's budget at once; the limit holds within the bound that
 * {@link Budgets} documents: overshoot at most the sum of (actual - estimate) over the calls in
 * flight, so zero when estimates are upper bounds.
 */
class BudgetsConcurrencyTest {

  private static final int THREADS = 32;
  private static final int ATTEMPTS_PER_THREAD = 400;
  private static final long LIMIT = 10_000_000;
  private static final long ESTIMATE = 10_000;
  private static final BudgetConfig BUDGET = BudgetConfig.builder(ScopeKind.TENANT)
      .limit(LIMIT, BudgetConfig.Unit.USD).window(Window.DAY).build();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
  private static final ScopeKey ACME = ScopeKey.of(ScopeKind.TENANT, "acme");

  @Test
  void underEstimatesOvershootByNoMoreThanTheirExcess() throws Exception {
    Result r = run(5_000, 15_000);
    assertTrue(r.spent <= LIMIT + r.excess,
        "spent " + r.spent + " may exceed the limit " + LIMIT + " by at most the sum of under-estimates " + r.excess);
    assertTrue(r.spent > LIMIT - THREADS * 15_000, "the budget was spent up to its limit: " + r.spent);
    assertTrue(r.blocked > 0, "some calls were blocked");
  }

  @Test
  void upperBoundEstimatesNeverOvershoot() throws Exception {
    Result r = run(1_000, ESTIMATE);
    assertEquals(0, r.excess);
    assertTrue(r.spent <= LIMIT, "spent " + r.spent + " must stay within " + LIMIT);
    assertTrue(r.blocked > 0, "some calls were blocked");
  }

  private static final class Result {
    long spent;
    long excess;
    long blocked;
  }

  private static Result run(long minActual, long maxActual) throws Exception {
    MemoryState state = new MemoryState();
    Budgets budgets = Budgets.builder().add(BUDGET).state(state).clock(CLOCK).build();
    CallScope scope = CallScope.of("acme", null, null, null);
    AtomicLong excess = new AtomicLong();
    AtomicLong blocked = new AtomicLong();
    AtomicLong settledTotal = new AtomicLong();
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        SplittableRandom random = new SplittableRandom(t);
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
            Admission a = budgets.admit(scope, ESTIMATE, 0);
            if (!a.allowed()) {
              blocked.incrementAndGet();
              continue;
            }
            long actual = random.nextLong(minActual, maxActual + 1);
            if (random.nextInt(4) == 0) {
              Thread.yield();  // let other threads admit while this call is "in flight"
            }
            excess.addAndGet(Math.max(0, actual - ESTIMATE));
            settledTotal.addAndGet(actual);
            a.settle(actual, 0);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    long now = CLOCK.millis();
    String key = "airlock:budget:tenant:acme:usd-day:20261122T0000";
    Counter c = state.read(key, now);
    assertEquals(0, c.reserved(), "every reservation was settled");
    assertEquals(settledTotal.get(), c.spent(), "every settle was counted once");
    assertEquals(Math.max(0, LIMIT - c.spent()), budgets.remaining(BUDGET, ACME).getAsLong());
    Result r = new Result();
    r.spent = c.spent();
    r.excess = excess.get();
    r.blocked = blocked.get();
    return r;
  }
}
