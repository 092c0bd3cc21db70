package dev.airlock.agent.guard.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks a complete JSON value against a {@link JsonSchema} and names the first violation (its
 * JSON path and the keyword), never the offending value: the description may end up in logs and
 * telemetry. Stateless.
 */
public final class SchemaValidator {

  /** How deep {@code $ref} chains and nested combinators may go for one value: bounds a schema that refers to itself without consuming input. */
  private static final int MAX_SCHEMA_DEPTH = 64;

  private SchemaValidator() {}

  /** The first violation of {@code schema} by {@code value}, or null when it conforms. */
  public static String validate(JsonSchema schema, JsonNode value) {
    return validate(schema, value, "$", 0);
  }

  static String validate(JsonSchema s, JsonNode v, String path, int depth) {
    if (s == JsonSchema.ANY) {
      return null;
    }
    if (depth > MAX_SCHEMA_DEPTH) {
      return null; // a schema that loops on itself: nothing more can be learned
    }
    if (s.alwaysFalse) {
      return path + ": not allowed by the schema (false)";
    }
    JsonSchema ref = s.ref();
    if (ref != null) {
      String r = validate(ref, v, path, depth + 1);
      if (r != null) {
        return r;
      }
    }
    if (s.types != null && !typeMatches(s.types, v)) {
      return path + ": expected " + String.join(" or ", s.types) + ", got " + typeOf(v);
    }
    if (s.constValue != null && !Json.equal(s.constValue, v)) {
      return path + ": not the const value";
    }
    if (s.enumValues != null && !inEnum(s, v)) {
      return path + ": not one of the enum values";
    }
    String r;
    if (v.isObject()) {
      r = object(s, v, path, depth);
    } else if (v.isArray()) {
      r = array(s, v, path, depth);
    } else if (v.isNumber()) {
      r = number(s, v.decimalValue(), path);
    } else if (v.isTextual()) {
      r = string(s, v.textValue(), path);
    } else {
      r = null;
    }
    if (r != null) {
      return r;
    }
    return combinators(s, v, path, depth);
  }

  private static String object(JsonSchema s, JsonNode v, String path, int depth) {
    for (String name : s.required) {
      if (!v.has(name)) {
        return path + ": missing required property '" + name + "'";
      }
    }
    if (s.minProperties != null && v.size() < s.minProperties) {
      return path + ": fewer than " + s.minProperties + " properties";
    }
    if (s.maxProperties != null && v.size() > s.maxProperties) {
      return path + ": more than " + s.maxProperties + " properties";
    }
    Iterator<Map.Entry<String, JsonNode>> fields = v.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String child = Json.childPath(path, f.getKey());
      JsonSchema declared = s.properties.get(f.getKey());
      if (declared != null) {
        String r = validate(declared, f.getValue(), child, depth + 1);
        if (r != null) {
          return r;
        }
      } else if (s.noAdditionalProperties && !s.patternProperties) {
        return child + ": property not allowed (additionalProperties: false)";
      } else if (s.additionalProperties != null && !s.patternProperties) {
        String r = validate(s.additionalProperties, f.getValue(), child, depth + 1);
        if (r != null) {
          return r;
        }
      }
    }
    return null;
  }

  private static String array(JsonSchema s, JsonNode v, String path, int depth) {
    if (s.minItems != null && v.size() < s.minItems) {
      return path + ": fewer than " + s.minItems + " items";
    }
    if (s.maxItems != null && v.size() > s.maxItems) {
      return path + ": more than " + s.maxItems + " items";
    }
    for (int i = 0; i < v.size(); i++) {
      JsonSchema item = itemSchema(s, i);
      if (item == null) {
        return path + "[" + i + "]: item not allowed (no more items)";
      }
      String r = validate(item, v.get(i), path + "[" + i + "]", depth + 1);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  /** The schema of item {@code i}; {@link JsonSchema#ANY} when unconstrained, null when not allowed. */
  static JsonSchema itemSchema(JsonSchema s, int i) {
    if (i < s.prefixItems.size()) {
      return s.prefixItems.get(i);
    }
    if (s.items != null) {
      return s.items;
    }
    return s.noAdditionalItems ? null : JsonSchema.ANY;
  }

  private static String number(JsonSchema s, BigDecimal n, String path) {
    if (s.minimum != null && n.compareTo(s.minimum) < 0) {
      return path + ": below the minimum " + s.minimum.toPlainString();
    }
    if (s.maximum != null && n.compareTo(s.maximum) > 0) {
      return path + ": above the maximum " + s.maximum.toPlainString();
    }
    if (s.exclusiveMinimum != null && n.compareTo(s.exclusiveMinimum) <= 0) {
      return path + ": not above the exclusive minimum " + s.exclusiveMinimum.toPlainString();
    }
    if (s.exclusiveMaximum != null && n.compareTo(s.exclusiveMaximum) >= 0) {
      return path + ": not below the exclusive maximum " + s.exclusiveMaximum.toPlainString();
    }
    if (s.multipleOf != null && n.remainder(s.multipleOf).signum() != 0) {
      return path + ": not a multiple of " + s.multipleOf.toPlainString();
    }
    return null;
  }

  private static String string(JsonSchema s, String text, String path) {
    if (s.minLength != null || s.maxLength != null) {
      int length = text.codePointCount(0, text.length());
      if (s.minLength != null && length < s.minLength) {
        return path + ": shorter than " + s.minLength + " characters";
      }
      if (s.maxLength != null && length > s.maxLength) {
        return path + ": longer than " + s.maxLength + " characters";
      }
    }
    if (s.pattern != null && !s.pattern.matcher(text).find()) {
      return path + ": does not match the pattern";
    }
    return null;
  }

  private static String combinators(JsonSchema s, JsonNode v, String path, int depth) {
    for (JsonSchema all : s.allOf) {
      String r = validate(all, v, path, depth + 1);
      if (r != null) {
        return r;
      }
    }
    if (!s.anyOf.isEmpty()) {
      String first = null;
      boolean any = false;
      for (JsonSchema option : s.anyOf) {
        String r = validate(option, v, path, depth + 1);
        if (r == null) {
          any = true;
          break;
        }
        first = first == null ? r : first;
      }
      if (!any) {
        return path + ": matches none of anyOf (first: " + first + ")";
      }
    }
    if (!s.oneOf.isEmpty()) {
      int matches = 0;
      for (JsonSchema option : s.oneOf) {
        if (validate(option, v, path, depth + 1) == null) {
          matches++;
        }
      }
      if (matches != 1) {
        return path + ": matches " + matches + " of oneOf, not exactly one";
      }
    }
    if (s.not != null && validate(s.not, v, path, depth + 1) == null) {
      return path + ": matches the schema under not";
    }
    return null;
  }

  private static boolean inEnum(JsonSchema s, JsonNode v) {
    for (JsonNode option : s.enumValues) {
      if (Json.equal(option, v)) {
        return true;
      }
    }
    return false;
  }

  static boolean typeMatches(java.util.Set<String> types, JsonNode v) {
    for (String t : types) {
      if (Json.hasType(v, t)) {
        return true;
      }
    }
    return false;
  }

  private static String typeOf(JsonNode v) {
    return Json.typeName(v);
  }
}
