package dev.airlock.agent.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  private Json() {}

  static JsonParser parser(byte[] body) throws IOException {
    return FACTORY.createParser(body);
  }

  static JsonParser parser(String text) throws IOException {
    return FACTORY.createParser(text);
  }

  /** Reads the value at the current token as a tree (for small sub-objects such as usage blocks). */
  static JsonNode readTree(JsonParser p) throws IOException {
    return MAPPER.readTree(p);
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
