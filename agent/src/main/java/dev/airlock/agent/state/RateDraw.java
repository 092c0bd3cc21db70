package dev.airlock.agent.state;

/**
 * One rate counter to draw from in {@link CounterState#acquire}, in GCRA terms: the bucket is a
 * "theoretical arrival time" (TAT) that each admitted call pushes forward by its {@code cost}; a
 * call fits if, after the push, the TAT is at most {@code burst} ahead of now.
 *
 * <p>For a limit of {@code L} units per interval {@code I} the caller passes
 * {@code cost = floor(units * I / L)} microseconds and {@code burst = I}: a full bucket admits
 * {@code L} units at once, then one more unit every {@code I / L}. Flooring the cost makes the
 * limit exact to within one microsecond per call (so at most about {@code L * L / I} extra units per
 * interval for tiny costs, e.g. 0.006 requests at 600 per minute).
 */
public final class RateDraw {

  private final String key;
  private final long costMicros;
  private final long burstMicros;
  private final long maxDelayMicros;

  /**
   * @param key the counter's key
   * @param costMicros how far this call pushes the bucket's time; not negative
   * @param burstMicros how far ahead of now the bucket's time may run (the interval)
   * @param maxDelayMicros how long the caller is willing to wait for the bucket to make room
   *     (0 to be refused at once)
   */
  public RateDraw(String key, long costMicros, long burstMicros, long maxDelayMicros) {
    if (key == null) {
      throw new NullPointerException("key");
    }
    if (costMicros < 0 || burstMicros <= 0 || maxDelayMicros < 0) {
      throw new IllegalArgumentException("cost " + costMicros + ", burst " + burstMicros + ", max delay " + maxDelayMicros);
    }
    this.key = key;
    this.costMicros = costMicros;
    this.burstMicros = burstMicros;
    this.maxDelayMicros = maxDelayMicros;
  }

  public String key() {
    return key;
  }

  public long costMicros() {
    return costMicros;
  }

  public long burstMicros() {
    return burstMicros;
  }

  public long maxDelayMicros() {
    return maxDelayMicros;
  }

  @Override
  public String toString() {
    return key + " +" + costMicros + "us (burst " + burstMicros + "us, wait up to " + maxDelayMicros + "us)";
  }
}
