package dev.airlock.agent.cache;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.LlmRequest;
import dev.airlock.agent.codec.Operation;
import dev.airlock.agent.codec.RequestCodec;

/**
 * Whether a request asks for a reproducible answer, which is what {@code cache.exact.when:
 * deterministic} (the default) caches.
 *
 * <p>A request is deterministic when it sets {@code temperature} to 0 or sets a {@code seed}: OpenAI
 * {@code temperature}/{@code seed}, Anthropic {@code temperature} (it has no seed), Gemini {@code
 * generationConfig.temperature}/{@code seed}, as {@link RequestCodec} reads them. Embeddings are
 * always deterministic: there is no sampling. A request that sets neither is not: the provider's
 * default temperature is above 0, so a repeated question is meant to get a fresh answer. Stateless
 * and thread-safe.
 */
public final class Determinism {

  private Determinism() {}

  /**
   * Whether a parsed request is deterministic.
   *
   * @param request the request as {@link RequestCodec#parse} read it; null gives false
   */
  public static boolean isDeterministic(LlmRequest request) {
    if (request == null) {
      return false;
    }
    if (request.endpoint().operation() == Operation.EMBEDDINGS) {
      return true;
    }
    Double temperature = request.temperature();
    return (temperature != null && temperature == 0.0) || request.seed() != null;
  }

  /**
   * Whether a request body sent to an endpoint is deterministic; parses the body, so prefer {@link
   * #isDeterministic(LlmRequest)} when the pipeline has already parsed it.
   *
   * @param endpoint the endpoint; null gives false
   * @param body the request body; null or unreadable gives false
   */
  public static boolean isDeterministic(Endpoint endpoint, byte[] body) {
    if (endpoint == null) {
      return false;
    }
    if (endpoint.operation() == Operation.EMBEDDINGS) {
      return true;
    }
    return isDeterministic(RequestCodec.parse(endpoint, null, body));
  }
}
