package dev.airlock.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code cache.semantic}: a cached answer is reused for a request whose prompt is similar enough to
 * the cached one's (needs the semantic-cache extension, which supplies the embeddings). Written
 * {@code semantic: {threshold: 0.95, ttl: 1h, embedder: local, max_entries: 10000, max_size: 64MB}}.
 * Immutable; build with {@link #builder()}, which starts from the defaults.
 */
public final class SemanticCachePolicy {

  public static final double DEFAULT_THRESHOLD = 0.95;
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);
  /** The embedder name that means "the in-process embedder of the extensions given to the agent". */
  public static final String LOCAL_EMBEDDER = "local";
  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  private final double threshold;
  private final Duration ttl;
  private final boolean allowPii;
  private final String embedder;
  private final TargetRef embedderTarget;
  private final int maxEntries;
  private final long maxBytes;

  private SemanticCachePolicy(Builder b) {
    this.threshold = b.threshold;
    this.ttl = b.ttl;
    this.allowPii = b.allowPii;
    this.embedder = b.embedder;
    this.embedderTarget = b.embedderTarget;
    this.maxEntries = b.maxEntries;
    this.maxBytes = b.maxBytes;
    if (maxEntries < 1) {
      throw new IllegalArgumentException("max_entries must be at least 1");
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("max_size must be more than zero");
    }
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

  /**
   * {@code embedder} as written: an extension embedder's name ({@code local}, the default, is the
   * first one the agent's extensions offer), or {@code PROVIDER/MODEL} (see {@link
   * #embedderTarget()}).
   */
  public String embedder() {
    return embedder;
  }

  /**
   * When {@code embedder} is {@code PROVIDER/MODEL}: the provider (OpenAI format) whose embeddings
   * endpoint makes the vectors, and the model; empty for an extension embedder.
   */
  public java.util.Optional<TargetRef> embedderTarget() {
    return java.util.Optional.ofNullable(embedderTarget);
  }

  /** {@code max_entries}: the most answers kept (oldest go first). Default 10000. */
  public int maxEntries() {
    return maxEntries;
  }

  /** {@code max_size}: the most bytes of answers kept, all together. Default 64MB. */
  public long maxBytes() {
    return maxBytes;
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
        && allowPii == s.allowPii
        && embedder.equals(s.embedder)
        && Objects.equals(embedderTarget, s.embedderTarget)
        && maxEntries == s.maxEntries
        && maxBytes == s.maxBytes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(threshold, ttl, allowPii, embedder, maxEntries, maxBytes);
  }

  @Override
  public String toString() {
    return "SemanticCache[threshold=" + threshold + ", ttl=" + ttl + ", allowPii=" + allowPii + ", embedder=" + embedder
        + ", maxEntries=" + maxEntries + ", maxBytes=" + maxBytes + "]";
  }

  /** Builds a {@link SemanticCachePolicy} starting from the defaults. */
  public static final class Builder {
    private double threshold = DEFAULT_THRESHOLD;
    private Duration ttl = DEFAULT_TTL;
    private boolean allowPii;
    private String embedder = LOCAL_EMBEDDER;
    private TargetRef embedderTarget;
    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private long maxBytes = DEFAULT_MAX_BYTES;

    private Builder() {}

    public Builder embedder(String embedder) {
      this.embedder = Objects.requireNonNull(embedder, "embedder");
      return this;
    }

    /** An embeddings endpoint instead of an extension embedder; null for none. */
    public Builder embedderTarget(TargetRef target) {
      this.embedderTarget = target;
      return this;
    }

    public Builder maxEntries(int maxEntries) {
      this.maxEntries = maxEntries;
      return this;
    }

    public Builder maxBytes(long maxBytes) {
      this.maxBytes = maxBytes;
      return this;
    }

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
