package dev.airlock.agent.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.state.MemoryState;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private static final CallScope ACME = CallScope.of("acme", "chat", "u1", "gpt-4o");
  private static final CallScope GLOBEX = CallScope.of("globex", "chat", "u2", "gpt-4o");

  private final FakeClock clock = new FakeClock("2026-11-22T10:15:30Z");
  private final MemoryState state = new MemoryState();

  private RateLimiter limiter(RateLimitConfig... configs) {
    RateLimiter.Builder b = RateLimiter.builder().state(state).clock(clock).sleeper(clock);
    for (RateLimitConfig c : configs) {
      b.add(c);
    }
    return b.build();
  }

  @Test
  void requestsPerMinuteRejectTheNextOneWithARetryAfter() {
    RateLimitConfig fivePerMinute = RateLimitConfig.builder(ScopeKind.TENANT).requests(5, Duration.ofMinutes(1)).build();
    RateLimiter limiter = limiter(fivePerMinute);
    for (int i = 0; i < 5; i++) {
      assertTrue(limiter.acquire(ACME, 0).allowed(), "request " + (i + 1));
    }
    Permit sixth = limiter.acquire(ACME, 0);
    assertEquals(Permit.Outcome.REJECTED, sixth.outcome());
    assertEquals(Duration.ofSeconds(12), sixth.retryAfter(), "one request comes back every 60 s / 5");
    assertEquals(fivePerMinute, sixth.limitedBy());
    assertEquals("tenant:acme", sixth.limitedScope().toString());
    assertTrue(limiter.acquire(GLOBEX, 0).allowed(), "another tenant has its own allowance");

    clock.advance(Duration.ofSeconds(12).minusMillis(1));
    assertFalse(limiter.acquire(ACME, 0).allowed(), "not yet");
    clock.advance(Duration.ofMillis(1));
    assertTrue(limiter.acquire(ACME, 0).allowed(), "after the retry-after it fits");
    assertFalse(limiter.acquire(ACME, 0).allowed());

    clock.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 5; i++) {
      assertTrue(limiter.acquire(ACME, 0).allowed(), "a minute later the whole allowance is back: " + (i + 1));
    }
  }

  @Test
  void rejectedCallsTakeNothing() {
    RateLimiter limiter = limiter(RateLimitConfig.builder(ScopeKind.TENANT).requests(2, Duration.ofSeconds(10)).build());
    limiter.acquire(ACME, 0);
    limiter.acquire(ACME, 0);
    for (int i = 0; i < 10; i++) {
      assertEquals(Duration.ofSeconds(5), limiter.acquire(ACME, 0).retryAfter());
    }
  }

  @Test
  void waitModeWaitsForRoomThenAdmits() {
    RateLimiter limiter = limiter(RateLimitConfig.builder(ScopeKind.TENANT).requests(5, Duration.ofMinutes(1))
        .waitUpTo(Duration.ofSeconds(15)).build());
    for (int i = 0; i < 5; i++) {
      assertEquals(Duration.ZERO, limiter.acquire(ACME, 0).waited());
    }
    long before = clock.millis();
    Permit sixth = limiter.acquire(ACME, 0);
    assertTrue(sixth.allowed());
    assertEquals(Duration.ofSeconds(12), sixth.waited());
    assertEquals(12_000, clock.millis() - before, "the caller's thread slept until its turn");

    Permit seventh = limiter.acquire(ACME, 0);
    assertTrue(seventh.allowed());
    assertEquals(Duration.ofSeconds(12), seventh.waited(), "booked after the sixth");
  }

  @Test
  void waitModeRefusesWhenTheTurnIsBeyondTheMaximumWait() {
    RateLimiter limiter = limiter(RateLimitConfig.builder(ScopeKind.TENANT).requests(5, Duration.ofMinutes(1))
        .waitUpTo(Duration.ofSeconds(10)).build());
    for (int i = 0; i < 5; i++) {
      limiter.acquire(ACME, 0);
    }
    long before = clock.millis();
    Permit sixth = limiter.acquire(ACME, 0);
    assertEquals(Permit.Outcome.REJECTED, sixth.outcome());
    assertEquals(Duration.ofSeconds(12), sixth.retryAfter());
    assertEquals(before, clock.millis(), "no waiting when waiting cannot help");
  }

  @Test
  void waitModeReallySleepsWithTheSystemSleeper() {
    RateLimiter limiter = RateLimiter.builder().clock(Clock.systemUTC())
        .add(RateLimitConfig.builder(ScopeKind.GLOBAL).requests(2, Duration.ofSeconds(2)).waitUpTo(Duration.ofSeconds(5)).build())
        .build();
    limiter.acquire(ACME, 0);
    limiter.acquire(ACME, 0);
    long start = System.nanoTime();
    Permit third = limiter.acquire(ACME, 0);
    long elapsed = System.nanoTime() - start;
    assertTrue(third.allowed());
    assertTrue(third.waited().toNanos() > 0, "the third request had to wait");
    assertTrue(elapsed >= third.waited().toNanos(), "and acquire held the thread that long");
  }

  @Test
  void interruptedWaitsGiveTheirPlaceBack() {
    RateLimiter limiter = RateLimiter.builder().state(state).clock(clock)
        .sleeper(d -> {
          throw new InterruptedException();
        })
        .add(RateLimitConfig.builder(ScopeKind.TENANT).requests(1, Duration.ofSeconds(10)).waitUpTo(Duration.ofSeconds(30)).build())
        .build();
    limiter.acquire(ACME, 0);
    Permit interrupted = limiter.acquire(ACME, 0);
    assertTrue(Thread.interrupted(), "the interrupt flag is kept (and cleared here)");
    assertEquals(Permit.Outcome.REJECTED, interrupted.outcome());
    clock.advance(Duration.ofSeconds(10));
    Permit next = limiter.acquire(ACME, 0);
    assertTrue(next.allowed());
    assertEquals(Duration.ZERO, next.waited(), "the interrupted call's place was given back");
  }

  @Test
  void tokenLimitsChargeTheEstimateAndSettleTheActualTokens() {
    RateLimiter limiter = limiter(RateLimitConfig.builder(ScopeKind.TENANT).tokens(1000, Duration.ofMinutes(1)).build());
    Permit big = limiter.acquire(ACME, 800);
    assertTrue(big.allowed());
    Permit refused = limiter.acquire(ACME, 300);
    assertFalse(refused.allowed());
    assertEquals(Duration.ofSeconds(6), refused.retryAfter(), "100 tokens too many, at 60 ms per token");

    big.settle(200);
    assertTrue(limiter.acquire(ACME, 300).allowed(), "the over-estimate gave 600 tokens back");
    // 500 tokens used; an under-estimate is charged in full on settle.
    Permit small = limiter.acquire(ACME, 100);
    assertTrue(small.allowed());
    small.settle(500);
    Permit full = limiter.acquire(ACME, 1);
    assertFalse(full.allowed(), "1000 tokens used: the next one waits for one to come back");
    assertEquals(Duration.ofMillis(60), full.retryAfter());
    small.settle(0);
    assertFalse(limiter.acquire(ACME, 1).allowed(), "a permit settles once");
  }

  @Test
  void aCallLargerThanTheWholeAllowancePassesWhenTheBucketIsFull() {
    RateLimiter limiter = limiter(RateLimitConfig.builder(ScopeKind.TENANT).tokens(1000, Duration.ofMinutes(1)).build());
    assertTrue(limiter.acquire(ACME, 5000).allowed());
    Permit next = limiter.acquire(ACME, 1);
    assertFalse(next.allowed());
    assertEquals(Duration.ofSeconds(240).plusMillis(60), next.retryAfter(), "the oversize call is paid off first");
  }

  @Test
  void requestAndTokenLimitsApplyTogether() {
    RateLimitConfig both = RateLimitConfig.builder(ScopeKind.TENANT)
        .requests(600, Duration.ofMinutes(1)).tokens(200_000, Duration.ofMinutes(1)).build();
    RateLimitConfig perUser = RateLimitConfig.builder(ScopeKind.USER).requests(1, Duration.ofSeconds(1)).build();
    RateLimiter limiter = limiter(both, perUser);
    assertTrue(limiter.acquire(ACME, 150_000).allowed());
    Permit tokens = limiter.acquire(CallScope.of("acme", null, "u2", null), 60_000);
    assertFalse(tokens.allowed());
    assertEquals(both, tokens.limitedBy());
    Permit user = limiter.acquire(ACME, 10);
    assertFalse(user.allowed());
    assertEquals(perUser, user.limitedBy());
    assertEquals("user:u1", user.limitedScope().toString());
    assertEquals("per tenant 600 requests/60s, 200000 tokens/60s, reject", both.toString());
  }

  @Test
  void noLimitsAllowEverything() {
    RateLimiter limiter = RateLimiter.builder().state(new BudgetsTest.RefusingState()).build();
    Permit p = limiter.acquire(ACME, Long.MAX_VALUE);
    assertTrue(p.allowed());
    assertNull(p.limitedBy());
    p.settle(5);
  }

  @Test
  void anUnreachableFailClosedStateRefusesWithoutThrowing() {
    RateLimiter limiter = RateLimiter.builder().state(new BudgetsTest.RefusingState()).clock(clock)
        .add(RateLimitConfig.builder(ScopeKind.TENANT).requests(5, Duration.ofMinutes(1)).build()).build();
    Permit p = limiter.acquire(ACME, 1);
    assertEquals(Permit.Outcome.UNAVAILABLE, p.outcome());
    assertFalse(p.allowed());
    assertTrue(p.retryAfter().toMillis() > 0);
    p.settle(1);
  }
}
