package dev.airlock.agent.policy;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.cache.semantic.EndpointEmbedder;
import dev.airlock.agent.cache.semantic.SemanticCache;
import dev.airlock.agent.cache.semantic.SemanticCacheConfig;
import dev.airlock.agent.cache.semantic.SemanticCaching;
import dev.airlock.agent.door.jdk.AgentOwnedUpstream;
import dev.airlock.agent.extension.Extensions;
import dev.airlock.agent.route.RouteTarget;
import dev.airlock.agent.route.RouteTargets;
import dev.airlock.agent.route.Upstream;
import dev.airlock.policy.Policy;
import dev.airlock.policy.SemanticCachePolicy;
import dev.airlock.spi.Embedder;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Compiles {@code cache.semantic} into a {@link SemanticCaching}: the store with the policy's
 * settings and the embedder it names: one of the agent's extensions, or a provider's embeddings
 * endpoint ({@code embedder: PROVIDER/MODEL}). Without that embedder the
 * semantic cache is off: said once in the log (not at every reload), and the agent carries on.
 */
final class SemanticCaches {

  /** The embedder names already reported missing, so a reload does not repeat the warning. */
  private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

  /** The agent's own client, shared across reloads; it creates its HttpClient on first use. */
  private static final Upstream AGENT_OWNED = new AgentOwnedUpstream();

  private SemanticCaches() {}

  /** How long a question may wait for an embeddings endpoint: it is on the path of the app's call. */
  static final Duration ENDPOINT_TIMEOUT = Duration.ofSeconds(5);

  /**
   * The compiled cache, or null when no extension offers the embedder.
   *
   * @param whole the policy, for the provider of an {@code embedder: PROVIDER/MODEL}
   * @param env where {@code ${env:...}} keys are read
   */
  static SemanticCaching of(SemanticCachePolicy policy, Extensions extensions, Policy whole,
      Function<String, String> env) {
    if (policy.embedderTarget().isPresent()) {
      RouteTarget target = RouteTargets.resolve(whole, policy.embedderTarget().get(), env);
      return new SemanticCaching(SemanticCache.create(configOf(policy)),
          new EndpointEmbedder(target, AGENT_OWNED, ENDPOINT_TIMEOUT));
    }
    Embedder embedder = extensions.embedder(policy.embedder());
    if (embedder == null) {
      if (REPORTED.add(policy.embedder())) {
        AgentLog.warn("cache.semantic is off: " + (extensions.embedderNames().isEmpty()
            ? "no embedder extension was given to the agent (extensions=.../airlock-semantic-cache.jar)"
            : "no extension offers the embedder '" + policy.embedder() + "' (offered: "
                + String.join(", ", extensions.embedderNames()) + ")"));
      }
      return null;
    }
    return new SemanticCaching(SemanticCache.create(configOf(policy)), embedder);
  }

  private static SemanticCacheConfig configOf(SemanticCachePolicy policy) {
    return SemanticCacheConfig.builder()
        .threshold(policy.threshold())
        .ttl(policy.ttl())
        .allowPii(policy.allowPii())
        .maxEntries(policy.maxEntries())
        .maxBytes(policy.maxBytes())
        .build();
  }
}
