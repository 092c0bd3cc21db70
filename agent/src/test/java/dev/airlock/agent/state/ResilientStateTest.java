package dev.airlock.agent.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fallback, catch-up and fail-closed logic, against a remote store that can be switched off. */
class ResilientStateTest {

  private static final long NOW = 1_790_000_000_000L;
  private static final long LATER = NOW + 3_600_000;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

  private final FlakyState remote = new FlakyState();
  private ResilientState state;

  @AfterEach
  void close() {
    if (state != null) {
      state.close();
    }
  }

  private ResilientState resilient(boolean failClosed) {
    state = ResilientState.builder(remote).retryEvery(Duration.ofMillis(10)).clock(CLOCK).failClosed(failClosed).build();
    return state;
  }

  private static List<Charge> charge(String key, long amount, long limit) {
    return Arrays.asList(new Charge(key, amount, limit, true, LATER));
  }

  @Test
  void usesTheRemoteWhileItAnswers() {
    ResilientState s = resilient(false);
    Reservation r = s.reserve(charge("k", 10, 100), NOW);
    s.settle(r, new long[] {7}, NOW);
    assertEquals(new Counter(7, 0), remote.memory.read("k", NOW));
    assertFalse(s.usingLocalState());
    assertEquals(0, s.outages());
  }

  @Test
  void fallsBackToLocalCountersWhenTheRemoteFailsAndCatchesUpWhenItReturns() throws Exception {
    ResilientState s = resilient(false);
    remote.down = true;
    Reservation r = s.reserve(charge("k", 10, 100), NOW);
    assertTrue(r.admitted(), "answered locally, without throwing");
    assertTrue(s.usingLocalState());
    assertEquals(1, s.outages());
    s.settle(r, new long[] {40}, NOW);
    assertEquals(1, s.pendingCatchUp());
    assertEquals(Counter.ZERO, remote.memory.read("k", NOW), "the remote heard nothing yet");

    remote.down = false;
    await(() -> !s.usingLocalState());
    assertEquals(new Counter(40, 0), remote.memory.read("k", NOW), "the local spend was pushed");
    assertEquals(0, s.pendingCatchUp());
    assertEquals(1, s.outages());
  }

  @Test
  void localCountersStartFromTheSpendTheRemoteLastReported() {
    ResilientState s = resilient(false);
    s.settle(s.reserve(charge("k", 80, 100), NOW), new long[] {80}, NOW);
    s.reserve(charge("k", 0, 100), NOW);  // the remote reports spend 80
    remote.down = true;
    assertFalse(s.reserve(charge("k", 30, 100), NOW).admitted(), "80 spent: 30 more does not fit, outage or not");
    assertTrue(s.reserve(charge("k", 20, 100), NOW).admitted());
  }

  @Test
  void remoteReservationsSettledDuringAnOutageAreReleasedInTheRemoteAtCatchUp() throws Exception {
    ResilientState s = resilient(false);
    Reservation r = s.reserve(charge("k", 50, 100), NOW);
    remote.down = true;
    s.settle(r, new long[] {30}, NOW);
    assertTrue(s.usingLocalState());
    assertEquals(new Counter(0, 50), remote.memory.read("k", NOW));
    remote.down = false;
    await(() -> !s.usingLocalState() && s.pendingCatchUp() == 0);
    assertEquals(new Counter(30, 0), remote.memory.read("k", NOW));
  }

  @Test
  void localReservationsSettledAfterTheRemoteReturnedStillReachIt() throws Exception {
    ResilientState s = resilient(false);
    remote.down = true;
    Reservation local = s.reserve(charge("k", 50, 100), NOW);
    remote.down = false;
    await(() -> !s.usingLocalState());
    s.settle(local, new long[] {45}, NOW);
    await(() -> s.pendingCatchUp() == 0);
    assertEquals(new Counter(45, 0), remote.memory.read("k", NOW));
  }

  @Test
  void rateLimitsFallBackToo() {
    ResilientState s = resilient(false);
    remote.down = true;
    RateDraw d = new RateDraw("r", 100, 100, 0);
    assertTrue(s.acquire(Arrays.asList(d), NOW * 1000).admitted());
    assertFalse(s.acquire(Arrays.asList(d), NOW * 1000).admitted());
  }

  @Test
  void failClosedRefusesWhileTheRemoteIsDownButStillCatchesUpSettles() throws Exception {
    ResilientState s = resilient(true);
    Reservation r = s.reserve(charge("k", 50, 100), NOW);
    remote.down = true;
    assertThrows(StateUnavailableException.class, () -> s.reserve(charge("k", 1, 100), NOW));
    assertTrue(s.usingLocalState());
    assertThrows(StateUnavailableException.class, () -> s.acquire(Arrays.asList(new RateDraw("r", 1, 100, 0)), NOW * 1000));
    s.settle(r, new long[] {20}, NOW);
    remote.down = false;
    await(() -> !s.usingLocalState() && s.pendingCatchUp() == 0);
    assertEquals(new Counter(20, 0), remote.memory.read("k", NOW));
    assertTrue(s.reserve(charge("k", 1, 100), NOW).admitted());
  }

  @Test
  void anUnreachableRemoteAtStartIsAnOutageFromTheStart() {
    remote.down = true;
    ResilientState s = resilient(false);
    assertTrue(s.usingLocalState());
    assertEquals(1, s.outages());
  }

  @Test
  void connectingInBackgroundAnswersLocallyUntilConnectedAndCatchesUp() throws Exception {
    remote.gate = new CountDownLatch(1);
    state = ResilientState.builder(remote).retryEvery(Duration.ofMillis(10)).clock(CLOCK).connectInBackground(true).build();
    assertTrue(state.usingLocalState(), "not connected yet");
    state.settle(state.reserve(charge("k", 10, 100), NOW), new long[] {10}, NOW);
    remote.gate.countDown();
    await(() -> !state.usingLocalState() && state.pendingCatchUp() == 0);
    assertEquals(new Counter(10, 0), remote.memory.read("k", NOW));
    assertEquals(0, state.outages(), "connecting is not an outage");
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(5);
    }
  }

  /** A memory state that throws {@link StateUnavailableException} while {@code down}. */
  static final class FlakyState implements CounterState {
    final MemoryState memory = new MemoryState();
    volatile boolean down;
    /** When set, probes wait for it: a slow first connection. */
    volatile CountDownLatch gate;

    private void check() {
      if (down) {
        throw new StateUnavailableException("down");
      }
    }

    @Override
    public Reservation reserve(List<Charge> charges, long nowMillis) {
      check();
      return memory.reserve(charges, nowMillis);
    }

    @Override
    public long[] add(List<CounterDelta> deltas, long nowMillis) {
      check();
      return memory.add(deltas, nowMillis);
    }

    @Override
    public Counter read(String key, long nowMillis) {
      check();
      return memory.read(key, nowMillis);
    }

    @Override
    public RateGrant acquire(List<RateDraw> draws, long nowMicros) {
      check();
      return memory.acquire(draws, nowMicros);
    }

    @Override
    public void adjust(RateGrant grant, long[] deltaMicros, long nowMicros) {
      check();
      memory.adjust(grant, deltaMicros, nowMicros);
    }

    @Override
    public void probe() {
      CountDownLatch g = gate;
      if (g != null) {
        try {
          g.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      check();
    }
  }
}
