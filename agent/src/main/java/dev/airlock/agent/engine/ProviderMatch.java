package dev.airlock.agent.engine;

import dev.airlock.agent.codec.Endpoint;

/** A request recognized as an LLM call: which provider endpoint, and which API of it. */
public final class ProviderMatch {
  private final ProviderEndpoint provider;
  private final Endpoint endpoint;

  ProviderMatch(ProviderEndpoint provider, Endpoint endpoint) {
    this.provider = provider;
    this.endpoint = endpoint;
  }

  public ProviderEndpoint provider() {
    return provider;
  }

  public Endpoint endpoint() {
    return endpoint;
  }
}
