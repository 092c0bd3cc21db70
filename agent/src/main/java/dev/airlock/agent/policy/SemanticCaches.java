package dev.airlock.agent.policy;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.cache.semantic.SemanticCache;
import dev.airlock.agent.cache.semantic.SemanticCacheConfig;
import dev.airlock.agent.cache.semantic.SemanticCaching;
import dev.airlock.agent.extension.Extensions;
import dev.airlock.policy.SemanticCachePolicy;
import dev.airlock.spi.Embedder;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles {@code cache.semantic} into a {@link SemanticCaching}: the store with the policy's
 * settings and the embedder it names from the agent's extensions. Without that embedder the
 * semantic cache is off: said once in the log (not at every reload), and the agent carries on.
 */
final class SemanticCaches {

  /** The embedder names already reported missing, so a reload does not repeat the warning. */
  private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

  private SemanticCaches() {}

  /** The compiled cache, or null when no extension offers the embedder. */
  static SemanticCaching of(SemanticCachePolicy policy, Extensions extensions) {
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
    SemanticCacheConfig config = SemanticCacheConfig.builder()
        .threshold(policy.threshold())
        .ttl(policy.ttl())
        .allowPii(policy.allowPii())
        .maxEntries(policy.maxEntries())
        .maxBytes(policy.maxBytes())
        .build();
    return new SemanticCaching(SemanticCache.create(config), embedder);
  }
}
