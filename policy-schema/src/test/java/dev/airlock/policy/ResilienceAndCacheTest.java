package dev.airlock.policy;

import static dev.airlock.policy.Policies.render;
import static dev.airlock.policy.Policies.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The resilience and cache sections: defaults, every key, every bad value with its position. */
class ResilienceAndCacheTest {

  private static Policy load(String... lines) {
    PolicyLoadResult r = yaml(lines);
    assertTrue(r.ok(), r::toString);
    return r.policy().orElseThrow();
  }

  @Test
  void resilienceDefaults() {
    ResiliencePolicy empty = load("airlock: 1", "name: d", "resilience: {}").resilience().get();
    assertEquals(Duration.ofSeconds(30), empty.timeout());
    assertEquals(Duration.ofSeconds(10), empty.idleTimeout());
    assertEquals(Optional.empty(), empty.retry());
    assertEquals(Optional.empty(), empty.circuitBreaker());
    assertEquals(Optional.empty(), empty.degradeMessage());

    ResiliencePolicy r =
        load("airlock: 1", "name: d", "resilience: {retry: {}, circuit_breaker: {failure_rate: 1}}")
            .resilience()
            .get();
    RetryPolicy retry = r.retry().orElseThrow();
    assertEquals(3, retry.maxAttempts());
    assertEquals(Duration.ofMillis(200), retry.backoffMin());
    assertEquals(Duration.ofSeconds(5), retry.backoffMax());
    assertEquals(RetryPolicy.DEFAULT_ON, new ArrayList<>(retry.on()));
    BreakerPolicy breaker = r.circuitBreaker().orElseThrow();
    assertEquals(1.0, breaker.failureRate());
    assertEquals(20, breaker.minimumCalls());
    assertEquals(Duration.ofSeconds(30), breaker.openFor());
    assertEquals(1, breaker.halfOpenCalls());
  }

  @Test
  void resilienceValues() {
    ResiliencePolicy r =
        load(
                "airlock: 1",
                "name: d",
                "resilience:",
                "  timeout: 1.5s",
                "  idle_timeout: 500ms",
                "  retry: {max_attempts: 1, backoff: 1s, on: [429, '503', connect]}",
                "  circuit_breaker: {failure_rate: 0.25, minimum_calls: 5, open_for: 1m,"
                    + " half_open_calls: 3}",
                "  degrade: {message: Busy.}")
            .resilience()
            .get();
    assertEquals(Duration.ofMillis(1500), r.timeout());
    assertEquals(Duration.ofMillis(500), r.idleTimeout());
    RetryPolicy retry = r.retry().get();
    assertEquals(1, retry.maxAttempts());
    assertEquals(Duration.ofSeconds(1), retry.backoffMin());
    assertEquals(Duration.ofSeconds(1), retry.backoffMax());
    assertEquals(List.of("429", "503", "connect"), new ArrayList<>(retry.on()));
    BreakerPolicy breaker = r.circuitBreaker().get();
    assertEquals(0.25, breaker.failureRate());
    assertEquals(5, breaker.minimumCalls());
    assertEquals(Duration.ofMinutes(1), breaker.openFor());
    assertEquals(3, breaker.halfOpenCalls());
    assertEquals(Optional.of("Busy."), r.degradeMessage());
  }

  @Test
  void resilienceProblems() {
    PolicyLoadResult r =
        yaml(
            "airlock: 1",
            "name: d",
            "resilience:",
            "  timout: 30s",
            "  timeout: 30",
            "  idle_timeout: 0s",
            "  retry: {max_attempts: 0, backoff: 5s..200ms, on: [401, 200, timout, 429.5, 503]}",
            "  circuit_breaker: {failure_rate: 0, minimum_calls: 2.5, open_for: soon, half_open:"
                + " 1}",
            "  degrade: {msg: x}");
    assertFalse(r.ok());
    assertEquals(
        "4:3 resilience.timout: unknown key 'timout', did you mean 'timeout'?\n"
            + "5:12 resilience.timeout: must be a duration such as 200ms, 30s, 5m, 1h or 2d (a"
            + " number and one of ms, s, m, h, d), got '30'\n"
            + "6:17 resilience.idle_timeout: must be longer than zero, got '0s'\n"
            + "7:25 resilience.retry.max_attempts: must be at least 1, got 0\n"
            + "7:37 resilience.retry.backoff: back-off '5s..200ms' shrinks: write the first"
            + " (shorter) wait first, e.g. 200ms..5s\n"
            + "7:53 resilience.retry.on[0]: HTTP 401 is never transient: a retry gets the same"
            + " refusal (and repeated refusals can get the key locked out); remove it\n"
            + "7:58 resilience.retry.on[1]: must be an HTTP status from 400 to 599, timeout or"
            + " connect, got 200\n"
            + "7:63 resilience.retry.on[2]: must be an HTTP status from 400 to 599, timeout or"
            + " connect, got 'timout' (did you mean 'timeout'?)\n"
            + "7:71 resilience.retry.on[3]: must be an HTTP status from 400 to 599, timeout or"
            + " connect, got '429.5'\n"
            + "8:35 resilience.circuit_breaker.failure_rate: must be more than 0 and at most 1, got"
            + " 0\n"
            + "8:53 resilience.circuit_breaker.minimum_calls: must be a whole number, got 2.5\n"
            + "8:68 resilience.circuit_breaker.open_for: must be a duration such as 200ms, 30s, 5m,"
            + " 1h or 2d (a number and one of ms, s, m, h, d), got 'soon'\n"
            + "8:74 resilience.circuit_breaker.half_open: unknown key 'half_open'; allowed here:"
            + " failure_rate, minimum_calls, open_for, half_open_calls\n"
            + "9:12 resilience.degrade: missing required key 'message' (the text the application"
            + " gets when every target failed)\n"
            + "9:13 resilience.degrade.msg: unknown key 'msg'; allowed here: message\n",
        render(r.errors()));
  }

  @Test
  void everyNeverTransientStatusIsRefusedWithItsReason() {
    PolicyLoadResult r =
        yaml("airlock: 1", "name: d", "resilience: {retry: {on: [400, '403', 404, 408]}}");
    assertEquals(
        "3:27 resilience.retry.on[0]: HTTP 400 is never transient: a retry gets the same"
            + " refusal; remove it\n"
            + "3:32 resilience.retry.on[1]: HTTP 403 is never transient: a retry gets the same"
            + " refusal (and repeated refusals can get the key locked out); remove it\n"
            + "3:39 resilience.retry.on[2]: HTTP 404 is never transient: a retry gets the same"
            + " refusal; remove it\n",
        render(r.errors()));
    PolicyLoadResult breaker =
        yaml("airlock: 1", "name: d", "resilience: {circuit_breaker: {open_for: 10s}}");
    assertEquals(
        "3:31 resilience.circuit_breaker: missing required key 'failure_rate' (the failure rate,"
            + " more than 0 and at most 1, that opens the circuit)\n",
        render(breaker.errors()));
  }

  @Test
  void resilienceModelInvariants() {
    assertThrows(
        IllegalArgumentException.class, () -> RetryPolicy.builder().on(List.of("401")).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> RetryPolicy.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build());
    assertThrows(
        IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0).build());
    assertThrows(IllegalArgumentException.class, () -> BreakerPolicy.builder(0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> ResiliencePolicy.builder().timeout(Duration.ZERO).build());
    assertThrows(
        UnsupportedOperationException.class, () -> RetryPolicy.builder().build().on().add("502"));
    assertTrue(RetryPolicy.isCondition("429"));
    assertFalse(RetryPolicy.isCondition("404"));
    assertFalse(RetryPolicy.isCondition("600"));
  }

  @Test
  void cacheDefaultsAndValues() {
    CachePolicy defaults =
        load("airlock: 1", "name: d", "cache: {exact: {}, semantic: {}}").cache().get();
    ExactCachePolicy exact = defaults.exact().orElseThrow();
    assertEquals(Duration.ofHours(1), exact.ttl());
    assertEquals(64L << 20, exact.maxBytes());
    assertEquals("deterministic", exact.when());
    SemanticCachePolicy semantic = defaults.semantic().orElseThrow();
    assertEquals(0.95, semantic.threshold());
    assertEquals(Duration.ofHours(1), semantic.ttl());
    assertFalse(semantic.allowPii());
    assertEquals("local", semantic.embedder());
    assertEquals(10_000, semantic.maxEntries());
    assertEquals(64L << 20, semantic.maxBytes());

    CachePolicy set =
        load(
                "airlock: 1",
                "name: d",
                "cache:",
                "  exact: {ttl: 2d, max_size: 1GiB, when: always}",
                "  semantic: {threshold: 0.9, ttl: 30m, allow_pii: true, embedder: all-minilm-l6-v2,"
                    + " max_entries: 500, max_size: 8MB}")
            .cache()
            .get();
    assertEquals(Duration.ofDays(2), set.exact().get().ttl());
    assertEquals(1L << 30, set.exact().get().maxBytes());
    assertEquals("always", set.exact().get().when());
    assertEquals(0.9, set.semantic().get().threshold());
    assertEquals(Duration.ofMinutes(30), set.semantic().get().ttl());
    assertTrue(set.semantic().get().allowPii());
    assertEquals("all-minilm-l6-v2", set.semantic().get().embedder());
    assertEquals(500, set.semantic().get().maxEntries());
    assertEquals(8L << 20, set.semantic().get().maxBytes());

    CachePolicy exactOnly =
        load("airlock: 1", "name: d", "cache: {exact: {ttl: 5m}}").cache().get();
    assertEquals(Optional.empty(), exactOnly.semantic());
  }

  @Test
  void cacheProblems() {
    PolicyLoadResult r =
        yaml(
            "airlock: 1",
            "name: d",
            "cache:",
            "  exact: {ttl: 0s, max_size: 256 megabytes, when: sometimes}",
            "  semantic: {threshold: 0, ttl: 1y, allow_pii: 'no', treshold: 0.9}",
            "  fuzzy: {}");
    assertEquals(
        "4:16 cache.exact.ttl: must be longer than zero, got '0s'\n"
            + "4:30 cache.exact.max_size: must be a size such as 256MB or 1GiB (a number and one of"
            + " B, KB, MB, GB, KiB, MiB, GiB; 1KB = 1024 bytes), got '256 megabytes'\n"
            + "4:51 cache.exact.when: must be one of deterministic, always, got 'sometimes'\n"
            + "5:25 cache.semantic.threshold: must be more than 0 and at most 1, got 0\n"
            + "5:33 cache.semantic.ttl: must be a duration such as 200ms, 30s, 5m, 1h or 2d (a"
            + " number and one of ms, s, m, h, d), got '1y'\n"
            + "5:48 cache.semantic.allow_pii: must be true or false, got a string\n"
            + "5:54 cache.semantic.treshold: unknown key 'treshold', did you mean 'threshold'?\n"
            + "6:3 cache.fuzzy: unknown key 'fuzzy'; allowed here: exact, semantic\n",
        render(r.errors()));
    assertEquals(
        "3:27 cache.exact.max_size: must be more than zero (leave cache.exact out to cache"
            + " nothing)\n",
        render(yaml("airlock: 1", "name: d", "cache: {exact: {max_size: 0MB}}").errors()));
    assertEquals(
        "3:30 cache.semantic.embedder: must be a string, got a number (quote it: \"3\")\n"
            + "3:62 cache.semantic.max_entries: must be at least 1, got 0\n"
            + "3:75 cache.semantic.max_size: must be more than zero (leave cache.semantic out to cache"
            + " nothing)\n",
        render(yaml("airlock: 1", "name: d",
            "cache: {semantic: {embedder: 3, threshold: 0.9, max_entries: 0, max_size: 0MB}}").errors()));
  }

  @Test
  void theSemanticEmbedderMayBeAProvidersEmbeddingsEndpoint() {
    SemanticCachePolicy endpoint =
        load("airlock: 1", "name: d", "cache: {semantic: {embedder: openai/text-embedding-3-small}}")
            .cache().get().semantic().get();
    assertEquals("openai/text-embedding-3-small", endpoint.embedder());
    assertEquals(Optional.of(TargetRef.of("openai", "text-embedding-3-small")), endpoint.embedderTarget());
    assertEquals(Optional.empty(),
        load("airlock: 1", "name: d", "cache: {semantic: {embedder: all-minilm-l6-v2}}")
            .cache().get().semantic().get().embedderTarget());
    assertEquals(
        "3:30 cache.semantic.embedder: unknown provider 'opneai' (did you mean 'openai'?); declare it under"
            + " providers: or use a built-in\n",
        render(yaml("airlock: 1", "name: d", "cache: {semantic: {embedder: opneai/text-embedding-3-small}}")
            .errors()));
    assertEquals(
        "3:30 cache.semantic.embedder: must name the embedding model too, e.g."
            + " openai/text-embedding-3-small\n",
        render(yaml("airlock: 1", "name: d", "cache: {semantic: {embedder: openai/}}").errors()));
    assertEquals(
        "3:30 cache.semantic.embedder: provider 'anthropic' is in the anthropic format; the semantic cache calls"
            + " an OpenAI-format embeddings endpoint (POST .../embeddings)\n",
        render(yaml("airlock: 1", "name: d", "cache: {semantic: {embedder: anthropic/claude}}").errors()));
  }
}
