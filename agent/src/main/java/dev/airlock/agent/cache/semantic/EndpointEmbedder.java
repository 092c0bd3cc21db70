package dev.airlock.agent.cache.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.route.EmbeddingsRequests;
import dev.airlock.agent.route.RouteTarget;
import dev.airlock.agent.route.Upstream;
import dev.airlock.agent.route.UpstreamResponse;
import dev.airlock.spi.Embedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * An {@link Embedder} that asks a provider's OpenAI-format embeddings endpoint ({@code embedder:
 * PROVIDER/MODEL}): one {@code POST BASE/embeddings} per question, {@code {"model", "input",
 * "encoding_format": "float"}}, with the provider's key from the policy. It goes through the agent's
 * own HTTP client, so the doors never see it as the application's call (no span, no budget).
 *
 * <p>The vector length is whatever the endpoint returns; {@link #dimensions()} is 0 (unknown ahead).
 * A failure (connection, timeout, non-2xx, unreadable answer) throws, and the call it was for goes
 * to the provider without the semantic cache. Thread-safe.
 */
public final class EndpointEmbedder implements Embedder {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** An embeddings answer for one input is a few tens of KB; anything far larger is not one. */
  private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

  private final RouteTarget target;
  private final Upstream upstream;
  private final Duration timeout;

  /**
   * @param target the provider and embedding model (its {@code model} is sent)
   * @param upstream the agent's own client
   * @param timeout how long to wait for the answer; it is on the path of the application's call
   */
  public EndpointEmbedder(RouteTarget target, Upstream upstream, Duration timeout) {
    if (target.model() == null) {
      throw new IllegalArgumentException("an embeddings endpoint needs a model");
    }
    this.target = target;
    this.upstream = upstream;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return target.provider() + "/" + target.model();
  }

  @Override
  public int dimensions() {
    return 0;
  }

  @Override
  public float[] embed(String text) {
    ObjectNode request = JSON.createObjectNode()
        .put("model", target.model())
        .put("input", text)
        .put("encoding_format", "float");
    try (UpstreamResponse response = upstream.send(EmbeddingsRequests.of(target, JSON.writeValueAsBytes(request)),
        timeout, timeout)) {
      byte[] body = readAtMost(response.body(), MAX_ANSWER_BYTES);
      if (response.status() < 200 || response.status() > 299) {
        throw new IllegalStateException("the embeddings endpoint of " + target.provider() + " answered HTTP "
            + response.status());
      }
      return vectorOf(JSON.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException("the embeddings endpoint of " + target.provider() + " failed", e);
    }
  }

  /** {@code data[0].embedding} as floats. */
  static float[] vectorOf(JsonNode answer) {
    JsonNode embedding = answer.path("data").path(0).path("embedding");
    if (!embedding.isArray() || embedding.size() == 0) {
      throw new IllegalStateException("the embeddings answer has no data[0].embedding array of numbers");
    }
    float[] vector = new float[embedding.size()];
    for (int i = 0; i < vector.length; i++) {
      JsonNode v = embedding.get(i);
      if (!v.isNumber()) {
        throw new IllegalStateException("data[0].embedding[" + i + "] is not a number");
      }
      vector[i] = v.floatValue();
    }
    return vector;
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    byte[] all = in.readNBytes(limit + 1);
    if (all.length > limit) {
      throw new IOException("the embeddings answer is larger than " + limit + " bytes");
    }
    return all;
  }

  @Override
  public String toString() {
    return "EndpointEmbedder{" + name() + '}';
  }
}
