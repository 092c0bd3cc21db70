package dev.airlock.agent.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Json#readTree} builds the very tree {@link ObjectMapper#readTree(JsonParser)} builds, and stops where it does. */
class JsonTreeTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"prompt_tokens\":12,\"completion_tokens\":34,\"total_tokens\":46,"
          + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":null},\"note\":\"x\"}",
      "{\"a\":1,\"a\":2.5,\"b\":[1,-2,3.0e2,true,false,null,\"s\\u00e9\"],\"a\":{\"c\":[]}}",
      "{\"int\":2147483647,\"long\":2147483648,\"big\":123456789012345678901234567890,\"neg\":-9223372036854775809}",
      "{\"f\":1.5,\"e\":1E400,\"z\":-0.0,\"small\":4.9e-324,\"frac\":0.1000000000000000055511151231257827}",
      "{}", "[]", "[[[{}]],{\"x\":[{}]}]", "\"text\"", "12", "true", "null"})
  void sameTreeAsTheMapper(String json) throws IOException {
    assertSameTree(json);
  }

  @Test
  void sameTreeOnRandomDocuments() throws IOException {
    Random random = new Random(20261123);
    for (int i = 0; i < 2000; i++) {
      StringBuilder json = new StringBuilder();
      randomValue(random, json, 0);
      assertSameTree(json.toString());
    }
  }

  @Test
  void emptyInputIsNull() throws IOException {
    try (JsonParser p = Json.parser(new byte[0])) {
      assertNull(Json.readTree(p));
    }
  }

  @Test
  void truncatedInputFailsAsTheParserDoes() throws IOException {
    for (String json : new String[] {"{\"a\":1", "[1,2", "{\"a\":[1,{\"b\":"}) {
      try (JsonParser p = Json.parser(json)) {
        p.nextToken();
        assertThrows(IOException.class, () -> Json.readTree(p), json);
      }
    }
  }

  /** Both readers on the same value inside an object: equal trees, and both parsers left on the same token. */
  private static void assertSameTree(String json) throws IOException {
    String wrapped = "{\"before\":0,\"value\":" + json + ",\"after\":[1]}";
    try (JsonParser ours = Json.parser(wrapped); JsonParser theirs = MAPPER.getFactory().createParser(wrapped)) {
      moveToValue(ours);
      moveToValue(theirs);
      JsonNode expected = MAPPER.readTree(theirs);
      JsonNode actual = Json.readTree(ours);
      assertEquals(expected, actual, json);
      assertEquals(types(expected), types(actual), json);
      assertEquals(theirs.currentToken(), ours.currentToken(), json);
      assertEquals(theirs.nextToken(), ours.nextToken(), json);
      assertEquals(theirs.currentName(), ours.currentName(), json);
    }
  }

  private static void moveToValue(JsonParser p) throws IOException {
    assertEquals(JsonToken.START_OBJECT, p.nextToken());
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      JsonToken value = p.nextToken();
      if ("value".equals(p.currentName())) {
        return;
      }
      if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
        p.skipChildren();
      }
    }
    throw new AssertionError("no value member");
  }

  /** The node classes in document order: equal trees could still differ in number node types. */
  private static String types(JsonNode node) {
    StringBuilder out = new StringBuilder(node.getClass().getSimpleName());
    if (node.isContainerNode()) {
      out.append('(');
      node.fields().forEachRemaining(e -> out.append(e.getKey()).append('=').append(types(e.getValue())).append(','));
      if (node.isArray()) {
        node.elements().forEachRemaining(e -> out.append(types(e)).append(','));
      }
      out.append(')');
    }
    return out.toString();
  }

  private static void randomValue(Random random, StringBuilder out, int depth) {
    int kind = random.nextInt(depth > 4 ? 6 : 8);
    switch (kind) {
      case 0:
        out.append(random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(1000) - 500);
        break;
      case 1:
        out.append(random.nextBoolean() ? Double.toString(random.nextGaussian() * 1e6) : random.nextInt(100) + ".25e-3");
        break;
      case 2:
        out.append(random.nextBoolean() ? "123456789012345678901234" : "-0");
        break;
      case 3:
        out.append('"').append(random.nextBoolean() ? "tok\\n\\u0041" : "").append('"');
        break;
      case 4:
        out.append(random.nextBoolean() ? "true" : "false");
        break;
      case 5:
        out.append("null");
        break;
      case 6:
        out.append('{');
        int members = random.nextInt(5);
        for (int i = 0; i < members; i++) {
          // Few names, so members repeat.
          out.append(i == 0 ? "" : ",").append("\"k").append(random.nextInt(3)).append("\":");
          randomValue(random, out, depth + 1);
        }
        out.append('}');
        break;
      default:
        out.append('[');
        int elements = random.nextInt(5);
        for (int i = 0; i < elements; i++) {
          out.append(i == 0 ? "" : ",");
          randomValue(random, out, depth + 1);
        }
        out.append(']');
        break;
    }
  }
}
