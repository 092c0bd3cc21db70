package dev.airlock.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code cache.semantic}: a cached answer is reused for a request whose prompt is similar enough to
 * the cached one's (needs the semantic-cache extension, which supplies the embeddings). Written
 * {@code semantic: {threshold: 0.95, ttl: 1h}}. Immutable; build with {@link #builder()}, which
 * starts from the defaults.
 */
public final class SemanticCachePolicy {

  public static final double DEFAULT_THRESHOLD = 0.95;
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);

  private final double threshold;
  private final Duration ttl;
  private final boolean allowPii;

  private SemanticCachePolicy(Builder b) {
    this.threshold = b.threshold;
    this.ttl = b.ttl;
    this.allowPii = b.allowPii;
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be more than 0 and at most 1");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be longer than zero");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The similarity (more than 0, at most 1) at or above which a cached answer is reused. Default
   * 0.95.
   */
  public double threshold() {
    return threshold;
  }

  /** How long an answer is kept. Default 1h. */
  public Duration ttl() {
    return ttl;
  }

  /**
   * {@code allow_pii}: whether requests in which PII was detected may be stored and served. Default
   * false: such a request bypasses the semantic cache, so one user's data cannot answer another's
   * similar question.
   */
  public boolean allowPii() {
    return allowPii;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SemanticCachePolicy)) {
      return false;
    }
    SemanticCachePolicy s = (SemanticCachePolicy) o;
    return Double.compare(threshold, s.threshold) == 0
        && ttl.equals(s.ttl)
        && allowPii == s.allowPii;
  }

  @Override
  public int hashCode() {
    return Objects.hash(threshold, ttl, allowPii);
  }

  @Override
  public String toString() {
    return "SemanticCache[threshold=" + threshold + ", ttl=" + ttl + ", allowPii=" + allowPii + "]";
  }

  /** Builds a {@link SemanticCachePolicy} starting from the defaults. */
  public static final class Builder {
    private double threshold = DEFAULT_THRESHOLD;
    private Duration ttl = DEFAULT_TTL;
    private boolean allowPii;

    private Builder() {}

    public Builder threshold(double threshold) {
      this.threshold = threshold;
      return this;
    }

    public Builder ttl(Duration ttl) {
      this.ttl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    public Builder allowPii(boolean allowPii) {
      this.allowPii = allowPii;
      return this;
    }

    /**
     * @throws IllegalArgumentException if a value is out of its range
     */
    public SemanticCachePolicy build() {
      return new SemanticCachePolicy(this);
    }
  }
}
