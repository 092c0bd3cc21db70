package dev.airlock.agent.cache.semantic;

import dev.airlock.spi.Embedder;

/**
 * The semantic cache of a policy together with the embedder that makes its vectors: what the
 * pipeline needs to look a question up and store its answer. Immutable; the cache inside is
 * thread-safe, and so is the embedder (see {@link Embedder}).
 */
public final class SemanticCaching {

  private final SemanticCache cache;
  private final Embedder embedder;

  public SemanticCaching(SemanticCache cache, Embedder embedder) {
    if (cache == null || embedder == null) {
      throw new NullPointerException(cache == null ? "cache" : "embedder");
    }
    this.cache = cache;
    this.embedder = embedder;
  }

  public SemanticCache cache() {
    return cache;
  }

  public Embedder embedder() {
    return embedder;
  }

  /**
   * The question's vector, normalized.
   *
   * @return the vector, or null when the embedder gave one that cannot be compared (empty, all
   *     zero, not finite, or of another length than it announced; vectors of different lengths
   *     are never compared in any case)
   * @throws RuntimeException when the embedder fails
   */
  public float[] vectorOf(String question) {
    float[] raw = embedder.embed(question);
    int dimensions = embedder.dimensions();
    if (raw == null || (dimensions > 0 && raw.length != dimensions)) {
      return null;
    }
    for (float v : raw) {
      if (!Float.isFinite(v)) {
        return null;
      }
    }
    return SemanticCache.normalized(raw);
  }
}
