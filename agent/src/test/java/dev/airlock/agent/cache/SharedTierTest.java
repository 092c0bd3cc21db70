package dev.airlock.agent.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.airlock.agent.codec.Usage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The second level of the exact cache: what goes there, what comes back, and the bytes in between. */
class SharedTierTest {

  /** A tier in a map, as Redis would be for two JVMs. */
  private static final class MapTier implements SharedTier {
    final Map<CacheKey, byte[]> stored = new HashMap<>();
    Duration lastTtl;

    @Override
    public CachedAnswer get(CacheKey key) {
      byte[] bytes = stored.get(key);
      return bytes == null ? null : CachedAnswerCodec.decode(bytes);
    }

    @Override
    public void put(CacheKey key, CachedAnswer answer, Duration ttl) {
      stored.put(key, CachedAnswerCodec.encode(answer));
      lastTtl = ttl;
    }
  }

  private static final CacheKey KEY = CacheKey.ofDigest(new byte[32]);

  private static CachedAnswer stream() {
    return CachedAnswer.streamed(200, "text/event-stream", "gpt-4o-mini", Usage.of(3, 2, 0, 0, 0),
        List.of("data: {\"a\":1}\n\n".getBytes(StandardCharsets.UTF_8), "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anAnswerStoredByOneReplicaIsFoundByAnother() {
    MapTier tier = new MapTier();
    ExactCacheConfig config = ExactCacheConfig.builder().ttl(Duration.ofMinutes(5)).build();
    ExactCache first = ExactCache.create(config).shareThrough(tier);
    ExactCache second = ExactCache.create(config).shareThrough(tier);
    first.store(KEY, stream());
    assertEquals(Duration.ofMinutes(5), tier.lastTtl, "the tier keeps it as long as the cache would");
    CachedAnswer found = second.lookup(KEY);
    assertNotNull(found);
    assertEquals(2, found.chunkCount());
    assertArrayEquals(stream().chunk(1), found.chunk(1));
    assertEquals(3, found.usage().inputTokens());
    tier.stored.clear();
    assertNotNull(second.lookup(KEY), "and keeps it locally from then on");
  }

  @Test
  void theCodecRoundTripsWholeAnswersAndRefusesForeignBytes() {
    CachedAnswer whole = CachedAnswer.whole(200, "application/json", null, null,
        "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
    CachedAnswer back = CachedAnswerCodec.decode(CachedAnswerCodec.encode(whole));
    assertNotNull(back);
    assertArrayEquals(whole.chunk(0), back.chunk(0));
    assertNull(back.model());
    assertNull(CachedAnswerCodec.decode("not an entry".getBytes(StandardCharsets.UTF_8)));
    byte[] truncated = CachedAnswerCodec.encode(stream());
    assertNull(CachedAnswerCodec.decode(java.util.Arrays.copyOf(truncated, truncated.length - 3)));
  }
}
