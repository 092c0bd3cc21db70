package dev.airlock.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The model built in code: defaults, invariants, value equality, immutability. */
class PolicyModelTest {

  @Test
  void policyBuilderCarriesEveryNewSection() {
    RoutePolicy route = RoutePolicy.builder("r").to(List.of(TargetRef.of("openai"))).build();
    BudgetPolicy budget =
        BudgetPolicy.builder("tenant", PolicyValues.budgetLimit("5 USD/day")).build();
    RateLimitPolicy limit =
        RateLimitPolicy.builder("global").requests(PolicyValues.rate("10/s")).build();
    Policy p =
        Policy.builder()
            .name("code")
            .route(route)
            .resilience(ResiliencePolicy.builder().build())
            .cache(CachePolicy.builder().exact(ExactCachePolicy.builder().build()).build())
            .budget(budget)
            .rateLimit(limit)
            .state(StatePolicy.redis(URI.create("redis://r:6379")))
            .onInternalError(OnInternalError.BLOCK)
            .build();
    assertEquals(List.of(route), p.routes());
    assertEquals(List.of(budget), p.budgets());
    assertEquals(List.of(limit), p.rateLimits());
    assertEquals(StatePolicy.Kind.REDIS, p.state().kind());
    assertEquals(OnInternalError.BLOCK, p.onInternalError());
    assertTrue(p.resilience().isPresent());
    assertTrue(p.cache().get().exact().isPresent());
    assertFalse(p.cache().get().semantic().isPresent());
    assertThrows(UnsupportedOperationException.class, () -> p.routes().add(route));
    assertThrows(UnsupportedOperationException.class, () -> p.budgets().clear());
    assertThrows(UnsupportedOperationException.class, () -> p.rateLimits().clear());
  }

  @Test
  void collectionsHandedToBuildersAreCopied() {
    List<TargetRef> chain = new ArrayList<>(List.of(TargetRef.of("openai")));
    RoutePolicy route = RoutePolicy.builder("r").to(chain).build();
    chain.add(TargetRef.of("anthropic"));
    assertEquals(1, route.to().size());
    assertThrows(UnsupportedOperationException.class, () -> route.to().add(TargetRef.of("x")));
    RouteMatch m = RouteMatch.builder().header("X-Team", "blue").build();
    assertThrows(UnsupportedOperationException.class, () -> m.headers().put("a", "b"));
    assertThrows(UnsupportedOperationException.class, () -> m.models().add("x"));
  }

  @Test
  void routeDefaults() {
    RoutePolicy r = RoutePolicy.builder("r").build();
    assertTrue(r.when().isEmpty());
    assertEquals(List.of(), r.to());
    assertFalse(r.deny().isPresent());
    assertFalse(r.canary().isPresent());
    assertFalse(r.shadow().isPresent());
    assertFalse(r.requireRegion().isPresent());
    assertFalse(r.piiAction().isPresent());
    assertEquals(0, r.line());
  }

  @Test
  void anySingleConditionMakesAMatchNonEmpty() {
    List<Consumer<RouteMatch.Builder>> conditions =
        List.of(
            b -> b.providers(List.of("openai")),
            b -> b.endpoints(List.of("chat")),
            b -> b.models(List.of("m")),
            b -> b.tenants(List.of("t")),
            b -> b.features(List.of("f")),
            b -> b.users(List.of("u")),
            b -> b.callers(List.of("c")),
            b -> b.header("h", "v"),
            b -> b.stream(false),
            b -> b.minPromptTokens(1L),
            b -> b.maxPromptTokens(1L),
            b -> b.pii(List.of("email")),
            b -> b.injectionAtLeast(0.0));
    for (Consumer<RouteMatch.Builder> c : conditions) {
      RouteMatch.Builder b = RouteMatch.builder();
      c.accept(b);
      RouteMatch m = b.build();
      assertFalse(m.isEmpty(), m::toString);
      assertNotEquals(RouteMatch.any(), m);
    }
    assertTrue(RouteMatch.any().isEmpty());
    assertThrows(
        IllegalArgumentException.class,
        () -> RouteMatch.builder().minPromptTokens(10L).maxPromptTokens(5L).build());
    assertThrows(
        IllegalArgumentException.class, () -> RouteMatch.builder().endpoints(List.of("chats")));
    assertThrows(
        IllegalArgumentException.class, () -> RouteMatch.builder().injectionAtLeast(2.0).build());
  }

  @Test
  void canaryAndShadowInvariants() {
    TargetRef t = TargetRef.of("openai");
    CanaryPolicy c = CanaryPolicy.builder(t, 5).build();
    assertFalse(c.rollbackErrorRate().isPresent());
    assertEquals(10, c.rollbackMinimumCalls());
    assertEquals(Duration.ofMinutes(5), c.rollbackWindow());
    assertEquals("tenant", c.stickyBy());
    assertThrows(IllegalArgumentException.class, () -> CanaryPolicy.builder(t, 0).build());
    assertThrows(IllegalArgumentException.class, () -> CanaryPolicy.builder(t, 100.5).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> CanaryPolicy.builder(t, 5).rollbackErrorRate(0.0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> CanaryPolicy.builder(t, 5).stickyBy("session").build());
    assertEquals(100.0, ShadowPolicy.of(t).percent());
    assertThrows(IllegalArgumentException.class, () -> ShadowPolicy.of(t, 0));
  }

  @Test
  void valuesCompareByValue() {
    assertEquals(TargetRef.parse("openai/gpt-4o"), TargetRef.of("openai", "gpt-4o"));
    assertEquals(
        TargetRef.parse("openai/gpt-4o").hashCode(), TargetRef.of("openai", "gpt-4o").hashCode());
    assertNotEquals(TargetRef.parse("openai"), TargetRef.parse("openai/gpt-4o"));
    BudgetLimit a =
        BudgetLimit.of(new BigDecimal("50"), BudgetLimit.Unit.USD, BudgetLimit.Window.DAY);
    BudgetLimit b =
        BudgetLimit.of(new BigDecimal("50.00"), BudgetLimit.Unit.USD, BudgetLimit.Window.DAY);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(
        a, BudgetLimit.of(new BigDecimal("50"), BudgetLimit.Unit.USD, BudgetLimit.Window.MONTH));
    assertEquals("tokens", BudgetLimit.Unit.TOKENS.id());
    assertEquals("month", BudgetLimit.Window.MONTH.id());
    assertEquals(Rate.of(60, Duration.ofMinutes(1)), PolicyValues.rate("60/minute"));
    assertNotEquals(Rate.of(60, Duration.ofMinutes(1)), Rate.of(1, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> Rate.of(0, Duration.ofSeconds(1)));
    assertEquals("block", OnExceed.block().toString());
    assertEquals(OnExceed.Kind.ALERT, OnExceed.alert().kind());
    assertEquals("wait", RateLimitPolicy.Mode.WAIT.id());
    assertEquals("redis", StatePolicy.Kind.REDIS.id());
  }

  @Test
  void rateLimitsNeedARate() {
    assertThrows(IllegalArgumentException.class, () -> RateLimitPolicy.builder("tenant").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> RateLimitPolicy.builder("team").tokens(PolicyValues.rate("1/s")).build());
  }
}
