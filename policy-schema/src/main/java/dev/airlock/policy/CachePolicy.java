package dev.airlock.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code cache:} section: the exact cache (identical requests) and the semantic cache (similar
 * requests, with the semantic-cache extension). Either may be absent. Immutable; build with {@link
 * #builder()}.
 */
public final class CachePolicy {

  private final ExactCachePolicy exact;
  private final SemanticCachePolicy semantic;

  private CachePolicy(Builder b) {
    this.exact = b.exact;
    this.semantic = b.semantic;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code cache.exact}, if set. */
  public Optional<ExactCachePolicy> exact() {
    return Optional.ofNullable(exact);
  }

  /** {@code cache.semantic}, if set. */
  public Optional<SemanticCachePolicy> semantic() {
    return Optional.ofNullable(semantic);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CachePolicy)) {
      return false;
    }
    CachePolicy c = (CachePolicy) o;
    return Objects.equals(exact, c.exact) && Objects.equals(semantic, c.semantic);
  }

  @Override
  public int hashCode() {
    return Objects.hash(exact, semantic);
  }

  @Override
  public String toString() {
    return "Cache[exact=" + exact + ", semantic=" + semantic + "]";
  }

  /** Builds a {@link CachePolicy}; both parts are optional. */
  public static final class Builder {
    private ExactCachePolicy exact;
    private SemanticCachePolicy semantic;

    private Builder() {}

    public Builder exact(ExactCachePolicy exact) {
      this.exact = exact;
      return this;
    }

    public Builder semantic(SemanticCachePolicy semantic) {
      this.semantic = semantic;
      return this;
    }

    public CachePolicy build() {
      return new CachePolicy(this);
    }
  }
}
