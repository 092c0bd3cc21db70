package dev.airlock.agent.cli;

import dev.airlock.agent.cache.CacheKey;
import dev.airlock.agent.cache.CacheKeys;
import dev.airlock.agent.cache.Determinism;
import dev.airlock.agent.cache.ExactCacheConfig;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.LlmRequest;
import dev.airlock.agent.codec.Operation;
import dev.airlock.policy.CachePolicy;
import dev.airlock.policy.ExactCachePolicy;
import dev.airlock.policy.SemanticCachePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the response caches would do with one request, as {@code Pipeline.begin} decides it: whether
 * the exact cache may store and serve it (not blocked or denied, not a Gemini stream, and {@code
 * cache.exact.when} against {@link Determinism}, as {@link ExactCacheConfig.When#admits} decides
 * it), the key it would be stored under ({@link CacheKeys}: endpoint, the target that answers as the
 * pipeline names it, the tenant, the canonical body as the application wrote it), and whether the
 * semantic cache would leave it out for the personal data in it. Computed from a {@link
 * DryRunResult}; immutable.
 */
final class CacheDecision {

  /** Hex digits of the key shown: enough to tell two requests apart, nothing about the prompt. */
  static final int FINGERPRINT_LENGTH = 12;

  private final ExactCachePolicy exact;
  private final SemanticCachePolicy semantic;
  private final boolean cacheable;
  private final String reason;
  private final String keyTarget;
  private final String keyTenant;
  private final String fingerprint;
  private final List<String> piiTypes;

  private CacheDecision(ExactCachePolicy exact, SemanticCachePolicy semantic, boolean cacheable, String reason,
      String keyTarget, String keyTenant, String fingerprint, List<String> piiTypes) {
    this.exact = exact;
    this.semantic = semantic;
    this.cacheable = cacheable;
    this.reason = reason;
    this.keyTarget = keyTarget;
    this.keyTenant = keyTenant;
    this.fingerprint = fingerprint;
    this.piiTypes = piiTypes;
  }

  static CacheDecision of(DryRunResult result) {
    CachePolicy cache = result.policy().cache().orElse(null);
    ExactCachePolicy exact = cache == null ? null : cache.exact().orElse(null);
    SemanticCachePolicy semantic = cache == null ? null : cache.semantic().orElse(null);
    List<String> pii = new ArrayList<>(result.detectedTypes());
    if (exact == null) {
      return new CacheDecision(null, semantic, false, "the policy has no exact cache", null, null, null, pii);
    }
    LlmRequest request = result.request();
    if (request == null) {
      return new CacheDecision(exact, semantic, false, "the call is not observed", null, null, null, pii);
    }
    if (result.blockedAnswer() != null) {
      return new CacheDecision(exact, semantic, false, "nothing is sent (" + result.blockedRule() + ")", null, null,
          null, pii);
    }
    if (request.endpoint() == Endpoint.GEMINI_STREAM_GENERATE_CONTENT) {
      return new CacheDecision(exact, semantic, false, "Gemini's streaming endpoint is never cached (SSE or a JSON"
          + " array depends on a query parameter the key does not see)", null, null, null, pii);
    }
    ExactCacheConfig.When when = ExactCacheConfig.When.valueOf(exact.when().toUpperCase(Locale.ROOT));
    if (!when.admits(request)) {
      return new CacheDecision(exact, semantic, false, determinism(request) + " (when: " + exact.when()
          + " caches only temperature 0 or a seed)", null, null, null, pii);
    }
    String target = result.route().cacheTarget();
    String tenant = result.identity().tenant();
    CacheKey key = CacheKeys.of(result.match().endpoint(), target, tenant, result.spec().body());
    if (key == null) {
      return new CacheDecision(exact, semantic, false,
          "the body is not one JSON object without repeated members, so it has no cache key", null, null, null, pii);
    }
    String why = when == ExactCacheConfig.When.ALWAYS ? "when: always caches every request" : determinism(request);
    return new CacheDecision(exact, semantic, true, why, target, tenant,
        key.hex().substring(0, FINGERPRINT_LENGTH), pii);
  }

  /** What makes the request deterministic or not: {@code temperature 0}, {@code seed 7}, or what is missing. */
  private static String determinism(LlmRequest request) {
    if (request.endpoint().operation() == Operation.EMBEDDINGS) {
      return "embeddings (no sampling)";
    }
    Double temperature = request.temperature();
    if (temperature != null && temperature == 0.0) {
      return "temperature 0";
    }
    if (request.seed() != null) {
      return "seed " + request.seed();
    }
    return (temperature == null ? "no temperature (the provider's default is above 0)" : "temperature " + temperature)
        + " and no seed";
  }

  /** {@code cache.exact}, or null. */
  ExactCachePolicy exact() {
    return exact;
  }

  /** {@code cache.semantic}, or null. */
  SemanticCachePolicy semantic() {
    return semantic;
  }

  /** Whether the exact cache may answer this request, and store its answer. */
  boolean cacheable() {
    return cacheable;
  }

  /** Why (not), in a few words. */
  String reason() {
    return reason;
  }

  /** The target in the key ({@code provider/model}), or null when not cacheable. */
  String keyTarget() {
    return keyTarget;
  }

  /** The tenant in the key, or null (no tenant, or not cacheable). */
  String keyTenant() {
    return keyTenant;
  }

  /** The key's first {@value #FINGERPRINT_LENGTH} hex digits, or null when not cacheable. */
  String fingerprint() {
    return fingerprint;
  }

  /** Whether the semantic cache is configured and passes this request by for the personal data in it. */
  boolean semanticExcludedForPii() {
    return semantic != null && !semantic.allowPii() && !piiTypes.isEmpty();
  }

  /** The PII types detected in the request. */
  List<String> piiTypes() {
    return piiTypes;
  }
}
