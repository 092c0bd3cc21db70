package dev.airlock.agent.guard.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A JSON Schema compiled for checking an answer: the subset of keywords that structured-output
 * APIs use (OpenAI {@code json_schema}, Gemini {@code responseSchema} and {@code
 * responseJsonSchema}). Immutable and thread-safe once compiled; compiled per request, from the
 * schema the request carries.
 *
 * <p>Supported: {@code type} (a name or a list; Gemini's upper-case names too; "integer" accepts
 * 1.0), {@code nullable} (OpenAPI and Gemini), {@code enum}, {@code const}, {@code properties},
 * {@code required}, {@code additionalProperties} ({@code false} or a schema), {@code
 * minProperties}/{@code maxProperties}, {@code items} (a schema, or the older list form with
 * {@code additionalItems}), {@code prefixItems}, {@code minItems}/{@code maxItems}, {@code
 * minimum}/{@code maximum}, {@code exclusiveMinimum}/{@code exclusiveMaximum} (numbers, or the
 * draft-4 booleans), {@code multipleOf}, {@code minLength}/{@code maxLength} (in code points),
 * {@code pattern} (as a Java regex, searched, not anchored), {@code allOf}, {@code anyOf},
 * {@code oneOf}, {@code not}, boolean schemas, and {@code $ref} to a JSON pointer inside the same
 * document ({@code #/$defs/...}, {@code #/definitions/...}, {@code #}), recursive schemas included;
 * a {@code $ref} applies together with its sibling keywords, as in current drafts.
 *
 * <p>Not supported, and passing: every other keyword ({@code format}, {@code uniqueItems}, {@code
 * patternProperties} (a schema with it accepts any property name), {@code dependentRequired},
 * {@code if}/{@code then}/{@code else}, {@code contains}, {@code propertyNames}, {@code
 * unevaluatedProperties}, ...), {@code $ref} to other documents, and a {@code pattern} that is not
 * a valid Java regex. Integer-valued keywords written as strings (Gemini's int64 fields) are read.
 */
public final class JsonSchema {

  /** Accepts everything: the schema {@code true}, an empty schema, or what could not be read. */
  static final JsonSchema ANY = new JsonSchema();

  // Every field is set once while compiling; after compile() returns, nothing changes.
  boolean alwaysFalse;
  /** Allowed JSON types ("object", "array", "string", "number", "integer", "boolean", "null"); null: any. */
  Set<String> types;
  List<JsonNode> enumValues;
  JsonNode constValue;
  Map<String, JsonSchema> properties = Collections.emptyMap();
  List<String> required = Collections.emptyList();
  /** {@code additionalProperties: false}. */
  boolean noAdditionalProperties;
  /** {@code additionalProperties} as a schema; null when absent, true or false. */
  JsonSchema additionalProperties;
  /** A {@code patternProperties} keyword is present: property names cannot be checked. */
  boolean patternProperties;
  Integer minProperties;
  Integer maxProperties;
  JsonSchema items;
  List<JsonSchema> prefixItems = Collections.emptyList();
  /** {@code items: false} or {@code additionalItems: false} after a prefix. */
  boolean noAdditionalItems;
  Integer minItems;
  Integer maxItems;
  BigDecimal minimum;
  BigDecimal maximum;
  BigDecimal exclusiveMinimum;
  BigDecimal exclusiveMaximum;
  BigDecimal multipleOf;
  Integer minLength;
  Integer maxLength;
  Pattern pattern;
  List<JsonSchema> allOf = Collections.emptyList();
  List<JsonSchema> anyOf = Collections.emptyList();
  List<JsonSchema> oneOf = Collections.emptyList();
  JsonSchema not;
  /** The schema a {@code $ref} points at (compiled lazily: schemas may be recursive). */
  private Ref ref;

  private JsonSchema() {}

  /**
   * Compiles {@code schema} (the root of its document, for {@code $ref}). Never throws: a keyword
   * whose value cannot be read is ignored, so a schema this class does not fully understand
   * checks less, never more.
   */
  public static JsonSchema compile(JsonNode schema) {
    return new Compiler(schema).compile(schema);
  }

  /** The schema behind {@code $ref}, or null. */
  JsonSchema ref() {
    return ref == null ? null : ref.get();
  }

  /** A reference inside the document, resolved on first use. */
  private static final class Ref {
    private final Compiler compiler;
    private final String pointer;
    private JsonSchema target;

    Ref(Compiler compiler, String pointer) {
      this.compiler = compiler;
      this.pointer = pointer;
    }

    synchronized JsonSchema get() {
      if (target == null) {
        target = compiler.resolve(pointer);
      }
      return target;
    }
  }

  /** Compiles one document; shares compiled schemas per JSON pointer so that cycles terminate. */
  private static final class Compiler {
    private final JsonNode root;
    private final Map<String, JsonSchema> byPointer = new HashMap<>();

    Compiler(JsonNode root) {
      this.root = root;
    }

    synchronized JsonSchema resolve(String pointer) {
      JsonSchema known = byPointer.get(pointer);
      if (known != null) {
        return known;
      }
      JsonNode target = pointer.isEmpty() ? root : at(root, pointer);
      JsonSchema compiled = target == null ? ANY : compile(target);
      byPointer.put(pointer, compiled);
      return compiled;
    }

    private static JsonNode at(JsonNode root, String pointer) {
      try {
        JsonNode n = root.at(pointer);
        return n.isMissingNode() ? null : n;
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    JsonSchema compile(JsonNode node) {
      if (node == null || node.isMissingNode() || node.isNull()) {
        return ANY;
      }
      if (node.isBoolean()) {
        if (node.booleanValue()) {
          return ANY;
        }
        JsonSchema never = new JsonSchema();
        never.alwaysFalse = true;
        return never;
      }
      if (!node.isObject()) {
        return ANY;
      }
      JsonSchema s = new JsonSchema();
      s.types = types(node.get("type"), node.path("nullable").asBoolean(false));
      if (node.path("enum").isArray()) {
        s.enumValues = new ArrayList<>();
        node.get("enum").forEach(s.enumValues::add);
      }
      s.constValue = node.get("const");
      if (node.path("properties").isObject()) {
        Map<String, JsonSchema> props = new LinkedHashMap<>();
        node.get("properties").fields().forEachRemaining(e -> props.put(e.getKey(), compile(e.getValue())));
        s.properties = props;
      }
      if (node.path("required").isArray()) {
        List<String> req = new ArrayList<>();
        node.get("required").forEach(r -> {
          if (r.isTextual()) {
            req.add(r.asText());
          }
        });
        s.required = req;
      }
      JsonNode additional = node.get("additionalProperties");
      if (additional != null && additional.isBoolean()) {
        s.noAdditionalProperties = !additional.booleanValue();
      } else if (additional != null && additional.isObject()) {
        s.additionalProperties = compile(additional);
      }
      s.patternProperties = node.has("patternProperties");
      s.minProperties = integer(node.get("minProperties"));
      s.maxProperties = integer(node.get("maxProperties"));
      items(node, s);
      s.minItems = integer(node.get("minItems"));
      s.maxItems = integer(node.get("maxItems"));
      s.minimum = decimal(node.get("minimum"));
      s.maximum = decimal(node.get("maximum"));
      JsonNode exMin = node.get("exclusiveMinimum");
      JsonNode exMax = node.get("exclusiveMaximum");
      if (exMin != null && exMin.isBoolean()) {
        // Draft 4: the flag turns minimum into an exclusive bound.
        if (exMin.booleanValue() && s.minimum != null) {
          s.exclusiveMinimum = s.minimum;
          s.minimum = null;
        }
      } else {
        s.exclusiveMinimum = decimal(exMin);
      }
      if (exMax != null && exMax.isBoolean()) {
        if (exMax.booleanValue() && s.maximum != null) {
          s.exclusiveMaximum = s.maximum;
          s.maximum = null;
        }
      } else {
        s.exclusiveMaximum = decimal(exMax);
      }
      BigDecimal multiple = decimal(node.get("multipleOf"));
      s.multipleOf = multiple != null && multiple.signum() > 0 ? multiple : null;
      s.minLength = integer(node.get("minLength"));
      s.maxLength = integer(node.get("maxLength"));
      if (node.path("pattern").isTextual()) {
        try {
          s.pattern = Pattern.compile(node.get("pattern").asText());
        } catch (PatternSyntaxException e) {
          s.pattern = null; // an ECMA-only construct: not checked rather than misread
        }
      }
      s.allOf = list(node.get("allOf"));
      s.anyOf = list(node.get("anyOf"));
      s.oneOf = list(node.get("oneOf"));
      s.not = node.has("not") ? compile(node.get("not")) : null;
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
        s.ref = new Ref(this, ref.asText().substring(1));
      }
      return s;
    }

    private void items(JsonNode node, JsonSchema s) {
      JsonNode items = node.get("items");
      JsonNode prefix = node.get("prefixItems");
      if (prefix != null && prefix.isArray()) {
        s.prefixItems = list(prefix);
        setRest(items, s);
      } else if (items != null && items.isArray()) {
        // The older tuple form: items is the prefix, additionalItems the rest.
        s.prefixItems = list(items);
        setRest(node.get("additionalItems"), s);
      } else {
        setRest(items, s);
      }
    }

    private void setRest(JsonNode rest, JsonSchema s) {
      if (rest == null) {
        return;
      }
      if (rest.isBoolean()) {
        s.noAdditionalItems = !rest.booleanValue();
      } else {
        s.items = compile(rest);
      }
    }

    private List<JsonSchema> list(JsonNode array) {
      if (array == null || !array.isArray() || array.size() == 0) {
        return Collections.emptyList();
      }
      List<JsonSchema> out = new ArrayList<>(array.size());
      array.forEach(n -> out.add(compile(n)));
      return out;
    }

    private static Set<String> types(JsonNode type, boolean nullable) {
      Set<String> out = new LinkedHashSet<>();
      if (type != null && type.isTextual()) {
        addType(out, type.asText());
      } else if (type != null && type.isArray()) {
        type.forEach(t -> addType(out, t.asText()));
      }
      if (out.isEmpty()) {
        return null;
      }
      if (nullable) {
        out.add("null");
      }
      return out;
    }

    private static void addType(Set<String> out, String name) {
      String t = name.toLowerCase(Locale.ROOT);
      if (!t.isEmpty() && !t.equals("type_unspecified")) {
        out.add(t);
      }
    }

    private static Integer integer(JsonNode n) {
      BigDecimal d = decimal(n);
      if (d == null || d.signum() < 0) {
        return null;
      }
      try {
        return d.intValueExact();
      } catch (ArithmeticException e) {
        return d.compareTo(BigDecimal.ZERO) > 0 ? Integer.MAX_VALUE : null;
      }
    }

    private static BigDecimal decimal(JsonNode n) {
      if (n == null) {
        return null;
      }
      if (n.isNumber()) {
        return n.decimalValue();
      }
      if (n.isTextual()) {
        try {
          return new BigDecimal(n.asText().trim());
        } catch (NumberFormatException e) {
          return null;
        }
      }
      return null;
    }
  }
}
