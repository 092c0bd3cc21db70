package dev.airlock.policy;

import java.util.Objects;

/**
 * A route's {@code shadow:}: a copy of a share of the route's requests also goes to another target,
 * whose answer is recorded (latency, tokens, cost, errors) and never returned to the application.
 * Written {@code shadow: {to: anthropic/claude-sonnet-4, percent: 10}}. Immutable.
 */
public final class ShadowPolicy {

  private final TargetRef to;
  private final double percent;

  private ShadowPolicy(TargetRef to, double percent) {
    this.to = Objects.requireNonNull(to, "to");
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("shadow percent must be more than 0 and at most 100");
    }
    this.percent = percent;
  }

  /** Copies every request to {@code to}. */
  public static ShadowPolicy of(TargetRef to) {
    return new ShadowPolicy(to, 100);
  }

  /** Copies {@code percent} (more than 0, at most 100) of the requests to {@code to}. */
  public static ShadowPolicy of(TargetRef to, double percent) {
    return new ShadowPolicy(to, percent);
  }

  /** The shadow target. */
  public TargetRef to() {
    return to;
  }

  /** The share of the route's requests copied, in percent (default 100). */
  public double percent() {
    return percent;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ShadowPolicy)) {
      return false;
    }
    ShadowPolicy s = (ShadowPolicy) o;
    return to.equals(s.to) && Double.compare(percent, s.percent) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(to, percent);
  }

  @Override
  public String toString() {
    return "Shadow[to=" + to + ", percent=" + percent + "]";
  }
}
