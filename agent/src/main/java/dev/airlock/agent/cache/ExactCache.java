package dev.airlock.agent.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;

/**
 * The exact response cache: answers by {@link CacheKey}, bounded in bytes and in age.
 *
 * <p>Backed by Caffeine with {@code maximumWeight(maxBytes)}, a weigher of each entry's memory
 * ({@link CachedAnswer#weight()} plus the key), and {@code expireAfterWrite(ttl)}. Which requests
 * to cache is decided before calling it ({@link ExactCacheConfig.When#admits}); which answers are
 * fit to store is decided by {@link AnswerRecorder}. This class only stores, finds and counts.
 *
 * <p>Thread-safe; lookups do not block each other or stores. Eviction is amortized over later
 * operations, so {@link CacheStats#bytes()} may exceed the bound for a moment.
 */
public final class ExactCache {

  private volatile SharedTier shared;
  private final ExactCacheConfig config;
  private final Cache<CacheKey, CachedAnswer> cache;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder stores = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder expirations = new LongAdder();

  private ExactCache(ExactCacheConfig config, Ticker ticker, Executor executor) {
    this.config = config;
    this.cache = Caffeine.newBuilder()
        .maximumWeight(config.maxBytes())
        .weigher((CacheKey key, CachedAnswer answer) -> weightOf(answer))
        .expireAfterWrite(config.ttl())
        .ticker(ticker)
        .executor(executor)
        .evictionListener((CacheKey key, CachedAnswer answer, RemovalCause cause) -> countRemoval(cause))
        .build();
  }

  /**
   * A new, empty cache.
   *
   * @param config its size bound, time to live and admission setting
   */
  public static ExactCache create(ExactCacheConfig config) {
    if (config == null) {
      throw new NullPointerException("config");
    }
    return new ExactCache(config, Ticker.systemTicker(), ForkJoinPool.commonPool());
  }

  /** For tests: a fake clock, and eviction run on the calling thread so its effects are visible at once. */
  static ExactCache create(ExactCacheConfig config, Ticker ticker, Executor executor) {
    return new ExactCache(config, ticker, executor);
  }

  /**
   * Shares this cache's answers through {@code tier} (Redis): a local miss asks the tier, and every
   * stored answer is also put there, with the same time to live. Set once, when the policy loads.
   */
  public ExactCache shareThrough(SharedTier tier) {
    this.shared = tier;
    return this;
  }

  /** The settings this cache was built with. */
  public ExactCacheConfig config() {
    return config;
  }

  /**
   * The answer stored under a key, or null (absent, or older than the time to live). Counts a hit or
   * a miss.
   *
   * @param key the request's key; null gives null (and counts nothing: the request was not cacheable)
   */
  public CachedAnswer lookup(CacheKey key) {
    if (key == null) {
      return null;
    }
    CachedAnswer answer = cache.getIfPresent(key);
    SharedTier tier = shared;
    if (answer == null && tier != null) {
      answer = tier.get(key);
      if (answer != null && answer.entrySize() <= config.maxEntryBytes()) {
        cache.put(key, answer);
      }
    }
    (answer != null ? hits : misses).increment();
    return answer;
  }

  /**
   * Stores an answer under a key, replacing any earlier one (its time to live starts again).
   *
   * @param key the request's key; null stores nothing
   * @param answer the answer, as {@link AnswerRecorder#complete()} produced it; null stores nothing
   * @return whether it was stored: false for a null argument or an answer whose {@link
   *     CachedAnswer#entrySize()} is above {@link ExactCacheConfig#maxEntryBytes()}
   */
  public boolean store(CacheKey key, CachedAnswer answer) {
    if (key == null || answer == null) {
      return false;
    }
    if (answer.entrySize() > config.maxEntryBytes()) {
      // One huge answer would push out many small ones that are likelier to be asked again.
      rejected.increment();
      return false;
    }
    cache.put(key, answer);
    stores.increment();
    SharedTier tier = shared;
    if (tier != null) {
      tier.put(key, answer, config.ttl());
    }
    return true;
  }

  /** Drops every answer (e.g. when the policy turns the cache off); counters keep their values. */
  public void invalidateAll() {
    cache.invalidateAll();
  }

  /** The counters and current size. */
  public CacheStats stats() {
    long bytes = cache.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    return new CacheStats(hits.sum(), misses.sum(), stores.sum(), rejected.sum(), evictions.sum(),
        expirations.sum(), bytes, cache.estimatedSize());
  }

  /** Runs pending eviction and expiry now (tests; normally amortized over operations). */
  void cleanUp() {
    cache.cleanUp();
  }

  private static int weightOf(CachedAnswer answer) {
    // The entry cap is at most 8 MB, so a stored weight always fits an int; saturate regardless.
    return (int) Math.min(Integer.MAX_VALUE, answer.weight() + CacheKey.WEIGHT);
  }

  private void countRemoval(RemovalCause cause) {
    if (cause == RemovalCause.SIZE) {
      evictions.increment();
    } else if (cause == RemovalCause.EXPIRED) {
      expirations.increment();
    }
  }
}
