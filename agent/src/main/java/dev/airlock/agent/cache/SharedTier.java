package dev.airlock.agent.cache;

import java.time.Duration;

/**
 * A second level behind an {@link ExactCache}, shared by every JVM that points at it (Redis, with
 * {@code state: redis://...}). Best effort by contract: a tier that cannot answer returns null and
 * a store that fails is dropped, so the worst a failing tier costs is a call to the provider.
 */
public interface SharedTier {

  /** The answer stored under the key by any replica, or null (none, or the tier is unavailable). */
  CachedAnswer get(CacheKey key);

  /** Stores the answer for {@code ttl}; may return before it is stored, and never throws. */
  void put(CacheKey key, CachedAnswer answer, Duration ttl);
}
