package dev.airlock.agent.guard.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/** JSON value helpers with JSON Schema's meaning: numbers compare by value, 1.0 is an integer. */
final class Json {

  private Json() {}

  /** Whether {@code v} is of the JSON Schema type {@code type}; unknown type names accept anything. */
  static boolean hasType(JsonNode v, String type) {
    switch (type) {
      case "object":
        return v.isObject();
      case "array":
        return v.isArray();
      case "string":
        return v.isTextual();
      case "boolean":
        return v.isBoolean();
      case "null":
        return v.isNull();
      case "number":
        return v.isNumber();
      case "integer":
        return v.isIntegralNumber() || (v.isNumber() && isWhole(v.decimalValue()));
      default:
        return true;
    }
  }

  static String typeName(JsonNode v) {
    if (v.isObject()) {
      return "object";
    }
    if (v.isArray()) {
      return "array";
    }
    if (v.isTextual()) {
      return "string";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isNumber()) {
      return hasType(v, "integer") ? "integer" : "number";
    }
    return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean isWhole(BigDecimal d) {
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  /** Deep equality with numbers compared by value ({@code 1 == 1.0}). */
  static boolean equal(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = a.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        JsonNode other = b.get(f.getKey());
        if (other == null || !equal(f.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** Property names longer than this are cut in paths: a path describes, it does not quote. */
  private static final int MAX_NAME = 40;

  /** {@code $.name}, or {@code $['odd key']} when the name is not a plain identifier. */
  static String childPath(String path, String key) {
    String name = key.length() > MAX_NAME ? key.substring(0, MAX_NAME) + "..." : key;
    boolean plain = !name.isEmpty() && (Character.isLetter(name.charAt(0)) || name.charAt(0) == '_');
    for (int i = 0; plain && i < name.length(); i++) {
      char c = name.charAt(i);
      plain = Character.isLetterOrDigit(c) || c == '_';
    }
    return plain ? path + "." + name : path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }
}
