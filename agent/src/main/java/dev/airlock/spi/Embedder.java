package dev.airlock.spi;

/**
 * Turns text into a vector whose direction carries its meaning: two texts that mean nearly the same
 * thing get vectors with a cosine similarity close to 1. The semantic cache ({@code cache.semantic})
 * compares a request's conversation text with earlier ones through it.
 *
 * <p>An extension supplies one through an {@link EmbedderProvider}. This interface uses JDK types
 * only, so an extension compiled against it works with the shaded agent jar.
 *
 * <p>Implementations must be thread-safe: the agent calls {@link #embed} from the application's
 * threads, concurrently, on the path of each cacheable LLM call (so it should take milliseconds,
 * not seconds).
 */
public interface Embedder {

  /**
   * The model's name, e.g. {@code all-minilm-l6-v2}. Vectors of different embedders are never
   * compared: the name is part of every cache entry's scope.
   */
  String name();

  /**
   * The length of every vector {@link #embed} returns, or 0 when it is known only from the vectors
   * (vectors of different lengths are never compared).
   */
  int dimensions();

  /**
   * The vector of one text. It need not be normalized; the agent normalizes it.
   *
   * @param text the text, not null, possibly long (an embedder may truncate it to its model's
   *     input size, keeping the start)
   * @return a vector of {@link #dimensions()} finite numbers, not all zero
   * @throws RuntimeException when the text cannot be embedded; the call then simply bypasses the
   *     semantic cache
   */
  float[] embed(String text);
}
