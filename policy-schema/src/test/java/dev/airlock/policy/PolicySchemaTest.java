package dev.airlock.policy;

import static dev.airlock.policy.Policies.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schema accepts the whole reference policy, rejects broken ones, and agrees with Java.
 */
class PolicySchemaTest {

  private static Schema schema;
  private static JsonNode schemaTree;

  @BeforeAll
  static void loadSchema() throws Exception {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    schema = registry.getSchema(PolicySchema.json(), InputFormat.JSON);
    schemaTree = new ObjectMapper().readTree(PolicySchema.json());
  }

  private static List<Error> validate(String yaml) {
    return schema.validate(yaml, InputFormat.YAML);
  }

  private static String describe(List<Error> errors) {
    return errors.stream().map(Error::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void isDraft202012WithDescriptions() {
    assertEquals(
        "https://json-schema.org/draft/2020-12/schema", schemaTree.get("$schema").asText());
    for (String section : EnforcedSections.all()) {
      JsonNode s = schemaTree.get("properties").get(section);
      assertTrue(s.hasNonNull("description"), "section " + section + " has a description");
    }
  }

  @Test
  void acceptsTheReferencePolicy() {
    List<Error> errors = validate(Policies.example());
    assertTrue(errors.isEmpty(), () -> describe(errors));
  }

  @Test
  void acceptsTheMinimalPolicyAndJson() {
    assertTrue(validate(lines("airlock: 1", "name: demo")).isEmpty());
    List<Error> json =
        schema.validate(
            "{\"airlock\": 1, \"name\": \"d\", \"models\": {\"m\": {\"input\": 1, \"output\": 2}}}",
            InputFormat.JSON);
    assertTrue(json.isEmpty(), () -> describe(json));
  }

  /** Each document breaks one rule of the language. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "airlock: 1\n",
        "airlock: 2\nname: d\n",
        "airlock: 1\nname: d\ntimout: 30s\n",
        "airlock: 1\nname: d\nproviders:\n  eu: {format: openai}\n",
        "airlock: 1\nname: d\nproviders:\n  eu: {format: opnai, base_url: https://x.example}\n",
        "airlock: 1\nname: d\nproviders:\n  openai: {api_key: sk-live-123}\n",
        "airlock: 1\nname: d\nproviders:\n  openai: {base_url: 'https://u:p@x.example'}\n",
        "airlock: 1\nname: d\nproviders:\n  openai: {regin: eu}\n",
        "airlock: 1\nname: d\nmodels:\n  m: {input: -1, output: 1}\n",
        "airlock: 1\nname: d\nmodels:\n  m: {input: 1}\n",
        "airlock: 1\nname: d\nresilience: {timeout: 30 seconds}\n",
        "airlock: 1\nname: d\nresilience: {retry: {backoff: 200ms-5s}}\n",
        "airlock: 1\nname: d\ncache: {exact: {max_size: 256 megabytes}}\n",
        "airlock: 1\nname: d\nbudgets: [{per: tenant, limit: 50 dollars/day}]\n",
        "airlock: 1\nname: d\nbudgets: [{per: team, limit: 50 USD/day}]\n",
        "airlock: 1\nname: d\nrate_limits: [{per: tenant, requests: 600 per minute}]\n",
        "airlock: 1\nname: d\nrate_limits: [{per: tenant}]\n",
        "airlock: 1\nname: d\nroutes: [{name: r, deny: no, to: openai}]\n",
        "airlock: 1\nname: d\nroutes: [{name: r, to: 'bad target'}]\n",
        "airlock: 1\nname: d\npii: {action: redact}\n",
        "airlock: 1\nname: d\npii: {custom: [{name: email, pattern: x}]}\n",
        "airlock: 1\nname: d\nidentity: {tenant: [cookie:t]}\n",
        "airlock: 1\nname: d\nstate: postgres://db\n",
        "airlock: 1\nname: d\naudit: {file: /a, fsync: sometimes}\n",
        "airlock: 1\nname: d\non_internal_error: explode\n",
        "airlock: 1\nname: d\ntelemetry: {capture_content: yes please}\n",
      })
  void rejectsBrokenDocuments(String yaml) {
    assertFalse(validate(yaml).isEmpty(), "schema should reject:\n" + yaml);
  }

  @Test
  void acceptsTheValueShapesTheLanguageDocuments() {
    String yaml =
        lines(
            "airlock: 1",
            "name: d",
            "providers:",
            "  azure-openai: {base_url: 'https://acme.openai.azure.com/openai', api_key:"
                + " '${file:/run/secrets/k}'}",
            "resilience: {timeout: 1.5s, idle_timeout: 500ms, retry: {backoff: 1s, on: [429,"
                + " connect]}}",
            "cache: {exact: {ttl: 2d, max_size: 1GiB}}",
            "budgets: [{per: global, limit: 1000 USD/month, on_exceed: block}]",
            "rate_limits: [{per: feature, tokens: 1M/hour}]",
            "routes: [{name: r, to: openrouter/meta-llama/llama-3.3-70b-instruct}]",
            "state: rediss://cache.internal:6380",
            "identity: {tenant: header:X-Tenant-Id}",
            "telemetry: {capture_content: true}");
    List<Error> errors = validate(yaml);
    assertTrue(errors.isEmpty(), () -> describe(errors));
  }

  /** The schema and the Java reader must name the same keys, or editors and the agent disagree. */
  @Test
  void agreesWithTheJavaModel() {
    assertEquals(EnforcedSections.all(), fieldNames(schemaTree.get("properties")));
    assertEquals(List.of("airlock", "name"), textValues(schemaTree.get("required")));
    JsonNode defs = schemaTree.get("$defs");
    assertEquals(
        BuiltinProviders.names(),
        fieldNames(schemaTree.get("properties").get("providers").get("properties")));
    assertEquals(ProvidersReader.KEYS, fieldNames(defs.get("provider").get("properties")));
    assertEquals(ModelsReader.KEYS, fieldNames(defs.get("modelPrice").get("properties")));
    assertEquals(WireFormat.ids(), textValues(defs.get("wireFormat").get("enum")));
    assertEquals(PiiPolicy.BUILT_IN_TYPES, textValues(defs.get("piiType").get("enum")));
  }

  /** Every key of the sections added with routing, resilience, caching and limits. */
  @Test
  void agreesWithTheJavaReadersOnEveryNewKey() {
    JsonNode props = schemaTree.get("properties");
    JsonNode defs = schemaTree.get("$defs");
    JsonNode route = defs.get("route").get("properties");
    assertEquals(RoutesReader.KEYS, fieldNames(route));
    assertEquals(RoutesReader.MATCH_KEYS, fieldNames(route.get("when").get("properties")));
    JsonNode canary = route.get("canary").get("properties");
    assertEquals(RoutesReader.CANARY_KEYS, fieldNames(canary));
    assertEquals(
        RoutesReader.ROLLBACK_KEYS, fieldNames(canary.get("rollback_when").get("properties")));
    assertEquals(CanaryPolicy.STICKY_BY, textValues(canary.get("sticky_by").get("enum")));
    assertEquals(RoutesReader.SHADOW_KEYS, fieldNames(route.get("shadow").get("properties")));
    assertEquals(RoutesReader.PII_KEYS, fieldNames(route.get("pii").get("properties")));
    assertEquals(RouteMatch.ENDPOINTS, textValues(defs.get("endpoint").get("enum")));

    JsonNode resilience = props.get("resilience").get("properties");
    assertEquals(ResilienceReader.KEYS, fieldNames(resilience));
    assertEquals(
        ResilienceReader.RETRY_KEYS, fieldNames(resilience.get("retry").get("properties")));
    assertEquals(
        ResilienceReader.BREAKER_KEYS,
        fieldNames(resilience.get("circuit_breaker").get("properties")));
    assertEquals(
        ResilienceReader.DEGRADE_KEYS, fieldNames(resilience.get("degrade").get("properties")));

    JsonNode cache = props.get("cache").get("properties");
    assertEquals(CacheReader.KEYS, fieldNames(cache));
    assertEquals(CacheReader.EXACT_KEYS, fieldNames(cache.get("exact").get("properties")));
    assertEquals(
        ExactCachePolicy.WHEN,
        textValues(cache.get("exact").get("properties").get("when").get("enum")));
    assertEquals(CacheReader.SEMANTIC_KEYS, fieldNames(cache.get("semantic").get("properties")));

    assertEquals(BudgetsReader.KEYS, fieldNames(defs.get("budget").get("properties")));
    assertEquals(
        BudgetsReader.ON_EXCEED_WORDS,
        textValues(
            defs.get("budget").get("properties").get("on_exceed").get("anyOf").get(0).get("enum")));
    assertEquals(RateLimitsReader.KEYS, fieldNames(defs.get("rateLimit").get("properties")));
    assertEquals(
        RateLimitsReader.MODES,
        textValues(defs.get("rateLimit").get("properties").get("on_limit").get("enum")));
    assertEquals(BudgetPolicy.SCOPES, textValues(defs.get("scope").get("enum")));
    List<String> onInternalError = new ArrayList<>();
    for (OnInternalError o : OnInternalError.values()) {
      onInternalError.add(o.id());
    }
    assertEquals(onInternalError, textValues(props.get("on_internal_error").get("enum")));
    assertEquals(TelemetryReader.KEYS, fieldNames(props.get("telemetry").get("properties")));
  }

  /**
   * The value notations: for each value, the Java loader and the schema agree on whether it is
   * valid (values only Java can refuse, such as a zero timeout, are left out).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "resilience: {timeout: VALUE}|30s|200ms|1.5s|5m|1h|2d|!30|!30 seconds|!30S|!1w|!-1s|!s",
        "resilience: {retry: {backoff: VALUE}}|200ms..5s|1s|1.5s..2.5s|!200ms-5s|!200ms..|!..5s"
            + "|!1s..2s..3s",
        "resilience: {retry: {on: [VALUE]}}|429|'503'|599|timeout|connect|!400|!401|!'403'|!404"
            + "|!200|!600|!timout|!'42'",
        "cache: {exact: {max_size: VALUE}}|256MB|1GiB|100B|0.5KB|2KiB|3GB|!256mb|!256 MB|!1TB"
            + "|!MB",
        "budgets: [{per: tenant, limit: VALUE}]|50 USD/day|2M tokens/hour|1.5k tokens/min"
            + "|100 usd/month|10 Tokens/minute|1 USD/h|5 USD/d|!50USD/day|!$50/day|!50 USD"
            + "|!50 dollars/day|!50 USD/week|!50 USD/Day|!2m tokens/hour",
        "rate_limits: [{per: tenant, requests: VALUE}]|600/min|200k/min|10/s|1M/hour|5/day"
            + "|7/sec|1.5K/second|!600|!600 per minute|!600 /min|!600/mni|!5/week",
        "state: VALUE|memory|redis://r.internal:6379|rediss://r:6380/2|redis://10.0.0.1|!memroy"
            + "|!postgres://db|!'redis://:pw@r:1'|!redis://:6379|!redis://r:1/cache"
            + "|!'redis://r:1?x=1'|!redis://",
        "routes: [{when: {prompt_tokens: VALUE}}]|'>8000'|'>=8k'|'<2000'|'<=2000'|'1000..8000'"
            + "|'> 8000'|'1.5k..1M'|!8000|!'8000'|!'=>8000'|!'>8x'|!'1..2..3'|!'~8000'",
        "routes: [{to: VALUE}]|openai|openai/gpt-4o-mini|openrouter/meta/llama-3|[openai, gemini]"
            + "|!'bad target'|!'/gpt-4o'|!'openai/'|![]",
      })
  void javaAndSchemaAgreeOnValueNotations(String spec) {
    String[] parts = spec.split("\\|");
    for (int i = 1; i < parts.length; i++) {
      boolean valid = !parts[i].startsWith("!");
      String value = valid ? parts[i] : parts[i].substring(1);
      String yaml = lines("airlock: 1", "name: d", parts[0].replace("VALUE", value));
      PolicyLoadResult java = Policies.parse("p.yaml", yaml);
      List<Error> json = validate(yaml);
      assertEquals(valid, java.ok(), () -> "Java on " + yaml + java);
      assertEquals(valid, json.isEmpty(), () -> "schema on " + yaml + describe(json));
    }
  }

  @Test
  void schemaRefusesARouteThatDeniesAndSends() {
    assertTrue(validate(lines("airlock: 1", "name: d", "routes: [{deny: no}]")).isEmpty());
    for (String key :
        List.of("to: openai", "canary: {to: openai, percent: 5}", "shadow: {to: openai}")) {
      String yaml = lines("airlock: 1", "name: d", "routes: [{deny: no, " + key + "}]");
      assertFalse(validate(yaml).isEmpty(), yaml);
      assertFalse(Policies.parse("p.yaml", yaml).ok(), yaml);
    }
  }

  @Test
  void javaAndSchemaAgreeOnSecrets() {
    for (String value :
        List.of(
            "${env:A_B}",
            "${file:/x/y}",
            "${env:1A}",
            "${file:}",
            "sk-1",
            "${env:A} ",
            " ${env:A}")) {
      String yaml =
          lines("airlock: 1", "name: d", "providers:", "  openai: {api_key: '" + value + "'}");
      boolean java = Policies.parse("p.yaml", yaml).ok();
      boolean json = validate(yaml).isEmpty();
      assertEquals(java, json, "secret reference " + value);
    }
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> textValues(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(n -> values.add(n.asText()));
    return values;
  }
}
