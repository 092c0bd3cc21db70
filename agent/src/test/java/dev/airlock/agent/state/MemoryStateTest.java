package dev.airlock.agent.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class MemoryStateTest {

  private static final long NOW = 1_790_000_000_000L;
  private static final long LATER = NOW + 3_600_000;

  private final MemoryState state = new MemoryState();

  @Test
  void reservesAllChargesOrNone() {
    Charge a = new Charge("a", 60, 100, true, LATER);
    Charge b = new Charge("b", 60, 100, true, LATER);
    assertTrue(state.reserve(Arrays.asList(a, b), NOW).admitted());
    state.add(Collections.singletonList(new CounterDelta("b", 30, 0, LATER)), NOW);

    Reservation refused = state.reserve(Arrays.asList(new Charge("a", 40, 100, true, LATER), new Charge("b", 40, 100, true, LATER)), NOW);
    assertFalse(refused.admitted());
    assertEquals(1, refused.refusedIndex());
    assertEquals(30, refused.spentBefore(1));
    assertEquals(60, refused.reservedBefore(1));
    assertEquals(new Counter(0, 60), state.read("a", NOW), "a was not reserved either");
  }

  @Test
  void softChargesAreReservedEvenPastTheirLimit() {
    Reservation r = state.reserve(Arrays.asList(new Charge("soft", 150, 100, false, LATER)), NOW);
    assertTrue(r.admitted());
    assertFalse(r.fits(0));
    assertEquals(new Counter(0, 150), state.read("soft", NOW));
  }

  @Test
  void settleMovesTheReservationIntoSpendAndReportsTheSpendAfter() {
    Reservation r = state.reserve(Arrays.asList(new Charge("k", 50, 100, true, LATER)), NOW);
    assertArrayEquals(new long[] {70}, state.settle(r, new long[] {70}, NOW));
    assertEquals(new Counter(70, 0), state.read("k", NOW));
    Reservation released = state.reserve(Arrays.asList(new Charge("k", 30, 100, true, LATER)), NOW);
    state.release(released, NOW);
    assertEquals(new Counter(70, 0), state.read("k", NOW));
  }

  @Test
  void reservationsNeverGoNegative() {
    state.add(Collections.singletonList(new CounterDelta("k", 5, -100, LATER)), NOW);
    assertEquals(new Counter(5, 0), state.read("k", NOW));
  }

  @Test
  void countersExpireAtTheirExpiry() {
    state.reserve(Arrays.asList(new Charge("k", 50, 100, true, NOW + 1000)), NOW);
    assertEquals(new Counter(0, 50), state.read("k", NOW + 999));
    assertEquals(Counter.ZERO, state.read("k", NOW + 1000));
    Reservation fresh = state.reserve(Arrays.asList(new Charge("k", 100, 100, true, NOW + 5000)), NOW + 1000);
    assertTrue(fresh.admitted(), "an expired counter starts over");
    assertEquals(0, fresh.reservedBefore(0));
  }

  @Test
  void theSweepRemovesExpiredCounters() {
    for (int i = 0; i < 100; i++) {
      state.reserve(Arrays.asList(new Charge("k" + i, 1, 100, true, NOW + 1000)), NOW);
    }
    assertEquals(100, state.size());
    state.reserve(Arrays.asList(new Charge("live", 1, 100, true, NOW + 10 * 60_000)), NOW + 2 * 60_000);
    assertEquals(1, state.size());
  }

  @Test
  void gcraAdmitsABurstThenOneUnitPerEmissionInterval() {
    long now = NOW * 1000;
    RateDraw request = new RateDraw("r", 100_000, 300_000, 0);  // 3 per 300 ms
    for (int i = 0; i < 3; i++) {
      assertTrue(state.acquire(Collections.singletonList(request), now).admitted());
    }
    RateGrant refused = state.acquire(Collections.singletonList(request), now);
    assertFalse(refused.admitted());
    assertEquals(100_000, refused.delayMicros());
    assertTrue(state.acquire(Collections.singletonList(request), now + 100_000).admitted());
  }

  @Test
  void gcraWaitsBookTheSlotAndAdjustGivesRoomBack() {
    long now = NOW * 1000;
    RateDraw waiting = new RateDraw("w", 100_000, 300_000, 250_000);
    for (int i = 0; i < 3; i++) {
      state.acquire(Collections.singletonList(waiting), now);
    }
    RateGrant booked = state.acquire(Collections.singletonList(waiting), now);
    assertTrue(booked.admitted());
    assertEquals(100_000, booked.delayMicros());
    state.adjust(booked, new long[] {-100_000}, now);
    assertEquals(100_000, state.acquire(Collections.singletonList(waiting), now).delayMicros(), "the same slot again");
  }

  @Test
  void anAdjustNeverMovesABucketBeforeNow() {
    long now = NOW * 1000;
    RateDraw draw = new RateDraw("t", 100_000, 300_000, 0);
    RateGrant g = state.acquire(Collections.singletonList(draw), now);
    state.adjust(g, new long[] {-10_000_000}, now + 50_000);
    for (int i = 0; i < 3; i++) {
      assertTrue(state.acquire(Collections.singletonList(draw), now + 50_000).admitted(), "full, not more than full");
    }
    assertFalse(state.acquire(Collections.singletonList(draw), now + 50_000).admitted());
  }
}
