package dev.airlock.agent.state;

import dev.airlock.agent.AgentLog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A shared store (Redis) that never takes the application down with it: while the store answers,
 * every operation goes there; when it stops answering, operations carry on against local counters
 * and the store is retried in the background; when it answers again, the spend recorded locally
 * meanwhile is pushed to it (catch-up) and operations go back to it.
 *
 * <p>In detail:
 * <ul>
 *   <li>The first operation that fails (refused, timed out after the store's command timeout, 50 ms
 *       for {@link RedisState}) switches to local counters; the agent logs
 *       {@code state: redis unreachable, using local state} once for the outage and
 *       {@link #usingLocalState()} turns true (for a gauge or a span attribute). Later operations do
 *       not try the store at all until a background probe (every {@code retryEvery}, 500 ms by
 *       default) finds it answering.</li>
 *   <li>Local budget counters start from the spend the store last reported for them, so an outage
 *       does not reset anyone's budget. Rate buckets start full.</li>
 *   <li>Catch-up pushes, per budget counter, the spend recorded locally and the store's own
 *       reservations that were settled meanwhile (so they do not stay reserved in the store). Rate
 *       buckets are not caught up: they refill within an interval anyway.</li>
 *   <li>A reservation is settled where it was made: one made locally stays local (its spend joins
 *       the catch-up), one made in the store is settled there, or journalled if the store is down.</li>
 *   <li>With {@code failClosed}, reservations and rate-limit draws raise
 *       {@link StateUnavailableException} while the store is down (budgets then refuse calls) instead
 *       of answering locally; settles are still journalled and caught up.</li>
 * </ul>
 *
 * <p>What an outage costs: several JVMs each enforce their budgets alone meanwhile, so together they
 * may spend up to (number of JVMs) times what is left, and threshold alerts crossed during the
 * outage may fire once in each JVM, or again when the catch-up lands.
 *
 * <p>Only {@link StateUnavailableException} from the store triggers the fallback; any other exception
 * is a bug and is passed on.
 */
public final class ResilientState implements CounterState {

  private static final Object REMOTE = new Object() {
    @Override
    public String toString() {
      return "remote";
    }
  };
  private static final int CATCH_UP_BATCH = 100;
  private static final long SWEEP_SEEN_EVERY_MILLIS = 60_000;

  private final CounterState remote;
  private final boolean failClosed;
  private final Clock clock;
  private final AtomicBoolean usingLocal = new AtomicBoolean();
  private final AtomicLong outages = new AtomicLong();
  private final CatchUpJournal journal = new CatchUpJournal();
  private final LastSeen seen = new LastSeen();
  private final ScheduledExecutorService background;
  private final Object recoveryLock = new Object();
  private volatile MemoryState local = new MemoryState();
  private volatile long nextSeenSweepMillis;

  private ResilientState(Builder b) {
    this.remote = b.remote;
    this.failClosed = b.failClosed;
    this.clock = b.clock;
    this.nextSeenSweepMillis = clock.millis() + SWEEP_SEEN_EVERY_MILLIS;
    this.background = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "airlock-state-reconnect");
      t.setDaemon(true);
      return t;
    });
    if (b.connectInBackground) {
      usingLocal.set(true);
      background.execute(this::firstConnect);
    } else {
      // Connect now, so that the first call does not pay for it and an unreachable store is reported at start.
      try {
        remote.probe();
      } catch (StateUnavailableException e) {
        fallBack(e);
      }
    }
    long every = b.retryEvery.toMillis();
    background.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
  }

  /** A builder around {@code remote}, typically a {@link RedisState}; the built state owns and closes it. */
  public static Builder builder(CounterState remote) {
    return new Builder(remote);
  }

  /** Settings of a {@link ResilientState}. */
  public static final class Builder {
    private final CounterState remote;
    private boolean failClosed;
    private Duration retryEvery = Duration.ofMillis(500);
    private Clock clock = Clock.systemUTC();
    private boolean connectInBackground;

    private Builder(CounterState remote) {
      if (remote == null) {
        throw new NullPointerException("remote");
      }
      this.remote = remote;
    }

    /** Refuse reservations and rate-limit draws while the store is down, instead of answering locally. */
    public Builder failClosed(boolean failClosed) {
      this.failClosed = failClosed;
      return this;
    }

    /** How often to probe an unreachable store, and to push what is left to catch up (default 500 ms). */
    public Builder retryEvery(Duration interval) {
      if (interval == null || interval.toMillis() <= 0) {
        throw new IllegalArgumentException("retryEvery must be at least a millisecond");
      }
      this.retryEvery = interval;
      return this;
    }

    /** The clock for background work (catch-up expiry); the same one the budgets use. */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new NullPointerException("clock");
      }
      this.clock = clock;
      return this;
    }

    /**
     * Return from {@link #build()} at once and connect on the background thread, answering from
     * local counters until connected (their spend is then caught up like after an outage). Spares
     * the building thread the first connection, which on a cold JVM includes loading the Redis
     * client (about a second). Off by default: then {@link #build()} connects, bounded by the
     * store's connect timeout.
     */
    public Builder connectInBackground(boolean connectInBackground) {
      this.connectInBackground = connectInBackground;
      return this;
    }

    public ResilientState build() {
      return new ResilientState(this);
    }
  }

  /** True while the store is unreachable and operations answer from local counters (or refuse, fail-closed). */
  public boolean usingLocalState() {
    return usingLocal.get();
  }

  /** How many times the store became unreachable since this state was built. */
  public long outages() {
    return outages.get();
  }

  /** Budget counters whose local changes have not reached the store yet. */
  public int pendingCatchUp() {
    return journal.size();
  }

  public boolean failClosed() {
    return failClosed;
  }

  @Override
  public Reservation reserve(List<Charge> charges, long nowMillis) {
    if (!usingLocal.get()) {
      try {
        Reservation r = remote.reserve(charges, nowMillis);
        seen.record(r);
        return r.withOrigin(REMOTE);
      } catch (StateUnavailableException e) {
        fallBack(e);
      }
    }
    if (failClosed) {
      throw new StateUnavailableException("state: redis unreachable (fail-closed)");
    }
    MemoryState m = local;
    for (Charge c : charges) {
      seen.seed(m, c.key());
    }
    return m.reserve(charges, nowMillis).withOrigin(m);
  }

  @Override
  public long[] settle(Reservation reservation, long[] actual, long nowMillis) {
    if (!reservation.admitted()) {
      return CounterState.super.settle(reservation, actual, nowMillis);
    }
    List<CounterDelta> deltas = SettleDeltas.of(reservation, actual);
    if (reservation.origin instanceof MemoryState) {
      // Made locally: the store never saw the reservation, only the spend concerns it.
      long[] spentAfter = ((MemoryState) reservation.origin).add(deltas, nowMillis);
      journal.add(spendOnly(deltas));
      return spentAfter;
    }
    if (!usingLocal.get()) {
      try {
        long[] spentAfter = remote.add(deltas, nowMillis);
        for (int i = 0; i < spentAfter.length; i++) {
          seen.record(deltas.get(i).key(), spentAfter[i], deltas.get(i).expiresAtMillis());
        }
        return spentAfter;
      } catch (StateUnavailableException e) {
        fallBack(e);
      }
    }
    // Made in the store, which cannot hear about it now: the store gets both halves at catch-up, and
    // the local counters count the spend meanwhile so that local decisions see it.
    journal.add(deltas);
    MemoryState m = local;
    for (CounterDelta d : deltas) {
      seen.seed(m, d.key());
    }
    return m.add(spendOnly(deltas), nowMillis);
  }

  @Override
  public void release(Reservation reservation, long nowMillis) {
    settle(reservation, new long[reservation.size()], nowMillis);
  }

  @Override
  public long[] add(List<CounterDelta> deltas, long nowMillis) {
    if (!usingLocal.get()) {
      try {
        return remote.add(deltas, nowMillis);
      } catch (StateUnavailableException e) {
        fallBack(e);
      }
    }
    journal.add(deltas);
    MemoryState m = local;
    for (CounterDelta d : deltas) {
      seen.seed(m, d.key());
    }
    return m.add(deltas, nowMillis);
  }

  @Override
  public Counter read(String key, long nowMillis) {
    if (!usingLocal.get()) {
      try {
        return remote.read(key, nowMillis);
      } catch (StateUnavailableException e) {
        fallBack(e);
      }
    }
    MemoryState m = local;
    seen.seed(m, key);
    return m.read(key, nowMillis);
  }

  @Override
  public RateGrant acquire(List<RateDraw> draws, long nowMicros) {
    if (!usingLocal.get()) {
      try {
        return remote.acquire(draws, nowMicros).withOrigin(REMOTE);
      } catch (StateUnavailableException e) {
        fallBack(e);
      }
    }
    if (failClosed) {
      throw new StateUnavailableException("state: redis unreachable (fail-closed)");
    }
    MemoryState m = local;
    return m.acquire(draws, nowMicros).withOrigin(m);
  }

  @Override
  public void adjust(RateGrant grant, long[] deltaMicros, long nowMicros) {
    if (grant.origin instanceof MemoryState) {
      ((MemoryState) grant.origin).adjust(grant, deltaMicros, nowMicros);
      return;
    }
    if (!usingLocal.get()) {
      try {
        remote.adjust(grant, deltaMicros, nowMicros);
      } catch (StateUnavailableException e) {
        fallBack(e);
      }
    }
    // Otherwise dropped: a bucket in the store refills within its interval, and the outage outlasts that.
  }

  @Override
  public void probe() {
    remote.probe();
  }

  /** Stops the background work, pushes what is left to catch up if the store answers, and closes it. */
  @Override
  public void close() {
    background.shutdownNow();
    try {
      background.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!usingLocal.get()) {
      catchUp();
    }
    remote.close();
  }

  private void fallBack(StateUnavailableException cause) {
    if (usingLocal.compareAndSet(false, true)) {
      // A fresh local state per outage, so that its counters are seeded from the store's latest values.
      local = new MemoryState();
      announceOutage(cause);
    }
  }

  /** Counts an outage and says so, once per outage. */
  private void announceOutage(StateUnavailableException cause) {
    outages.incrementAndGet();
    AgentLog.warn(failClosed
        ? "state: redis unreachable, refusing budgeted calls until it answers (fail-closed)"
        : "state: redis unreachable, using local state");
    AgentLog.debug("state: " + cause.getMessage());
  }

  /** The background start: the first connection, after which the state behaves as if it had connected in build(). */
  private void firstConnect() {
    try {
      remote.probe();
    } catch (StateUnavailableException e) {
      announceOutage(e);
      return;
    }
    recover(false);
  }

  /** The background step: probe while down, push leftovers while up, and forget stale seeds now and then. */
  private void tick() {
    try {
      if (usingLocal.get()) {
        try {
          remote.probe();
        } catch (StateUnavailableException e) {
          return;
        }
        recover(true);
      } else if (journal.size() > 0) {
        catchUp();
      }
      long now = clock.millis();
      if (now >= nextSeenSweepMillis) {
        nextSeenSweepMillis = now + SWEEP_SEEN_EVERY_MILLIS;
        seen.sweep(now);
      }
    } catch (RuntimeException e) {
      // The background thread must survive anything, or the state would never come back.
      AgentLog.debug("state: background step failed", e);
    }
  }

  private void recover(boolean announce) {
    synchronized (recoveryLock) {
      int pushed = catchUp();
      if (pushed < 0) {
        return;
      }
      usingLocal.set(false);
      // Settles that landed in the journal while the first push ran.
      int more = catchUp();
      if (announce) {
        AgentLog.warn("state: redis reachable again, caught up " + (pushed + Math.max(0, more)) + " counters");
      }
    }
  }

  /** Pushes the journal to the store; returns how many counters it pushed, or -1 if the store failed. */
  private int catchUp() {
    int pushed = 0;
    for (;;) {
      long now = clock.millis();
      List<CounterDelta> batch = journal.drain(CATCH_UP_BATCH, now);
      if (batch.isEmpty()) {
        return pushed;
      }
      try {
        remote.add(batch, now);
        pushed += batch.size();
      } catch (StateUnavailableException e) {
        journal.add(batch);
        fallBack(e);
        return -1;
      } finally {
        journal.landed(batch.size());
      }
    }
  }

  private static List<CounterDelta> spendOnly(List<CounterDelta> deltas) {
    List<CounterDelta> out = new ArrayList<>(deltas.size());
    for (CounterDelta d : deltas) {
      out.add(new CounterDelta(d.key(), d.spent(), 0, d.expiresAtMillis()));
    }
    return out;
  }
}
