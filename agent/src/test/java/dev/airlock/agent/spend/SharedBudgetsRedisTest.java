package dev.airlock.agent.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.spend.Admission.Outcome;
import dev.airlock.agent.state.Counter;
import dev.airlock.agent.state.RedisServer;
import dev.airlock.agent.state.RedisState;
import dev.airlock.agent.state.ResilientState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Budgets shared through a real redis-server (a child process): two clients, as two JVMs would have,
 * enforce one budget together; the server dies and comes back while calls go on.
 */
class SharedBudgetsRedisTest {

  /** Longer than the 50 ms production default: a loaded CI machine is slow, and these tests check answers, not speed. */
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

  private static final Clock CLOCK = Clock.systemUTC();
  private static final BudgetConfig TEN_CENTS_PER_TENANT = BudgetConfig.builder(ScopeKind.TENANT)
      .limitUsd(0.10).window(Window.DAY).build();

  private RedisServer server;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = RedisServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private <T extends AutoCloseable> T closeLater(T c) {
    toClose.add(c);
    return c;
  }

  /** A client that waits long enough for a loaded machine. */
  private RedisState redis() {
    return RedisState.builder(server.uri()).commandTimeout(COMMAND_TIMEOUT).connectTimeout(COMMAND_TIMEOUT).build();
  }

  private Budgets budgetsOn(dev.airlock.agent.state.CounterState state, BudgetConfig config) {
    return Budgets.builder().add(config).state(state).clock(CLOCK).build();
  }

  private static String tenant() {
    return "t-" + UUID.randomUUID();
  }

  @Test
  void twoClientsEnforceOneBudgetTogether() throws Exception {
    Budgets first = budgetsOn(closeLater(redis()), TEN_CENTS_PER_TENANT);
    Budgets second = budgetsOn(closeLater(redis()), TEN_CENTS_PER_TENANT);
    CallScope scope = CallScope.of(tenant(), null, null, null);

    first.admit(scope, 60_000, 0).settle(60_000, 0);
    assertEquals(40_000, second.remaining(TEN_CENTS_PER_TENANT, scope.key(ScopeKind.TENANT)).getAsLong(),
        "the second client sees the first one's spend");
    assertEquals(Outcome.BLOCKED, second.admit(scope, 40_001, 0).outcome());
    Admission held = second.admit(scope, 30_000, 0);
    assertEquals(Outcome.ALLOWED, held.outcome());
    assertEquals(Outcome.BLOCKED, first.admit(scope, 10_001, 0).outcome(), "and its reservation");
    held.settle(30_000, 0);

    // Both at once from 8 threads: exactly the remaining 10,000 fits, as 10 calls of 1,000.
    AtomicInteger admitted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        Budgets b = t % 2 == 0 ? first : second;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 10; i++) {
            Admission a = b.admit(scope, 1_000, 0);
            if (a.allowed()) {
              admitted.incrementAndGet();
              a.settle(1_000, 0);
            }
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
    assertEquals(10, admitted.get());
    try (RedisState reader = redis()) {
      long now = CLOCK.millis();
      String key = "airlock:budget:tenant:" + scope.tenant() + ":usd-day:" + Window.label(Window.DAY.startMillis(now));
      assertEquals(new Counter(100_000, 0), reader.read(key, now));
    }
  }

  @Test
  void whenRedisDiesCallsGoOnLocallyAndTheSpendCatchesUpWhenItReturns() throws Exception {
    ResilientState state = closeLater(ResilientState.builder(redis())
        .retryEvery(Duration.ofMillis(50)).clock(CLOCK).build());
    BudgetConfig generous = BudgetConfig.builder(ScopeKind.TENANT).limitUsd(1_000).window(Window.DAY).build();
    Budgets budgets = budgetsOn(state, generous);
    CallScope busy = CallScope.of(tenant(), null, null, null);
    assertFalse(state.usingLocalState());

    // Calls keep coming while Redis is killed under them.
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong calls = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        while (running.get()) {
          Admission a = budgets.admit(busy, 100, 0);
          if (!a.allowed()) {
            refused.incrementAndGet();
          }
          a.settle(100, 0);
          calls.incrementAndGet();
        }
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    caller.start();
    await(() -> calls.get() > 50);
    server.kill();
    await(state::usingLocalState);
    long atFallback = calls.get();
    await(() -> calls.get() > atFallback + 50);
    running.set(false);
    caller.join(10_000);
    assertEquals(null, thrown.get(), "admit and settle never threw");
    assertEquals(0, refused.get(), "every call was admitted, from Redis or from local counters");
    assertTrue(state.usingLocalState(), "the fallback is flagged");
    assertEquals(1, state.outages());

    // A tenant seen only during the outage: its spend exists only locally for now.
    CallScope during = CallScope.of(tenant(), null, null, null);
    for (int i = 0; i < 5; i++) {
      Admission a = budgets.admit(during, 1_000, 0);
      assertEquals(Outcome.ALLOWED, a.outcome());
      a.settle(700, 0);
    }
    assertTrue(state.pendingCatchUp() >= 1);

    server.restart();
    await(() -> !state.usingLocalState() && state.pendingCatchUp() == 0);
    assertEquals(1, state.outages());
    try (RedisState reader = redis()) {
      long now = CLOCK.millis();
      String key = "airlock:budget:tenant:" + during.tenant() + ":usd-day:" + Window.label(Window.DAY.startMillis(now));
      assertEquals(new Counter(3_500, 0), reader.read(key, now), "the outage's spend reached the restarted Redis");
    }
    // And new calls are counted in Redis again.
    budgets.admit(during, 1_000, 0).settle(1_000, 0);
    try (RedisState reader = redis()) {
      long now = CLOCK.millis();
      String key = "airlock:budget:tenant:" + during.tenant() + ":usd-day:" + Window.label(Window.DAY.startMillis(now));
      assertEquals(4_500, reader.read(key, now).spent());
    }
  }

  @Test
  void failClosedRefusesWhileRedisIsDownAndAdmitsWhenItReturns() throws Exception {
    ResilientState state = closeLater(ResilientState.builder(redis())
        .failClosed(true).retryEvery(Duration.ofMillis(50)).clock(CLOCK).build());
    Budgets budgets = budgetsOn(state, TEN_CENTS_PER_TENANT);
    CallScope scope = CallScope.of(tenant(), null, null, null);
    assertEquals(Outcome.ALLOWED, budgets.admit(scope, 1, 0).outcome());
    server.kill();
    Admission refused = budgets.admit(scope, 1, 0);
    assertEquals(Outcome.UNAVAILABLE, refused.outcome());
    assertFalse(refused.allowed());
    assertTrue(state.usingLocalState());
    server.restart();
    await(() -> !state.usingLocalState());
    assertEquals(Outcome.ALLOWED, budgets.admit(scope, 1, 0).outcome());
  }

  @Test
  void aRedisThatHangsIsLeftAfterTheCommandTimeoutAndRejoinedWhenItWakes() throws Exception {
    ResilientState state = closeLater(ResilientState.builder(
            RedisState.builder(server.uri()).commandTimeout(Duration.ofMillis(50)).build())
        .retryEvery(Duration.ofMillis(50)).clock(CLOCK).build());
    Budgets budgets = budgetsOn(state, TEN_CENTS_PER_TENANT);
    CallScope scope = CallScope.of(tenant(), null, null, null);
    budgets.admit(scope, 1, 0).settle(1, 0);
    server.pause();
    try {
      Admission a = budgets.admit(scope, 1, 0);
      assertEquals(Outcome.ALLOWED, a.outcome(), "answered locally once Redis did not answer in time");
      assertTrue(state.usingLocalState());
      a.settle(1, 0);
    } finally {
      server.resume();
    }
    await(() -> !state.usingLocalState() && state.pendingCatchUp() == 0);
    try (RedisState reader = redis()) {
      long now = CLOCK.millis();
      String key = "airlock:budget:tenant:" + scope.tenant() + ":usd-day:" + Window.label(Window.DAY.startMillis(now));
      Counter c = reader.read(key, now);
      assertEquals(2, c.spent(), "both calls' spend, the second through the catch-up");
      // The timed-out reservation reached Redis and ran when it woke: it stays reserved until the
      // window's key expires (RedisState documents this; it errs towards refusing early).
      assertTrue(c.reserved() <= 1, "at most the timed-out reservation is left: " + c);
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(10);
    }
  }
}
