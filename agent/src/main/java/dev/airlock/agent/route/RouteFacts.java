package dev.airlock.agent.route;

import dev.airlock.agent.codec.Endpoint;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What routes match on, for one call: where the application sent it, what it asks for, who is
 * calling, and what the guard found. The calling class is looked up only when a route asks.
 */
public final class RouteFacts {

  final String provider;
  final String endpoint;
  final String model;
  final String tenant;
  final String feature;
  final String user;
  final Supplier<String> caller;
  final Function<String, String> headers;
  final boolean stream;
  final long promptTokens;
  final Set<String> pii;
  final double injectionScore;

  /**
   * @param provider the provider the application addressed
   * @param model the model it asked for, or null
   * @param caller the calling application class, computed on demand
   * @param headers request header lookup by name (any case)
   * @param promptTokens the estimated prompt size in tokens
   * @param pii the PII types the guard found in the request
   * @param injectionScore the injection score, or a negative number when not scored
   */
  public RouteFacts(String provider, Endpoint endpoint, String model, String tenant, String feature, String user,
      Supplier<String> caller, Function<String, String> headers, boolean stream, long promptTokens, Set<String> pii,
      double injectionScore) {
    this.provider = provider;
    this.endpoint = endpointName(endpoint);
    this.model = model;
    this.tenant = tenant;
    this.feature = feature;
    this.user = user;
    this.caller = caller;
    this.headers = headers;
    this.stream = stream;
    this.promptTokens = promptTokens;
    this.pii = pii;
    this.injectionScore = injectionScore;
  }

  /** The name routes use for an endpoint: chat, responses, embeddings, completions, messages, generate_content. */
  public static String endpointName(Endpoint endpoint) {
    switch (endpoint) {
      case OPENAI_CHAT:
        return "chat";
      case OPENAI_RESPONSES:
        return "responses";
      case OPENAI_EMBEDDINGS:
        return "embeddings";
      case OPENAI_COMPLETIONS:
        return "completions";
      case ANTHROPIC_MESSAGES:
        return "messages";
      default:
        return "generate_content";
    }
  }
}
