package dev.airlock.agent.route;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How hard the agent tries before it gives up on a target: per-attempt timeouts, which failures
 * are retried and how long to wait between retries, the circuit breaker per target, and the
 * last-resort answer. Immutable; {@link #NONE} (one attempt per target, the client's own timeouts,
 * no breaker) applies when the policy has no {@code resilience:} section.
 */
public final class ResilienceSettings {

  /** One attempt per target, no breaker, no degraded answer, the client's own timeouts. */
  public static final ResilienceSettings NONE = builder().build();

  private final Duration timeout;
  private final Duration idleTimeout;
  private final int maxAttempts;
  private final Duration backoffMin;
  private final Duration backoffMax;
  private final Set<String> retryOn;
  private final double breakerFailureRate;
  private final int breakerMinimumCalls;
  private final Duration breakerOpenFor;
  private final int breakerHalfOpenCalls;
  private final String degradeMessage;

  private ResilienceSettings(Builder b) {
    this.timeout = b.timeout;
    this.idleTimeout = b.idleTimeout;
    this.maxAttempts = b.maxAttempts;
    this.backoffMin = b.backoffMin;
    this.backoffMax = b.backoffMax;
    this.retryOn = Collections.unmodifiableSet(new LinkedHashSet<>(b.retryOn));
    this.breakerFailureRate = b.breakerFailureRate;
    this.breakerMinimumCalls = b.breakerMinimumCalls;
    this.breakerOpenFor = b.breakerOpenFor;
    this.breakerHalfOpenCalls = b.breakerHalfOpenCalls;
    this.degradeMessage = b.degradeMessage;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Until the response starts (for streams: its first byte); null for the client's own. */
  public Duration timeout() {
    return timeout;
  }

  /** The longest silence between two reads of a body once it flows; null for the client's own. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** Attempts per target, the first included (1 = no retry). */
  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration backoffMin() {
    return backoffMin;
  }

  public Duration backoffMax() {
    return backoffMax;
  }

  /** Whether a failure of this kind is retried: a status code as text, {@code timeout} or {@code connect}. */
  public boolean retries(String failureKind) {
    return retryOn.contains(failureKind);
  }

  /** Whether targets have a circuit breaker. */
  public boolean hasBreaker() {
    return breakerFailureRate > 0;
  }

  public double breakerFailureRate() {
    return breakerFailureRate;
  }

  public int breakerMinimumCalls() {
    return breakerMinimumCalls;
  }

  public Duration breakerOpenFor() {
    return breakerOpenFor;
  }

  public int breakerHalfOpenCalls() {
    return breakerHalfOpenCalls;
  }

  /** The answer to give in the app's format when every target failed, or null to pass the failure on. */
  public String degradeMessage() {
    return degradeMessage;
  }

  /** Builds {@link ResilienceSettings}. */
  public static final class Builder {
    private Duration timeout;
    private Duration idleTimeout;
    private int maxAttempts = 1;
    private Duration backoffMin = Duration.ofMillis(200);
    private Duration backoffMax = Duration.ofSeconds(5);
    private Set<String> retryOn = Set.of();
    private double breakerFailureRate;
    private int breakerMinimumCalls = 20;
    private Duration breakerOpenFor = Duration.ofSeconds(30);
    private int breakerHalfOpenCalls = 1;
    private String degradeMessage;

    private Builder() {}

    public Builder timeouts(Duration timeout, Duration idleTimeout) {
      this.timeout = timeout;
      this.idleTimeout = idleTimeout;
      return this;
    }

    /** Retries: attempts per target (first included), backoff bounds, and the failure kinds retried. */
    public Builder retry(int maxAttempts, Duration backoffMin, Duration backoffMax, Set<String> on) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      this.maxAttempts = maxAttempts;
      this.backoffMin = Objects.requireNonNull(backoffMin);
      this.backoffMax = Objects.requireNonNull(backoffMax);
      this.retryOn = Objects.requireNonNull(on);
      return this;
    }

    /** A breaker per target that opens at {@code failureRate} (0..1] over at least {@code minimumCalls}. */
    public Builder breaker(double failureRate, int minimumCalls, Duration openFor, int halfOpenCalls) {
      this.breakerFailureRate = failureRate;
      this.breakerMinimumCalls = minimumCalls;
      this.breakerOpenFor = openFor;
      this.breakerHalfOpenCalls = halfOpenCalls;
      return this;
    }

    public Builder degrade(String message) {
      this.degradeMessage = message;
      return this;
    }

    public ResilienceSettings build() {
      return new ResilienceSettings(this);
    }
  }
}
