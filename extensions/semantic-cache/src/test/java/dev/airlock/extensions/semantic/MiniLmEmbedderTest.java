package dev.airlock.extensions.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.spi.Embedder;
import dev.airlock.spi.EmbedderProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real model: paraphrases score above the default threshold's neighbourhood, unrelated
 * questions far below it; and a rough latency, printed for the README's numbers.
 */
class MiniLmEmbedderTest {

  private static Embedder embedder;

  @BeforeAll
  static void load() throws Exception {
    EmbedderProvider provider = ServiceLoader.load(EmbedderProvider.class).findFirst().orElseThrow();
    assertEquals("all-minilm-l6-v2", provider.name(), "registered in META-INF/services");
    long start = System.nanoTime();
    embedder = provider.open();
    System.out.printf("model loaded in %d ms%n", (System.nanoTime() - start) / 1_000_000);
  }

  private static double cosine(String a, String b) {
    float[] x = embedder.embed(a);
    float[] y = embedder.embed(b);
    double dot = 0;
    double nx = 0;
    double ny = 0;
    for (int i = 0; i < x.length; i++) {
      dot += x[i] * y[i];
      nx += x[i] * x[i];
      ny += y[i] * y[i];
    }
    return dot / Math.sqrt(nx * ny);
  }

  @Test
  void paraphrasesAreCloseAndOtherQuestionsAreFar() {
    assertEquals(384, embedder.embed("hello").length);
    double paraphrase = cosine("What is the capital of France?", "What's the capital city of France?");
    double unrelated = cosine("What is the capital of France?", "How do I bake sourdough bread?");
    System.out.printf("paraphrase %.3f, unrelated %.3f%n", paraphrase, unrelated);
    assertTrue(paraphrase > 0.9, "paraphrase " + paraphrase);
    assertTrue(unrelated < 0.3, "unrelated " + unrelated);
  }

  @Test
  void embeddingTakesMilliseconds() {
    String question = "Can you summarize the main causes of the French Revolution in two sentences?";
    for (int i = 0; i < 20; i++) {
      embedder.embed(question + i);
    }
    int n = 100;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      embedder.embed(question + " " + i);
    }
    double ms = (System.nanoTime() - start) / 1e6 / n;
    System.out.printf("embedding a 15-word question: %.2f ms on average%n", ms);
    // A sanity bound only: shared CI machines are slow and noisy (a few ms on an idle core).
    assertTrue(ms < 1000, "far slower than expected: " + ms + " ms");
  }
}
