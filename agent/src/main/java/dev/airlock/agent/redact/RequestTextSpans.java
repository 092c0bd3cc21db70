package dev.airlock.agent.redact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.RequestCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the same text parts as {@link RequestTexts}, in the same order, with one pass of the
 * streaming parser over the body: each text is decoded, and the byte range of its JSON string is
 * kept, so that a changed text is spliced into the application's own bytes ({@link #splice})
 * instead of the whole body being read into a tree and written out again.
 *
 * <p>{@link RequestTexts} works on a tree, which holds the last of repeated members; this reader
 * would see them all. It therefore refuses a body with a repeated member anywhere (the parser's
 * duplicate detection): {@link #find} returns null and the caller uses the tree. Members are met in
 * the body's order, while a message's role, or a part's type, may come after its content (openai-java
 * writes {@code content} first): a container's texts are held until its end and kept or dropped
 * then, as the tree walk would have decided.
 */
final class RequestTextSpans {

  /** Duplicate detection makes every object of the body behave as the tree's "last member wins" would require. */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** One text of the body: decoded, and where its JSON string (quotes included) lies in the body. */
  static final class Span {
    final String text;
    /** Null while the enclosing message's role is not known yet. */
    TextRole role;
    final int start;
    final int end;

    Span(String text, TextRole role, int start, int end) {
      this.text = text;
      this.role = role;
      this.start = start;
      this.end = end;
    }

    /**
     * Whether the string is written as plain ASCII, without escapes: then its text's char {@code i}
     * is the byte at {@code start + 1 + i}. An escape or a multi-byte character always takes more
     * bytes than the chars it decodes to, so equal lengths mean neither occurs.
     */
    boolean plain() {
      return end - start - 2 == text.length();
    }
  }

  /** A replacement of bytes {@code [start, end)} of the body. */
  static final class Edit {
    final int start;
    final int end;
    final String text;
    /** Whether {@link #text} replaces a whole string (and is written with its quotes) or a run inside one. */
    final boolean quoted;

    private Edit(int start, int end, String text, boolean quoted) {
      this.start = start;
      this.end = end;
      this.text = text;
      this.quoted = quoted;
    }

    /** The span's whole string becomes {@code text}. */
    Edit(Span span, String text) {
      this(span.start, span.end, text, true);
    }

    /** Chars {@code [from, to)} of a {@link Span#plain()} span's text become {@code text}. */
    static Edit inside(Span span, int from, int to, String text) {
      return new Edit(span.start + 1 + from, span.start + 1 + to, text, false);
    }
  }

  private final byte[] body;
  private final JsonParser p;

  private RequestTextSpans(byte[] body, JsonParser p) {
    this.body = body;
    this.p = p;
  }

  /**
   * The texts of a request body, in the order {@link RequestTexts#visit} visits them.
   *
   * @return the texts (possibly none), or null when the body is not one JSON object without
   *     repeated members: the caller then reads it as a tree
   */
  static List<Span> find(Endpoint endpoint, byte[] body) {
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      List<Span> spans = new RequestTextSpans(body, parser).root(endpoint);
      return parser.nextToken() == null ? spans : null;
    } catch (IOException | RuntimeException notOneWeTake) {
      return null;
    }
  }

  /**
   * The body with each edited span's string replaced by its new text, written as Jackson writes a
   * string (the same escapes as {@code ObjectMapper}); every other byte stays as the application
   * wrote it.
   */
  static byte[] splice(byte[] body, List<Edit> edits) {
    edits.sort(Comparator.comparingInt(e -> e.start));
    JsonStringEncoder encoder = JsonStringEncoder.getInstance();
    List<byte[]> encoded = new ArrayList<>(edits.size());
    int length = body.length;
    for (Edit e : edits) {
      byte[] escaped = encoder.quoteAsUTF8(e.text);
      encoded.add(escaped);
      length += escaped.length + (e.quoted ? 2 : 0) - (e.end - e.start);
    }
    byte[] out = new byte[length];
    int from = 0;
    int to = 0;
    for (int i = 0; i < edits.size(); i++) {
      Edit e = edits.get(i);
      byte[] escaped = encoded.get(i);
      System.arraycopy(body, from, out, to, e.start - from);
      to += e.start - from;
      if (e.quoted) {
        out[to++] = '"';
      }
      System.arraycopy(escaped, 0, out, to, escaped.length);
      to += escaped.length;
      if (e.quoted) {
        out[to++] = '"';
      }
      from = e.end;
    }
    System.arraycopy(body, from, out, to, body.length - from);
    return out;
  }

  /** Reads the root object's members; the parser is left on its closing brace. */
  private List<Span> root(Endpoint endpoint) throws IOException {
    // Texts of the members the tree walk visits first (system instructions) and of the others.
    List<Span> first = new ArrayList<>(2);
    List<Span> then = new ArrayList<>(8);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (endpoint) {
        case OPENAI_CHAT:
          if (field.equals("messages")) {
            openAiMessages(value, then);
            continue;
          }
          break;
        case OPENAI_RESPONSES:
          if (field.equals("instructions")) {
            text(value, TextRole.SYSTEM, first);
            continue;
          }
          if (field.equals("input")) {
            responsesInput(value, then);
            continue;
          }
          break;
        case OPENAI_EMBEDDINGS:
          if (field.equals("input")) {
            stringOrStrings(value, TextRole.EMBEDDING_INPUT, then);
            continue;
          }
          break;
        case OPENAI_COMPLETIONS:
          if (field.equals("prompt")) {
            stringOrStrings(value, TextRole.USER, then);
            continue;
          }
          break;
        case ANTHROPIC_MESSAGES:
          if (field.equals("system")) {
            anthropicContent(value, TextRole.SYSTEM, first);
            continue;
          }
          if (field.equals("messages")) {
            anthropicMessages(value, then);
            continue;
          }
          break;
        case GEMINI_GENERATE_CONTENT:
        case GEMINI_STREAM_GENERATE_CONTENT:
          if (field.equals("systemInstruction")) {
            geminiContent(value, TextRole.SYSTEM, first);
            continue;
          }
          if (field.equals("contents")) {
            geminiContents(value, then);
            continue;
          }
          break;
        default:
          break;
      }
      p.skipChildren();
    }
    if (first.isEmpty()) {
      return then;
    }
    first.addAll(then);
    return first;
  }

  /** A string value becomes a span; anything else is skipped. */
  private void text(JsonToken value, TextRole role, List<Span> out) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      out.add(span(role));
    } else {
      p.skipChildren();
    }
  }

  /** The current string token as a span: its text, and its bytes from the opening to past the closing quote. */
  private Span span(TextRole role) throws IOException {
    return span(p, body, role);
  }

  /** As {@link #span(TextRole)}, for the parser {@code p} of {@code body}. */
  static Span span(JsonParser p, byte[] body, TextRole role) throws IOException {
    int start = (int) p.currentTokenLocation().getByteOffset();
    String text = p.getText();
    // The parser has just read the string to its closing quote; if it read anything else, count.
    int end = (int) p.currentLocation().getByteOffset();
    if (end <= start + 1 || end > body.length || body[end - 1] != '"') {
      end = RequestCodec.stringEnd(body, start);
    }
    return new Span(text, role, start, end);
  }

  /** Whether {@code value} opens an array; any other value is skipped, and the caller has nothing to read. */
  private boolean array(JsonToken value) throws IOException {
    if (value == JsonToken.START_ARRAY) {
      return true;
    }
    p.skipChildren();
    return false;
  }

  /** Moves to the next object of the array being read, skipping other elements; false at the array's end. */
  private boolean nextObject() throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.START_OBJECT) {
        return true;
      }
      p.skipChildren();
    }
    return false;
  }

  private static void settle(List<Span> held, TextRole role, List<Span> out) {
    for (Span s : held) {
      if (s.role == null) {
        s.role = role;
      }
      out.add(s);
    }
  }

  /** What the tree walk's {@code path(field).asText(fallback)} gives for the current value: strings only matter here. */
  private String scalarText(JsonToken value, String fallback) throws IOException {
    switch (value) {
      case VALUE_STRING:
        return p.getText();
      case VALUE_NULL:
        return fallback;
      case START_OBJECT:
      case START_ARRAY:
        p.skipChildren();
        return "";
      default:
        // Numbers and booleans: their text is never a role or a part type this class looks for.
        return p.getText();
    }
  }

  // --- OpenAI chat and Responses ---

  private void openAiMessages(JsonToken value, List<Span> out) throws IOException {
    if (!array(value)) {
      return;
    }
    while (nextObject()) {
      String role = "user";
      List<Span> held = new ArrayList<>(2);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equals("role")) {
          role = scalarText(v, "user");
        } else if (field.equals("content")) {
          openAiContent(v, held);
        } else {
          p.skipChildren();
        }
      }
      settle(held, RequestTexts.openAiRole(role), out);
    }
  }

  /** A string, or parts of which the text ones count; their role is the message's, settled later. */
  private void openAiContent(JsonToken value, List<Span> held) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      held.add(span(null));
      return;
    }
    if (!array(value)) {
      return;
    }
    while (nextObject()) {
      String type = "";
      Span text = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equals("type")) {
          type = scalarText(v, "");
        } else if (field.equals("text") && v == JsonToken.VALUE_STRING) {
          text = span(null);
        } else {
          p.skipChildren();
        }
      }
      if (text != null && (type.equals("text") || type.equals("input_text") || type.equals("output_text"))) {
        held.add(text);
      }
    }
  }

  private void responsesInput(JsonToken value, List<Span> out) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      out.add(span(TextRole.USER));
      return;
    }
    if (!array(value)) {
      return;
    }
    while (nextObject()) {
      String type = "message";
      String role = "user";
      List<Span> content = new ArrayList<>(2);
      Span output = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        switch (field) {
          case "type":
            type = scalarText(v, "message");
            break;
          case "role":
            role = scalarText(v, "user");
            break;
          case "content":
            openAiContent(v, content);
            break;
          case "output":
            if (v == JsonToken.VALUE_STRING) {
              output = span(TextRole.TOOL_RESULT);
            } else {
              p.skipChildren();
            }
            break;
          default:
            p.skipChildren();
            break;
        }
      }
      if (type.equals("message")) {
        settle(content, RequestTexts.openAiRole(role), out);
      } else if (type.equals("function_call_output") && output != null) {
        out.add(output);
      }
    }
  }

  private void stringOrStrings(JsonToken value, TextRole role, List<Span> out) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      out.add(span(role));
      return;
    }
    if (!array(value)) {
      return;
    }
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      text(t, role, out);
    }
  }

  // --- Anthropic ---

  private void anthropicMessages(JsonToken value, List<Span> out) throws IOException {
    if (!array(value)) {
      return;
    }
    while (nextObject()) {
      String role = "";
      List<Span> held = new ArrayList<>(2);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equals("role")) {
          role = scalarText(v, "");
        } else if (field.equals("content")) {
          anthropicContent(v, null, held);
        } else {
          p.skipChildren();
        }
      }
      settle(held, role.equals("assistant") ? TextRole.ASSISTANT : TextRole.USER, out);
    }
  }

  /**
   * A string, or blocks: {@code text} blocks, and {@code tool_result} blocks with their own content.
   *
   * @param role null for the enclosing message's role, settled at its end
   */
  private void anthropicContent(JsonToken value, TextRole role, List<Span> out) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      out.add(span(role));
      return;
    }
    if (!array(value)) {
      return;
    }
    while (nextObject()) {
      String type = "";
      Span text = null;
      List<Span> toolResult = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equals("type")) {
          type = scalarText(v, "");
        } else if (field.equals("text") && v == JsonToken.VALUE_STRING) {
          text = span(role);
        } else if (field.equals("content")) {
          toolResult = new ArrayList<>(2);
          anthropicContent(v, TextRole.TOOL_RESULT, toolResult);
        } else {
          p.skipChildren();
        }
      }
      if (type.equals("text")) {
        if (text != null) {
          out.add(text);
        }
      } else if (type.equals("tool_result") && toolResult != null) {
        out.addAll(toolResult);
      }
    }
  }

  // --- Gemini ---

  private void geminiContents(JsonToken value, List<Span> out) throws IOException {
    if (!array(value)) {
      return;
    }
    while (nextObject()) {
      String role = "";
      List<Span> held = new ArrayList<>(2);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equals("role")) {
          role = scalarText(v, "");
        } else if (field.equals("parts")) {
          geminiParts(v, held);
        } else {
          p.skipChildren();
        }
      }
      settle(held, role.equals("model") ? TextRole.ASSISTANT : TextRole.USER, out);
    }
  }

  /** A {@code Content} object: the texts of its {@code parts}. */
  private void geminiContent(JsonToken value, TextRole role, List<Span> out) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    List<Span> held = new ArrayList<>(2);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (field.equals("parts")) {
        geminiParts(v, held);
      } else {
        p.skipChildren();
      }
    }
    settle(held, role, out);
  }

  /** Text parts, and the string members of a {@code functionResponse}'s {@code response} (tool data). */
  private void geminiParts(JsonToken value, List<Span> held) throws IOException {
    if (!array(value)) {
      return;
    }
    while (nextObject()) {
      Span text = null;
      List<Span> toolData = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equals("text") && v == JsonToken.VALUE_STRING) {
          text = span(null);
        } else if (field.equals("functionResponse") && v == JsonToken.START_OBJECT) {
          toolData = functionResponse();
        } else {
          p.skipChildren();
        }
      }
      if (text != null) {
        held.add(text);
      } else if (toolData != null) {
        held.addAll(toolData);
      }
    }
  }

  /** The parser is on the {@code functionResponse} object's opening brace. */
  private List<Span> functionResponse() throws IOException {
    List<Span> data = new ArrayList<>(2);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (field.equals("response") && v == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          text(p.nextToken(), TextRole.TOOL_RESULT, data);
        }
      } else {
        p.skipChildren();
      }
    }
    return data;
  }
}
