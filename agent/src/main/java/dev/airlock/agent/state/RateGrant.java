package dev.airlock.agent.state;

import java.util.List;

/**
 * What {@link CounterState#acquire} did: either every draw was taken, possibly on condition that the
 * caller first waits {@link #delayMicros()}, or none was and the caller may try again after
 * {@link #delayMicros()}.
 */
public final class RateGrant {

  private final List<RateDraw> draws;
  private final int refused;
  private final long delayMicros;
  /** Which store holds the draws; set by {@link ResilientState}, null otherwise. */
  final Object origin;

  RateGrant(List<RateDraw> draws, int refused, long delayMicros, Object origin) {
    this.draws = draws;
    this.refused = refused;
    this.delayMicros = delayMicros;
    this.origin = origin;
  }

  RateGrant withOrigin(Object newOrigin) {
    return new RateGrant(draws, refused, delayMicros, newOrigin);
  }

  public boolean admitted() {
    return refused < 0;
  }

  /** The index of the first draw whose wait would exceed its maximum, or -1 if admitted. */
  public int refusedIndex() {
    return refused;
  }

  /**
   * If admitted: how long the caller must wait before sending (0 for most calls; its slot is already
   * booked). If refused: how long until every draw would fit without waiting, as far as this moment
   * can tell (other callers may take the room first).
   */
  public long delayMicros() {
    return delayMicros;
  }

  public List<RateDraw> draws() {
    return draws;
  }
}
