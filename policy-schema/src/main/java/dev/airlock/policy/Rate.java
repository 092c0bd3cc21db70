package dev.airlock.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * A count per period, written {@code 600/min}, {@code 200k/min} or {@code 10/s} (see {@link
 * PolicyValues#rate(String)}). Immutable.
 */
public final class Rate {

  private final long amount;
  private final Duration per;

  private Rate(long amount, Duration per) {
    this.per = Objects.requireNonNull(per, "per");
    if (amount <= 0) {
      throw new IllegalArgumentException("a rate must be more than zero, got " + amount);
    }
    if (per.isNegative() || per.isZero()) {
      throw new IllegalArgumentException("a rate's period must be longer than zero, got " + per);
    }
    this.amount = amount;
  }

  /** {@code amount} (more than zero) per {@code per} (longer than zero). */
  public static Rate of(long amount, Duration per) {
    return new Rate(amount, per);
  }

  /** The count allowed per period, multipliers applied: {@code 200k/min} gives 200000. */
  public long amount() {
    return amount;
  }

  /** The period: one second, minute, hour or day as written. */
  public Duration per() {
    return per;
  }

  /** The same rate per second, e.g. 10.0 for {@code 600/min}. */
  public double perSecond() {
    return amount / (per.toNanos() / 1e9);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Rate)) {
      return false;
    }
    Rate r = (Rate) o;
    return amount == r.amount && per.equals(r.per);
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount, per);
  }

  /** {@code 600/min}; a period other than a second, minute, hour or day as an ISO duration. */
  @Override
  public String toString() {
    String unit;
    if (per.equals(Duration.ofSeconds(1))) {
      unit = "s";
    } else if (per.equals(Duration.ofMinutes(1))) {
      unit = "min";
    } else if (per.equals(Duration.ofHours(1))) {
      unit = "hour";
    } else if (per.equals(Duration.ofDays(1))) {
      unit = "day";
    } else {
      unit = per.toString();
    }
    return amount + "/" + unit;
  }
}
