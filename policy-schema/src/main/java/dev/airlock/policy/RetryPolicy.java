package dev.airlock.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code resilience.retry}: how often a failed attempt is repeated on the same target before the
 * route falls back to the next target in its chain. Written {@code retry: {max_attempts: 3,
 * backoff: 200ms..5s, on: [429, 500, 502, 503, 504, timeout, connect]}}.
 *
 * <p>The wait between attempts grows exponentially from {@link #backoffMin()} to {@link
 * #backoffMax()}, with jitter. Immutable; build with {@link #builder()}.
 */
public final class RetryPolicy {

  /** What {@code on:} holds when the policy does not say. */
  public static final List<String> DEFAULT_ON =
      Collections.unmodifiableList(
          Arrays.asList("429", "500", "502", "503", "504", "timeout", "connect"));

  /**
   * Client errors that are never transient: retrying sends the same request to the same refusal
   * (and repeating a 401 or 403 can get a key locked out). {@code on:} refuses them.
   */
  public static final List<String> NEVER_TRANSIENT =
      Collections.unmodifiableList(Arrays.asList("400", "401", "403", "404"));

  /** The words {@code on:} accepts besides status codes. */
  public static final List<String> CONDITIONS =
      Collections.unmodifiableList(Arrays.asList("timeout", "connect"));

  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_BACKOFF_MIN = Duration.ofMillis(200);
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(5);

  private final int maxAttempts;
  private final Duration backoffMin;
  private final Duration backoffMax;
  private final Set<String> on;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.backoffMin = b.backoffMin;
    this.backoffMax = b.backoffMax;
    this.on = Collections.unmodifiableSet(new LinkedHashSet<>(b.on));
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be at least 1");
    }
    if (backoffMin.isNegative() || backoffMin.compareTo(backoffMax) > 0) {
      throw new IllegalArgumentException("backoff must be 0 <= min <= max");
    }
    if (on.isEmpty()) {
      throw new IllegalArgumentException("a retry needs at least one condition");
    }
    for (String c : on) {
      if (!isCondition(c)) {
        throw new IllegalArgumentException(
            "not a retry condition: '"
                + c
                + "' (a status 400-599 that is not "
                + NEVER_TRANSIENT
                + ", timeout or connect)");
      }
    }
  }

  /**
   * True for a status code from 400 to 599 other than {@link #NEVER_TRANSIENT}, timeout or connect.
   */
  static boolean isCondition(String c) {
    if (CONDITIONS.contains(c)) {
      return true;
    }
    if (c.length() != 3 || !c.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int status = Integer.parseInt(c);
    return status >= 400 && status <= 599 && !NEVER_TRANSIENT.contains(c);
  }

  /** Starts from the defaults: 3 attempts, 200ms..5s, {@link #DEFAULT_ON}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Attempts in all, the first included (at least 1; 1 means no retry). Default 3. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The first wait. From {@code backoff: MIN..MAX}, or both ends of a single duration. Default
   * 200ms.
   */
  public Duration backoffMin() {
    return backoffMin;
  }

  /** The longest wait. Default 5s. */
  public Duration backoffMax() {
    return backoffMax;
  }

  /**
   * What counts as transient: HTTP status codes as strings ({@code "429"}), {@code timeout} (the
   * attempt timed out) and {@code connect} (the connection failed). In the policy's order.
   */
  public Set<String> on() {
    return on;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RetryPolicy)) {
      return false;
    }
    RetryPolicy r = (RetryPolicy) o;
    return maxAttempts == r.maxAttempts
        && backoffMin.equals(r.backoffMin)
        && backoffMax.equals(r.backoffMax)
        && on.equals(r.on);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, backoffMin, backoffMax, on);
  }

  @Override
  public String toString() {
    return "Retry[maxAttempts="
        + maxAttempts
        + ", backoff="
        + backoffMin
        + ".."
        + backoffMax
        + ", on="
        + on
        + "]";
  }

  /** Builds a {@link RetryPolicy} starting from the defaults. */
  public static final class Builder {
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration backoffMin = DEFAULT_BACKOFF_MIN;
    private Duration backoffMax = DEFAULT_BACKOFF_MAX;
    private Collection<String> on = DEFAULT_ON;

    private Builder() {}

    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** {@code min <= max}; equal values mean a constant wait. */
    public Builder backoff(Duration min, Duration max) {
      this.backoffMin = Objects.requireNonNull(min, "min");
      this.backoffMax = Objects.requireNonNull(max, "max");
      return this;
    }

    /** Replaces the conditions. */
    public Builder on(Collection<String> conditions) {
      this.on = new LinkedHashSet<>(conditions);
      return this;
    }

    /**
     * @throws IllegalArgumentException if a value is out of its range
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
