package dev.airlock.agent.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The translators' one Jackson setup and the small tree helpers they share.
 *
 * <p>Translation needs every part of a body (messages, schemas, images), so unlike the codecs,
 * which stream past content, it works on Jackson trees. A single mapper serves all calls: mappers
 * are thread-safe once configured and costly to create.
 */
final class JsonUtil {

  /**
   * Fails on trailing tokens: without it Jackson reads {@code "12 °C, sunny"} as the number 12,
   * and a tool result that merely starts like JSON would be mangled.
   */
  static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonUtil() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /**
   * Parses a body that must be one JSON object.
   *
   * @param what names the body in the exception message, e.g. "OpenAI chat request"
   * @throws TranslationException when it is not valid JSON or not an object
   */
  static ObjectNode parseObject(byte[] body, String what) {
    if (body == null) {
      throw new TranslationException(what + ": no body");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new TranslationException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new TranslationException(what + " could not be read: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new TranslationException(what + " is not a JSON object");
    }
    return (ObjectNode) node;
  }

  /** Parses one SSE event's data as a JSON object, or returns null when it is anything else. */
  static ObjectNode parseEvent(String data) {
    try {
      JsonNode node = MAPPER.readTree(data);
      return node != null && node.isObject() ? (ObjectNode) node : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Parses JSON text, or returns null when it is not valid JSON. */
  static JsonNode parseOrNull(String text) {
    if (text == null) {
      return null;
    }
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      // A tree built from nodes always serializes; this would be a bug, not bad input.
      throw new IllegalStateException(e);
    }
  }

  static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The first member of {@code node} present under any of {@code names}: Gemini accepts both the
   * proto JSON names ({@code inlineData}) and the original field names ({@code inline_data}), and
   * clients send either.
   */
  static JsonNode get(JsonNode node, String... names) {
    if (node == null || !node.isObject()) {
      return null;
    }
    for (String name : names) {
      JsonNode v = node.get(name);
      if (v != null && !v.isNull() && !v.isMissingNode()) {
        return v;
      }
    }
    return null;
  }

  /** A string member (under any of the names), or null. */
  static String string(JsonNode node, String... names) {
    JsonNode v = get(node, names);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /** A number member as a double, or null. */
  static Double number(JsonNode node, String... names) {
    JsonNode v = get(node, names);
    return v != null && v.isNumber() ? v.asDouble() : null;
  }

  /** An integral number member (1024.0 accepted), or null. */
  static Long integer(JsonNode node, String... names) {
    JsonNode v = get(node, names);
    if (v == null || !v.isNumber()) {
      // Proto JSON writes int64 values as strings ("maxOutputTokens": "1024" is legal for Gemini).
      if (v != null && v.isTextual()) {
        try {
          return Long.parseLong(v.asText().trim());
        } catch (NumberFormatException e) {
          return null;
        }
      }
      return null;
    }
    double d = v.asDouble();
    return d == Math.rint(d) ? v.asLong() : null;
  }

  /** A boolean member, or null. */
  static Boolean bool(JsonNode node, String... names) {
    JsonNode v = get(node, names);
    return v != null && v.isBoolean() ? v.asBoolean() : null;
  }

  /** The node as an iterable array: an array as is, anything else (absent, null, scalar) as empty. */
  static Iterable<JsonNode> elements(JsonNode node) {
    return node != null && node.isArray() ? node : NODES.arrayNode();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
