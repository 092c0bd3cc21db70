package dev.airlock.agent.cache;

import static dev.airlock.agent.cache.CacheFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExactCacheTest {

  /** A fake clock for Caffeine, in nanoseconds. */
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private ExactCache cache(ExactCacheConfig config) {
    return ExactCache.create(config, now::get, Runnable::run);
  }

  private static CacheKey key(String question) {
    return CacheKeys.of(Endpoint.OPENAI_CHAT, "openai/gpt-4o-mini", "acme",
        json("{'model':'gpt-4o-mini','temperature':0,'messages':[{'role':'user','content':'" + question + "'}]}"));
  }

  private static CachedAnswer answer(int bytes) {
    byte[] body = new byte[bytes];
    Arrays.fill(body, (byte) 'x');
    return CachedAnswer.whole(200, "application/json", "gpt-4o-mini-2024-07-18", Usage.of(10, 20, 0, 0, 0), body);
  }

  @Test
  void missThenStoreThenHit() {
    ExactCache cache = cache(ExactCacheConfig.defaults());
    CacheKey key = key("hello");
    assertNull(cache.lookup(key));
    CachedAnswer stored = answer(100);
    assertTrue(cache.store(key, stored));
    assertSame(stored, cache.lookup(key));
    assertSame(stored, cache.lookup(key(("hello"))));
    assertNull(cache.lookup(key("hello!")));
    CacheStats stats = cache.stats();
    assertEquals(2, stats.hits());
    assertEquals(2, stats.misses());
    assertEquals(1, stats.stores());
    assertEquals(1, stats.entries());
    assertEquals(0.5, stats.hitRate());
  }

  @Test
  void anAnswerNeverCrossesTenants() {
    ExactCache cache = cache(ExactCacheConfig.defaults());
    byte[] body = json("{'model':'m','temperature':0,'messages':[]}");
    cache.store(CacheKeys.of(Endpoint.OPENAI_CHAT, "openai/m", "acme", body), answer(10));
    assertNull(cache.lookup(CacheKeys.of(Endpoint.OPENAI_CHAT, "openai/m", "globex", body)));
    assertNull(cache.lookup(CacheKeys.of(Endpoint.OPENAI_CHAT, "openai/m", null, body)));
    assertTrue(cache.lookup(CacheKeys.of(Endpoint.OPENAI_CHAT, "openai/m", "acme", body)) != null);
  }

  @Test
  void anAnswerExpiresAfterItsTimeToLive() {
    ExactCache cache = cache(ExactCacheConfig.builder().ttl(Duration.ofMinutes(10)).build());
    CacheKey key = key("ttl");
    cache.store(key, answer(10));
    now.addAndGet(Duration.ofMinutes(10).toNanos() - 1);
    assertTrue(cache.lookup(key) != null, "still fresh one nanosecond before its time to live");
    now.addAndGet(2);
    assertNull(cache.lookup(key), "expired");
    cache.cleanUp();
    assertEquals(1, cache.stats().expirations());
    assertEquals(0, cache.stats().entries());
    assertEquals(0, cache.stats().bytes());
  }

  @Test
  void storingAgainRestartsTheTimeToLive() {
    ExactCache cache = cache(ExactCacheConfig.builder().ttl(Duration.ofSeconds(60)).build());
    CacheKey key = key("again");
    cache.store(key, answer(10));
    now.addAndGet(Duration.ofSeconds(50).toNanos());
    cache.store(key, answer(11));
    now.addAndGet(Duration.ofSeconds(50).toNanos());
    assertEquals(11, cache.lookup(key).byteCount());
  }

  @Test
  void theWeightOfAnEntryIsItsBytesItsChunkOverheadAndItsKey() {
    ExactCache cache = cache(ExactCacheConfig.defaults());
    CachedAnswer whole = answer(1000);
    cache.store(key("w"), whole);
    cache.cleanUp();
    assertEquals(whole.weight() + CacheKey.WEIGHT, cache.stats().bytes());
    assertTrue(whole.weight() >= 1000 + CachedAnswer.PART_OVERHEAD);

    List<byte[]> chunks = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      chunks.add(new byte[100]);
    }
    CachedAnswer stream = CachedAnswer.streamed(200, "application/json", "gpt-4o-mini-2024-07-18", null, chunks);
    assertEquals(whole.byteCount(), stream.byteCount());
    assertEquals(9L * CachedAnswer.PART_OVERHEAD, stream.weight() - whole.weight(), "nine more parts, same bytes");
  }

  @Test
  void theCacheStaysWithinItsSizeInBytes() {
    long maxBytes = 20_000;
    ExactCache cache = cache(ExactCacheConfig.builder().maxBytes(maxBytes).build());
    for (int i = 0; i < 50; i++) {
      assertTrue(cache.store(key("q" + i), answer(1_000)));
      cache.cleanUp();
      assertTrue(cache.stats().bytes() <= maxBytes, "bytes " + cache.stats().bytes() + " after " + (i + 1));
    }
    CacheStats stats = cache.stats();
    long perEntry = answer(1_000).weight() + CacheKey.WEIGHT;
    assertEquals(maxBytes / perEntry, stats.entries(), "as many entries as fit");
    assertEquals(50 - stats.entries(), stats.evictions());
    assertEquals(stats.entries() * perEntry, stats.bytes());
  }

  @Test
  void anAnswerLargerThanTheEntryCapIsNotStored() {
    ExactCache cache = cache(ExactCacheConfig.builder().maxBytes(80_000).build());
    assertEquals(10_000, cache.config().maxEntryBytes());
    // The cap counts the bytes plus the overhead of each part (one for a whole body).
    assertTrue(cache.store(key("fits"), answer(10_000 - CachedAnswer.PART_OVERHEAD)));
    assertFalse(cache.store(key("too big"), answer(10_000 - CachedAnswer.PART_OVERHEAD + 1)));
    assertNull(cache.lookup(key("too big")));
    assertEquals(1, cache.stats().rejectedStores());
    assertEquals(1, cache.stats().stores());
  }

  @Test
  void nullKeysAndAnswersAreNotStoredNorCounted() {
    ExactCache cache = cache(ExactCacheConfig.defaults());
    assertFalse(cache.store(null, answer(1)));
    assertFalse(cache.store(key("k"), null));
    assertNull(cache.lookup(null));
    assertEquals(0, cache.stats().misses());
    assertEquals(0, cache.stats().stores());
  }

  @Test
  void invalidateAllEmptiesTheCache() {
    ExactCache cache = cache(ExactCacheConfig.defaults());
    cache.store(key("a"), answer(1));
    cache.invalidateAll();
    assertNull(cache.lookup(key("a")));
    assertEquals(0, cache.stats().evictions(), "a manual invalidation is no eviction");
  }

  @Test
  void theProductionFactoryWorksAndRequiresAConfig() {
    ExactCache cache = ExactCache.create(ExactCacheConfig.defaults());
    cache.store(key("p"), answer(5));
    assertEquals(5, cache.lookup(key("p")).byteCount());
    assertThrows(NullPointerException.class, () -> ExactCache.create(null));
  }
}
