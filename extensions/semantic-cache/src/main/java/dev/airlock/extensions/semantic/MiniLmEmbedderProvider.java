package dev.airlock.extensions.semantic;

import dev.airlock.spi.Embedder;
import dev.airlock.spi.EmbedderProvider;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Offers {@code all-minilm-l6-v2}: the sentence-transformers model all-MiniLM-L6-v2, quantized to
 * 8 bits, run in-process on ONNX Runtime (both inside this jar, so nothing is downloaded). 384
 * dimensions; texts longer than the model's 256-token window are embedded in pieces and averaged.
 */
public final class MiniLmEmbedderProvider implements EmbedderProvider {

  /** The name a policy selects it by ({@code embedder: all-minilm-l6-v2}, or the default {@code local}). */
  public static final String NAME = "all-minilm-l6-v2";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Embedder open() {
    return new MiniLmEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
  }
}
