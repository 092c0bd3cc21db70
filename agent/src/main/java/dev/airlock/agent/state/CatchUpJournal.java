package dev.airlock.agent.state;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Redis has not heard yet while {@link ResilientState} answered locally: per budget counter,
 * the spend recorded meanwhile and the reservations it held that were settled meanwhile. Summed per
 * key, so an outage of any length costs one entry per counter touched and one short catch-up.
 */
final class CatchUpJournal {

  /** Guarded by itself. Once drained it is closed, and adders start a fresh entry. */
  private static final class Entry {
    long spent;
    long reserved;
    long expiresAtMillis = Long.MIN_VALUE;
    boolean closed;
  }

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  void add(List<CounterDelta> deltas) {
    for (CounterDelta d : deltas) {
      add(d.key(), d.spent(), d.reserved(), d.expiresAtMillis());
    }
  }

  void add(String key, long spent, long reserved, long expiresAtMillis) {
    if (spent == 0 && reserved == 0) {
      return;
    }
    for (;;) {
      Entry e = entries.computeIfAbsent(key, k -> new Entry());
      synchronized (e) {
        if (!e.closed) {
          e.spent += spent;
          e.reserved += reserved;
          e.expiresAtMillis = Math.max(e.expiresAtMillis, expiresAtMillis);
          return;
        }
      }
    }
  }

  /**
   * Takes up to {@code max} entries out of the journal, dropping those whose counters have expired
   * anyway (their window is over: pushing them would only recreate dead keys).
   */
  List<CounterDelta> drain(int max, long nowMillis) {
    List<CounterDelta> out = new ArrayList<>();
    Iterator<String> keys = entries.keySet().iterator();
    while (out.size() < max && keys.hasNext()) {
      String key = keys.next();
      Entry e = entries.remove(key);
      if (e == null) {
        continue;
      }
      synchronized (e) {
        e.closed = true;
        if (e.expiresAtMillis > nowMillis && (e.spent != 0 || e.reserved != 0)) {
          out.add(new CounterDelta(key, e.spent, e.reserved, e.expiresAtMillis));
        }
      }
    }
    return out;
  }

  /** Counters waiting to be pushed. */
  int size() {
    return entries.size();
  }
}
