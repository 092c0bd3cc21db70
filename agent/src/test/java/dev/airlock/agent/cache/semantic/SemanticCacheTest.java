package dev.airlock.agent.cache.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.cache.CacheKey;
import dev.airlock.agent.cache.CachedAnswer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The store: nearest neighbour within a scope, the threshold, time to live and bounds. */
class SemanticCacheTest {

  private final AtomicLong now = new AtomicLong();
  private final CacheKey scopeA = scope(1);
  private final CacheKey scopeB = scope(2);

  private static CacheKey scope(int n) {
    byte[] digest = new byte[CacheKey.DIGEST_BYTES];
    digest[0] = (byte) n;
    return CacheKey.ofDigest(digest);
  }

  private static CachedAnswer answer(String text) {
    return CachedAnswer.whole(200, "application/json", "m", null, text.getBytes(StandardCharsets.UTF_8));
  }

  private static float[] v(float... values) {
    return SemanticCache.normalized(values);
  }

  private SemanticCache cache(SemanticCacheConfig.Builder config) {
    return SemanticCache.create(config.build(), now::get);
  }

  @Test
  void theNearestAnswerAtOrAboveTheThresholdIsServed() {
    SemanticCache cache = cache(SemanticCacheConfig.builder().threshold(0.9));
    CachedAnswer north = answer("north");
    CachedAnswer east = answer("east");
    cache.store(scopeA, v(1, 0, 0), north);
    cache.store(scopeA, v(0, 1, 0), east);
    SemanticCache.Lookup near = cache.lookup(scopeA, v(1, 0.2f, 0));
    assertNotNull(near.match());
    assertSame(north, near.match().answer());
    assertEquals(1 / Math.sqrt(1.04), near.match().similarity(), 1e-6);
    SemanticCache.Lookup between = cache.lookup(scopeA, v(1, 1, 0));
    assertNull(between.match(), "0.71 is below 0.9");
    assertEquals(Math.sqrt(0.5), between.bestSimilarity(), 1e-6, "the best similarity is told even on a miss");
    assertEquals(1, cache.hits());
    assertEquals(1, cache.misses());
  }

  @Test
  void thresholdOneServesTheSameQuestionDespiteRounding() {
    SemanticCache cache = cache(SemanticCacheConfig.builder().threshold(1.0));
    float[] odd = v(0.1f, 0.7f, 0.3f, 0.9f, 0.11f);
    cache.store(scopeA, odd, answer("a"));
    assertNotNull(cache.lookup(scopeA, v(0.1f, 0.7f, 0.3f, 0.9f, 0.11f)).match());
    assertNull(cache.lookup(scopeA, v(0.1f, 0.7f, 0.3f, 0.9f, 0.12f)).match());
  }

  @Test
  void aScopeNeverSeesAnotherScopesAnswers() {
    SemanticCache cache = cache(SemanticCacheConfig.builder());
    cache.store(scopeA, v(1, 0), answer("a"));
    SemanticCache.Lookup other = cache.lookup(scopeB, v(1, 0));
    assertNull(other.match(), "an identical question in another scope (tenant, model, system prompt) misses");
    assertTrue(Double.isNaN(other.bestSimilarity()));
  }

  @Test
  void answersExpireAfterTheirTimeToLive() {
    SemanticCache cache = cache(SemanticCacheConfig.builder().ttl(Duration.ofMinutes(10)));
    cache.store(scopeA, v(1, 0), answer("a"));
    now.addAndGet(Duration.ofMinutes(9).toNanos());
    assertNotNull(cache.lookup(scopeA, v(1, 0)).match());
    now.addAndGet(Duration.ofMinutes(1).toNanos());
    assertNull(cache.lookup(scopeA, v(1, 0)).match());
    assertEquals(0, cache.size());
  }

  @Test
  void theOldestAnswersGoFirstWhenFull() {
    SemanticCache cache = cache(SemanticCacheConfig.builder().maxEntries(2));
    cache.store(scopeA, v(1, 0, 0), answer("first"));
    cache.store(scopeB, v(0, 1, 0), answer("second"));
    cache.store(scopeA, v(0, 0, 1), answer("third"));
    assertEquals(2, cache.size());
    assertNull(cache.lookup(scopeA, v(1, 0, 0)).match(), "the first was evicted");
    assertNotNull(cache.lookup(scopeB, v(0, 1, 0)).match());
    assertNotNull(cache.lookup(scopeA, v(0, 0, 1)).match());
  }

  @Test
  void theByteBoundEvictsAndRejectsOversizedAnswers() {
    SemanticCache cache = cache(SemanticCacheConfig.builder().maxBytes(8 * 1024));
    assertFalse(cache.store(scopeA, v(1, 0), answer("x".repeat(2000))), "above an eighth of max_size");
    for (int i = 0; i < 20; i++) {
      assertTrue(cache.store(scopeA, v(1, i), answer("y".repeat(700))));
    }
    assertTrue(cache.size() < 20 && cache.size() > 5, "only what fits in 8 KB is kept: " + cache.size());
  }

  @Test
  void vectorsWithoutDirectionAreRejected() {
    assertNull(SemanticCache.normalized(new float[] {0, 0}));
    assertNull(SemanticCache.normalized(new float[0]));
    float[] unit = SemanticCache.normalized(new float[] {3, 4});
    assertEquals(0.6f, unit[0], 1e-6);
    assertEquals(0.8f, unit[1], 1e-6);
  }
}
