package dev.airlock.agent.state;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The spend Redis last reported for each budget counter, so that {@link ResilientState} can start
 * its local counters from there when Redis becomes unreachable instead of from zero (which would hand
 * every tenant a fresh budget for the length of the outage).
 */
final class LastSeen {

  private static final class Seen {
    volatile long spent;
    volatile long expiresAtMillis;
  }

  private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();

  void record(String key, long spent, long expiresAtMillis) {
    Seen s = seen.get(key);
    if (s == null) {
      s = seen.computeIfAbsent(key, k -> new Seen());
    }
    // Spend only grows within a window, so the larger value is the later one; a lost race between
    // two writers costs at most one call's spend in the seed.
    if (spent > s.spent) {
      s.spent = spent;
    }
    s.expiresAtMillis = expiresAtMillis;
  }

  void record(Reservation r) {
    for (int i = 0; i < r.size(); i++) {
      record(r.charge(i).key(), r.spentBefore(i), r.charge(i).expiresAtMillis());
    }
  }

  /** Starts {@code key} in {@code local} from the last spend seen, unless local already counts it. */
  void seed(MemoryState local, String key) {
    Seen s = seen.get(key);
    if (s != null) {
      local.seedIfAbsent(key, s.spent, s.expiresAtMillis);
    }
  }

  void sweep(long nowMillis) {
    seen.values().removeIf(s -> s.expiresAtMillis <= nowMillis);
  }

  int size() {
    return seen.size();
  }
}
