package dev.airlock.agent.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExactCacheConfigTest {

  @Test
  void defaultsAreThoseOfTheReferencePolicy() {
    ExactCacheConfig config = ExactCacheConfig.defaults();
    assertEquals(Duration.ofHours(1), config.ttl());
    assertEquals(256L * 1024 * 1024, config.maxBytes());
    assertEquals(ExactCacheConfig.When.DETERMINISTIC, config.when());
    assertEquals(8L * 1024 * 1024, config.maxEntryBytes(), "256 MB / 8 is above the 8 MB ceiling");
  }

  @Test
  void theEntryCapIsAnEighthOfTheCacheUpToEightMegabytes() {
    assertEquals(1024, ExactCacheConfig.builder().maxBytes(8192).build().maxEntryBytes());
    assertEquals(8L * 1024 * 1024, ExactCacheConfig.builder().maxBytes(64L * 1024 * 1024).build().maxEntryBytes());
    assertEquals(4L * 1024 * 1024, ExactCacheConfig.builder().maxBytes(32L * 1024 * 1024).build().maxEntryBytes());
    assertEquals(500, ExactCacheConfig.builder().maxBytes(8192).maxEntryBytes(500).build().maxEntryBytes());
    assertEquals(100, ExactCacheConfig.builder().maxBytes(100).maxEntryBytes(500).build().maxEntryBytes(),
        "never more than the whole cache");
    assertEquals(1, ExactCacheConfig.builder().maxBytes(3).build().maxEntryBytes());
  }

  @Test
  void badValuesAreRefusedWhereTheyAreSet() {
    ExactCacheConfig.Builder b = ExactCacheConfig.builder();
    assertThrows(IllegalArgumentException.class, () -> b.ttl(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> b.ttl(Duration.ofSeconds(-1)));
    assertThrows(NullPointerException.class, () -> b.ttl(null));
    assertThrows(IllegalArgumentException.class, () -> b.maxBytes(0));
    assertThrows(NullPointerException.class, () -> b.when(null));
    assertThrows(IllegalArgumentException.class, () -> b.maxEntryBytes(0));
    assertThrows(IllegalArgumentException.class, () -> b.maxEntryBytes(8L * 1024 * 1024 + 1));
  }

  @Test
  void equalSettingsAreEqualConfigs() {
    ExactCacheConfig a = ExactCacheConfig.builder().ttl(Duration.ofMinutes(5)).maxBytes(1 << 20)
        .when(ExactCacheConfig.When.ALWAYS).build();
    ExactCacheConfig b = ExactCacheConfig.builder().when(ExactCacheConfig.When.ALWAYS).maxBytes(1 << 20)
        .ttl(Duration.ofSeconds(300)).build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, ExactCacheConfig.builder().ttl(Duration.ofMinutes(5)).maxBytes(1 << 20).build());
    assertEquals("ExactCacheConfig{ttl=PT5M, maxBytes=1048576, when=ALWAYS, maxEntryBytes=131072}", a.toString());
  }
}
