package dev.airlock.agent.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counters in this JVM's memory: the {@code state: memory} setting, the local fallback of
 * {@link ResilientState}, and the reference the Redis scripts are tested against.
 *
 * <p>Each counter has its own lock (striping at the finest grain: calls for different tenants never
 * contend). An operation on several counters locks them in key order, so it is as atomic as the Redis
 * script doing the same, and two operations can never wait on each other in a cycle. An uncontended
 * reservation against two budgets costs a few hundred nanoseconds.
 *
 * <p>Counters expire like Redis keys: once the caller's clock passes a counter's expiry, it reads as
 * new, and a sweep at most once a minute (run by whichever caller notices it is due) removes such
 * counters from the map.
 */
public final class MemoryState implements CounterState {

  private static final long SWEEP_EVERY_MILLIS = 60_000;

  private final ConcurrentHashMap<String, Cell> cells = new ConcurrentHashMap<>();
  private final AtomicLong nextSweepMillis = new AtomicLong(Long.MIN_VALUE);

  /** One counter. Guarded by {@code lock}. */
  private static final class Cell {
    final ReentrantLock lock = new ReentrantLock();
    /** A budget counter's spend, or a rate bucket's time (GCRA TAT, epoch micros). */
    long a;
    /** A budget counter's reservations. */
    long b;
    long expiresAtMillis = Long.MAX_VALUE;
    /** Set when the sweep took the cell out of the map: whoever locks it next must look the key up again. */
    boolean removed;
  }

  @Override
  public Reservation reserve(List<Charge> charges, long nowMillis) {
    maybeSweep(nowMillis);
    List<Charge> list = immutableCopy(charges);
    int n = list.size();
    String[] keys = new String[n];
    for (int i = 0; i < n; i++) {
      keys[i] = list.get(i).key();
    }
    Cell[] locked = lockAll(keys, nowMillis);
    try {
      long[] spent = new long[n];
      long[] reserved = new long[n];
      int refused = -1;
      for (int i = 0; i < n; i++) {
        Charge c = list.get(i);
        spent[i] = locked[i].a;
        reserved[i] = locked[i].b;
        if (refused < 0 && c.hard() && !c.fits(spent[i], reserved[i])) {
          refused = i;
        }
      }
      if (refused < 0) {
        for (int i = 0; i < n; i++) {
          Charge c = list.get(i);
          locked[i].b += c.amount();
          locked[i].expiresAtMillis = c.expiresAtMillis();
        }
      }
      return new Reservation(list, refused, spent, reserved, null);
    } finally {
      unlockAll(locked);
    }
  }

  @Override
  public long[] add(List<CounterDelta> deltas, long nowMillis) {
    maybeSweep(nowMillis);
    int n = deltas.size();
    String[] keys = new String[n];
    for (int i = 0; i < n; i++) {
      keys[i] = deltas.get(i).key();
    }
    Cell[] locked = lockAll(keys, nowMillis);
    try {
      long[] spentAfter = new long[n];
      for (int i = 0; i < n; i++) {
        CounterDelta d = deltas.get(i);
        Cell cell = locked[i];
        cell.a += d.spent();
        cell.b = Math.max(0, cell.b + d.reserved());
        cell.expiresAtMillis = d.expiresAtMillis();
        spentAfter[i] = cell.a;
      }
      return spentAfter;
    } finally {
      unlockAll(locked);
    }
  }

  @Override
  public Counter read(String key, long nowMillis) {
    Cell cell = cells.get(key);
    if (cell == null) {
      return Counter.ZERO;
    }
    cell.lock.lock();
    try {
      if (cell.removed || nowMillis >= cell.expiresAtMillis) {
        return Counter.ZERO;
      }
      return new Counter(cell.a, cell.b);
    } finally {
      cell.lock.unlock();
    }
  }

  @Override
  public RateGrant acquire(List<RateDraw> draws, long nowMicros) {
    long nowMillis = Math.floorDiv(nowMicros, 1000);
    maybeSweep(nowMillis);
    List<RateDraw> list = immutableCopy(draws);
    int n = list.size();
    String[] keys = new String[n];
    for (int i = 0; i < n; i++) {
      keys[i] = list.get(i).key();
    }
    Cell[] locked = lockAll(keys, nowMillis);
    try {
      long[] next = new long[n];
      long delay = 0;
      int refused = -1;
      for (int i = 0; i < n; i++) {
        RateDraw d = list.get(i);
        long tat = locked[i].a;
        long wait = 0;
        if (tat > nowMicros) {
          wait = Math.max(0, tat + d.costMicros() - nowMicros - d.burstMicros());
        } else {
          // A full bucket: even a call larger than the whole interval passes, and later calls pay for it.
          tat = nowMicros;
        }
        next[i] = tat + d.costMicros();
        delay = Math.max(delay, wait);
        if (refused < 0 && wait > d.maxDelayMicros()) {
          refused = i;
        }
      }
      if (refused < 0) {
        for (int i = 0; i < n; i++) {
          locked[i].a = next[i];
          locked[i].expiresAtMillis = nowMillis + rateTtlMillis(next[i], nowMicros);
        }
      }
      return new RateGrant(list, refused, delay, null);
    } finally {
      unlockAll(locked);
    }
  }

  @Override
  public void adjust(RateGrant grant, long[] deltaMicros, long nowMicros) {
    if (!grant.admitted()) {
      return;
    }
    long nowMillis = Math.floorDiv(nowMicros, 1000);
    List<RateDraw> draws = grant.draws();
    String[] keys = new String[draws.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = draws.get(i).key();
    }
    Cell[] locked = lockAll(keys, nowMillis);
    try {
      for (int i = 0; i < keys.length; i++) {
        if (deltaMicros[i] == 0) {
          continue;
        }
        Cell cell = locked[i];
        long next = Math.max(cell.a, nowMicros) + deltaMicros[i];
        if (next <= nowMicros) {
          cell.a = 0;
          cell.expiresAtMillis = nowMillis;
        } else {
          cell.a = next;
          cell.expiresAtMillis = nowMillis + rateTtlMillis(next, nowMicros);
        }
      }
    } finally {
      unlockAll(locked);
    }
  }

  /** A rate bucket can be forgotten a second after it would be full again: then it reads as full anyway. */
  static long rateTtlMillis(long tatMicros, long nowMicros) {
    return Math.floorDiv(tatMicros - nowMicros + 999, 1000) + 1000;
  }

  /**
   * Creates a budget counter holding {@code spent} unless one exists: {@link ResilientState} starts
   * local counters from the last values Redis reported, so that an outage does not hand every tenant
   * a fresh budget.
   */
  void seedIfAbsent(String key, long spent, long expiresAtMillis) {
    if (cells.containsKey(key)) {
      return;
    }
    Cell cell = new Cell();
    cell.a = spent;
    cell.expiresAtMillis = expiresAtMillis;
    cells.putIfAbsent(key, cell);
  }

  /** How many counters are held (expired ones included until the next sweep). */
  int size() {
    return cells.size();
  }

  private Cell lockedCell(String key, long nowMillis) {
    for (;;) {
      Cell cell = cells.get(key);
      if (cell == null) {
        cell = cells.computeIfAbsent(key, k -> new Cell());
      }
      cell.lock.lock();
      if (!cell.removed) {
        if (nowMillis >= cell.expiresAtMillis) {
          cell.a = 0;
          cell.b = 0;
          cell.expiresAtMillis = Long.MAX_VALUE;
        }
        return cell;
      }
      cell.lock.unlock();
    }
  }

  /** Locks the cells of {@code keys} in key order (so that no two operations wait on each other in a cycle). */
  private Cell[] lockAll(String[] keys, long nowMillis) {
    int n = keys.length;
    Cell[] locked = new Cell[n];
    if (n == 1) {
      locked[0] = lockedCell(keys[0], nowMillis);
      return locked;
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      int j = i;
      while (j > 0 && keys[order[j - 1]].compareTo(keys[i]) > 0) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = i;
    }
    for (int i : order) {
      locked[i] = lockedCell(keys[i], nowMillis);
    }
    return locked;
  }

  private static void unlockAll(Cell[] locked) {
    for (int i = locked.length - 1; i >= 0; i--) {
      locked[i].lock.unlock();
    }
  }

  private void maybeSweep(long nowMillis) {
    long due = nextSweepMillis.get();
    if (nowMillis < due || !nextSweepMillis.compareAndSet(due, nowMillis + SWEEP_EVERY_MILLIS)) {
      return;
    }
    for (Map.Entry<String, Cell> e : cells.entrySet()) {
      Cell cell = e.getValue();
      // A cell someone holds is in use, hence not worth removing now; the next sweep will see it.
      if (cell.lock.tryLock()) {
        try {
          if (nowMillis >= cell.expiresAtMillis) {
            cell.removed = true;
            cells.remove(e.getKey(), cell);
          }
        } finally {
          cell.lock.unlock();
        }
      }
    }
  }

  private static <T> List<T> immutableCopy(List<T> list) {
    if (list.isEmpty()) {
      throw new IllegalArgumentException("nothing to count");
    }
    return Collections.unmodifiableList(new ArrayList<>(list));
  }
}
