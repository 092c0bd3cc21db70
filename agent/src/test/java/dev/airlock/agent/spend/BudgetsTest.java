package dev.airlock.agent.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.spend.Admission.Outcome;
import dev.airlock.agent.state.Charge;
import dev.airlock.agent.state.Counter;
import dev.airlock.agent.state.CounterDelta;
import dev.airlock.agent.state.CounterState;
import dev.airlock.agent.state.MemoryState;
import dev.airlock.agent.state.RateDraw;
import dev.airlock.agent.state.RateGrant;
import dev.airlock.agent.state.Reservation;
import dev.airlock.agent.state.StateUnavailableException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetsTest {

  private static final CallScope ACME = CallScope.of("acme", "chat", "u1", "gpt-4o");
  private static final CallScope GLOBEX = CallScope.of("globex", "chat", "u2", "gpt-4o");

  private final FakeClock clock = new FakeClock("2026-11-22T10:15:30Z");
  private final MemoryState state = new MemoryState();
  private final RecordingListener listener = new RecordingListener();

  private Budgets budgets(BudgetConfig... configs) {
    return Budgets.builder().addAll(Arrays.asList(configs)).state(state).clock(clock).listener(listener).build();
  }

  private static BudgetConfig usdPerTenantPerDay(double usd) {
    return BudgetConfig.builder(ScopeKind.TENANT).limitUsd(usd).window(Window.DAY).build();
  }

  @Test
  void blocksOneTenantAfterItsLimitWhileAnotherIsUnaffected() {
    Budgets b = budgets(usdPerTenantPerDay(1.00));
    for (int i = 0; i < 4; i++) {
      Admission a = b.admit(ACME, 250_000, 0);
      assertEquals(Outcome.ALLOWED, a.outcome(), "call " + i);
      a.settle(250_000, 100);
    }
    Admission refused = b.admit(ACME, 1, 0);
    assertEquals(Outcome.BLOCKED, refused.outcome());
    assertFalse(refused.allowed());
    assertEquals(ScopeKey.of(ScopeKind.TENANT, "acme"), refused.exceededScope());
    assertEquals(usdPerTenantPerDay(1.00), refused.exceededBudget());
    assertEquals("exceeded tenant:acme block spent=1000000 reserved=0 requested=1 limit=1000000",
        listener.events.get(listener.events.size() - 1));

    Admission other = b.admit(GLOBEX, 900_000, 0);
    assertEquals(Outcome.ALLOWED, other.outcome());
    assertEquals(100_000, b.remaining(usdPerTenantPerDay(1.00), ScopeKey.of(ScopeKind.TENANT, "globex")).getAsLong());
    assertEquals(0, b.remaining(usdPerTenantPerDay(1.00), ScopeKey.of(ScopeKind.TENANT, "acme")).getAsLong());
  }

  @Test
  void aCallThatWouldPassTheLimitIsRefusedEvenIfSomeRoomIsLeft() {
    Budgets b = budgets(usdPerTenantPerDay(1.00));
    b.admit(ACME, 700_000, 0).settle(700_000, 0);
    assertEquals(Outcome.BLOCKED, b.admit(ACME, 300_001, 0).outcome());
    assertEquals(Outcome.ALLOWED, b.admit(ACME, 300_000, 0).outcome());
  }

  @Test
  void reservationsInFlightCountAgainstTheLimit() {
    Budgets b = budgets(usdPerTenantPerDay(1.00));
    Admission first = b.admit(ACME, 600_000, 0);
    assertEquals(Outcome.BLOCKED, b.admit(ACME, 600_000, 0).outcome(), "the first call's reservation leaves 400k");
    first.release();
    assertEquals(Outcome.ALLOWED, b.admit(ACME, 600_000, 0).outcome(), "released: its room is back");
  }

  @Test
  void callsWithoutATenantShareTheNoneCounter() {
    Budgets b = budgets(usdPerTenantPerDay(1.00));
    b.admit(CallScope.NONE, 1_000_000, 0).settle(1_000_000, 0);
    Admission a = b.admit(CallScope.of(null, "chat", null, null), 1, 0);
    assertEquals(Outcome.BLOCKED, a.outcome());
    assertEquals("tenant:(none)", a.exceededScope().toString());
    assertEquals(Outcome.ALLOWED, b.admit(ACME, 1, 0).outcome());
  }

  @Test
  void countersAreNamedByScopeUnitWindowAndWindowStart() {
    Budgets b = budgets(usdPerTenantPerDay(1.00),
        BudgetConfig.builder(ScopeKind.TENANT).limitTokens(1000).window(Window.HOUR).build(),
        BudgetConfig.builder(ScopeKind.GLOBAL).limitUsd(100).window(Window.MONTH).build());
    b.admit(CallScope.of("a:b c", null, null, null), 123, 45);
    long now = clock.millis();
    assertEquals(new Counter(0, 123), state.read("airlock:budget:tenant:a%3Ab%20c:usd-day:20261122T0000", now));
    assertEquals(new Counter(0, 45), state.read("airlock:budget:tenant:a%3Ab%20c:tokens-hour:20261122T1000", now));
    assertEquals(new Counter(0, 123), state.read("airlock:budget:global:*:usd-month:20261101T0000", now));
  }

  @Test
  void alertThresholdsFireOncePerWindowEach() {
    BudgetConfig config = BudgetConfig.builder(ScopeKind.TENANT).limitTokens(100).window(Window.DAY).alertAt(0.5, 0.8).build();
    Budgets b = budgets(config);
    long[] settles = {30, 30, 10, 20, 5, 4};
    for (long tokens : settles) {
      b.admit(ACME, 0, tokens).settle(0, tokens);
    }
    assertEquals(Arrays.asList(
        "threshold tenant:acme 0.5 spent=60 limit=100",
        "threshold tenant:acme 0.8 spent=90 limit=100"), listener.events);

    // Another tenant crosses both in a single settle: each fraction is reported.
    listener.events.clear();
    b.admit(GLOBEX, 0, 85).settle(0, 85);
    assertEquals(Arrays.asList(
        "threshold tenant:globex 0.5 spent=85 limit=100",
        "threshold tenant:globex 0.8 spent=85 limit=100"), listener.events);

    // A new window: the same tenant crosses again, and is told again.
    listener.events.clear();
    clock.advance(Duration.ofDays(1));
    b.admit(ACME, 0, 50).settle(0, 50);
    assertEquals(Arrays.asList("threshold tenant:acme 0.5 spent=50 limit=100"), listener.events);
  }

  @Test
  void theWindowRollsOverAtMidnightUtc() {
    clock.set("2026-11-22T23:59:59.500Z");
    Budgets b = budgets(usdPerTenantPerDay(1.00));
    b.admit(ACME, 1_000_000, 0).settle(1_000_000, 0);
    assertEquals(Outcome.BLOCKED, b.admit(ACME, 1, 0).outcome());
    clock.advance(Duration.ofMillis(499));
    assertEquals(Outcome.BLOCKED, b.admit(ACME, 1, 0).outcome(), "still 23:59:59.999");
    clock.advance(Duration.ofMillis(1));
    Admission fresh = b.admit(ACME, 1_000_000, 0);
    assertEquals(Outcome.ALLOWED, fresh.outcome(), "00:00 UTC: a new day");
  }

  @Test
  void aCallSettlesInTheWindowItWasAdmittedIn() {
    clock.set("2026-11-22T23:59:59Z");
    Budgets b = budgets(usdPerTenantPerDay(1.00));
    Admission late = b.admit(ACME, 500_000, 0);
    clock.advance(Duration.ofSeconds(2));
    late.settle(600_000, 0);
    assertEquals(1_000_000, b.remaining(usdPerTenantPerDay(1.00), ScopeKey.of(ScopeKind.TENANT, "acme")).getAsLong());
    assertEquals(new Counter(600_000, 0), state.read("airlock:budget:tenant:acme:usd-day:20261122T0000", clock.millis()));
  }

  @Test
  void downgradeBudgetsLetTheCallGoToTheTargetAndStillCountIt() {
    BudgetConfig feature = BudgetConfig.builder(ScopeKind.FEATURE).limitTokens(1000).window(Window.HOUR)
        .onExceed(OnExceed.downgrade("openai/gpt-4o-mini")).build();
    Budgets b = budgets(feature);
    b.admit(ACME, 0, 900).settle(0, 900);
    Admission a = b.admit(ACME, 0, 200);
    assertEquals(Outcome.DOWNGRADED, a.outcome());
    assertTrue(a.allowed());
    assertEquals("openai/gpt-4o-mini", a.downgradeTo());
    assertEquals(feature, a.exceededBudget());
    assertEquals("feature:chat", a.exceededScope().toString());
    a.settle(0, 150);
    assertEquals(new Counter(1050, 0), state.read("airlock:budget:feature:chat:tokens-hour:20261122T1000", clock.millis()));
    assertEquals(0, b.remaining(feature, ScopeKey.of(ScopeKind.FEATURE, "chat")).getAsLong());
  }

  @Test
  void alertBudgetsFlagTheCallAndLetItThrough() {
    BudgetConfig alert = BudgetConfig.builder(ScopeKind.USER).limitUsd(0.10).window(Window.DAY).onExceed(OnExceed.alert()).build();
    Budgets b = budgets(alert);
    Admission first = b.admit(ACME, 100_000, 0);
    assertEquals(Outcome.ALLOWED, first.outcome());
    first.settle(100_000, 0);
    Admission second = b.admit(ACME, 1, 0);
    assertEquals(Outcome.ALERTED, second.outcome());
    assertTrue(second.allowed());
    assertNull(second.downgradeTo());
    assertEquals("exceeded user:u1 alert spent=100000 reserved=0 requested=1 limit=100000",
        listener.events.get(listener.events.size() - 1));
  }

  @Test
  void blockOutranksDowngradeWhichOutranksAlert() {
    BudgetConfig block = usdPerTenantPerDay(1.00);
    BudgetConfig alert = BudgetConfig.builder(ScopeKind.USER).limitUsd(0.01).window(Window.DAY).onExceed(OnExceed.alert()).build();
    BudgetConfig downgrade = BudgetConfig.builder(ScopeKind.FEATURE).limitUsd(0.01).window(Window.DAY)
        .onExceed(OnExceed.downgrade("cheap")).build();
    Budgets b = budgets(alert, downgrade, block);
    Admission soft = b.admit(ACME, 20_000, 0);
    assertEquals(Outcome.DOWNGRADED, soft.outcome());
    assertEquals(downgrade, soft.exceededBudget());
    soft.release();

    Admission hard = b.admit(ACME, 1_000_001, 0);
    assertEquals(Outcome.BLOCKED, hard.outcome());
    assertEquals(block, hard.exceededBudget());
    // A blocked call reserved nothing, on any budget.
    assertEquals(Outcome.ALLOWED, b.admit(ACME, 10_000, 0).outcome());
  }

  @Test
  void settleReplacesTheEstimateWithTheActualCostEitherWay() {
    BudgetConfig config = usdPerTenantPerDay(1.00);
    Budgets b = budgets(config);
    ScopeKey acme = ScopeKey.of(ScopeKind.TENANT, "acme");
    Admission above = b.admit(ACME, 100_000, 0);
    assertEquals(900_000, b.remaining(config, acme).getAsLong());
    above.settle(150_000, 0);
    assertEquals(850_000, b.remaining(config, acme).getAsLong(), "actual above estimate: the real cost counts");

    Admission below = b.admit(ACME, 100_000, 0);
    below.settle(40_000, 0);
    assertEquals(810_000, b.remaining(config, acme).getAsLong(), "actual below estimate: the rest comes back");

    below.settle(999_999, 0);
    below.release();
    assertEquals(810_000, b.remaining(config, acme).getAsLong(), "an admission ends once");
    assertEquals(new Counter(190_000, 0), state.read("airlock:budget:tenant:acme:usd-day:20261122T0000", clock.millis()));
  }

  @Test
  void tokenBudgetsCountTokensAndUsdBudgetsCountMicroUsd() {
    BudgetConfig usd = usdPerTenantPerDay(1.00);
    BudgetConfig tokens = BudgetConfig.builder(ScopeKind.TENANT).limitTokens(1000).window(Window.DAY).build();
    Budgets b = budgets(usd, tokens);
    b.admit(ACME, 10, 900).settle(20, 990);
    Admission a = b.admit(ACME, 10, 11);
    assertEquals(Outcome.BLOCKED, a.outcome());
    assertEquals(tokens, a.exceededBudget());
    assertEquals(999_980, b.remaining(usd, ScopeKey.of(ScopeKind.TENANT, "acme")).getAsLong());
  }

  @Test
  void noBudgetsAdmitEverythingWithoutTouchingState() {
    Budgets b = Budgets.builder().state(new RefusingState()).build();
    Admission a = b.admit(ACME, Long.MAX_VALUE, Long.MAX_VALUE);
    assertTrue(a.allowed());
    a.settle(1, 1);
    assertTrue(b.isEmpty());
  }

  @Test
  void anUnreachableFailClosedStateRefusesWithoutThrowing() {
    Budgets b = Budgets.builder().add(usdPerTenantPerDay(1.00)).state(new RefusingState()).clock(clock).build();
    Admission a = b.admit(ACME, 1, 1);
    assertEquals(Outcome.UNAVAILABLE, a.outcome());
    assertFalse(a.allowed());
    a.settle(1, 1);
    a.release();
    assertFalse(b.remaining(usdPerTenantPerDay(1.00), ScopeKey.of(ScopeKind.TENANT, "acme")).isPresent());
  }

  @Test
  void listenerFailuresDoNotReachTheCaller() {
    BudgetConfig config = BudgetConfig.builder(ScopeKind.TENANT).limitTokens(10).window(Window.DAY).alertAt(0.5).build();
    Budgets b = Budgets.builder().add(config).clock(clock).listener(new BudgetListener() {
      @Override
      public void onThreshold(BudgetConfig budget, ScopeKey scopeKey, double fraction, long spent, long limit) {
        throw new IllegalStateException("boom");
      }

      @Override
      public void onExceeded(BudgetConfig budget, ScopeKey k, long spent, long reserved, long requested, long limit) {
        throw new IllegalStateException("boom");
      }
    }).build();
    b.admit(ACME, 0, 10).settle(0, 10);
    assertEquals(Outcome.BLOCKED, b.admit(ACME, 0, 1).outcome());
  }

  @Test
  void twoIdenticalBudgetsKeepSeparateCounters() {
    Budgets b = budgets(usdPerTenantPerDay(1.00), usdPerTenantPerDay(1.00));
    b.admit(ACME, 10, 0).settle(10, 0);
    assertEquals(new Counter(10, 0), state.read("airlock:budget:tenant:acme:usd-day:20261122T0000", clock.millis()));
    assertEquals(new Counter(10, 0), state.read("airlock:budget:tenant:acme:usd-day-2:20261122T0000", clock.millis()));
  }

  @Test
  void remainingPerScopeListsTheBudgetsOfThatScope() {
    BudgetConfig day = usdPerTenantPerDay(1.00);
    BudgetConfig hour = BudgetConfig.builder(ScopeKind.TENANT).limitTokens(500).window(Window.HOUR).build();
    BudgetConfig feature = BudgetConfig.builder(ScopeKind.FEATURE).limitTokens(500).window(Window.HOUR).build();
    Budgets b = budgets(day, hour, feature);
    b.admit(ACME, 100, 50).settle(100, 50);
    assertEquals("{" + day + "=999900, " + hour + "=450}", b.remaining(ScopeKey.of(ScopeKind.TENANT, "acme")).toString());
    assertThrows(IllegalArgumentException.class, () -> b.remaining(feature, ScopeKey.of(ScopeKind.TENANT, "acme")));
  }

  @Test
  void configsDescribeThemselves() {
    BudgetConfig c = BudgetConfig.builder(ScopeKind.TENANT).limitUsd(50).window(Window.DAY).alertAt(0.8, 0.5, 0.5).build();
    assertEquals("per tenant 50 USD/day, block, alert at [0.5, 0.8]", c.toString());
    assertEquals(50_000_000, c.limit());
    assertEquals(1, BudgetConfig.microUsd(0.000001));
    assertEquals(100_000, BudgetConfig.microUsd(0.1));
    assertSame(OnExceed.block(), c.onExceed());
    assertThrows(IllegalStateException.class, () -> BudgetConfig.builder(ScopeKind.TENANT).limitUsd(1).build());
    assertThrows(IllegalArgumentException.class, () -> BudgetConfig.builder(ScopeKind.TENANT).alertAt(0));
    assertEquals(ScopeKind.FEATURE, ScopeKind.of("Feature"));
    assertThrows(IllegalArgumentException.class, () -> ScopeKind.of("team"));
  }

  @Test
  void microUsdRoundsTheDecimalHalfUpOnTheFastPathAndAtTies() {
    // Ties as written: 2.5 and 1.5 micro-USD (binary doubles just under or over the half).
    assertEquals(3, BudgetConfig.microUsd(0.0000025));
    assertEquals(2, BudgetConfig.microUsd(0.0000015));
    assertEquals(-3, BudgetConfig.microUsd(-0.0000025));
    // Clear of a tie: the fast path, the same answer as the decimal rule.
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 10_000; i++) {
      double usd = random.nextDouble() * Math.pow(10, random.nextInt(8) - 4);
      long decimal = new java.math.BigDecimal(Double.toString(usd)).movePointRight(6)
          .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
      assertEquals(decimal, BudgetConfig.microUsd(usd), "usd " + usd);
    }
    assertEquals(12_345_678_901_234L, BudgetConfig.microUsd(12_345_678.901234));
  }

  /** A state that is never reachable, like Redis down behind a fail-closed ResilientState. */
  static final class RefusingState implements CounterState {
    @Override
    public Reservation reserve(List<Charge> charges, long nowMillis) {
      throw new StateUnavailableException("down");
    }

    @Override
    public long[] add(List<CounterDelta> deltas, long nowMillis) {
      throw new StateUnavailableException("down");
    }

    @Override
    public Counter read(String key, long nowMillis) {
      throw new StateUnavailableException("down");
    }

    @Override
    public RateGrant acquire(List<RateDraw> draws, long nowMicros) {
      throw new StateUnavailableException("down");
    }

    @Override
    public void adjust(RateGrant grant, long[] deltaMicros, long nowMicros) {
      throw new StateUnavailableException("down");
    }
  }
}
