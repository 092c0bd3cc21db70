package dev.airlock.agent.cache;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.state.RedisState;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The exact cache's {@link SharedTier} in Redis: answers under {@code airlock:cache:<key hex>}
 * (the key is already a SHA-256 of endpoint, target, tenant and body), Base64 text, expiring with
 * the cache's time to live. A lookup is one {@code GET} within the state's command timeout; stores
 * go out on an agent thread, so recording an answer never waits for Redis. While Redis is away,
 * lookups are misses and stores are dropped; that is logged once per outage.
 */
public final class RedisAnswers implements SharedTier {

  private static final String PREFIX = "airlock:cache:";

  private final RedisState redis;
  private final AtomicBoolean outage = new AtomicBoolean();
  private final ThreadPoolExecutor writer;

  public RedisAnswers(RedisState redis) {
    this.redis = redis;
    this.writer = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), r -> {
      Thread t = new Thread(r, "airlock-cache-writer");
      t.setDaemon(true);
      return t;
    });
    writer.allowCoreThreadTimeOut(true);
    // Answers recorded just before the JVM exits still reach the other replicas.
    Runtime.getRuntime().addShutdownHook(new Thread(this::drain, "airlock-cache-drain"));
  }

  private void drain() {
    writer.shutdown();
    try {
      writer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public CachedAnswer get(CacheKey key) {
    try {
      String value = redis.getValue(PREFIX + key.hex());
      available();
      return value == null ? null : CachedAnswerCodec.decode(Base64.getDecoder().decode(value));
    } catch (RuntimeException unavailable) {
      unavailable(unavailable);
      return null;
    }
  }

  @Override
  public void put(CacheKey key, CachedAnswer answer, Duration ttl) {
    try {
      writer.execute(() -> {
        try {
          redis.setValue(PREFIX + key.hex(), Base64.getEncoder().encodeToString(CachedAnswerCodec.encode(answer)), ttl);
          available();
        } catch (RuntimeException unavailable) {
          unavailable(unavailable);
        }
      });
    } catch (RejectedExecutionException busy) {
      AgentLog.debug("cache: the shared store is behind; an answer was kept in this JVM only");
    }
  }

  private void available() {
    if (outage.compareAndSet(true, false)) {
      AgentLog.warn("cache: redis reachable again; answers are shared between replicas");
    }
  }

  private void unavailable(RuntimeException cause) {
    if (outage.compareAndSet(false, true)) {
      AgentLog.warn("cache: redis unreachable, answering from this JVM's cache only (" + cause.getMessage() + ")");
    }
  }
}
