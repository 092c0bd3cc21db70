package dev.airlock.agent.route;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests the agent makes on its own behalf to a provider's OpenAI-format embeddings endpoint (the
 * semantic cache's {@code embedder: PROVIDER/MODEL}): a POST to {@code BASE/embeddings} carrying the
 * provider's key from the policy, never any of the application's headers.
 */
public final class EmbeddingsRequests {

  private EmbeddingsRequests() {}

  /**
   * The request for {@code body} (an embeddings request, JSON).
   *
   * @param target the provider, resolved like a route target ({@link RouteTargets#resolve}); it
   *     must have an address (a {@code base_url}, or a built-in's default)
   * @throws IllegalArgumentException when the target has no address
   */
  public static UpstreamRequest of(RouteTarget target, byte[] body) {
    if (target.host() == null) {
      throw new IllegalArgumentException("provider " + target.provider() + " has no base_url");
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-type", List.of("application/json"));
    headers.put("accept", List.of("application/json"));
    TargetRequests.credentials(target).forEach((name, value) -> headers.put(name, List.of(value)));
    return new UpstreamRequest(target.scheme(), target.host(), target.port(), target.basePath() + "/embeddings",
        headers, body, TargetRequests.credentials(target));
  }
}
