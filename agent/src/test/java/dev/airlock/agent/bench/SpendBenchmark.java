package dev.airlock.agent.bench;

import dev.airlock.agent.spend.Admission;
import dev.airlock.agent.spend.BudgetConfig;
import dev.airlock.agent.spend.Budgets;
import dev.airlock.agent.spend.CallScope;
import dev.airlock.agent.spend.OnExceed;
import dev.airlock.agent.spend.Permit;
import dev.airlock.agent.spend.RateLimitConfig;
import dev.airlock.agent.spend.RateLimiter;
import dev.airlock.agent.spend.ScopeKind;
import dev.airlock.agent.spend.Window;
import dev.airlock.agent.state.MemoryState;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What budgets and rate limits add to a call with {@code state: memory}: the policy's two budgets
 * (per tenant in USD per day, per feature in tokens per hour) admitted before the call and settled
 * after it, and one rate limit (requests and tokens per minute) acquired and settled, next to the
 * bare operation underneath, two concurrent-map counter increments. Limits are high enough that
 * every call is admitted, as in normal operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SpendBenchmark {

  private Budgets budgets;
  private RateLimiter limiter;
  private CallScope scope;
  private ConcurrentHashMap<String, AtomicLong> counters;

  @Setup
  public void setUp() {
    MemoryState state = new MemoryState();
    budgets = Budgets.builder()
        .add(BudgetConfig.builder(ScopeKind.TENANT).limitUsd(1_000_000).window(Window.DAY).onExceed(OnExceed.block())
            .alertAt(0.5, 0.8).build())
        .add(BudgetConfig.builder(ScopeKind.FEATURE).limitTokens(Long.MAX_VALUE / 4).window(Window.HOUR)
            .onExceed(OnExceed.alert()).build())
        .state(state)
        .build();
    limiter = RateLimiter.builder()
        .add(RateLimitConfig.builder(ScopeKind.TENANT).requests(Long.MAX_VALUE / 4, Duration.ofMinutes(1))
            .tokens(Long.MAX_VALUE / 4, Duration.ofMinutes(1)).reject().build())
        .state(state)
        .build();
    scope = CallScope.of("acme", "support", "u-1", "gpt-4o-mini");
    counters = new ConcurrentHashMap<>();
  }

  /** The floor: two counter increments in a concurrent map. */
  @Benchmark
  public long baseline_mapIncrements() {
    return counters.computeIfAbsent("tenant:acme", k -> new AtomicLong()).addAndGet(2_100)
        + counters.computeIfAbsent("feature:support", k -> new AtomicLong()).addAndGet(1_100);
  }

  /** Two budgets: reserve the estimate, then settle with the real cost. */
  @Benchmark
  public Admission budgets_admitAndSettle() {
    Admission admission = budgets.admit(scope, 2_100, 1_100);
    admission.settle(50, 30);
    return admission;
  }

  /** One rate limit on requests and tokens: acquire, then settle with the real tokens. */
  @Benchmark
  public Permit rateLimit_acquireAndSettle() {
    Permit permit = limiter.acquire(scope, 1_100);
    permit.settle(30);
    return permit;
  }
}
