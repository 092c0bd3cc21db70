package dev.airlock.agent.guard.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Checks that a text is one JSON value (and, with a schema, that it conforms), fed piece by piece
 * as a stream delivers it, and reports a violation as soon as the text so far proves one: a
 * syntax error at the char that breaks it, a property that {@code additionalProperties: false}
 * forbids at its name, a value of the wrong type at its first char, an enum, bound or length
 * violation when the value ends, a missing required property when its object closes. What needs
 * the whole value ({@code anyOf}, {@code oneOf}, {@code not}) is checked when that value ends, at
 * the latest when the text ends.
 *
 * <p>The same class checks whole answers ({@link #check}), so a text gets the same verdict
 * however it was delivered. Text that is only whitespace is not an answer to check (a streamed
 * tool call often carries an empty text delta) and passes. Not thread-safe; one per text.
 *
 * <p>Violations name the JSON path and the rule, never the offending value.
 */
public final class StreamingJsonCheck {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /** One open object or array: its node, the schemas that apply to it, and where it is. */
  private static final class Frame {
    final JsonNode node;
    /** Schemas to validate the whole value against when it closes. */
    final List<JsonSchema> declared;
    /** Schemas that apply unconditionally (refs and allOf flattened): for children and early checks. */
    final List<JsonSchema> effective;
    final String path;
    String key;
    int index;

    Frame(JsonNode node, List<JsonSchema> declared, List<JsonSchema> effective, String path) {
      this.node = node;
      this.declared = declared;
      this.effective = effective;
      this.path = path;
    }
  }

  private final JsonSchema schema;
  private final JsonParser parser;
  private final ByteArrayFeeder feeder;
  private final Deque<Frame> open = new ArrayDeque<>();
  private boolean rootDone;
  private boolean sawText;
  private String violation;
  /** A high surrogate that ended the last piece: its pair comes with the next one. */
  private char pendingHigh;

  /** @param schema the schema the value must conform to, or null to check only that it is JSON */
  public StreamingJsonCheck(JsonSchema schema) {
    this.schema = schema;
    try {
      this.parser = FACTORY.createNonBlockingByteArrayParser();
    } catch (IOException e) {
      throw new IllegalStateException("no non-blocking JSON parser", e);
    }
    this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
  }

  /** The first violation of a whole text, or null when it is one JSON value that conforms. */
  public static String check(String text, JsonSchema schema) {
    StreamingJsonCheck c = new StreamingJsonCheck(schema);
    String v = c.feed(text);
    return v != null ? v : c.finish();
  }

  /** Reads the next piece; returns the violation found so far (it stays reported), or null. */
  public String feed(String piece) {
    if (violation != null || piece.isEmpty()) {
      return violation;
    }
    if (!sawText && !piece.trim().isEmpty()) {
      sawText = true;
    }
    String text = pendingHigh != 0 ? pendingHigh + piece : piece;
    pendingHigh = 0;
    if (Character.isHighSurrogate(text.charAt(text.length() - 1))) {
      // Encoded alone, half a pair would become '?': keep it for the next piece.
      pendingHigh = text.charAt(text.length() - 1);
      text = text.substring(0, text.length() - 1);
    }
    feedText(text);
    return violation;
  }

  private void feedText(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      feeder.feedInput(bytes, 0, bytes.length);
      drain();
    } catch (IOException e) {
      violation = syntax();
    }
  }

  /** The text is complete: the violation, or null when it was one JSON value that conforms. */
  public String finish() {
    if (violation != null) {
      return violation;
    }
    if (pendingHigh != 0) {
      feedText(String.valueOf(pendingHigh)); // a lone surrogate: encoded as '?', as Java does
      pendingHigh = 0;
      if (violation != null) {
        return violation;
      }
    }
    feeder.endOfInput();
    try {
      drain();
    } catch (IOException e) {
      violation = syntax();
      return violation;
    }
    if (!rootDone && sawText) {
      violation = "not JSON: the text ends before the value does";
    }
    return violation;
  }

  private String syntax() {
    return "not JSON: invalid syntax at byte " + parser.currentLocation().getByteOffset();
  }

  private void drain() throws IOException {
    JsonToken t;
    while (violation == null && (t = parser.nextToken()) != null && t != JsonToken.NOT_AVAILABLE) {
      token(t);
    }
  }

  private void token(JsonToken t) throws IOException {
    if (t == JsonToken.FIELD_NAME) {
      Frame f = open.peek();
      f.key = parser.currentName();
      String child = Json.childPath(f.path, f.key);
      for (JsonSchema s : f.effective) {
        if (!s.patternProperties && s.noAdditionalProperties && !s.properties.containsKey(f.key)) {
          violation = child + ": property not allowed (additionalProperties: false)";
          return;
        }
      }
      return;
    }
    if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
      Frame f = open.pop();
      completed(f.node, f.declared, f.path);
      return;
    }
    if (rootDone) {
      violation = "not JSON: more than one value";
      return;
    }
    Frame parent = open.peek();
    String path = parent == null ? "$" : parent.node.isObject() ? Json.childPath(parent.path, parent.key)
        : parent.path + "[" + parent.index + "]";
    List<JsonSchema> declared = declaredFor(parent);
    if (declared == null) {
      violation = path + ": item not allowed (no more items)";
      return;
    }
    List<JsonSchema> effective = effective(declared);
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      JsonNode node = t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
      if (!typeAllowed(effective, node, path)) {
        return;
      }
      attach(parent, node);
      open.push(new Frame(node, declared, effective, path));
      return;
    }
    JsonNode value = scalar(t);
    attach(parent, value);
    if (typeAllowed(effective, value, path)) {
      completed(value, declared, path);
    }
  }

  /** The schemas declared for the next value in {@code parent}; null when no value may go there. */
  private List<JsonSchema> declaredFor(Frame parent) {
    if (parent == null) {
      return schema == null ? Collections.emptyList() : Collections.singletonList(schema);
    }
    List<JsonSchema> out = new ArrayList<>(1);
    for (JsonSchema s : parent.effective) {
      if (parent.node.isObject()) {
        JsonSchema p = s.properties.get(parent.key);
        if (p != null) {
          out.add(p);
        } else if (s.additionalProperties != null && !s.patternProperties) {
          out.add(s.additionalProperties);
        }
      } else {
        JsonSchema item = SchemaValidator.itemSchema(s, parent.index);
        if (item == null) {
          return null;
        }
        out.add(item);
      }
    }
    return out;
  }

  /**
   * The schemas that hold whatever branch of a combinator the value takes: each declared schema,
   * what its {@code $ref} points at, and its {@code allOf} branches, recursively. {@code anyOf},
   * {@code oneOf} and {@code not} are left to the check of the whole value.
   */
  private static List<JsonSchema> effective(List<JsonSchema> declared) {
    List<JsonSchema> out = new ArrayList<>(declared.size());
    for (JsonSchema s : declared) {
      flatten(s, out, 0);
    }
    return out;
  }

  private static void flatten(JsonSchema s, List<JsonSchema> out, int depth) {
    if (s == JsonSchema.ANY || depth > 16 || out.contains(s)) {
      return;
    }
    out.add(s);
    JsonSchema ref = s.ref();
    if (ref != null) {
      flatten(ref, out, depth + 1);
    }
    for (JsonSchema all : s.allOf) {
      flatten(all, out, depth + 1);
    }
  }

  private boolean typeAllowed(List<JsonSchema> effective, JsonNode value, String path) {
    for (JsonSchema s : effective) {
      if (s.alwaysFalse) {
        violation = path + ": not allowed by the schema (false)";
        return false;
      }
      if (s.types != null && !SchemaValidator.typeMatches(s.types, value)) {
        violation = path + ": expected " + String.join(" or ", s.types) + ", got " + Json.typeName(value);
        return false;
      }
    }
    return true;
  }

  private void completed(JsonNode value, List<JsonSchema> declared, String path) {
    for (JsonSchema s : declared) {
      String v = SchemaValidator.validate(s, value, path, 0);
      if (v != null) {
        violation = v;
        return;
      }
    }
    Frame parent = open.peek();
    if (parent == null) {
      rootDone = true;
    } else if (parent.node.isArray()) {
      parent.index++;
    }
  }

  private static void attach(Frame parent, JsonNode value) {
    if (parent == null) {
      return;
    }
    if (parent.node.isObject()) {
      ((ObjectNode) parent.node).set(parent.key, value);
    } else {
      ((ArrayNode) parent.node).add(value);
    }
  }

  private JsonNode scalar(JsonToken t) throws IOException {
    switch (t) {
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return NODES.numberNode(parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      default:
        return NODES.nullNode();
    }
  }
}
