package dev.airlock.agent.state;

/**
 * One budget counter to reserve against in {@link CounterState#reserve}: which counter, how much,
 * up to what limit, and whether the limit refuses (hard) or only reports (soft).
 */
public final class Charge {

  private final String key;
  private final long amount;
  private final long limit;
  private final boolean hard;
  private final long expiresAtMillis;

  /**
   * @param key the counter's key (see the package documentation for the naming)
   * @param amount what to reserve, in the counter's unit; not negative
   * @param limit the most that {@code spent + reserved} may reach once this amount is reserved
   * @param hard true if exceeding the limit refuses the whole reservation; false if the amount is
   *     reserved anyway and the caller only learns that the limit is exceeded
   * @param expiresAtMillis when the counter may be forgotten (epoch millis, caller's clock)
   */
  public Charge(String key, long amount, long limit, boolean hard, long expiresAtMillis) {
    if (key == null) {
      throw new NullPointerException("key");
    }
    if (amount < 0) {
      throw new IllegalArgumentException("amount must not be negative: " + amount);
    }
    this.key = key;
    this.amount = amount;
    this.limit = limit;
    this.hard = hard;
    this.expiresAtMillis = expiresAtMillis;
  }

  public String key() {
    return key;
  }

  public long amount() {
    return amount;
  }

  public long limit() {
    return limit;
  }

  public boolean hard() {
    return hard;
  }

  public long expiresAtMillis() {
    return expiresAtMillis;
  }

  /** Whether {@code amount} fits under the limit given the counter's values before it. */
  public boolean fits(long spentBefore, long reservedBefore) {
    // Subtracting rather than adding keeps the comparison right even for an absurd limit near Long.MAX_VALUE.
    return amount <= limit - spentBefore - reservedBefore;
  }

  @Override
  public String toString() {
    return key + " +" + amount + (hard ? " (limit " : " (soft limit ") + limit + ")";
  }
}
