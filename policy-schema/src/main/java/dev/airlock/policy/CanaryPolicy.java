package dev.airlock.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A route's {@code canary:}: a share of the route's traffic goes to another target, and the canary
 * is rolled back (stops receiving traffic) when its error rate crosses a threshold. Written {@code
 * canary: {to: openai/gpt-4.1-mini, percent: 5, rollback_when: {error_rate: 0.2}}}.
 *
 * <p>Which requests go to the canary is sticky: the same tenant (or user, see {@link #stickyBy()})
 * keeps landing on the same side, so a conversation does not flip between models. Immutable; build
 * with {@link #builder(TargetRef, double)}.
 */
public final class CanaryPolicy {

  /** What {@code sticky_by} can name. */
  public static final List<String> STICKY_BY =
      Collections.unmodifiableList(Arrays.asList("tenant", "user"));

  /** Default of {@code rollback_when.minimum_calls}. */
  public static final int DEFAULT_ROLLBACK_MINIMUM_CALLS = 10;

  /** Default of {@code rollback_when.window}. */
  public static final Duration DEFAULT_ROLLBACK_WINDOW = Duration.ofMinutes(5);

  private final TargetRef to;
  private final double percent;
  private final Double rollbackErrorRate;
  private final int rollbackMinimumCalls;
  private final Duration rollbackWindow;
  private final String stickyBy;

  private CanaryPolicy(Builder b) {
    this.to = b.to;
    this.percent = b.percent;
    this.rollbackErrorRate = b.rollbackErrorRate;
    this.rollbackMinimumCalls = b.rollbackMinimumCalls;
    this.rollbackWindow = b.rollbackWindow;
    this.stickyBy = b.stickyBy;
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("canary percent must be more than 0 and at most 100");
    }
    if (rollbackErrorRate != null && !(rollbackErrorRate > 0 && rollbackErrorRate <= 1)) {
      throw new IllegalArgumentException("rollback error rate must be more than 0 and at most 1");
    }
    if (rollbackMinimumCalls < 1) {
      throw new IllegalArgumentException("rollback minimum calls must be at least 1");
    }
    if (rollbackWindow.isNegative() || rollbackWindow.isZero()) {
      throw new IllegalArgumentException("rollback window must be longer than zero");
    }
    if (!STICKY_BY.contains(stickyBy)) {
      throw new IllegalArgumentException("sticky_by must be one of " + STICKY_BY);
    }
  }

  /** A canary sending {@code percent} (more than 0, at most 100) of the traffic to {@code to}. */
  public static Builder builder(TargetRef to, double percent) {
    return new Builder(to, percent);
  }

  /** The canary target. */
  public TargetRef to() {
    return to;
  }

  /**
   * The share of the route's requests sent to the canary, in percent (more than 0, at most 100).
   */
  public double percent() {
    return percent;
  }

  /**
   * {@code rollback_when.error_rate}: the canary's error rate (0..1, over {@link
   * #rollbackWindow()}) at or above which it is rolled back; empty when the canary is never rolled
   * back automatically.
   */
  public OptionalDouble rollbackErrorRate() {
    return rollbackErrorRate == null
        ? OptionalDouble.empty()
        : OptionalDouble.of(rollbackErrorRate);
  }

  /**
   * {@code rollback_when.minimum_calls}: calls the canary must have answered in the window before
   * its error rate counts (default {@value #DEFAULT_ROLLBACK_MINIMUM_CALLS}).
   */
  public int rollbackMinimumCalls() {
    return rollbackMinimumCalls;
  }

  /** {@code rollback_when.window}: the period the error rate is measured over (default 5m). */
  public Duration rollbackWindow() {
    return rollbackWindow;
  }

  /** {@code sticky_by}: {@code tenant} (the default) or {@code user}. */
  public String stickyBy() {
    return stickyBy;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CanaryPolicy)) {
      return false;
    }
    CanaryPolicy c = (CanaryPolicy) o;
    return to.equals(c.to)
        && Double.compare(percent, c.percent) == 0
        && Objects.equals(rollbackErrorRate, c.rollbackErrorRate)
        && rollbackMinimumCalls == c.rollbackMinimumCalls
        && rollbackWindow.equals(c.rollbackWindow)
        && stickyBy.equals(c.stickyBy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        to, percent, rollbackErrorRate, rollbackMinimumCalls, rollbackWindow, stickyBy);
  }

  @Override
  public String toString() {
    return "Canary[to="
        + to
        + ", percent="
        + percent
        + (rollbackErrorRate == null ? "" : ", rollbackErrorRate=" + rollbackErrorRate)
        + ", rollbackMinimumCalls="
        + rollbackMinimumCalls
        + ", rollbackWindow="
        + rollbackWindow
        + ", stickyBy="
        + stickyBy
        + "]";
  }

  /** Builds a {@link CanaryPolicy}; the rollback settings and stickiness have defaults. */
  public static final class Builder {
    private final TargetRef to;
    private final double percent;
    private Double rollbackErrorRate;
    private int rollbackMinimumCalls = DEFAULT_ROLLBACK_MINIMUM_CALLS;
    private Duration rollbackWindow = DEFAULT_ROLLBACK_WINDOW;
    private String stickyBy = "tenant";

    private Builder(TargetRef to, double percent) {
      this.to = Objects.requireNonNull(to, "to");
      this.percent = percent;
    }

    /** More than 0, at most 1; null for no automatic rollback. */
    public Builder rollbackErrorRate(Double errorRate) {
      this.rollbackErrorRate = errorRate;
      return this;
    }

    public Builder rollbackMinimumCalls(int minimumCalls) {
      this.rollbackMinimumCalls = minimumCalls;
      return this;
    }

    public Builder rollbackWindow(Duration window) {
      this.rollbackWindow = Objects.requireNonNull(window, "window");
      return this;
    }

    /** {@code tenant} or {@code user}. */
    public Builder stickyBy(String stickyBy) {
      this.stickyBy = Objects.requireNonNull(stickyBy, "stickyBy");
      return this;
    }

    /**
     * @throws IllegalArgumentException if a value is out of its range
     */
    public CanaryPolicy build() {
      return new CanaryPolicy(this);
    }
  }
}
