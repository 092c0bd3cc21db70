package dev.airlock.agent.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** JSON Schema to Gemini's OpenAPI subset and back. */
class SchemasTest {

  private static com.fasterxml.jackson.databind.JsonNode gemini(String jsonSchema) {
    return Schemas.toGemini(TestSupport.json(jsonSchema), "test schema");
  }

  /** Compared as trees: member order does not matter. */
  private static void assertSchema(String expected, com.fasterxml.jackson.databind.JsonNode actual) {
    assertEquals(TestSupport.json(expected), TestSupport.json(actual.toString()));
  }

  @Test
  void pydanticStyleSchemaIsReducedToGeminisSubset() {
    String pydantic = "{\"$defs\":{\"Address\":{\"properties\":{\"street\":{\"title\":\"Street\",\"type\":\"string\"},"
        + "\"zip\":{\"anyOf\":[{\"type\":\"string\",\"pattern\":\"^[0-9]{4}$\"},{\"type\":\"null\"}],\"default\":null}},"
        + "\"required\":[\"street\"],\"title\":\"Address\",\"type\":\"object\",\"additionalProperties\":false}},"
        + "\"properties\":{\"name\":{\"type\":\"string\",\"minLength\":1,\"format\":\"email\"},"
        + "\"address\":{\"$ref\":\"#/$defs/Address\",\"description\":\"Where\"},"
        + "\"kind\":{\"const\":\"person\"},"
        + "\"age\":{\"type\":\"integer\",\"exclusiveMinimum\":0,\"enum\":[1,2,3]}},"
        + "\"required\":[\"name\",\"address\",\"ghost\"],\"title\":\"Person\",\"type\":\"object\",\"$schema\":\"https://json-schema.org/draft/2020-12/schema\"}";
    assertSchema("{\"type\":\"OBJECT\",\"properties\":{"
            + "\"name\":{\"type\":\"STRING\",\"minLength\":1},"
            + "\"address\":{\"type\":\"OBJECT\",\"properties\":{\"street\":{\"type\":\"STRING\",\"title\":\"Street\"},"
            + "\"zip\":{\"nullable\":true,\"type\":\"STRING\",\"pattern\":\"^[0-9]{4}$\"}},"
            + "\"required\":[\"street\"],\"title\":\"Address\",\"description\":\"Where\"},"
            + "\"kind\":{\"enum\":[\"person\"],\"type\":\"STRING\"},"
            + "\"age\":{\"type\":\"INTEGER\",\"description\":\"Allowed values: [1,2,3]\"}},"
            + "\"required\":[\"name\",\"address\"],\"title\":\"Person\"}",
        gemini(pydantic));
  }

  @Test
  void typeListsAndOneOf() {
    assertSchema("{\"type\":\"STRING\",\"nullable\":true}", gemini("{\"type\":[\"string\",\"null\"]}"));
    assertSchema("{\"anyOf\":[{\"type\":\"STRING\"},{\"type\":\"NUMBER\"}]}", gemini("{\"type\":[\"string\",\"number\"]}"));
    assertSchema("{\"anyOf\":[{\"type\":\"STRING\"},{\"type\":\"INTEGER\",\"format\":\"int64\"}]}",
        gemini("{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\",\"format\":\"int64\"}]}"));
    assertSchema("{\"type\":\"ARRAY\",\"items\":{\"anyOf\":[{\"type\":\"STRING\"},{\"type\":\"NUMBER\"}]}}",
        gemini("{\"type\":\"array\",\"prefixItems\":[],\"items\":[{\"type\":\"string\"},{\"type\":\"number\"}]}"));
  }

  @Test
  void allOfIsMerged() {
    assertSchema("{\"type\":\"OBJECT\",\"properties\":{\"a\":{\"type\":\"STRING\"},\"b\":{\"type\":\"NUMBER\"}},\"required\":[\"a\",\"b\"]}",
        gemini("{\"type\":\"object\",\"allOf\":[{\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]},"
            + "{\"properties\":{\"b\":{\"type\":\"number\"}},\"required\":[\"b\"]}]}"));
  }

  @Test
  void refsOutsideTheSchemaAndCyclesAreRefused() {
    assertTrue(assertThrows(TranslationException.class, () -> gemini("{\"$ref\":\"https://example.com/s.json\"}"))
        .getMessage().contains("external schema"));
    assertTrue(assertThrows(TranslationException.class, () -> gemini("{\"$ref\":\"#/$defs/missing\"}"))
        .getMessage().contains("unresolvable $ref"));
    assertTrue(assertThrows(TranslationException.class, () -> gemini("{\"$defs\":{\"A\":{\"$ref\":\"#/$defs/B\"},\"B\":{\"$ref\":\"#/$defs/A\"}},\"$ref\":\"#/$defs/A\"}"))
        .getMessage().contains("$ref cycle"));
  }

  @Test
  void emptyObjectsAreRecognizedForToolsWithoutParameters() {
    assertTrue(Schemas.isEmptyObject(Schemas.toGemini(TestSupport.json("{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}"), "t")));
    assertTrue(Schemas.isEmptyObject(Schemas.toGemini(null, "t")));
  }

  @Test
  void geminiSchemaToJsonSchema() {
    String g = "{\"type\":\"OBJECT\",\"properties\":{\"unit\":{\"type\":\"STRING\",\"format\":\"enum\",\"enum\":[\"C\",\"F\"],\"nullable\":true},"
        + "\"tags\":{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\"},\"maxItems\":\"3\"}},\"required\":[\"unit\"],\"propertyOrdering\":[\"unit\",\"tags\"]}";
    // A nullable enum lists null among its values in JSON Schema.
    assertSchema("{\"type\":\"object\",\"properties\":{\"unit\":{\"type\":[\"string\",\"null\"],\"enum\":[\"C\",\"F\",null]},"
            + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"maxItems\":3}},\"required\":[\"unit\"]}",
        Schemas.toJsonSchema(TestSupport.json(g)));
  }

  @Test
  void geminiRoundTripIsStable() {
    String g = "{\"type\":\"OBJECT\",\"properties\":{\"unit\":{\"type\":\"STRING\",\"enum\":[\"C\",\"F\"],\"nullable\":true},"
        + "\"n\":{\"type\":\"INTEGER\",\"minimum\":1}},\"required\":[\"unit\"]}";
    assertSchema(g, Schemas.toGemini(Schemas.toJsonSchema(TestSupport.json(g)), "t"));
  }
}
