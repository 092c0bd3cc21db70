package dev.airlock.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code resilience:} section: how long an attempt may take, whether and how failed attempts
 * are retried, when a failing target is skipped, and what the application gets when every target
 * failed. It applies to every target of every route (and to requests no route changes).
 *
 * <p>Immutable; build with {@link #builder()}, which starts from the defaults.
 */
public final class ResiliencePolicy {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);

  private final Duration timeout;
  private final Duration idleTimeout;
  private final RetryPolicy retry;
  private final BreakerPolicy circuitBreaker;
  private final String degradeMessage;

  private ResiliencePolicy(Builder b) {
    this.timeout = b.timeout;
    this.idleTimeout = b.idleTimeout;
    this.retry = b.retry;
    this.circuitBreaker = b.circuitBreaker;
    this.degradeMessage = b.degradeMessage;
    if (timeout.isNegative()
        || timeout.isZero()
        || idleTimeout.isNegative()
        || idleTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be longer than zero");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code timeout}: the longest one attempt may take; for a stream, the longest wait for its first
   * byte. Default 30s.
   */
  public Duration timeout() {
    return timeout;
  }

  /** {@code idle_timeout}: the longest wait between two chunks of a stream. Default 10s. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** {@code retry}; empty means a failed attempt is not repeated (the chain still falls back). */
  public Optional<RetryPolicy> retry() {
    return Optional.ofNullable(retry);
  }

  /** {@code circuit_breaker}; empty means targets are never skipped for failing. */
  public Optional<BreakerPolicy> circuitBreaker() {
    return Optional.ofNullable(circuitBreaker);
  }

  /**
   * {@code degrade: {message: ...}}: when every target failed, the application gets an ordinary
   * answer holding this text (in the provider's wire format) instead of an error. Empty means it
   * gets the last error.
   */
  public Optional<String> degradeMessage() {
    return Optional.ofNullable(degradeMessage);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ResiliencePolicy)) {
      return false;
    }
    ResiliencePolicy r = (ResiliencePolicy) o;
    return timeout.equals(r.timeout)
        && idleTimeout.equals(r.idleTimeout)
        && Objects.equals(retry, r.retry)
        && Objects.equals(circuitBreaker, r.circuitBreaker)
        && Objects.equals(degradeMessage, r.degradeMessage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, idleTimeout, retry, circuitBreaker, degradeMessage);
  }

  @Override
  public String toString() {
    return "Resilience[timeout="
        + timeout
        + ", idleTimeout="
        + idleTimeout
        + (retry == null ? "" : ", retry=" + retry)
        + (circuitBreaker == null ? "" : ", circuitBreaker=" + circuitBreaker)
        + (degradeMessage == null ? "" : ", degrade")
        + "]";
  }

  /** Builds a {@link ResiliencePolicy}: timeouts default, no retry, no breaker, no degrade. */
  public static final class Builder {
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private RetryPolicy retry;
    private BreakerPolicy circuitBreaker;
    private String degradeMessage;

    private Builder() {}

    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
      return this;
    }

    public Builder retry(RetryPolicy retry) {
      this.retry = retry;
      return this;
    }

    public Builder circuitBreaker(BreakerPolicy circuitBreaker) {
      this.circuitBreaker = circuitBreaker;
      return this;
    }

    public Builder degradeMessage(String message) {
      this.degradeMessage = message;
      return this;
    }

    /**
     * @throws IllegalArgumentException if a timeout is not longer than zero
     */
    public ResiliencePolicy build() {
      return new ResiliencePolicy(this);
    }
  }
}
