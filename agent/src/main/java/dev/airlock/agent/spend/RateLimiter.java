package dev.airlock.agent.spend;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.state.CounterState;
import dev.airlock.agent.state.MemoryState;
import dev.airlock.agent.state.RateDraw;
import dev.airlock.agent.state.RateGrant;
import dev.airlock.agent.state.StateUnavailableException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The policy's rate limits at work: {@link #acquire} before a call takes room from every limit that
 * applies to it, or refuses it (reject mode) or holds it until there is room (wait mode).
 *
 * <p><b>Algorithm:</b> GCRA, the "generic cell rate algorithm", which is a token bucket written as a
 * single time per counter: {@code L} units per interval {@code I} means a bucket of {@code L} units
 * that refills continuously at {@code L / I}. A full bucket lets {@code L} units through at once, then
 * one every {@code I / L}. A call that does not fit learns exactly when it would (its retry-after). The
 * same arithmetic runs in memory and in Redis (see {@code dev.airlock.agent.state}), one atomic step
 * per call for all its limits together.
 *
 * <p><b>Requests and tokens.</b> A request limit counts each call as 1. A token limit counts the
 * call's estimated tokens at acquire, corrected to the actual tokens by {@link Permit#settle}. A call
 * estimated larger than a whole interval's allowance passes when the bucket is full and delays the
 * calls after it, rather than never passing.
 *
 * <p><b>Wait mode</b> books the call's place at once and then sleeps until its turn, so waiting
 * calls pass in order and none is starved. If the turn is further away than the limit's maximum
 * wait, nothing is booked and the call is refused. An interrupted wait gives the place back and the
 * call is refused (the thread's interrupt flag stays set).
 *
 * <p>Thread-safe. The limiter does not own the state: close it elsewhere.
 */
public final class RateLimiter {

  /** Costs are capped so that bucket times stay exact in Redis's Lua numbers (below 2^53). */
  private static final long MAX_COST_MICROS = 1L << 50;

  /** One counter: the request or the token side of a {@link RateLimitConfig}. */
  private static final class Bucket {
    final RateLimitConfig config;
    final boolean tokens;
    final long limit;
    final long intervalMicros;
    final long maxDelayMicros;
    final String head;
    final String tail;

    Bucket(RateLimitConfig config, boolean tokens) {
      this.config = config;
      this.tokens = tokens;
      this.limit = tokens ? config.tokens() : config.requests();
      Duration per = tokens ? config.tokensPer() : config.requestsPer();
      this.intervalMicros = per.toNanos() / 1000;
      this.maxDelayMicros = config.mode() == RateLimitConfig.Mode.WAIT ? config.maxWait().toNanos() / 1000 : 0;
      this.head = Keys.RATE_PREFIX + config.scope().id() + ":";
      this.tail = ":" + (tokens ? "tokens-" : "requests-") + limit + "-per-" + Keys.interval(per);
    }

    /** How far {@code units} push this bucket's time: {@code floor(units * I / L)} microseconds. */
    long cost(long units) {
      if (units <= 0) {
        return 0;
      }
      long product;
      try {
        product = Math.multiplyExact(units, intervalMicros);
      } catch (ArithmeticException e) {
        return BigInteger.valueOf(units).multiply(BigInteger.valueOf(intervalMicros)).divide(BigInteger.valueOf(limit))
            .min(BigInteger.valueOf(MAX_COST_MICROS)).longValue();
      }
      return Math.min(product / limit, MAX_COST_MICROS);
    }
  }

  private final Bucket[] buckets;
  private final CounterState state;
  private final Clock clock;
  private final Sleeper sleeper;

  private RateLimiter(Builder b) {
    this.state = b.state == null ? new MemoryState() : b.state;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    List<Bucket> list = new ArrayList<>();
    for (RateLimitConfig c : b.configs) {
      if (c.requestsPer() != null) {
        list.add(new Bucket(c, false));
      }
      if (c.tokensPer() != null) {
        list.add(new Bucket(c, true));
      }
    }
    this.buckets = list.toArray(new Bucket[0]);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RateLimiter}: the configs, and where their counters live (memory unless told). */
  public static final class Builder {
    private final List<RateLimitConfig> configs = new ArrayList<>();
    private CounterState state;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder() {}

    public Builder add(RateLimitConfig config) {
      configs.add(Objects.requireNonNull(config, "config"));
      return this;
    }

    public Builder addAll(Collection<RateLimitConfig> configs) {
      configs.forEach(this::add);
      return this;
    }

    /** Where counters live; a fresh {@link MemoryState} if not set. */
    public Builder state(CounterState state) {
      this.state = Objects.requireNonNull(state, "state");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How wait mode sleeps; {@link Sleeper#SYSTEM} unless told (tests pass one that moves a fake clock). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    public RateLimiter build() {
      return new RateLimiter(this);
    }
  }

  /**
   * Takes room for one call of about {@code estimatedTokens} tokens from every limit, waiting first if
   * a wait-mode limit asks for it. Never throws for state trouble: an unreachable fail-closed state
   * gives {@code UNAVAILABLE}.
   */
  public Permit acquire(CallScope scope, long estimatedTokens) {
    int n = buckets.length;
    if (n == 0) {
      return Permit.UNLIMITED;
    }
    long now = nowMicros();
    ScopeKey[] keys = new ScopeKey[n];
    long[] costs = new long[n];
    List<RateDraw> draws = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Bucket b = buckets[i];
      keys[i] = scope.key(b.config.scope());
      costs[i] = b.cost(b.tokens ? estimatedTokens : 1);
      draws.add(new RateDraw(b.head + keys[i].keyPart() + b.tail, costs[i], b.intervalMicros, b.maxDelayMicros));
    }
    RateGrant grant;
    try {
      grant = state.acquire(draws, now);
    } catch (StateUnavailableException e) {
      return new Permit(this, null, costs, Permit.Outcome.UNAVAILABLE, null, null, Permit.UNAVAILABLE_RETRY, Duration.ZERO);
    }
    if (!grant.admitted()) {
      int i = grant.refusedIndex();
      return new Permit(this, grant, costs, Permit.Outcome.REJECTED, buckets[i].config, keys[i],
          micros(grant.delayMicros()), Duration.ZERO);
    }
    Duration waited = micros(grant.delayMicros());
    if (!waited.isZero()) {
      try {
        sleeper.sleep(waited);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        giveBack(grant, costs);
        int i = firstWaiting();
        return new Permit(this, null, costs, Permit.Outcome.REJECTED, buckets[i].config, keys[i], waited, Duration.ZERO);
      }
    }
    return new Permit(this, grant, costs, Permit.Outcome.ALLOWED, null, null, Duration.ZERO, waited);
  }

  public boolean isEmpty() {
    return buckets.length == 0;
  }

  /** The limits, in policy order. */
  public List<RateLimitConfig> configs() {
    List<RateLimitConfig> out = new ArrayList<>();
    for (Bucket b : buckets) {
      if (out.isEmpty() || out.get(out.size() - 1) != b.config) {
        out.add(b.config);
      }
    }
    return out;
  }

  void settle(RateGrant grant, long[] costs, long actualTokens) {
    long[] deltas = new long[buckets.length];
    boolean any = false;
    for (int i = 0; i < buckets.length; i++) {
      if (buckets[i].tokens) {
        deltas[i] = buckets[i].cost(actualTokens) - costs[i];
        any |= deltas[i] != 0;
      }
    }
    if (any) {
      adjust(grant, deltas);
    }
  }

  private void giveBack(RateGrant grant, long[] costs) {
    long[] deltas = new long[costs.length];
    for (int i = 0; i < costs.length; i++) {
      deltas[i] = -costs[i];
    }
    adjust(grant, deltas);
  }

  private void adjust(RateGrant grant, long[] deltas) {
    try {
      state.adjust(grant, deltas, nowMicros());
    } catch (RuntimeException e) {
      AgentLog.debug("rate limits: adjust failed", e);
    }
  }

  private int firstWaiting() {
    for (int i = 0; i < buckets.length; i++) {
      if (buckets[i].maxDelayMicros > 0) {
        return i;
      }
    }
    return 0;
  }

  private long nowMicros() {
    Instant t = clock.instant();
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
  }

  private static Duration micros(long micros) {
    return micros <= 0 ? Duration.ZERO : Duration.ofNanos(micros * 1000);
  }

  @Override
  public String toString() {
    return configs().toString();
  }
}
