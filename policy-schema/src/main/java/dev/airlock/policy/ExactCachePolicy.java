package dev.airlock.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@code cache.exact}: answers to byte-for-byte identical requests (same target, same body) are
 * kept and replayed, streams included. Written {@code exact: {ttl: 1h, max_size: 256MB, when:
 * deterministic}}. Immutable; build with {@link #builder()}, which starts from the defaults.
 */
public final class ExactCachePolicy {

  /** What {@code when} can say. */
  public static final List<String> WHEN =
      Collections.unmodifiableList(Arrays.asList("deterministic", "always"));

  public static final Duration DEFAULT_TTL = Duration.ofHours(1);

  /** 64 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L << 20;

  private final Duration ttl;
  private final long maxBytes;
  private final String when;

  private ExactCachePolicy(Builder b) {
    this.ttl = b.ttl;
    this.maxBytes = b.maxBytes;
    this.when = b.when;
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be longer than zero");
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("max size must be more than zero");
    }
    if (!WHEN.contains(when)) {
      throw new IllegalArgumentException("when must be one of " + WHEN);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** How long an answer is kept. Default 1h. */
  public Duration ttl() {
    return ttl;
  }

  /** {@code max_size}: the largest total size of the cached answers, in bytes. Default 64 MiB. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * {@code deterministic} (the default): only requests whose answer is meant to be repeatable
   * (temperature 0, or a seed) are cached; {@code always}: every request.
   */
  public String when() {
    return when;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ExactCachePolicy)) {
      return false;
    }
    ExactCachePolicy e = (ExactCachePolicy) o;
    return ttl.equals(e.ttl) && maxBytes == e.maxBytes && when.equals(e.when);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ttl, maxBytes, when);
  }

  @Override
  public String toString() {
    return "ExactCache[ttl=" + ttl + ", maxBytes=" + maxBytes + ", when=" + when + "]";
  }

  /** Builds an {@link ExactCachePolicy} starting from the defaults. */
  public static final class Builder {
    private Duration ttl = DEFAULT_TTL;
    private long maxBytes = DEFAULT_MAX_BYTES;
    private String when = "deterministic";

    private Builder() {}

    public Builder ttl(Duration ttl) {
      this.ttl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    public Builder maxBytes(long maxBytes) {
      this.maxBytes = maxBytes;
      return this;
    }

    /** {@code deterministic} or {@code always}. */
    public Builder when(String when) {
      this.when = Objects.requireNonNull(when, "when");
      return this;
    }

    /**
     * @throws IllegalArgumentException if a value is out of its range
     */
    public ExactCachePolicy build() {
      return new ExactCachePolicy(this);
    }
  }
}
