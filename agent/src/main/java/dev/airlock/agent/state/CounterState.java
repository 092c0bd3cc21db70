package dev.airlock.agent.state;

import java.util.List;

/**
 * The atomic counter operations that budgets and rate limits need, whichever store holds the
 * counters. See the package documentation for what the counters mean and how keys are named.
 *
 * <p>Every method may throw {@link StateUnavailableException} when the store cannot answer;
 * nothing else is thrown for store trouble. Times are passed in from the caller's clock.
 * Implementations are thread-safe.
 */
public interface CounterState extends AutoCloseable {

  /**
   * Reserves every charge, or none: in one atomic step, reads each counter, and if every hard charge
   * fits ({@code spent + reserved + amount <= limit}) adds each charge's amount to its counter's
   * {@code reserved} (soft charges are reserved whether or not they fit).
   *
   * @param charges counters with distinct keys
   * @param nowMillis the caller's time, epoch millis
   */
  Reservation reserve(List<Charge> charges, long nowMillis);

  /**
   * Applies each delta to its counter without any limit check, atomically for the whole list, and
   * returns each counter's {@code spent} afterwards.
   */
  long[] add(List<CounterDelta> deltas, long nowMillis);

  /** A budget counter's current values ({@link Counter#ZERO} if it does not exist or expired). */
  Counter read(String key, long nowMillis);

  /**
   * Takes every draw, or none: in one atomic step computes each bucket's wait
   * ({@code max(0, tat + cost - now - burst)}, or 0 if the bucket is full, so that a call larger than
   * a whole interval still passes when nothing else is queued), and if no wait exceeds its draw's
   * maximum, pushes every bucket's time forward by its cost. The grant's delay is the longest wait.
   *
   * @param draws buckets with distinct keys
   * @param nowMicros the caller's time, epoch microseconds
   */
  RateGrant acquire(List<RateDraw> draws, long nowMicros);

  /**
   * Moves the buckets of an admitted grant by {@code deltaMicros[i]} each (negative gives back room
   * an estimate took but the call did not use; a bucket is never moved back before now).
   */
  void adjust(RateGrant grant, long[] deltaMicros, long nowMicros);

  /**
   * Settles an admitted reservation: for each charge, {@code spent += actual[i]} and
   * {@code reserved -= amount}. Returns each counter's {@code spent} afterwards (so that the caller
   * can tell which thresholds this call crossed: spend only grows, so exactly one settle crosses
   * each threshold). Does nothing and returns the spend read at reservation for a refused one.
   */
  default long[] settle(Reservation reservation, long[] actual, long nowMillis) {
    if (!reservation.admitted()) {
      long[] before = new long[reservation.size()];
      for (int i = 0; i < before.length; i++) {
        before[i] = reservation.spentBefore(i);
      }
      return before;
    }
    return add(SettleDeltas.of(reservation, actual), nowMillis);
  }

  /** Gives an admitted reservation back without any spend (the call failed before using anything). */
  default void release(Reservation reservation, long nowMillis) {
    if (reservation.admitted()) {
      add(SettleDeltas.of(reservation, new long[reservation.size()]), nowMillis);
    }
  }

  /** Checks that the store answers; throws {@link StateUnavailableException} if it does not. */
  default void probe() {}

  /** Releases connections and threads; the state must not be used afterwards. */
  @Override
  default void close() {}
}
