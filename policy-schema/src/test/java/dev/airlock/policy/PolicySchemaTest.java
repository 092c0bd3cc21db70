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
        "airlock: 1\nname: d\nbudgets: [{per: user, limit: 50 USD/day}]\n",
        "airlock: 1\nname: d\nrate_limits: [{per: tenant, requests: 600 per minute}]\n",
        "airlock: 1\nname: d\nrate_limits: [{per: tenant}]\n",
        "airlock: 1\nname: d\nroutes: [{name: r}]\n",
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
            "identity: {tenant: header:X-Tenant-Id}");
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
