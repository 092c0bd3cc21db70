package dev.airlock.agent.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Redis scripts against a real redis-server: same answers as {@link MemoryState}, keys that expire. */
class RedisStateTest {

  private static RedisServer server;
  private static RedisState redis;

  /** Starts the server for the first test; per test rather than per class so that skips are counted per test. */
  @BeforeEach
  void start() throws Exception {
    if (server == null) {
      server = RedisServer.start();
      // A loaded CI machine can take longer than the 50 ms production default; these tests check answers, not speed.
      redis = RedisState.builder(server.uri()).commandTimeout(Duration.ofSeconds(2)).connectTimeout(Duration.ofSeconds(2)).build();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (redis != null) {
      redis.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static String prefix() {
    return "airlock:test:" + UUID.randomUUID() + ":";
  }

  @Test
  void answersExactlyAsTheMemoryStateDoes() {
    MemoryState memory = new MemoryState();
    SplittableRandom random = new SplittableRandom(42);
    String p = prefix();
    String[] budgetKeys = {p + "b1", p + "b2", p + "b3"};
    String[] rateKeys = {p + "r1", p + "r2"};
    long nowMillis = System.currentTimeMillis();
    long expiresAt = nowMillis + 3_600_000;
    long nowMicros = nowMillis * 1000;
    List<Reservation> open = new ArrayList<>();
    List<RateGrant> grants = new ArrayList<>();
    for (int step = 0; step < 400; step++) {
      String at = "step " + step;
      switch (random.nextInt(5)) {
        case 0:
        case 1: {
          List<Charge> charges = new ArrayList<>();
          for (String key : pick(random, budgetKeys)) {
            charges.add(new Charge(key, random.nextLong(0, 60), random.nextLong(50, 300), random.nextBoolean(), expiresAt));
          }
          Reservation m = memory.reserve(charges, nowMillis);
          Reservation r = redis.reserve(charges, nowMillis);
          assertEquals(m.refusedIndex(), r.refusedIndex(), at);
          for (int i = 0; i < charges.size(); i++) {
            assertEquals(m.spentBefore(i), r.spentBefore(i), at);
            assertEquals(m.reservedBefore(i), r.reservedBefore(i), at);
          }
          if (m.admitted()) {
            open.add(r);
          }
          break;
        }
        case 2: {
          if (open.isEmpty()) {
            break;
          }
          Reservation r = open.remove(random.nextInt(open.size()));
          long[] actual = new long[r.size()];
          for (int i = 0; i < actual.length; i++) {
            actual[i] = random.nextLong(0, 80);
          }
          if (random.nextInt(4) == 0) {
            memory.release(r, nowMillis);
            redis.release(r, nowMillis);
          } else {
            assertArrayEquals(memory.settle(r, actual, nowMillis), redis.settle(r, actual, nowMillis), at);
          }
          break;
        }
        case 3: {
          List<RateDraw> draws = new ArrayList<>();
          for (String key : pick(random, rateKeys)) {
            draws.add(new RateDraw(key, random.nextLong(0, 120_000), 300_000, random.nextBoolean() ? 0 : 150_000));
          }
          RateGrant m = memory.acquire(draws, nowMicros);
          RateGrant r = redis.acquire(draws, nowMicros);
          assertEquals(m.refusedIndex(), r.refusedIndex(), at);
          assertEquals(m.delayMicros(), r.delayMicros(), at);
          if (m.admitted()) {
            grants.add(r);
          }
          break;
        }
        default: {
          if (!grants.isEmpty()) {
            RateGrant g = grants.remove(random.nextInt(grants.size()));
            long[] deltas = new long[g.draws().size()];
            for (int i = 0; i < deltas.length; i++) {
              deltas[i] = random.nextLong(-150_000, 150_000);
            }
            memory.adjust(g, deltas, nowMicros);
            redis.adjust(g, deltas, nowMicros);
          }
          long advance = random.nextLong(0, 40_000);
          nowMicros += advance;
          nowMillis = nowMicros / 1000;
        }
      }
      for (String key : budgetKeys) {
        assertEquals(memory.read(key, nowMillis), redis.read(key, nowMillis), at + " " + key);
      }
    }
  }

  @Test
  void budgetKeysExpireWithTheirWindowAndRateKeysWhenFull() throws Exception {
    String p = prefix();
    long now = System.currentTimeMillis();
    redis.reserve(Collections.singletonList(new Charge(p + "b", 5, 100, true, now + 60_000)), now);
    long ttl = Long.parseLong(server.command("PTTL", p + "b"));
    assertTrue(ttl > 55_000 && ttl <= 60_000, "ttl " + ttl);
    assertEquals("5", server.command("HGET", p + "b", "r"));

    redis.acquire(Collections.singletonList(new RateDraw(p + "r", 2_000_000, 10_000_000, 0)), now * 1000);
    long rateTtl = Long.parseLong(server.command("PTTL", p + "r"));
    assertTrue(rateTtl > 2_500 && rateTtl <= 3_000, "a bucket is forgotten a second after it is full again: " + rateTtl);
    assertEquals(String.valueOf(now * 1000 + 2_000_000), server.command("GET", p + "r"), "exact micros, not 1.79e+15");
  }

  @Test
  void scriptsForgottenByRedisAreSentAgain() throws Exception {
    String p = prefix();
    long now = System.currentTimeMillis();
    redis.reserve(Collections.singletonList(new Charge(p + "b", 5, 100, true, now + 60_000)), now);
    assertEquals("OK", server.command("SCRIPT", "FLUSH"));
    assertTrue(redis.reserve(Collections.singletonList(new Charge(p + "b", 5, 100, true, now + 60_000)), now).admitted());
    assertEquals(new Counter(0, 10), redis.read(p + "b", now));
  }

  @Test
  void anUnreachableServerIsReportedAsUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (RedisState nowhere = RedisState.builder("redis://127.0.0.1:" + closedPort).reconnectEvery(Duration.ofMinutes(1)).build()) {
      List<Charge> charge = Collections.singletonList(new Charge("k", 1, 1, true, System.currentTimeMillis() + 1000));
      assertThrows(StateUnavailableException.class, () -> nowhere.reserve(charge, System.currentTimeMillis()));
      StateUnavailableException throttled =
          assertThrows(StateUnavailableException.class, () -> nowhere.reserve(charge, System.currentTimeMillis()));
      assertTrue(throttled.getMessage().contains("next connection attempt"), throttled.getMessage());
      assertThrows(StateUnavailableException.class, nowhere::probe);
    }
  }

  @Test
  void aServerThatStopsAnsweringTimesOut() throws Exception {
    String p = prefix();
    try (RedisState state = RedisState.builder(server.uri()).commandTimeout(Duration.ofMillis(50)).build()) {
      long now = System.currentTimeMillis();
      List<Charge> charge = Collections.singletonList(new Charge(p + "b", 1, 100, true, now + 60_000));
      state.reserve(charge, now);
      server.pause();
      try {
        StateUnavailableException e = assertThrows(StateUnavailableException.class, () -> state.reserve(charge, now));
        assertTrue(e.getMessage().contains("reserve failed"), e.getMessage());
      } finally {
        server.resume();
      }
      assertFalse(state.read(p + "b", now).reserved() == 0);
    }
  }

  @Test
  void clientThreadsAreDaemons() {
    redis.probe();
    int found = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("airlock-redis-")) {
        found++;
        assertTrue(t.isDaemon(), t.getName() + " would keep the application's JVM alive");
      }
    }
    assertTrue(found > 0, "the client's threads carry the airlock-redis- prefix");
  }

  private static List<String> pick(SplittableRandom random, String[] keys) {
    List<String> all = new ArrayList<>(Arrays.asList(keys));
    Collections.shuffle(all, new java.util.Random(random.nextLong()));
    return all.subList(0, 1 + random.nextInt(all.size()));
  }
}
