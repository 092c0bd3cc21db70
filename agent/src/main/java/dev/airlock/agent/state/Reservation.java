package dev.airlock.agent.state;

import java.util.List;

/**
 * What {@link CounterState#reserve} did: either every charge was reserved, or none was because a
 * hard limit would have been exceeded. Either way it reports each counter's values as they were just
 * before the reservation, read in the same atomic step, so the caller can tell which limits are
 * exceeded and by how much without another round trip.
 *
 * <p>Pass it back to {@link CounterState#settle} or {@link CounterState#release} once the call is
 * over; a state that keeps reservations in more than one place (see {@link ResilientState}) uses it
 * to find where this one was made.
 */
public final class Reservation {

  private final List<Charge> charges;
  private final boolean admitted;
  private final int refused;
  private final long[] spentBefore;
  private final long[] reservedBefore;
  /** Which store holds the reservation; set by {@link ResilientState}, null otherwise. */
  final Object origin;

  Reservation(List<Charge> charges, int refused, long[] spentBefore, long[] reservedBefore, Object origin) {
    this.charges = charges;
    this.refused = refused;
    this.admitted = refused < 0;
    this.spentBefore = spentBefore;
    this.reservedBefore = reservedBefore;
    this.origin = origin;
  }

  Reservation withOrigin(Object newOrigin) {
    return new Reservation(charges, refused, spentBefore, reservedBefore, newOrigin);
  }

  /** True if every charge is now reserved; false if none is. */
  public boolean admitted() {
    return admitted;
  }

  /** The index of the first hard charge that did not fit, or -1 if admitted. */
  public int refusedIndex() {
    return refused;
  }

  public int size() {
    return charges.size();
  }

  public Charge charge(int i) {
    return charges.get(i);
  }

  public List<Charge> charges() {
    return charges;
  }

  /** Counter {@code i}'s settled spend just before this reservation. */
  public long spentBefore(int i) {
    return spentBefore[i];
  }

  /** Counter {@code i}'s reservations by other calls just before this reservation. */
  public long reservedBefore(int i) {
    return reservedBefore[i];
  }

  /** Whether charge {@code i} fitted under its limit (always true for an admitted hard charge). */
  public boolean fits(int i) {
    return charges.get(i).fits(spentBefore[i], reservedBefore[i]);
  }
}
