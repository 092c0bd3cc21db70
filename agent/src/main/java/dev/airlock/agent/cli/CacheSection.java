package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.policy.ExactCachePolicy;
import dev.airlock.policy.SemanticCachePolicy;
import java.util.Locale;

/**
 * The {@code cache:} decisions for the request (see {@link CacheDecision}): the exact cache's
 * settings, whether this request would be stored and served and why, with a short fingerprint of
 * the key it would be stored under; the semantic cache's settings, and whether the personal data
 * in the request keeps it out. Nothing is looked up: the CLI has no cache, so "hit" or "miss" is
 * never claimed.
 */
final class CacheSection implements ExplanationSection {

  private final CacheDecision cache;

  CacheSection(DryRunResult result) {
    this.cache = CacheDecision.of(result);
  }

  @Override
  public String key() {
    return "cache";
  }

  @Override
  public void writeText(TextReport out) {
    ExactCachePolicy exact = cache.exact();
    SemanticCachePolicy semantic = cache.semantic();
    if (exact == null && semantic == null) {
      out.row("cache", "the policy has no cache section: every answer comes from the provider");
      return;
    }
    out.row("cache", "no lookup here (the CLI holds no cache): whether the request is cacheable, and its key");
    if (exact == null) {
      out.subRow("exact", "not configured");
    } else {
      out.subRow("exact", "ttl " + Units.duration(exact.ttl()) + ", max size " + Units.bytes(exact.maxBytes())
          + ", when " + exact.when());
      out.detail(cache.cacheable()
          ? "cacheable: " + cache.reason() + "; key " + cache.fingerprint() + " (target " + cache.keyTarget()
              + ", tenant " + (cache.keyTenant() == null ? "none" : cache.keyTenant()) + ", canonical body)"
          : "not cacheable: " + cache.reason());
    }
    if (semantic == null) {
      out.subRow("semantic", "not configured");
      return;
    }
    out.subRow("semantic", String.format(Locale.ROOT, "threshold %.2f, ttl %s, allow_pii %s, embedder %s, at most %d"
        + " entries / %s (%s)", semantic.threshold(), Units.duration(semantic.ttl()), semantic.allowPii(),
        semantic.embedder(), semantic.maxEntries(), Units.bytes(semantic.maxBytes()),
        semantic.embedderTarget().isPresent()
            ? "vectors from the embeddings endpoint of " + semantic.embedderTarget().get().provider()
            : "the agent needs an embedder extension: extensions=.../airlock-semantic-cache.jar"));
    if (cache.semanticExcludedForPii()) {
      out.detail("bypassed: the request has PII (" + String.join(", ", cache.piiTypes()) + ") and allow_pii is false");
    } else {
      out.detail(cache.piiTypes().isEmpty() ? "eligible: no PII detected" : "eligible: allow_pii is true");
    }
  }

  @Override
  public void writeJson(ObjectNode node) {
    ExactCachePolicy exact = cache.exact();
    SemanticCachePolicy semantic = cache.semantic();
    node.put("configured", exact != null || semantic != null);
    if (exact != null) {
      ObjectNode e = node.putObject("exact");
      e.put("ttl", Units.duration(exact.ttl()));
      e.put("max_bytes", exact.maxBytes());
      e.put("when", exact.when());
    } else {
      node.putNull("exact");
    }
    node.put("cacheable", cache.cacheable());
    node.put("reason", cache.reason());
    node.put("key_fingerprint", cache.fingerprint());
    node.put("key_target", cache.keyTarget());
    node.put("key_tenant", cache.keyTenant());
    if (semantic != null) {
      ObjectNode s = node.putObject("semantic");
      s.put("threshold", semantic.threshold());
      s.put("ttl", Units.duration(semantic.ttl()));
      s.put("allow_pii", semantic.allowPii());
      s.put("embedder", semantic.embedder());
      s.put("max_entries", semantic.maxEntries());
      s.put("max_bytes", semantic.maxBytes());
      s.put("excluded_for_pii", cache.semanticExcludedForPii());
    } else {
      node.putNull("semantic");
    }
  }
}
