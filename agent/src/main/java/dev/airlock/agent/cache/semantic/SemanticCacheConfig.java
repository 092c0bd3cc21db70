package dev.airlock.agent.cache.semantic;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of a {@link SemanticCache}: how similar a request must be to reuse an answer, how
 * long answers are kept, and how many and how large they may be. Immutable; build with {@link
 * #builder()}, which starts from the defaults.
 */
public final class SemanticCacheConfig {

  public static final double DEFAULT_THRESHOLD = 0.95;
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);
  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
  /** No single answer above this is kept, whatever the total: one would push out many small ones. */
  public static final long MAX_ENTRY_BYTES_CEILING = 8L * 1024 * 1024;

  private final double threshold;
  private final Duration ttl;
  private final int maxEntries;
  private final long maxBytes;
  private final long maxEntryBytes;
  private final boolean allowPii;

  private SemanticCacheConfig(Builder b) {
    if (!(b.threshold > 0 && b.threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be more than 0 and at most 1, not " + b.threshold);
    }
    if (b.ttl.isNegative() || b.ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be longer than zero");
    }
    if (b.maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, not " + b.maxEntries);
    }
    if (b.maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1, not " + b.maxBytes);
    }
    this.threshold = b.threshold;
    this.ttl = b.ttl;
    this.maxEntries = b.maxEntries;
    this.maxBytes = b.maxBytes;
    this.maxEntryBytes = Math.max(1, Math.min(b.maxBytes / 8, MAX_ENTRY_BYTES_CEILING));
    this.allowPii = b.allowPii;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The cosine similarity (more than 0, at most 1) at or above which a stored answer is reused. */
  public double threshold() {
    return threshold;
  }

  /** How long an answer is kept after it was stored. */
  public Duration ttl() {
    return ttl;
  }

  /** The most answers kept; the oldest go first. Also bounds the time of one lookup (a linear scan). */
  public int maxEntries() {
    return maxEntries;
  }

  /** The most bytes of answers kept, all together; the oldest go first. */
  public long maxBytes() {
    return maxBytes;
  }

  /** The largest single answer kept: an eighth of {@link #maxBytes()}, at most 8 MB. */
  public long maxEntryBytes() {
    return maxEntryBytes;
  }

  /** Whether requests in which PII was detected may be stored and served. */
  public boolean allowPii() {
    return allowPii;
  }

  @Override
  public String toString() {
    return "SemanticCacheConfig{threshold=" + threshold + ", ttl=" + ttl + ", maxEntries=" + maxEntries
        + ", maxBytes=" + maxBytes + ", allowPii=" + allowPii + '}';
  }

  /** Builds a {@link SemanticCacheConfig}; every setting starts at its default. */
  public static final class Builder {
    private double threshold = DEFAULT_THRESHOLD;
    private Duration ttl = DEFAULT_TTL;
    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private long maxBytes = DEFAULT_MAX_BYTES;
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

    public Builder maxEntries(int maxEntries) {
      this.maxEntries = maxEntries;
      return this;
    }

    public Builder maxBytes(long maxBytes) {
      this.maxBytes = maxBytes;
      return this;
    }

    public Builder allowPii(boolean allowPii) {
      this.allowPii = allowPii;
      return this;
    }

    /** @throws IllegalArgumentException when a value is out of its range */
    public SemanticCacheConfig build() {
      return new SemanticCacheConfig(this);
    }
  }
}
