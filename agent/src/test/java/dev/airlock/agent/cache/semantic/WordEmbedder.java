package dev.airlock.agent.cache.semantic;

import dev.airlock.spi.Embedder;
import dev.airlock.spi.EmbedderProvider;
import java.util.Locale;

/**
 * A stand-in for a sentence model in tests: a bag of words hashed into 64 dimensions, so texts with
 * the same words (in any case, order or punctuation) are identical and texts without common words
 * are orthogonal (barring hash collisions, which the tests' words avoid).
 */
public final class WordEmbedder implements Embedder {

  public static final int DIMENSIONS = 64;

  /** Registered in a test jar's services file; also handy as a provider in tests. */
  public static final class Provider implements EmbedderProvider {
    @Override
    public String name() {
      return "words";
    }

    @Override
    public Embedder open() {
      return new WordEmbedder();
    }
  }

  @Override
  public String name() {
    return "words";
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public float[] embed(String text) {
    float[] v = new float[DIMENSIONS];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        v[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
      }
    }
    return v;
  }
}
