package dev.airlock.agent.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one shared Jackson setup of the codecs, and small token-level helpers.
 *
 * <p>Parsers and mappers are thread-safe once configured, so a single instance serves every call;
 * creating them per call would cost more than the parsing itself.
 */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonFactory FACTORY = MAPPER.getFactory();
  private static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

  private Json() {}

  static JsonParser parser(byte[] body) throws IOException {
    return FACTORY.createParser(body);
  }

  static JsonParser parser(String text) throws IOException {
    return FACTORY.createParser(text);
  }

  /**
   * Reads the value at the current token as a tree (for small sub-objects such as usage blocks);
   * the parser is then past the value, its current token cleared.
   *
   * <p>Built here rather than by {@link ObjectMapper#readTree(JsonParser)}, which sets up a
   * deserialization context per call: for a usage block that set-up cost more than the reading
   * (half the parse of a whole chat answer). The tree is the one the mapper builds: the same node
   * types for each number (by the parser's number type), the last of repeated members in the first
   * one's place. Nesting is bounded by the parser's own depth limit.
   */
  static JsonNode readTree(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      t = p.nextToken();
      if (t == null) {
        return null;
      }
    }
    JsonNode tree = readValue(p, t);
    // As the mapper does: the value is consumed, the next nextToken() reads what follows it.
    p.clearCurrentToken();
    return tree;
  }

  private static JsonNode readValue(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        JsonToken n;
        while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          object.replace(name, readValue(p, p.nextToken()));
        }
        if (n != JsonToken.END_OBJECT) {
          throw new JsonParseException(p, "unexpected token in an object: " + n);
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
          if (e == null) {
            throw new JsonParseException(p, "unexpected end of input in an array");
          }
          array.add(readValue(p, e));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
            ? NODES.numberNode(p.getDecimalValue())
            : NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseException(p, "unexpected token for a value: " + t);
    }
  }

  /** The current value as text when it is a string; otherwise skips it and returns null. */
  static String text(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  /** The current value as a double when it is a number; otherwise skips it and returns null. */
  static Double number(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
      return p.getDoubleValue();
    }
    p.skipChildren();
    return null;
  }

  /** The current value as a long when it is an integral number; otherwise skips it and returns null. */
  static Long integer(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = p.getDoubleValue();
      // Some clients serialize integers as 1024.0; accept those, refuse real fractions.
      return d == Math.rint(d) && !Double.isInfinite(d) ? (long) d : null;
    }
    p.skipChildren();
    return null;
  }

  /** True only when the current value is the literal {@code true}; skips anything else. */
  static boolean isTrue(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_TRUE) {
      return true;
    }
    p.skipChildren();
    return false;
  }

  /** A string, or an array of strings (other elements ignored); null for anything else. */
  static List<String> stringOrStrings(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return Collections.singletonList(p.getText());
    }
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    List<String> out = new ArrayList<>(4);
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.VALUE_STRING) {
        out.add(p.getText());
      } else {
        p.skipChildren();
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** A non-negative integer field of a tree node, or 0 when absent, null or not a number. */
  static long count(JsonNode node, String field) {
    if (node == null) {
      return 0;
    }
    JsonNode v = node.get(field);
    return v != null && v.isNumber() ? Math.max(0, v.asLong()) : 0;
  }

  /** Like {@link #count} but null when the field is absent or null, so callers can merge partial updates. */
  static Long countOrNull(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode v = node.get(field);
    return v != null && v.isNumber() ? Math.max(0, v.asLong()) : null;
  }

  /** A string field of a tree node, or null. */
  static String string(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }
}
