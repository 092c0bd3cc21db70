package dev.airlock.agent.cache.semantic;

import dev.airlock.agent.cache.CacheKey;
import dev.airlock.agent.cache.CachedAnswer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The semantic response cache: answers kept with the vector of the question they answered, found
 * again for a question whose vector is close enough.
 *
 * <p>Entries are grouped by {@link SemanticRequest#scope() scope}; a lookup compares only within
 * the request's own scope (so never across tenants, targets, models, system prompts or embedders)
 * and returns the entry of highest cosine similarity if it reaches {@link
 * SemanticCacheConfig#threshold()}. Vectors are normalized when they come in, so a similarity is
 * one dot product.
 *
 * <p>Bounded in entries and bytes, oldest first; every entry lives {@link SemanticCacheConfig#ttl()}
 * after it was stored. Since the time to live is the same for all, entries expire in the order
 * they were stored, and one queue serves both eviction and expiry.
 *
 * <p>A lookup is a linear scan of its scope: with 384-dimension vectors, about 1 µs per entry on
 * a busy 2-core machine, so about 10 ms if all of the default 10,000 entries share one scope
 * (normally they spread over tenants and system prompts). Thread-safe: one lock guards the
 * structure (a scan holds it; an embedding, the costly part, happens before).
 */
public final class SemanticCache {

  /** What a lookup found: the answer and how similar its question was. */
  public static final class Match {
    private final CachedAnswer answer;
    private final double similarity;

    Match(CachedAnswer answer, double similarity) {
      this.answer = answer;
      this.similarity = similarity;
    }

    public CachedAnswer answer() {
      return answer;
    }

    /** The cosine similarity of the two questions, at least the threshold. */
    public double similarity() {
      return similarity;
    }
  }

  private static final class Entry {
    final CacheKey scope;
    final float[] vector;
    final CachedAnswer answer;
    final long storedNanos;
    final long weight;

    Entry(CacheKey scope, float[] vector, CachedAnswer answer, long storedNanos) {
      this.scope = scope;
      this.vector = vector;
      this.answer = answer;
      this.storedNanos = storedNanos;
      this.weight = answer.weight() + 4L * vector.length + 64;
    }
  }

  /** How far float arithmetic may leave a unit vector's similarity with itself from 1. */
  static final double ROUNDING = 1e-6;

  private final SemanticCacheConfig config;
  private final LongSupplier nanoClock;
  private final long ttlNanos;
  private final Object lock = new Object();
  private final Map<CacheKey, List<Entry>> scopes = new HashMap<>();
  private final ArrayDeque<Entry> age = new ArrayDeque<>();
  private long bytes;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder stores = new LongAdder();

  private SemanticCache(SemanticCacheConfig config, LongSupplier nanoClock) {
    this.config = config;
    this.nanoClock = nanoClock;
    this.ttlNanos = config.ttl().toNanos();
  }

  /** A new, empty cache. */
  public static SemanticCache create(SemanticCacheConfig config) {
    return create(config, System::nanoTime);
  }

  /** For tests: a cache on a fake clock. */
  static SemanticCache create(SemanticCacheConfig config, LongSupplier nanoClock) {
    if (config == null) {
      throw new NullPointerException("config");
    }
    return new SemanticCache(config, nanoClock);
  }

  public SemanticCacheConfig config() {
    return config;
  }

  /**
   * A vector scaled to length 1 (a copy), or null when it has no direction or is not finite: such a
   * vector can match nothing and is never stored.
   */
  public static float[] normalized(float[] vector) {
    if (vector == null || vector.length == 0) {
      return null;
    }
    double sum = 0;
    for (float v : vector) {
      sum += (double) v * v;
    }
    if (!(sum > 0) || Double.isInfinite(sum)) {
      return null;
    }
    double scale = 1 / Math.sqrt(sum);
    float[] out = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      out[i] = (float) (vector[i] * scale);
    }
    return out;
  }

  /**
   * The closest answer in the scope, if similar enough. Counts a hit or a miss.
   *
   * @param scope the request's scope
   * @param vector the question's vector, {@link #normalized} already
   * @return the match (or none), with the best similarity seen, which helps tune the threshold
   */
  public Lookup lookup(CacheKey scope, float[] vector) {
    long now = nanoClock.getAsLong();
    Entry best = null;
    double bestSimilarity = Double.NaN;
    synchronized (lock) {
      expire(now);
      List<Entry> entries = scopes.get(scope);
      if (entries != null) {
        for (Entry entry : entries) {
          if (entry.vector.length != vector.length) {
            continue;
          }
          double similarity = dot(entry.vector, vector);
          if (best == null || similarity > bestSimilarity) {
            best = entry;
            bestSimilarity = similarity;
          }
        }
      }
    }
    // Float rounding puts an identical question a hair above or below 1: threshold 1 means "the
    // same vector", so the comparison allows for that rounding.
    double similarity = Math.min(1.0, bestSimilarity);
    Match match = best != null && similarity >= config.threshold() - ROUNDING
        ? new Match(best.answer, similarity) : null;
    (match != null ? hits : misses).increment();
    return new Lookup(match, best == null ? Double.NaN : similarity);
  }

  /** What {@link #lookup} saw. */
  public static final class Lookup {
    private final Match match;
    private final double bestSimilarity;

    Lookup(Match match, double bestSimilarity) {
      this.match = match;
      this.bestSimilarity = bestSimilarity;
    }

    /** The match, or null. */
    public Match match() {
      return match;
    }

    /** The highest similarity in the scope (hit or not), or NaN when the scope was empty. */
    public double bestSimilarity() {
      return bestSimilarity;
    }
  }

  /**
   * Stores an answer for a question.
   *
   * @param scope the request's scope
   * @param vector the question's vector, {@link #normalized} already
   * @param answer a complete 2xx answer, as the exact cache's recorder produced it
   * @return whether it was stored: false for a null argument or an answer above {@link
   *     SemanticCacheConfig#maxEntryBytes()}
   */
  public boolean store(CacheKey scope, float[] vector, CachedAnswer answer) {
    if (scope == null || vector == null || answer == null || answer.entrySize() > config.maxEntryBytes()) {
      return false;
    }
    long now = nanoClock.getAsLong();
    Entry entry = new Entry(scope, vector, answer, now);
    synchronized (lock) {
      expire(now);
      scopes.computeIfAbsent(scope, k -> new ArrayList<>()).add(entry);
      age.addLast(entry);
      bytes += entry.weight;
      while (age.size() > config.maxEntries() || (bytes > config.maxBytes() && age.size() > 1)) {
        remove(age.pollFirst());
      }
    }
    stores.increment();
    return true;
  }

  /** How many answers are kept now. */
  public int size() {
    synchronized (lock) {
      expire(nanoClock.getAsLong());
      return age.size();
    }
  }

  public long hits() {
    return hits.sum();
  }

  public long misses() {
    return misses.sum();
  }

  public long stores() {
    return stores.sum();
  }

  /** Drops entries whose time is up: they are the oldest, at the head of the queue. */
  private void expire(long now) {
    Entry oldest;
    while ((oldest = age.peekFirst()) != null && now - oldest.storedNanos >= ttlNanos) {
      remove(age.pollFirst());
    }
  }

  private void remove(Entry entry) {
    bytes -= entry.weight;
    List<Entry> entries = scopes.get(entry.scope);
    if (entries != null) {
      // Entries of a scope are in storing order too: the one to remove is nearly always the first.
      entries.remove(entry);
      if (entries.isEmpty()) {
        scopes.remove(entry.scope);
      }
    }
  }

  /**
   * The dot product of two vectors of the same length. Four running sums let the JIT keep four
   * multiplications in flight (a single sum is one long dependency chain); float precision is
   * ample for unit vectors of a few hundred dimensions.
   */
  private static double dot(float[] a, float[] b) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (int n = a.length & ~3; i < n; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i] * b[i];
    }
    return (double) s0 + s1 + s2 + s3;
  }
}
