package dev.airlock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.it.TelemetryFile.SpanRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Budgets and rate limits end to end: separate JVMs (replicas of one app) share one budget
 * through a real Redis; a tenant's spent budget blocks that tenant only; a rate limit answers the
 * provider's own 429; Redis going away does not break the app.
 */
class SpendIT extends WithMockProvider {

  private AppRun.Result chat(String tenant, String spend, Path telemetry, String... scenarios) throws Exception {
    Path policyDir = dir.resolve(tenant + "-" + System.nanoTime());
    java.nio.file.Files.createDirectories(policyDir);
    String extra = "identity:\n  tenant: [static:" + tenant + "]\n" + spend;
    return AppRun.of("openai-app").args(scenarios)
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1").env("OPENAI_API_KEY", "sk-test")
        .withAgent("policy=" + MockPolicy.write(policyDir, mock.port(), extra) + ",telemetry=" + telemetry).run();
  }

  private static long answered(AppRun.Result run) {
    return run.stdout.lines().filter(l -> l.contains("You said")).count();
  }

  @Test
  void replicasSharingRedisEnforceOneBudgetPerTenant() throws Exception {
    try (LocalRedis redis = LocalRedis.start()) {
      // A probe call measures this request's estimate and real cost, so the limit can sit between them.
      Path probe = dir.resolve("probe.jsonl");
      AppRun.Result measured = chat("probe", "budgets:\n  - {per: tenant, limit: 100 USD/day}\nstate: " + redis.uri()
          + "\n", probe, "chat");
      assertEquals(0, measured.exitCode, measured.toString());
      SpanRecord span = TelemetryFile.read(probe).spans.get(0);
      double estimate = span.doubleAttr("airlock.budget.estimate_usd");
      double cost = span.doubleAttr("airlock.cost.usd");
      assertTrue(estimate > cost, "the estimate bounds the real cost");
      // Admitted while spent + estimate <= limit: two calls fit, the third does not.
      double limit = estimate + 1.5 * cost;
      String budget = String.format(Locale.ROOT, "budgets:\n  - {per: tenant, limit: %.9f USD/day, on_exceed: block}\n"
          + "state: %s\n", limit, redis.uri());

      AppRun.Result acme = chat("acme", budget, dir.resolve("a.jsonl"), "chat", "chat", "chat");
      assertEquals(2, answered(acme), acme.stdout);
      assertTrue(acme.stdout.contains("Blocked by Airlock policy rule 'budget:tenant"), acme.stdout);
      List<TelemetryFile.Point> remaining = TelemetryFile.read(dir.resolve("a.jsonl")).metrics
          .get("airlock.budget.remaining");
      assertTrue(remaining != null && remaining.stream().anyMatch(point -> "tenant:acme".equals(
          point.attributes.get("airlock.scope")) && point.value < limit - cost), "the remaining budget is a gauge: "
          + remaining);
      AppRun.Result globex = chat("globex", budget, dir.resolve("g.jsonl"), "chat", "chat");
      assertEquals(2, answered(globex), "another tenant is unaffected: " + globex.stdout);
      AppRun.Result acmeAgain = chat("acme", budget, dir.resolve("a2.jsonl"), "chat");
      assertEquals(0, answered(acmeAgain), "a second replica sees what the first spent: " + acmeAgain.stdout);
      assertEquals(1 + 2 + 2, mock.requests().size(), "blocked calls never reach the provider");
    }
  }

  @Test
  void aRateLimitAnswersTheProvidersOwn429() throws Exception {
    AppRun.Result run = chat("acme", "rate_limits:\n  - {per: tenant, requests: 2/min}\n", dir.resolve("t.jsonl"),
        "chat", "chat", "chat");
    assertEquals(2, answered(run), run.stdout);
    assertTrue(run.stdout.contains("RateLimitException") && run.stdout.contains("rate_limit:tenant:acme"), run.stdout);
    assertEquals(2, mock.requests().size());
  }

  @Test
  void anUnreachableRedisFallsBackToLocalStateWithoutBreakingTheApp() throws Exception {
    int deadPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    AppRun.Result run = chat("acme", "budgets:\n  - {per: tenant, limit: 100 USD/day}\nstate: redis://127.0.0.1:"
        + deadPort + "\n", dir.resolve("t.jsonl"), "chat", "chat");
    assertEquals(0, run.exitCode, run.toString());
    assertEquals(2, answered(run));
    assertTrue(run.stderr.contains("local state"), "the agent says it fell back: " + run.stderr);
  }
}
