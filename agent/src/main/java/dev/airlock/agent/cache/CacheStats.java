package dev.airlock.agent.cache;

/**
 * A snapshot of an {@link ExactCache}'s counters, for metrics. Counters only grow over the cache's
 * life; {@link #bytes()} and {@link #entries()} are current levels. Immutable.
 */
public final class CacheStats {

  private final long hits;
  private final long misses;
  private final long stores;
  private final long rejectedStores;
  private final long evictions;
  private final long expirations;
  private final long bytes;
  private final long entries;

  CacheStats(long hits, long misses, long stores, long rejectedStores, long evictions, long expirations,
      long bytes, long entries) {
    this.hits = hits;
    this.misses = misses;
    this.stores = stores;
    this.rejectedStores = rejectedStores;
    this.evictions = evictions;
    this.expirations = expirations;
    this.bytes = bytes;
    this.entries = entries;
  }

  /** Lookups that found an answer. */
  public long hits() {
    return hits;
  }

  /** Lookups that found none (absent or expired). */
  public long misses() {
    return misses;
  }

  /** Answers stored. */
  public long stores() {
    return stores;
  }

  /** Answers refused by {@link ExactCache#store} for being larger than the entry cap. */
  public long rejectedStores() {
    return rejectedStores;
  }

  /** Answers removed to keep the cache within its size bound. */
  public long evictions() {
    return evictions;
  }

  /** Answers removed because their time to live ran out. */
  public long expirations() {
    return expirations;
  }

  /** The weight now held, in bytes (answers, chunk overhead and keys); at most the configured bound once eviction has run. */
  public long bytes() {
    return bytes;
  }

  /** The number of answers now held (an estimate while eviction is pending). */
  public long entries() {
    return entries;
  }

  /** {@code hits / (hits + misses)}, or 0 before the first lookup. */
  public double hitRate() {
    long lookups = hits + misses;
    return lookups == 0 ? 0 : (double) hits / lookups;
  }

  @Override
  public String toString() {
    return "CacheStats{hits=" + hits + ", misses=" + misses + ", stores=" + stores
        + ", rejectedStores=" + rejectedStores + ", evictions=" + evictions + ", expirations=" + expirations
        + ", bytes=" + bytes + ", entries=" + entries + '}';
  }
}
