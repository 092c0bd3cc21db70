package dev.airlock.agent.cli;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.route.RouteFacts;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What routes match on for one request, gathered as {@code Pipeline.begin} gathers them (the
 * addressed provider, the endpoint, the model, who calls, the headers, stream, the prompt size
 * estimated as body bytes / 4, the PII types the guard found, the injection score) and kept
 * readable, so that each condition of a route can be explained, not only decided.
 */
final class RouteInputs {

  private final String provider;
  private final Endpoint endpoint;
  private final String model;
  private final CallIdentity identity;
  private final Map<String, String> headers;
  private final boolean stream;
  private final long promptTokens;
  private final Set<String> pii;
  private final double injectionScore;

  /**
   * @param headers the request's headers as written (looked up in any case)
   * @param body the body as the application wrote it (the prompt estimate is its size / 4, as the agent's)
   * @param pii the PII types the policy's guard found, before any route's own PII action
   * @param injectionScore the guard's score, negative when nothing was scored
   */
  RouteInputs(String provider, Endpoint endpoint, String model, CallIdentity identity, Map<String, String> headers,
      boolean stream, byte[] body, Set<String> pii, double injectionScore) {
    this.provider = provider;
    this.endpoint = endpoint;
    this.model = model;
    this.identity = identity;
    this.headers = headers;
    this.stream = stream;
    this.promptTokens = body.length / 4;
    this.pii = Collections.unmodifiableSet(new LinkedHashSet<>(pii));
    this.injectionScore = injectionScore;
  }

  /** The same facts as the engine takes them. */
  RouteFacts toRouteFacts() {
    return new RouteFacts(provider, endpoint, model, identity.tenant(), identity.feature(), identity.user(),
        identity::caller, this::header, stream, promptTokens, pii, injectionScore);
  }

  String provider() {
    return provider;
  }

  /** The name {@code when.endpoint} uses: chat, messages, embeddings... */
  String endpointName() {
    return RouteFacts.endpointName(endpoint);
  }

  String model() {
    return model;
  }

  CallIdentity identity() {
    return identity;
  }

  /** A header's value by name in any case, or null. */
  String header(String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  boolean stream() {
    return stream;
  }

  /** The estimated prompt size in tokens: body bytes / 4, as the agent estimates it for routes. */
  long promptTokens() {
    return promptTokens;
  }

  Set<String> pii() {
    return pii;
  }

  /** The injection score, negative when not scored. */
  double injectionScore() {
    return injectionScore;
  }
}
