package dev.airlock.agent.state;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
  /**
   * Counters drained but not yet known to have landed: the store has not heard them either, and a
   * caller waiting for {@link #size()} to reach 0 must not read the store while a push is on its way.
   */
  private final AtomicInteger inFlight = new AtomicInteger();

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
   * anyway (their window is over: pushing them would only recreate dead keys). The caller reports
   * the batch {@link #landed} once the push succeeded or the batch was added back.
   */
  List<CounterDelta> drain(int max, long nowMillis) {
    List<CounterDelta> out = new ArrayList<>();
    Iterator<String> keys = entries.keySet().iterator();
    while (out.size() < max && keys.hasNext()) {
      String key = keys.next();
      inFlight.incrementAndGet(); // before the removal, so that size() never misses the entry
      Entry e = entries.remove(key);
      if (e == null) {
        inFlight.decrementAndGet();
        continue;
      }
      synchronized (e) {
        e.closed = true;
        if (e.expiresAtMillis > nowMillis && (e.spent != 0 || e.reserved != 0)) {
          out.add(new CounterDelta(key, e.spent, e.reserved, e.expiresAtMillis));
        } else {
          inFlight.decrementAndGet();
        }
      }
    }
    return out;
  }

  /**
   * The {@code count} counters of a drained batch are settled: pushed to the store, or added back
   * to the journal after a failed push.
   */
  void landed(int count) {
    inFlight.addAndGet(-count);
  }

  /** Counters waiting to be pushed, or drained and on their way to the store. */
  int size() {
    return entries.size() + inFlight.get();
  }
}
