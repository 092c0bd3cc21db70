package dev.airlock.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code resilience.circuit_breaker}: stops sending to a target whose recent calls fail too often,
 * so the route falls back at once instead of waiting for timeouts. Written {@code circuit_breaker:
 * {failure_rate: 0.5, minimum_calls: 20, open_for: 30s}}. Each target has its own breaker.
 *
 * <p>Closed, the breaker counts outcomes; once at least {@link #minimumCalls()} calls have been
 * seen and the failure rate reaches {@link #failureRate()}, it opens for {@link #openFor()}, then
 * lets {@link #halfOpenCalls()} trial calls through (half open) and closes again if they succeed.
 * Immutable; build with {@link #builder(double)}.
 */
public final class BreakerPolicy {

  public static final int DEFAULT_MINIMUM_CALLS = 20;
  public static final Duration DEFAULT_OPEN_FOR = Duration.ofSeconds(30);
  public static final int DEFAULT_HALF_OPEN_CALLS = 1;

  private final double failureRate;
  private final int minimumCalls;
  private final Duration openFor;
  private final int halfOpenCalls;

  private BreakerPolicy(Builder b) {
    this.failureRate = b.failureRate;
    this.minimumCalls = b.minimumCalls;
    this.openFor = b.openFor;
    this.halfOpenCalls = b.halfOpenCalls;
    if (!(failureRate > 0 && failureRate <= 1)) {
      throw new IllegalArgumentException("failure rate must be more than 0 and at most 1");
    }
    if (minimumCalls < 1 || halfOpenCalls < 1) {
      throw new IllegalArgumentException("minimum calls and half-open calls must be at least 1");
    }
    if (openFor.isNegative() || openFor.isZero()) {
      throw new IllegalArgumentException("open_for must be longer than zero");
    }
  }

  /** A breaker that opens at {@code failureRate} (more than 0, at most 1). */
  public static Builder builder(double failureRate) {
    return new Builder(failureRate);
  }

  /** The failure rate (more than 0, at most 1) at or above which the breaker opens. Required. */
  public double failureRate() {
    return failureRate;
  }

  /** Calls needed before the failure rate counts. Default 20. */
  public int minimumCalls() {
    return minimumCalls;
  }

  /** How long the breaker stays open before trial calls. Default 30s. */
  public Duration openFor() {
    return openFor;
  }

  /** {@code half_open_calls}: trial calls let through once the open period ends. Default 1. */
  public int halfOpenCalls() {
    return halfOpenCalls;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof BreakerPolicy)) {
      return false;
    }
    BreakerPolicy b = (BreakerPolicy) o;
    return Double.compare(failureRate, b.failureRate) == 0
        && minimumCalls == b.minimumCalls
        && openFor.equals(b.openFor)
        && halfOpenCalls == b.halfOpenCalls;
  }

  @Override
  public int hashCode() {
    return Objects.hash(failureRate, minimumCalls, openFor, halfOpenCalls);
  }

  @Override
  public String toString() {
    return "CircuitBreaker[failureRate="
        + failureRate
        + ", minimumCalls="
        + minimumCalls
        + ", openFor="
        + openFor
        + ", halfOpenCalls="
        + halfOpenCalls
        + "]";
  }

  /** Builds a {@link BreakerPolicy}; everything but the failure rate has a default. */
  public static final class Builder {
    private final double failureRate;
    private int minimumCalls = DEFAULT_MINIMUM_CALLS;
    private Duration openFor = DEFAULT_OPEN_FOR;
    private int halfOpenCalls = DEFAULT_HALF_OPEN_CALLS;

    private Builder(double failureRate) {
      this.failureRate = failureRate;
    }

    public Builder minimumCalls(int minimumCalls) {
      this.minimumCalls = minimumCalls;
      return this;
    }

    public Builder openFor(Duration openFor) {
      this.openFor = Objects.requireNonNull(openFor, "openFor");
      return this;
    }

    public Builder halfOpenCalls(int halfOpenCalls) {
      this.halfOpenCalls = halfOpenCalls;
      return this;
    }

    /**
     * @throws IllegalArgumentException if a value is out of its range
     */
    public BreakerPolicy build() {
      return new BreakerPolicy(this);
    }
  }
}
