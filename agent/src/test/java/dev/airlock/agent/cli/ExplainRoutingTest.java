package dev.airlock.agent.cli;

import static dev.airlock.agent.cli.CliRun.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.cache.CacheKeys;
import dev.airlock.agent.codec.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain} under a policy with routes, resilience, cache, budgets and rate limits
 * ({@code cli/policy-routes.yaml}); the request ({@code cli/request-routes.json}) carries no tenant
 * header, so {@code --tenant} decides who calls.
 */
class ExplainRoutingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static CliRun explain(String request, String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "explain";
    args[1] = example("policy-routes.yaml");
    args[2] = request;
    System.arraycopy(options, 0, args, 3, options.length);
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exit, run::toString);
    assertFalse(run.out.contains("warning"), "the explanation agrees with the engine's plan: " + run.out);
    return run;
  }

  private static String chat(String... options) {
    return explain(example("request-routes.json"), options).out;
  }

  private static JsonNode chatJson(String... options) throws Exception {
    String[] withJson = new String[options.length + 1];
    System.arraycopy(options, 0, withJson, 0, options.length);
    withJson[options.length] = "--json";
    return JSON.readTree(explain(example("request-routes.json"), withJson).out);
  }

  /** The body of {@code request-routes.json} as the CLI sends it (compact JSON). */
  private static byte[] requestBody() throws Exception {
    return JSON.writeValueAsBytes(JSON.readTree(Files.readAllBytes(Path.of(example("request-routes.json")))).get("body"));
  }

  /** A chat request to OpenAI with the given model, temperature and user text, and no tenant header. */
  private String request(String model, String temperature, String text) throws Exception {
    String body = "{\"url\": \"https://api.openai.com/v1/chat/completions\", \"body\": {\"model\": \"" + model + "\","
        + " \"temperature\": " + temperature + ", \"messages\": [{\"role\": \"user\", \"content\": \"" + text + "\"}]}}";
    return Files.writeString(dir.resolve(model + "-" + temperature + "-" + text.length() + ".json"), body).toString();
  }

  @Test
  void namesTheMatchedRouteAndWhyEachEarlierRouteDidNotMatch() {
    String out = chat("--tenant", "acme", "--feature", "com.acme.triage.Bot");
    assertTrue(out.contains("routes        matched cheap-triage (line 38), first match wins"), out);
    assertTrue(out.contains("route 1     free-tier-no-gpt4o (line 27): no match: model 'gpt-4o-mini' does not match"
        + " 'gpt-4o'"), out);
    assertTrue(out.contains("route 2     sensitive-stays-in-eu (line 30): no match: none of pii [iban, customer_id]"
        + " found in the request (found: email)"), out);
    assertTrue(out.contains("route 3     eu-tenants-stay-in-eu (line 35): no match: tenant 'acme' does not match 'eu-*'"),
        out);
    assertTrue(out.contains("route 4     cheap-triage (line 38): matched"), out);
    assertTrue(out.contains("route 5     default (line 41): not tried (an earlier route matched)"), out);
    assertTrue(out.contains("chain       one target, no fallback"), out);
    assertTrue(out.contains("    1. openai/gpt-4o-mini at api.openai.com:443, format openai, region us,"
        + " the application's own key"), out);
    assertTrue(out.contains("target        openai/gpt-4o-mini at api.openai.com:443 (route cheap-triage, no fallback)"), out);
    assertTrue(out.contains("verdict       SENT to openai/gpt-4o-mini (route cheap-triage): body changed"), out);
  }

  @Test
  void theFirstFailingConditionIsTheOneShownInTheEnginesOrder() throws Exception {
    // free-tier-no-gpt4o wants model gpt-4o and tenant free-*; the engine checks the model first.
    String tenantFails = explain(request("gpt-4o", "0", "hi"), "--tenant", "acme").out;
    assertTrue(tenantFails.contains("free-tier-no-gpt4o (line 27): no match: tenant 'acme' does not match 'free-*'"),
        tenantFails);
    String bothFail = explain(request("gpt-4o-mini", "0", "hi"), "--tenant", "acme").out;
    assertTrue(bothFail.contains("free-tier-no-gpt4o (line 27): no match: model 'gpt-4o-mini' does not match 'gpt-4o'"),
        bothFail);
    assertTrue(bothFail.contains("cheap-triage (line 38): no match: no feature known (give --feature); the route wants"
        + " feature 'com.acme.triage.*'"), bothFail);
    JsonNode doc = JSON.readTree(explain(request("gpt-4o", "0", "hi"), "--tenant", "acme", "--json").out);
    assertEquals("not_matched", doc.at("/routes/checks/0/outcome").asText());
    assertEquals("tenant 'acme' does not match 'free-*'", doc.at("/routes/checks/0/reason").asText());
    assertEquals("default", doc.at("/routes/matched/name").asText());
    assertEquals(41, doc.at("/routes/matched/line").asInt());
  }

  @Test
  void aFallbackInAnotherFormatIsTranslatedAndGetsItsOwnKeyNeverPrinted() throws Exception {
    String out = chat("--tenant", "acme");
    assertTrue(out.contains("routes        matched default (line 41), first match wins"), out);
    assertTrue(out.contains("chain       2 targets, tried in order"), out);
    assertTrue(out.contains("    1. openai/gpt-4o-mini (the model the application asked for) at api.openai.com:443"), out);
    assertTrue(out.contains("    2. anthropic/claude-3-5-haiku-latest at api.anthropic.com:443, format anthropic"
        + " (translated from openai to anthropic), region us, the application's key replaced by anthropic's"
        + " ($ANTHROPIC_API_KEY)"), out);
    assertTrue(out.contains("shadow      a copy of 10% of calls to anthropic/claude-sonnet-4 (chosen at random per call"),
        out);
    assertFalse(out.contains("sk-not-a-real-key") || out.contains("airlock-explain-sends-nothing"), "no key: " + out);
    JsonNode second = chatJson("--tenant", "acme").at("/routes/chain/1");
    assertEquals("anthropic", second.get("format").asText());
    assertEquals("openai", second.get("translated_from").asText());
    assertEquals("target_key", second.get("credentials").asText());
    assertTrue(chatJson("--tenant", "acme").at("/routes/chain/0/translated_from").isMissingNode(), "same format");
  }

  @Test
  void requireRegionRemovesTheTargetsOutsideItAndDeniesWhenNoneIsLeft() throws Exception {
    String out = chat("--tenant", "eu-bank");
    assertTrue(out.contains("routes        matched eu-tenants-stay-in-eu (line 35)"), out);
    assertTrue(out.contains("region      require_region eu: removed openai/gpt-4o-mini (region us)"), out);
    assertTrue(out.contains("denied      \"route eu-tenants-stay-in-eu requires region eu and none of its targets is"
        + " in it\""), out);
    assertTrue(out.contains("target        none: route eu-tenants-stay-in-eu refuses the request"), out);
    assertTrue(out.contains("verdict       BLOCKED by rule route:eu-tenants-stay-in-eu: the application gets HTTP 400"
        + " (x-airlock-blocked: route:eu-tenants-stay-in-eu) with"), out);
    assertTrue(out.contains("\"message\":\"Blocked by Airlock policy rule 'route:eu-tenants-stay-in-eu': route"
        + " eu-tenants-stay-in-eu requires region eu"), out);
    JsonNode doc = chatJson("--tenant", "eu-bank");
    assertTrue(doc.at("/routes/denied").asBoolean());
    assertEquals("eu", doc.at("/routes/require_region").asText());
    assertEquals("openai", doc.at("/routes/removed_by_region/0/provider").asText());
    assertEquals(0, doc.at("/routes/chain").size());
    assertEquals("blocked", doc.at("/verdict/outcome").asText());
    assertEquals("route:eu-tenants-stay-in-eu", doc.at("/verdict/rule").asText());
    assertEquals("airlock_policy_violation", doc.at("/verdict/error_body/error/code").asText());
  }

  @Test
  void aRouteWithinItsRegionKeepsItsTargetAndAppliesItsOwnPiiAction() throws Exception {
    String out = explain(request("gpt-4o-mini", "0.3", "Where is the order of CUST-00012345?"), "--tenant", "acme",
        "--show-body").out;
    assertTrue(out.contains("routes        matched sensitive-stays-in-eu (line 30)"), out);
    assertTrue(out.contains("    1. eu-llama/llama-3.3-70b at llm.eu-central.acme.internal:443, format openai, region eu,"
        + " the application's key replaced by eu-llama's (api_key ${env:EU_LLM_KEY})"), out);
    assertTrue(out.contains("region      require_region eu: every target is in it"), out);
    assertTrue(out.contains("  route       route sensitive-stays-in-eu sets action detect for this request"), out);
    assertTrue(out.contains("customer_id          [22,35)    confidence 0.90  detect: recorded, sent as is"), out);
    assertTrue(out.contains("verdict       SENT to eu-llama/llama-3.3-70b (route sensitive-stays-in-eu): body unchanged"),
        out);
    assertTrue(out.contains("before the route rewrites it for eu-llama/llama-3.3-70b"), out);
    assertTrue(out.contains("cost          llama-3.3-70b: $0.20 input, $0.60 output per 1M tokens (policy models;"
        + " the route's model)"), out);
  }

  @Test
  void aDenyingRouteBlocksWithItsMessageInTheProviderFormat() throws Exception {
    String request = request("gpt-4o", "0", "Summarize our refund policy.");
    String out = explain(request, "--tenant", "free-bob").out;
    assertTrue(out.contains("route 1     free-tier-no-gpt4o (line 27): matched"), out);
    assertTrue(out.contains("route 2     sensitive-stays-in-eu (line 30): not tried (an earlier route matched)"), out);
    assertTrue(out.contains("denied      \"The free tier cannot use gpt-4o.\"; nothing is sent"), out);
    assertTrue(out.contains("verdict       BLOCKED by rule route:free-tier-no-gpt4o: the application gets HTTP 400"), out);
    assertTrue(out.contains("{\"error\":{\"message\":\"Blocked by Airlock policy rule 'route:free-tier-no-gpt4o': The free"
        + " tier cannot use gpt-4o.\",\"type\":\"invalid_request_error\",\"param\":null,"
        + "\"code\":\"airlock_policy_violation\"}}"), out);
    assertTrue(out.contains("not cacheable: nothing is sent (route:free-tier-no-gpt4o)"), out);
    assertTrue(out.contains("this request: nothing: it is not sent (route:free-tier-no-gpt4o)"), out);
    assertFalse(explain(request, "--tenant", "acme").out.contains("BLOCKED"), "only the free tier is refused");
  }

  @Test
  void theCanaryIsStickyPerTenantAndSaysSoWhenThereIsNone() {
    String in = chat("--tenant", "hooli");
    assertTrue(in.contains("canary      openai/gpt-4.1-mini for 30% of tenants (this tenant: yes); rolled back when its"
        + " error rate reaches 0.2 over at least 10 calls in 5m"), in);
    assertTrue(in.contains("chain       3 targets, tried in order"), in);
    assertTrue(in.contains("    1. openai/gpt-4.1-mini at api.openai.com:443"), in);
    assertTrue(in.contains("target        openai/gpt-4.1-mini at api.openai.com:443 (route default, 2 fallbacks)"), in);
    assertEquals(in, chat("--tenant", "hooli"), "the same tenant always lands on the same side");

    String out = chat("--tenant", "acme");
    assertTrue(out.contains("canary      openai/gpt-4.1-mini for 30% of tenants (this tenant: no)"), out);
    assertTrue(out.contains("target        openai/gpt-4o-mini at api.openai.com:443 (route default, 1 fallback)"), out);

    String nobody = chat();
    assertTrue(nobody.contains("(no tenant or user known: each call goes there with probability 30%"), nobody);
    assertTrue(nobody.contains("chain       2 targets, tried in order"), "the random draw is not shown as a decision: "
        + nobody);
    for (int i = 0; i < 5; i++) {
      assertEquals(nobody, chat(), "without a tenant the explanation is still always the same");
    }
  }

  @Test
  void theCanaryChoiceIsInTheJsonToo() throws Exception {
    assertEquals("canary", chatJson("--tenant", "hooli").at("/routes/canary/this_call").asText());
    assertEquals("route", chatJson("--tenant", "acme").at("/routes/canary/this_call").asText());
    assertEquals("random", chatJson().at("/routes/canary/this_call").asText());
    assertEquals("openai/gpt-4.1-mini", chatJson("--tenant", "hooli").at("/verdict/target").asText());
  }

  @Test
  void aDeterministicRequestIsCacheableUnderThePipelinesOwnKey() throws Exception {
    byte[] body = requestBody();
    // The default route's first target is the bare provider: the pipeline keys it as "openai".
    String out = chat("--tenant", "acme");
    assertTrue(out.contains("exact       ttl 1h, max size 256MB, when deterministic"), out);
    Matcher key = Pattern.compile("cacheable: temperature 0; key ([0-9a-f]{12}) \\(target openai, tenant acme,"
        + " canonical body\\)").matcher(out);
    assertTrue(key.find(), out);
    String expected = CacheKeys.of(Endpoint.OPENAI_CHAT, "openai", "acme", body).hex().substring(0, 12);
    assertEquals(expected, key.group(1), "the key is the cache engine's own, as the pipeline derives it");
    assertEquals(expected, chatJson("--tenant", "acme").at("/cache/key_fingerprint").asText());
    assertNotEquals(expected, chatJson("--tenant", "globex").at("/cache/key_fingerprint").asText(),
        "tenants never share an answer");
    // A route with a model keys on provider/model.
    JsonNode triage = chatJson("--tenant", "acme", "--feature", "com.acme.triage.Bot");
    assertEquals("openai/gpt-4o-mini", triage.at("/cache/key_target").asText());
    assertEquals(CacheKeys.of(Endpoint.OPENAI_CHAT, "openai/gpt-4o-mini", "acme", body).hex().substring(0, 12),
        triage.at("/cache/key_fingerprint").asText());
    assertTrue(out.contains("semantic    threshold 0.95, ttl 1h, allow_pii false, embedder local, at most 10000"
        + " entries / 64MB"), out);
    assertEquals("local", chatJson("--tenant", "acme").at("/cache/semantic/embedder").asText());
    assertTrue(out.contains("bypassed: the request has PII (email) and allow_pii is false"), out);
  }

  @Test
  void withoutRoutesTheKeyNamesTheProviderAndTheRequestedModel() throws Exception {
    Path policy = Files.writeString(dir.resolve("cache-only.yaml"),
        "airlock: 1\nname: cache-only\ncache: {exact: {ttl: 10m}}\n");
    CliRun run = CliRun.of("explain", policy.toString(), example("request-routes.json"), "--json");
    assertEquals(0, run.exit, run::toString);
    JsonNode doc = JSON.readTree(run.out);
    assertTrue(doc.at("/cache/cacheable").asBoolean(), run.out);
    assertEquals("openai/gpt-4o-mini", doc.at("/cache/key_target").asText());
    assertTrue(doc.at("/cache/key_tenant").isNull(), "no identity section: no tenant");
    assertEquals("10m", doc.at("/cache/exact/ttl").asText());
  }

  @Test
  void aSampledRequestIsNotCacheable() throws Exception {
    String out = explain(request("gpt-4o-mini", "0.7", "Write a haiku."), "--tenant", "acme").out;
    assertTrue(out.contains("not cacheable: temperature 0.7 and no seed (when: deterministic caches only temperature 0"
        + " or a seed)"), out);
    assertTrue(out.contains("eligible: no PII detected"), out);
    JsonNode doc = JSON.readTree(explain(request("gpt-4o-mini", "0.7", "Write a haiku."), "--json").out);
    assertFalse(doc.at("/cache/cacheable").asBoolean(true));
    assertTrue(doc.at("/cache/key_fingerprint").isNull());
  }

  @Test
  void budgetsAndRateLimitsNameTheCounterThisCallerIsChargedTo() throws Exception {
    String out = chat("--tenant", "acme");
    assertTrue(out.contains("budgets       limits only: the CLI keeps no counters, so what is already used is unknown"
        + " (the agent counts in memory, per process)"), out);
    assertTrue(out.contains("budget 1    50 USD/day per tenant, counter tenant:acme; on exceed block (HTTP 429, the"
        + " provider's rate-limit error); alerts at 50%, 80%"), out);
    // As the pipeline estimates it: the body as sent, at four bytes a token, plus max_tokens.
    long input = requestBody().length / 4;
    assertTrue(out.contains(String.format(Locale.ROOT, "this request: the agent reserves about $%.6f at gpt-4o-mini"
        + " prices (about %d input tokens (4 bytes a token) + max_tokens 300), settled with the answer's real usage;"
        + " nothing when the exact cache answers it", (input * 0.15 + 300 * 0.60) / 1e6, input)), out);
    assertTrue(out.contains("budget 2    2000000 tokens/hour per feature, counter feature:(none) (shared by every call"
        + " without a feature); on exceed downgrade to openai/gpt-4o-mini"), out);
    assertTrue(out.contains("this request: the agent reserves " + (input + 300) + " tokens (about " + input
        + " input tokens"), out);
    assertTrue(out.contains("budget 3    1000 USD/month per model, counter model:gpt-4o-mini; on exceed alert (the call"
        + " goes ahead)"), out);
    assertTrue(out.contains("limit 1     600/min requests, 200000/min tokens per tenant, counter tenant:acme; over the"
        + " limit: refused at once (HTTP 429, rule rate_limit:tenant:acme)"), out);
    JsonNode doc = chatJson("--tenant", "acme", "--feature", "com.acme.triage.Bot");
    assertEquals("tenant:acme", doc.at("/budgets/rules/0/scope_key").asText());
    assertEquals("feature:com.acme.triage.Bot", doc.at("/budgets/rules/1/scope_key").asText());
    assertEquals((input * 0.15 + 300 * 0.60) / 1e6, doc.at("/budgets/rules/0/this_request/estimated_usd").asDouble(),
        1e-12);
    assertEquals(input + 300, doc.at("/rate_limits/rules/0/this_request/estimated_tokens").asLong());
    assertFalse(doc.at("/budgets/live_counters").asBoolean(true));
    assertEquals("tenant:acme", doc.at("/rate_limits/rules/0/scope_key").asText());
    assertEquals("600/min", doc.at("/rate_limits/rules/0/requests").asText());
    assertEquals("tenant:(none)", chatJson().at("/budgets/rules/0/scope_key").asText());
  }

  @Test
  void aPolicyWithSharedRedisStateIsExplainedWithoutConnectingToIt() throws Exception {
    String shared = Files.readString(Path.of(example("policy-routes.yaml")))
        .replace("state: memory", "state: redis://127.0.0.1:1");
    Path policy = Files.writeString(dir.resolve("shared.yaml"), shared);
    Set<String> before = stateThreads();
    CliRun run = CliRun.of("explain", policy.toString(), example("request-routes.json"), "--tenant", "acme");
    assertEquals(0, run.exit, run::toString);
    assertTrue(run.out.contains("(the agent counts in redis://127.0.0.1:1, shared by every replica)"), run.out);
    Thread.sleep(300);
    assertEquals(before, stateThreads(), "explain reads and charges no counter, so it connects to no Redis");
  }

  /** The threads the agent's shared state runs (its Redis client and reconnector). */
  private static Set<String> stateThreads() {
    Set<String> names = new TreeSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("airlock-redis") || t.getName().startsWith("airlock-state")) {
        names.add(t.getName());
      }
    }
    return names;
  }

  @Test
  void theResilienceInForceIsShown() throws Exception {
    String out = chat("--tenant", "acme");
    assertTrue(out.contains("timeouts    30s per attempt (a stream: until its first byte), then 10s idle between chunks"),
        out);
    assertTrue(out.contains("retry       up to 3 attempts per target, backoff 200ms..5s, on 429, 500, 502, 503, 504,"
        + " timeout, connect"), out);
    assertTrue(out.contains("breaker     per target: opens at 50% failures over at least 20 calls, skips it for 30s"), out);
    assertTrue(out.contains("degrade     message set"), out);
    assertFalse(out.contains("The assistant is busy"), "the message itself is not repeated: " + out);
    JsonNode doc = chatJson();
    assertEquals(3, doc.at("/resilience/retry/max_attempts").asInt());
    assertEquals("200ms", doc.at("/resilience/retry/backoff_min").asText());
    assertTrue(doc.at("/resilience/degrade_message").asBoolean());
  }

  @Test
  void theHelpNoLongerSaysRoutesAreNotConfigured() {
    CliRun help = CliRun.of("explain", "--help");
    assertFalse(help.out.contains("not configured"), help.out);
    assertTrue(help.out.contains("route:NAME"), help.out);
    assertTrue(help.out.contains("--user U"), help.out);
    assertTrue(help.out.contains("rate_limits"), help.out);
  }
}
