package dev.airlock.agent.state;

import java.util.ArrayList;
import java.util.List;

/** Turns "this reservation is over, and this is what it really used" into counter deltas. */
final class SettleDeltas {

  private SettleDeltas() {}

  /** For each charge: {@code spent += actual[i]} (never negative), {@code reserved -= amount}. */
  static List<CounterDelta> of(Reservation reservation, long[] actual) {
    int n = reservation.size();
    if (actual.length != n) {
      throw new IllegalArgumentException("expected " + n + " actual amounts, got " + actual.length);
    }
    List<CounterDelta> deltas = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Charge c = reservation.charge(i);
      deltas.add(new CounterDelta(c.key(), Math.max(0, actual[i]), -c.amount(), c.expiresAtMillis()));
    }
    return deltas;
  }
}
