package dev.airlock.policy;

import static dev.airlock.policy.Policies.render;
import static dev.airlock.policy.Policies.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Budgets, rate limits, state and on_internal_error. */
class BudgetsAndLimitsTest {

  private static Policy load(String... lines) {
    PolicyLoadResult r = yaml(lines);
    assertTrue(r.ok(), r::toString);
    return r.policy().orElseThrow();
  }

  @Test
  void budgetsOfEveryKind() {
    List<BudgetPolicy> budgets =
        load(
                "airlock: 1",
                "name: d",
                "budgets:",
                "  - {per: user, limit: 1.5k tokens/min}",
                "  - {per: model, limit: 100 usd/month, on_exceed: alert, alert_at: 0.9}",
                "  - {per: global, limit: 10 USD/h, on_exceed: {downgrade: openai}}")
            .budgets();
    assertEquals(3, budgets.size());
    BudgetPolicy user = budgets.get(0);
    assertEquals("user", user.per());
    assertEquals(
        BudgetLimit.of(new BigDecimal("1500"), BudgetLimit.Unit.TOKENS, BudgetLimit.Window.MINUTE),
        user.limit());
    assertEquals(OnExceed.block(), user.onExceed());
    assertEquals(List.of(), user.alertAt());
    BudgetPolicy model = budgets.get(1);
    assertEquals(OnExceed.Kind.ALERT, model.onExceed().kind());
    assertEquals(List.of(0.9), model.alertAt());
    assertEquals(BudgetLimit.Window.MONTH, model.limit().window());
    BudgetPolicy global = budgets.get(2);
    assertEquals(OnExceed.downgrade(TargetRef.of("openai")), global.onExceed());
    assertEquals("downgrade:openai", global.onExceed().toString());
  }

  @Test
  void budgetProblems() {
    PolicyLoadResult r =
        yaml(
            "airlock: 1",
            "name: d",
            "budgets:",
            "  - {per: team, limit: 50 dollars/day, alert_at: [0.5, 1, 0]}",
            "  - {per: tenant, on_exceed: downgrade}",
            "  - {limit: 5 USD/day, on_exceed: {downgrade: opnai/gpt-4o-mini, to: x}}",
            "  - {per: tenant, limit: 5 USD/day, on_exceed: blok, alerts: [0.5]}",
            "  - {per: tenant, limit: 5 USD/day, on_exceed: {}}");
    assertEquals(
        "4:11 budgets[0].per: must be one of tenant, feature, user, model, global, got 'team'\n"
            + "4:24 budgets[0].limit: unknown unit 'dollars' in budget limit '50 dollars/day';"
            + " write USD or tokens\n"
            + "4:56 budgets[0].alert_at[1]: must be between 0 and 1 (both excluded), got 1\n"
            + "4:59 budgets[0].alert_at[2]: must be between 0 and 1 (both excluded), got 0\n"
            + "5:5 budgets[1]: missing required key 'limit' (the ceiling, e.g. 50 USD/day or 2M"
            + " tokens/hour)\n"
            + "5:30 budgets[1].on_exceed: downgrade needs a target: write on_exceed: {downgrade:"
            + " provider/model}\n"
            + "6:5 budgets[2]: missing required key 'per' (what the budget is counted per: tenant,"
            + " feature, user, model or global)\n"
            + "6:47 budgets[2].on_exceed.downgrade: unknown provider 'opnai' (did you mean"
            + " 'openai'?); declare it under providers: or use a built-in\n"
            + "6:66 budgets[2].on_exceed.to: unknown key 'to'; allowed here: downgrade\n"
            + "7:48 budgets[3].on_exceed: must be one of block, alert, got 'blok' (did you mean"
            + " 'block'?)\n"
            + "7:54 budgets[3].alerts: unknown key 'alerts'; allowed here: per, limit, on_exceed,"
            + " alert_at\n"
            + "8:48 budgets[4].on_exceed: missing required key 'downgrade' (the cheaper target,"
            + " e.g. openai/gpt-4o-mini)\n",
        render(r.errors()));
    PolicyProblem downgrade = r.errors().get(7);
    assertEquals(Optional.of("openai/gpt-4o-mini"), downgrade.suggestion());
  }

  @Test
  void budgetModelInvariants() {
    BudgetLimit limit = PolicyValues.budgetLimit("1 USD/day");
    assertThrows(IllegalArgumentException.class, () -> BudgetPolicy.builder("team", limit).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> BudgetPolicy.builder("tenant", limit).alertAt(List.of(1.0)).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> BudgetLimit.of(BigDecimal.ZERO, BudgetLimit.Unit.USD, BudgetLimit.Window.DAY));
    assertEquals(
        PolicyValues.budgetLimit("2M tokens/hour"), PolicyValues.budgetLimit("2000k tokens/h"));
  }

  @Test
  void rateLimits() {
    List<RateLimitPolicy> limits =
        load(
                "airlock: 1",
                "name: d",
                "rate_limits:",
                "  - {per: feature, tokens: 1M/hour}",
                "  - {per: global, requests: 10/s, on_limit: wait, max_wait: 2s}",
                "  - {per: user, requests: 5/day, on_limit: reject}")
            .rateLimits();
    assertEquals(3, limits.size());
    assertEquals(Optional.empty(), limits.get(0).requests());
    assertEquals(Optional.of(Rate.of(1_000_000, Duration.ofHours(1))), limits.get(0).tokens());
    assertEquals(RateLimitPolicy.Mode.REJECT, limits.get(0).mode());
    assertEquals(Duration.ofSeconds(5), limits.get(0).maxWait());
    assertEquals(RateLimitPolicy.Mode.WAIT, limits.get(1).mode());
    assertEquals(Duration.ofSeconds(2), limits.get(1).maxWait());
    assertEquals(Optional.of(Rate.of(10, Duration.ofSeconds(1))), limits.get(1).requests());
    assertEquals("user", limits.get(2).per());
    assertEquals(RateLimitPolicy.Mode.REJECT, limits.get(2).mode());
  }

  @Test
  void rateLimitProblems() {
    PolicyLoadResult r =
        yaml(
            "airlock: 1",
            "name: d",
            "rate_limits:",
            "  - {per: tenant}",
            "  - {per: tenant, requests: 600 per minute, tokens: 0/min, on_limit: queue}",
            "  - {per: tenant, requests: 5/s, max_wait: 0ms, burst: 3}",
            "  - {requests: 5/s}");
    assertEquals(
        "4:5 rate_limits[0]: a rate limit needs 'requests', 'tokens' or both, e.g. requests:"
            + " 600/min\n"
            + "5:29 rate_limits[1].requests: must be a rate such as 600/min, 200k/min or 10/s (a"
            + " count, '/', and s, min, hour or day), got '600 per minute'\n"
            + "5:53 rate_limits[1].tokens: rate '0/min' must be more than zero (to refuse every"
            + " request, use a route with deny)\n"
            + "5:70 rate_limits[1].on_limit: must be one of reject, wait, got 'queue'\n"
            + "6:44 rate_limits[2].max_wait: must be longer than zero, got '0ms'\n"
            + "6:49 rate_limits[2].burst: unknown key 'burst'; allowed here: per, requests, tokens,"
            + " on_limit, max_wait\n"
            + "7:5 rate_limits[3]: missing required key 'per' (what the limit is counted per:"
            + " tenant, feature, user, model or global)\n",
        render(r.errors()));

    PolicyLoadResult noEffect =
        yaml("airlock: 1", "name: d", "rate_limits: [{per: tenant, requests: 5/s, max_wait: 1s}]");
    assertTrue(noEffect.ok(), noEffect::toString);
    assertEquals(
        "3:54 rate_limits[0].max_wait: has no effect unless on_limit is wait (requests over the"
            + " limit are rejected at once)\n",
        render(noEffect.warnings()));
  }

  @Test
  void state() {
    assertEquals(StatePolicy.memory(), load("airlock: 1", "name: d", "state: memory").state());
    StatePolicy redis =
        load("airlock: 1", "name: d", "state: redis://redis.acme.internal:6379").state();
    assertEquals(StatePolicy.Kind.REDIS, redis.kind());
    assertEquals(Optional.of(URI.create("redis://redis.acme.internal:6379")), redis.redisUri());
    StatePolicy tls =
        load("airlock: 1", "name: d", "state: rediss://cache.internal:6380/2").state();
    assertEquals(URI.create("rediss://cache.internal:6380/2"), tls.redisUri().get());
    assertEquals("rediss://cache.internal:6380/2", tls.toString());
    assertEquals("memory", StatePolicy.memory().toString());
  }

  @Test
  void stateProblemsNeverEchoCredentials() {
    String[] bad = {
      "memroy",
      "postgres://db:5432",
      "'redis://:hunter2@redis.internal:6379'",
      "redis://:6379",
      "redis://redis.internal:6379/cache",
      "'redis://redis.internal:6379?timeout=1'",
      "42"
    };
    String[] expected = {
      "must be memory or a Redis URL, redis://host:port (rediss:// for TLS), got 'memroy' (did"
          + " you mean 'memory'?)",
      "must be memory or a Redis URL, redis://host:port (rediss:// for TLS); scheme 'postgres' is"
          + " not supported",
      "must not contain credentials (user:password@): they would end up in logs and version"
          + " control",
      "must include a host name, e.g. redis://redis.internal:6379",
      "the path may only be a database number, e.g. redis://host:6379/0",
      "must not contain a query ('?...') or fragment ('#...')",
      "must be a string, got a number (quote it: \"42\")"
    };
    for (int i = 0; i < bad.length; i++) {
      PolicyLoadResult r = yaml("airlock: 1", "name: d", "state: " + bad[i]);
      assertEquals("3:8 state: " + expected[i] + "\n", render(r.errors()), bad[i]);
    }
    assertTrue(
        !yaml("airlock: 1", "name: d", "state: 'redis://:hunter2@r:1'")
            .toString()
            .contains("hunter2"));
    assertThrows(
        IllegalArgumentException.class, () -> StatePolicy.redis(URI.create("redis://u:p@r:1")));
    assertThrows(IllegalArgumentException.class, () -> StatePolicy.redis(URI.create("http://r:1")));
  }
}
