package dev.airlock.extensions.semantic;

import dev.airlock.spi.Embedder;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * all-MiniLM-L6-v2 behind the agent's {@link Embedder} interface. The model's ONNX Runtime session
 * is safe to run from many threads at once, so one instance serves the whole application.
 */
final class MiniLmEmbedder implements Embedder {

  static final int DIMENSIONS = 384;

  private final EmbeddingModel model;

  MiniLmEmbedder(EmbeddingModel model) {
    this.model = model;
  }

  @Override
  public String name() {
    return MiniLmEmbedderProvider.NAME;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public float[] embed(String text) {
    return model.embed(text).content().vector();
  }
}
