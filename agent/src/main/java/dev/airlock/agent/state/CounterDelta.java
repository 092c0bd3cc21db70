package dev.airlock.agent.state;

/**
 * A change to one budget counter without any limit check ({@link CounterState#add}): settling a
 * call (spent up by the actual amount, reserved down by the estimate), releasing it, or pushing
 * spend recorded elsewhere (catch-up after a Redis outage). {@code reserved} never goes below zero:
 * a release that arrives after the store lost the counter must not create negative reservations.
 */
public final class CounterDelta {

  private final String key;
  private final long spent;
  private final long reserved;
  private final long expiresAtMillis;

  public CounterDelta(String key, long spent, long reserved, long expiresAtMillis) {
    if (key == null) {
      throw new NullPointerException("key");
    }
    this.key = key;
    this.spent = spent;
    this.reserved = reserved;
    this.expiresAtMillis = expiresAtMillis;
  }

  public String key() {
    return key;
  }

  /** Added to {@code spent}. */
  public long spent() {
    return spent;
  }

  /** Added to {@code reserved} (usually negative), which is then floored at zero. */
  public long reserved() {
    return reserved;
  }

  public long expiresAtMillis() {
    return expiresAtMillis;
  }

  @Override
  public String toString() {
    return key + " spent" + signed(spent) + " reserved" + signed(reserved);
  }

  private static String signed(long v) {
    return v < 0 ? String.valueOf(v) : "+" + v;
  }
}
