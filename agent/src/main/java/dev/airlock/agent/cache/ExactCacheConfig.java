package dev.airlock.agent.cache;

import dev.airlock.agent.codec.LlmRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of the exact response cache, the policy's {@code cache.exact: {ttl, max_size,
 * when}}. Immutable and thread-safe; build one with {@link #builder()}:
 *
 * <pre>{@code
 * ExactCacheConfig config = ExactCacheConfig.builder()
 *     .ttl(Duration.ofHours(1))
 *     .maxBytes(256L * 1024 * 1024)
 *     .when(ExactCacheConfig.When.DETERMINISTIC)
 *     .build();
 * }</pre>
 *
 * <p>Equal configs are {@link #equals equal}, so a policy reload can keep the cache (and what it
 * holds) when its section did not change.
 */
public final class ExactCacheConfig {

  /** Which requests the cache answers and stores. */
  public enum When {
    /** Only requests that ask for a reproducible answer ({@link Determinism}); the default. */
    DETERMINISTIC,
    /** Every request: a repeated question gets the first answer even when sampling is on. */
    ALWAYS;

    /**
     * Whether a request may be answered from, and stored in, the cache under this setting.
     *
     * @param request the parsed request; null gives false
     */
    public boolean admits(LlmRequest request) {
      if (request == null) {
        return false;
      }
      return this == ALWAYS || Determinism.isDeterministic(request);
    }
  }

  /** One hour, as in the reference policy. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);
  /** 256 MB, as in the reference policy. */
  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
  /**
   * No single answer is recorded beyond this many bytes, whatever the cache's size: an answer that
   * large is rare, and recording it would hold that much memory per call in flight.
   */
  public static final long MAX_ENTRY_BYTES_CEILING = 8L * 1024 * 1024;

  private final Duration ttl;
  private final long maxBytes;
  private final When when;
  private final long maxEntryBytes;

  private ExactCacheConfig(Builder b) {
    this.ttl = b.ttl;
    this.maxBytes = b.maxBytes;
    this.when = b.when;
    // One eighth of the cache: a single answer may never push out most of what is stored.
    long entryCap = b.maxEntryBytes > 0 ? b.maxEntryBytes : Math.min(maxBytes / 8, MAX_ENTRY_BYTES_CEILING);
    this.maxEntryBytes = Math.max(1, Math.min(entryCap, maxBytes));
  }

  /** A builder with the defaults: 1 hour, 256 MB, {@link When#DETERMINISTIC}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults of {@link #builder()}. */
  public static ExactCacheConfig defaults() {
    return builder().build();
  }

  /** How long after it was stored an answer may be served. */
  public Duration ttl() {
    return ttl;
  }

  /**
   * The most bytes of answers (bodies, chunk overhead and keys) the cache holds; beyond it,
   * Caffeine's eviction policy (W-TinyLFU: rarely and long-unused answers first) makes room.
   */
  public long maxBytes() {
    return maxBytes;
  }

  /** Which requests are cached. */
  public When when() {
    return when;
  }

  /**
   * The largest single answer that is recorded and stored, in bytes plus {@link
   * CachedAnswer#PART_OVERHEAD} per chunk ({@link CachedAnswer#entrySize()}): as set on the builder, else the smaller
   * of {@code maxBytes / 8} and {@value #MAX_ENTRY_BYTES_CEILING} bytes; never more than {@link
   * #maxBytes()}.
   */
  public long maxEntryBytes() {
    return maxEntryBytes;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ExactCacheConfig)) {
      return false;
    }
    ExactCacheConfig c = (ExactCacheConfig) o;
    return maxBytes == c.maxBytes && maxEntryBytes == c.maxEntryBytes && ttl.equals(c.ttl) && when == c.when;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ttl, maxBytes, when, maxEntryBytes);
  }

  @Override
  public String toString() {
    return "ExactCacheConfig{ttl=" + ttl + ", maxBytes=" + maxBytes + ", when=" + when
        + ", maxEntryBytes=" + maxEntryBytes + '}';
  }

  /** Collects settings; not thread-safe. Every setter validates at once, so a mistake points at its line. */
  public static final class Builder {
    private Duration ttl = DEFAULT_TTL;
    private long maxBytes = DEFAULT_MAX_BYTES;
    private When when = When.DETERMINISTIC;
    private long maxEntryBytes;

    private Builder() {}

    /**
     * @param ttl how long a stored answer may be served; positive
     * @throws IllegalArgumentException when zero or negative
     */
    public Builder ttl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isZero() || ttl.isNegative()) {
        throw new IllegalArgumentException("ttl must be positive: " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /**
     * @param maxBytes the cache's size bound in bytes; positive
     * @throws IllegalArgumentException when zero or negative
     */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes <= 0) {
        throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /** @param when which requests are cached; not null */
    public Builder when(When when) {
      this.when = Objects.requireNonNull(when, "when");
      return this;
    }

    /**
     * Overrides the largest single answer recorded (see {@link ExactCacheConfig#maxEntryBytes()}).
     *
     * @param maxEntryBytes positive, at most {@value ExactCacheConfig#MAX_ENTRY_BYTES_CEILING}
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxEntryBytes(long maxEntryBytes) {
      if (maxEntryBytes <= 0 || maxEntryBytes > MAX_ENTRY_BYTES_CEILING) {
        throw new IllegalArgumentException(
            "maxEntryBytes must be in 1.." + MAX_ENTRY_BYTES_CEILING + ": " + maxEntryBytes);
      }
      this.maxEntryBytes = maxEntryBytes;
      return this;
    }

    /** The config; the builder may be reused. */
    public ExactCacheConfig build() {
      return new ExactCacheConfig(this);
    }
  }
}
