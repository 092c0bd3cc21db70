package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Converts between JSON Schema (what OpenAI and Anthropic take for tool parameters and structured
 * output) and Gemini's {@code Schema}, a subset of the OpenAPI 3.0 schema object.
 *
 * <p>Gemini rejects a schema containing keywords outside its subset ({@code additionalProperties},
 * {@code $schema}, {@code $ref}, ... are "unknown fields" to its proto parser), and schemas made by
 * Pydantic, Jackson or zod use them all. So: local {@code $ref}s are inlined, {@code oneOf} becomes
 * {@code anyOf}, {@code const} becomes a one-value enum, a type list with {@code "null"} becomes
 * {@code nullable}, and every keyword outside the subset is dropped. Dropping only loosens
 * validation hints; it never changes the shape of the data the model produces.
 */
final class Schemas {

  /** Gemini's Schema fields that carry over from JSON Schema unchanged. */
  private static final Set<String> GEMINI_PLAIN_KEYWORDS = new HashSet<>(java.util.Arrays.asList(
      "title", "description", "nullable", "minItems", "maxItems", "minLength", "maxLength", "pattern",
      "minimum", "maximum", "minProperties", "maxProperties", "default", "example", "propertyOrdering"));

  /** Formats every Gemini model accepts; others (email, uri, uuid...) are dropped rather than risk a 400. */
  private static final Set<String> GEMINI_FORMATS = new HashSet<>(java.util.Arrays.asList(
      "enum", "date-time", "float", "double", "int32", "int64"));

  /** Deeper nesting than this is taken for a recursive {@code $ref}, which Gemini's schema cannot express. */
  private static final int MAX_DEPTH = 40;

  private Schemas() {}

  /**
   * A JSON Schema as a Gemini Schema.
   *
   * @param what names the schema in exception messages, e.g. "parameters of tool 'get_weather'"
   * @throws TranslationException for a recursive schema, which Gemini cannot express
   */
  static ObjectNode toGemini(JsonNode schema, String what) {
    if (schema == null || !schema.isObject()) {
      return JsonUtil.object();
    }
    return toGemini(schema, schema, what, 0);
  }

  private static ObjectNode toGemini(JsonNode s, JsonNode root, String what, int depth) {
    if (depth > MAX_DEPTH) {
      throw new TranslationException(
          "the " + what + " is recursive (or nested deeper than " + MAX_DEPTH + " levels); Gemini's schema has no $ref");
    }
    s = resolve(s, root, what);
    ObjectNode out = JsonUtil.object();
    if (s == null || !s.isObject()) {
      return out;
    }
    JsonNode allOf = s.get("allOf");
    if (allOf != null && allOf.isArray()) {
      s = mergeAllOf((ObjectNode) s, root, what);
    }
    // type: a list with "null" becomes nullable; several other types become an anyOf of each.
    JsonNode type = s.get("type");
    List<String> types = new ArrayList<>();
    boolean nullable = false;
    if (type != null && type.isTextual()) {
      types.add(type.asText());
    } else if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        types.add(t.asText());
      }
    }
    if (types.remove("null")) {
      nullable = true;
    }
    if (types.size() == 1) {
      out.put("type", types.get(0).toUpperCase(Locale.ROOT));
    } else if (types.size() > 1) {
      ArrayNode any = out.putArray("anyOf");
      for (String t : types) {
        ObjectNode copy = ((ObjectNode) s).deepCopy();
        copy.put("type", t);
        any.add(toGemini(copy, root, what, depth + 1));
      }
      if (nullable) {
        out.put("nullable", true);
      }
      copyPlain(s, out);
      return out;
    }
    if (nullable) {
      out.put("nullable", true);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = s.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      JsonNode v = e.getValue();
      switch (k) {
        case "properties":
          if (v.isObject()) {
            ObjectNode props = out.putObject("properties");
            for (Iterator<Map.Entry<String, JsonNode>> p = v.properties().iterator(); p.hasNext(); ) {
              Map.Entry<String, JsonNode> pe = p.next();
              props.set(pe.getKey(), toGemini(pe.getValue(), root, what, depth + 1));
            }
            if (!out.has("type")) {
              out.put("type", "OBJECT");
            }
          }
          break;
        case "items":
          if (v.isObject()) {
            out.set("items", toGemini(v, root, what, depth + 1));
          } else if (v.isArray() && v.size() > 0) {
            // A tuple: Gemini has no prefixItems; any of the element schemas is the closest fit.
            ObjectNode items = out.putObject("items");
            ArrayNode any = items.putArray("anyOf");
            for (JsonNode i : v) {
              any.add(toGemini(i, root, what, depth + 1));
            }
          }
          break;
        case "anyOf":
        case "oneOf":
          if (v.isArray()) {
            ArrayNode any = JsonUtil.array();
            for (JsonNode branch : v) {
              JsonNode b = resolve(branch, root, what);
              if (b != null && "null".equals(JsonUtil.string(b, "type"))) {
                out.put("nullable", true); // Pydantic's Optional[X]: anyOf [X, {"type": "null"}]
              } else {
                any.add(toGemini(branch, root, what, depth + 1));
              }
            }
            if (any.size() == 1 && !out.has("type")) {
              ObjectNode only = (ObjectNode) any.get(0);
              only.properties().iterator().forEachRemaining(f -> {
                if (!out.has(f.getKey())) {
                  out.set(f.getKey(), f.getValue());
                }
              });
            } else if (any.size() > 0) {
              out.set("anyOf", any);
            }
          }
          break;
        case "enum":
          if (v.isArray()) {
            writeEnum(v, out);
          }
          break;
        case "const":
          writeEnum(JsonUtil.array().add(v), out);
          break;
        case "format":
          if (v.isTextual() && GEMINI_FORMATS.contains(v.asText())) {
            out.put("format", v.asText());
          }
          break;
        default:
          // A null default (Pydantic's Optional fields) says nothing and risks a proto null.
          if (GEMINI_PLAIN_KEYWORDS.contains(k) && !(v.isNull() && "default".equals(k))) {
            out.set(k, v);
          }
          // Everything else ($schema, $id, $defs, additionalProperties, examples, multipleOf,
          // exclusiveMinimum, uniqueItems, not, if/then/else, ...) is outside Gemini's subset.
          break;
      }
    }
    JsonNode required = s.get("required");
    if (required != null && required.isArray() && out.has("properties")) {
      ArrayNode req = JsonUtil.array();
      for (JsonNode r : required) {
        // Gemini refuses a required name that is not a property.
        if (r.isTextual() && out.get("properties").has(r.asText())) {
          req.add(r.asText());
        }
      }
      if (req.size() > 0) {
        out.set("required", req);
      }
    }
    return out;
  }

  /** Gemini enums are strings only; other values go into the description so the model still sees them. */
  private static void writeEnum(JsonNode values, ObjectNode out) {
    boolean allStrings = true;
    ArrayNode nonNull = JsonUtil.array();
    for (JsonNode v : values) {
      if (v.isNull()) {
        out.put("nullable", true); // JSON Schema lists null among the values; Gemini says nullable
        continue;
      }
      allStrings &= v.isTextual();
      nonNull.add(v);
    }
    values = nonNull;
    if (allStrings) {
      out.set("enum", values);
      if (!out.has("type")) {
        out.put("type", "STRING");
      }
      return;
    }
    String hint = "Allowed values: " + JsonUtil.text(values);
    String description = JsonUtil.string(out, "description");
    out.put("description", description == null ? hint : description + " (" + hint + ")");
  }

  private static void copyPlain(JsonNode s, ObjectNode out) {
    for (String k : new String[] {"title", "description"}) {
      if (s.has(k)) {
        out.set(k, s.get(k));
      }
    }
  }

  /** Follows a local {@code $ref} ({@code #/$defs/X}, {@code #/definitions/X}, any JSON pointer into the root). */
  private static JsonNode resolve(JsonNode s, JsonNode root, String what) {
    int hops = 0;
    while (s != null && s.isObject() && s.has("$ref")) {
      String ref = s.get("$ref").asText();
      if (!ref.startsWith("#")) {
        throw new TranslationException("the " + what + " refers to an external schema (" + ref + "), which cannot be inlined");
      }
      JsonNode target = root.at(ref.substring(1));
      if (target.isMissingNode()) {
        throw new TranslationException("the " + what + " has an unresolvable $ref " + ref);
      }
      if (++hops > MAX_DEPTH) {
        throw new TranslationException("the " + what + " has a $ref cycle at " + ref);
      }
      if (s.size() > 1) {
        // Siblings of $ref (e.g. a description) apply too.
        ObjectNode merged = ((ObjectNode) target).deepCopy();
        ((ObjectNode) s).properties().iterator().forEachRemaining(f -> {
          if (!"$ref".equals(f.getKey())) {
            merged.set(f.getKey(), f.getValue());
          }
        });
        s = merged;
      } else {
        s = target;
      }
    }
    return s;
  }

  /** {@code allOf}: the branches' properties, required lists and other keywords merged into one schema. */
  private static ObjectNode mergeAllOf(ObjectNode s, JsonNode root, String what) {
    ObjectNode merged = s.deepCopy();
    merged.remove("allOf");
    for (JsonNode branch : s.get("allOf")) {
      JsonNode b = resolve(branch, root, what);
      if (b == null || !b.isObject()) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = b.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if ("properties".equals(e.getKey()) && e.getValue().isObject()) {
          ObjectNode props = merged.has("properties") ? (ObjectNode) merged.get("properties") : merged.putObject("properties");
          props.setAll((ObjectNode) e.getValue());
        } else if ("required".equals(e.getKey()) && e.getValue().isArray()) {
          ArrayNode req = merged.has("required") ? (ArrayNode) merged.get("required") : merged.putArray("required");
          req.addAll((ArrayNode) e.getValue());
        } else if (!merged.has(e.getKey())) {
          merged.set(e.getKey(), e.getValue());
        }
      }
    }
    return merged;
  }

  /** Whether a converted Gemini schema is an object without properties (Gemini rejects those as function parameters). */
  static boolean isEmptyObject(ObjectNode geminiSchema) {
    JsonNode props = geminiSchema.get("properties");
    return (props == null || props.size() == 0) && !geminiSchema.has("anyOf")
        && (!geminiSchema.has("type") || "OBJECT".equals(JsonUtil.string(geminiSchema, "type")));
  }

  /**
   * A Gemini Schema as JSON Schema: types lower-cased, {@code nullable} as a type list with {@code
   * "null"}, Gemini-only fields ({@code propertyOrdering}, {@code format: enum}, {@code example})
   * dropped. Unknown members pass through (a Gemini app may already send JSON Schema spellings).
   */
  static ObjectNode toJsonSchema(JsonNode schema) {
    ObjectNode out = JsonUtil.object();
    if (schema == null || !schema.isObject()) {
      return out;
    }
    boolean nullable = Boolean.TRUE.equals(JsonUtil.bool(schema, "nullable"));
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      JsonNode v = e.getValue();
      switch (k) {
        case "type":
          if (v.isTextual()) {
            String t = v.asText().toLowerCase(Locale.ROOT);
            if ("type_unspecified".equals(t)) {
              break;
            }
            if (nullable && !"null".equals(t)) {
              out.putArray("type").add(t).add("null");
            } else {
              out.put("type", t);
            }
          }
          break;
        case "nullable":
        case "propertyOrdering":
        case "property_ordering":
        case "example":
          break;
        case "format":
          if (!"enum".equals(v.asText())) {
            out.set("format", v);
          }
          break;
        case "properties":
          if (v.isObject()) {
            ObjectNode props = out.putObject("properties");
            v.properties().iterator().forEachRemaining(p -> props.set(p.getKey(), toJsonSchema(p.getValue())));
          }
          break;
        case "items":
          out.set("items", toJsonSchema(v));
          break;
        case "anyOf":
        case "any_of":
          if (v.isArray()) {
            ArrayNode any = out.putArray("anyOf");
            for (JsonNode b : v) {
              any.add(toJsonSchema(b));
            }
          }
          break;
        case "min_items":
          out.set("minItems", number(v));
          break;
        case "max_items":
          out.set("maxItems", number(v));
          break;
        case "minItems":
        case "maxItems":
        case "minLength":
        case "maxLength":
        case "minProperties":
        case "maxProperties":
          // Proto JSON writes int64 as strings ("maxItems": "3"); JSON Schema wants numbers.
          out.set(k, number(v));
          break;
        default:
          out.set(k, v);
          break;
      }
    }
    if (nullable && out.get("enum") instanceof ArrayNode) {
      // In JSON Schema, enum restricts null too: a nullable enum must list it.
      ArrayNode values = ((ArrayNode) out.get("enum")).deepCopy();
      values.addNull();
      out.set("enum", values);
    }
    return out;
  }

  private static JsonNode number(JsonNode v) {
    if (v.isTextual()) {
      try {
        return JsonUtil.NODES.numberNode(Long.parseLong(v.asText().trim()));
      } catch (NumberFormatException e) {
        return v;
      }
    }
    return v;
  }
}
