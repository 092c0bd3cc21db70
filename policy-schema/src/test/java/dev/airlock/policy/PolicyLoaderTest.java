package dev.airlock.policy;

import static dev.airlock.policy.Policies.lines;
import static dev.airlock.policy.Policies.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

  @Test
  void minimalPolicyLoads() {
    PolicyLoadResult r = yaml("airlock: 1", "name: demo");
    assertTrue(r.ok(), r::toString);
    assertEquals(0, r.errors().size());
    assertEquals(0, r.warnings().size());
    Policy p = r.policy().orElseThrow();
    assertEquals(1, p.formatVersion());
    assertEquals("demo", p.name());
    assertEquals(Optional.empty(), p.version());
    assertEquals("policy.yaml", p.sourceName());
    assertTrue(p.providers().isEmpty());
    assertTrue(p.models().isEmpty());
    // A built-in needs no entry: the policy still knows it.
    ProviderSpec openai = p.provider("openai").orElseThrow();
    assertEquals(WireFormat.OPENAI, openai.format());
    assertEquals(Optional.of(URI.create("https://api.openai.com/v1")), openai.baseUrl());
    assertEquals(Optional.empty(), p.provider("no-such-provider"));
  }

  @Test
  void sha256IsOfTheExactFileBytes() {
    // Expected value from `printf 'airlock: 1\nname: demo\n' | sha256sum`.
    PolicyLoadResult r = yaml("airlock: 1", "name: demo");
    assertEquals(
        "a74eecbc425bf5ee91a4d835548354e724e1bb493372d6f85299da5ac954826c",
        r.policy().orElseThrow().sha256());
    // One more byte (a comment) is another file, so another hash.
    PolicyLoadResult other = yaml("airlock: 1", "name: demo", "#");
    assertFalse(r.policy().get().sha256().equals(other.policy().orElseThrow().sha256()));
  }

  @Test
  void exampleEnforcedSectionsLoadWhenUnenforcedSectionsAreRemoved() {
    String text = Policies.withoutUnenforcedSections(Policies.example());
    PolicyLoadResult r = Policies.parse("policy-example.yaml", text);
    assertTrue(r.ok(), r::toString);
    assertEquals(List.of(), r.warnings(), r::toString);
    Policy p = r.policy().orElseThrow();
    assertEquals("acme-support-assistant", p.name());
    assertEquals(Optional.of("2026-11-22.1"), p.version());
    assertEquals(
        List.of("eu-llama", "openai", "anthropic"), new ArrayList<>(p.providers().keySet()));

    ProviderSpec eu = p.providers().get("eu-llama");
    assertEquals(WireFormat.OPENAI, eu.format());
    assertEquals(Optional.of(URI.create("https://llm.eu-central.acme.internal/v1")), eu.baseUrl());
    assertEquals(Optional.of(SecretRef.env("EU_LLM_KEY")), eu.apiKey());
    assertEquals(Optional.of("eu"), eu.region());
    assertFalse(eu.isBuiltin());

    ProviderSpec openai = p.providers().get("openai");
    assertTrue(openai.isBuiltin());
    assertEquals(Optional.of("us"), openai.region());
    assertEquals(Optional.of(URI.create("https://api.openai.com/v1")), openai.baseUrl());
    ProviderSpec anthropic = p.providers().get("anthropic");
    assertEquals(WireFormat.ANTHROPIC, anthropic.format());
    assertEquals(Optional.of(URI.create("https://api.anthropic.com")), anthropic.baseUrl());

    ModelPrice llama = p.modelPrice("llama-3.3-70b").orElseThrow();
    assertEquals(0, llama.inputPerMillion().compareTo(new BigDecimal("0.20")));
    assertEquals(0, llama.outputPerMillion().compareTo(new BigDecimal("0.60")));
    assertEquals(Optional.empty(), llama.cachedInputPerMillion());
  }

  /** Every section the example writes that this version enforces, value by value. */
  @Test
  void exampleRoutingResilienceCacheBudgetsLimitsAndStateAreRead() {
    String text = Policies.withoutUnenforcedSections(Policies.example());
    assertTrue(text.contains("routes:") && text.contains("audit:"), text);
    Policy p = Policies.parse("policy-example.yaml", text).policy().orElseThrow();

    List<RoutePolicy> routes = p.routes();
    assertEquals(3, routes.size());
    RoutePolicy eu = routes.get(0);
    assertEquals("sensitive-stays-in-eu", eu.name());
    assertEquals(40, eu.line());
    assertEquals(List.of("iban", "us_ssn", "customer_id"), eu.when().pii());
    assertEquals(List.of(TargetRef.of("eu-llama", "llama-3.3-70b")), eu.to());
    assertEquals(Optional.of(PiiPolicy.Action.DETECT), eu.piiAction());
    assertEquals(Optional.of("eu"), eu.requireRegion());
    assertEquals(Optional.empty(), eu.canary());
    assertEquals(Optional.empty(), eu.deny());

    RoutePolicy triage = routes.get(1);
    assertEquals("cheap-triage", triage.name());
    assertEquals(45, triage.line());
    assertEquals(List.of("com.acme.triage.*"), triage.when().features());
    assertEquals(List.of("gpt-4o*"), triage.when().models());
    assertTrue(triage.when().pii().isEmpty());
    assertEquals(List.of(TargetRef.parse("openai/gpt-4o-mini")), triage.to());
    assertEquals(Optional.empty(), triage.piiAction());

    RoutePolicy def = routes.get(2);
    assertEquals("default", def.name());
    assertEquals(48, def.line());
    assertTrue(def.when().isEmpty());
    assertEquals(
        List.of(TargetRef.of("openai"), TargetRef.of("anthropic", "claude-3-5-haiku-latest")),
        def.to());
    assertEquals(Optional.empty(), def.to().get(0).model());
    CanaryPolicy canary = def.canary().orElseThrow();
    assertEquals(TargetRef.of("openai", "gpt-4.1-mini"), canary.to());
    assertEquals(5.0, canary.percent());
    assertEquals(0.2, canary.rollbackErrorRate().getAsDouble());
    assertEquals(10, canary.rollbackMinimumCalls());
    assertEquals(Duration.ofMinutes(5), canary.rollbackWindow());
    assertEquals("tenant", canary.stickyBy());
    assertEquals(Optional.empty(), def.shadow());

    ResiliencePolicy resilience = p.resilience().orElseThrow();
    assertEquals(Duration.ofSeconds(30), resilience.timeout());
    assertEquals(Duration.ofSeconds(10), resilience.idleTimeout());
    RetryPolicy retry = resilience.retry().orElseThrow();
    assertEquals(3, retry.maxAttempts());
    assertEquals(Duration.ofMillis(200), retry.backoffMin());
    assertEquals(Duration.ofSeconds(5), retry.backoffMax());
    assertEquals(
        List.of("429", "500", "502", "503", "504", "timeout", "connect"),
        new ArrayList<>(retry.on()));
    BreakerPolicy breaker = resilience.circuitBreaker().orElseThrow();
    assertEquals(0.5, breaker.failureRate());
    assertEquals(20, breaker.minimumCalls());
    assertEquals(Duration.ofSeconds(30), breaker.openFor());
    assertEquals(1, breaker.halfOpenCalls());
    assertEquals(
        Optional.of("The assistant is busy right now. Please try again in a minute."),
        resilience.degradeMessage());

    CachePolicy cache = p.cache().orElseThrow();
    ExactCachePolicy exact = cache.exact().orElseThrow();
    assertEquals(Duration.ofHours(1), exact.ttl());
    assertEquals(256L * 1024 * 1024, exact.maxBytes());
    assertEquals("deterministic", exact.when());
    SemanticCachePolicy semantic = cache.semantic().orElseThrow();
    assertEquals(0.95, semantic.threshold());
    assertEquals(Duration.ofHours(1), semantic.ttl());
    assertFalse(semantic.allowPii());

    assertEquals(2, p.budgets().size());
    BudgetPolicy perTenant = p.budgets().get(0);
    assertEquals("tenant", perTenant.per());
    assertEquals(0, perTenant.limit().amount().compareTo(new BigDecimal("50")));
    assertEquals(BudgetLimit.Unit.USD, perTenant.limit().unit());
    assertEquals(BudgetLimit.Window.DAY, perTenant.limit().window());
    assertEquals(OnExceed.Kind.BLOCK, perTenant.onExceed().kind());
    assertEquals(Optional.empty(), perTenant.onExceed().downgradeTo());
    assertEquals(List.of(0.5, 0.8), perTenant.alertAt());
    BudgetPolicy perFeature = p.budgets().get(1);
    assertEquals("feature", perFeature.per());
    assertEquals(0, perFeature.limit().amount().compareTo(new BigDecimal("2000000")));
    assertEquals(BudgetLimit.Unit.TOKENS, perFeature.limit().unit());
    assertEquals(BudgetLimit.Window.HOUR, perFeature.limit().window());
    assertEquals(OnExceed.Kind.DOWNGRADE, perFeature.onExceed().kind());
    assertEquals(
        Optional.of(TargetRef.of("openai", "gpt-4o-mini")), perFeature.onExceed().downgradeTo());
    assertEquals(List.of(), perFeature.alertAt());

    assertEquals(1, p.rateLimits().size());
    RateLimitPolicy limit = p.rateLimits().get(0);
    assertEquals("tenant", limit.per());
    assertEquals(Optional.of(Rate.of(600, Duration.ofMinutes(1))), limit.requests());
    assertEquals(Optional.of(Rate.of(200_000, Duration.ofMinutes(1))), limit.tokens());
    assertEquals(RateLimitPolicy.Mode.REJECT, limit.mode());
    assertEquals(Duration.ofSeconds(5), limit.maxWait());

    assertEquals(StatePolicy.Kind.MEMORY, p.state().kind());
    assertEquals(Optional.empty(), p.state().redisUri());
    assertEquals(OnInternalError.PASS_THROUGH, p.onInternalError());
  }

  @Test
  void withoutTheNewSectionsThePolicyHasTheirDefaults() {
    Policy p = yaml("airlock: 1", "name: demo").policy().orElseThrow();
    assertEquals(List.of(), p.routes());
    assertEquals(Optional.empty(), p.resilience());
    assertEquals(Optional.empty(), p.cache());
    assertEquals(List.of(), p.budgets());
    assertEquals(List.of(), p.rateLimits());
    assertEquals(StatePolicy.memory(), p.state());
    assertEquals(OnInternalError.PASS_THROUGH, p.onInternalError());
  }

  @Test
  void fullExampleLoadsWithItsAuditLog() {
    PolicyLoadResult r = Policies.parse("policy-example.yaml", Policies.example());
    assertTrue(r.ok(), r::toString);
    assertEquals(List.of(), r.warnings(), r::toString);
    AuditPolicy audit = r.policy().orElseThrow().audit().orElseThrow();
    assertEquals(Path.of("/var/log/airlock/audit.jsonl"), audit.file());
    assertEquals(AuditPolicy.Fsync.BATCH, audit.fsync());
  }

  @Test
  void jsonInputLoads() {
    String json =
        "{\n"
            + "  \"airlock\": 1,\n"
            + "  \"name\": \"demo\",\n"
            + "  \"providers\": {\"eu\": {\"format\": \"anthropic\", \"base_url\":"
            + " \"https://llm.example.com\"}},\n"
            + "  \"models\": {\"claude-x\": {\"input\": 3, \"output\": 15, \"cached_input\": 0.3,"
            + " \"cache_write\": 3.75}}\n"
            + "}\n";
    PolicyLoadResult r = Policies.parse("policy.json", json);
    assertTrue(r.ok(), r::toString);
    Policy p = r.policy().orElseThrow();
    assertEquals(WireFormat.ANTHROPIC, p.providers().get("eu").format());
    ModelPrice m = p.models().get("claude-x");
    assertEquals(0, m.cachedInputPerMillion().orElseThrow().compareTo(new BigDecimal("0.3")));
    assertEquals(0, m.cacheWritePerMillion().orElseThrow().compareTo(new BigDecimal("3.75")));
  }

  @Test
  void jsonErrorsAreLocatedToo() {
    String json =
        "{\n"
            + "  \"airlock\": 1,\n"
            + "  \"name\": \"demo\",\n"
            + "  \"providers\": {\"eu\": {\"format\": \"opnai\"}}\n"
            + "}\n";
    PolicyLoadResult r = Policies.parse("policy.json", json);
    assertEquals(
        "4:17 providers.eu: provider 'eu' is not built-in, so it needs 'base_url' (built-ins:"
            + " openai, anthropic, gemini, azure-openai, mistral, groq, deepseek, openrouter,"
            + " together, fireworks, xai, perplexity, cerebras)\n"
            + "4:34 providers.eu.format: must be one of openai, anthropic, gemini, got 'opnai'"
            + " (did you mean 'openai'?)\n",
        Policies.render(r.errors()));
  }

  @Test
  void loadsFromAFileAndReportsItsPath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.yml");
    Files.write(file, lines("airlock: 1", "name: from-file").getBytes(StandardCharsets.UTF_8));
    PolicyLoadResult r = PolicyLoader.load(file, Policies.ENV::get);
    assertTrue(r.ok(), r::toString);
    assertEquals(file.toString(), r.policy().orElseThrow().sourceName());

    Files.write(file, lines("airlock: 1", "nme: x").getBytes(StandardCharsets.UTF_8));
    PolicyLoadResult bad = PolicyLoader.load(file);
    assertEquals(2, bad.errors().size(), bad::toString);
    assertEquals(
        file + ":2:1: error: nme: unknown key 'nme', did you mean 'name'?",
        bad.errors().get(1).toString());
  }

  @Test
  void ioErrorsBecomeProblems(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    PolicyLoadResult r = PolicyLoader.load(missing);
    assertFalse(r.ok());
    assertEquals(1, r.errors().size());
    assertEquals(
        missing + ": error: cannot read the policy: no such file", r.errors().get(0).toString());

    PolicyLoadResult d = PolicyLoader.load(dir);
    assertEquals("cannot read the policy: is a directory", d.errors().get(0).message());
  }

  @Test
  void inputOverOneMebibyteIsRefused(@TempDir Path dir) throws Exception {
    StringBuilder big = new StringBuilder(lines("airlock: 1", "name: big"));
    while (big.length() <= LocatedParser.MAX_BYTES) {
      big.append("# padding padding padding padding padding padding padding padding\n");
    }
    PolicyLoadResult r = Policies.parse("policy.yaml", big.toString());
    assertEquals(1, r.errors().size());
    PolicyProblem p = r.errors().get(0);
    assertEquals(0, p.line());
    assertEquals("policy is larger than 1048576 bytes (1 MiB); refusing to parse it", p.message());
    assertEquals("policy.yaml: error: " + p.message(), p.toString());

    Path file = dir.resolve("big.yaml");
    Files.write(file, big.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(p.message(), PolicyLoader.load(file).errors().get(0).message());

    // Exactly at the limit is fine.
    String atLimit = big.substring(0, LocatedParser.MAX_BYTES - 1) + "\n";
    assertTrue(Policies.parse("policy.yaml", atLimit).ok());
  }

  @Test
  void yaml12ScalarsStayStrings() {
    // YAML 1.1 would read these as booleans; the policy language means the words.
    PolicyLoadResult r = yaml("airlock: 1", "name: off", "version: yes");
    assertTrue(r.ok(), r::toString);
    assertEquals("off", r.policy().orElseThrow().name());
    assertEquals(Optional.of("yes"), r.policy().get().version());
  }

  @Test
  void resultToStringListsProblemsAndASummary() {
    PolicyLoadResult r = yaml("airlock: 1", "name: demo", "nmae: x");
    assertEquals(
        "policy.yaml:3:1: error: nmae: unknown key 'nmae', did you mean 'name'?\n"
            + "policy.yaml: refused (1 error, 0 warnings)",
        r.toString());
  }
}
