package dev.airlock.agent.redact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.airlock.agent.codec.Endpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the same text parts of a non-streamed answer as {@link AnswerTexts}, in the same order,
 * with one pass of the streaming parser: each text decoded, with the byte range of its JSON string,
 * so that a masked text is spliced into the provider's bytes ({@link RequestTextSpans#splice})
 * rather than the answer being read into a tree and written out again.
 *
 * <p>As for requests, a body with a repeated member anywhere is refused ({@link #find} returns
 * null, the caller uses the tree), so that "the last member wins" never differs between the two.
 * The tree walk iterates a container whichever kind it is (an object's member values, an array's
 * elements); so does this reader.
 */
final class AnswerTextSpans {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final byte[] body;
  private final JsonParser p;
  private final List<RequestTextSpans.Span> out = new ArrayList<>(2);

  private AnswerTextSpans(byte[] body, JsonParser p) {
    this.body = body;
    this.p = p;
  }

  /**
   * The answer's texts in the order {@link AnswerTexts#visit} visits them (their role is null).
   *
   * @return the texts (possibly none), or null when the body is not one JSON object without
   *     repeated members
   */
  static List<RequestTextSpans.Span> find(Endpoint endpoint, byte[] body) {
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      AnswerTextSpans reader = new AnswerTextSpans(body, parser);
      reader.root(endpoint);
      return parser.nextToken() == null ? reader.out : null;
    } catch (IOException | RuntimeException notOneWeTake) {
      return null;
    }
  }

  private void root(Endpoint endpoint) throws IOException {
    String wanted;
    switch (endpoint) {
      case OPENAI_CHAT:
        wanted = "choices";
        break;
      case OPENAI_RESPONSES:
        wanted = "output";
        break;
      case ANTHROPIC_MESSAGES:
        wanted = "content";
        break;
      case GEMINI_GENERATE_CONTENT:
      case GEMINI_STREAM_GENERATE_CONTENT:
        wanted = "candidates";
        break;
      default:
        wanted = null;
        break;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (!field.equals(wanted) || !isContainer(value)) {
        p.skipChildren();
        continue;
      }
      // Every element of the container (an object's member values, as the tree iterates them).
      JsonToken t;
      while ((t = nextElement()) != null) {
        element(endpoint, t);
      }
    }
  }

  /** One element of the answer's top container; the parser is on its first token. */
  private void element(Endpoint endpoint, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      // A text sits in an object at every level: nothing under an array or a scalar is visited.
      p.skipChildren();
      return;
    }
    switch (endpoint) {
      case OPENAI_CHAT:
        // choice.message.content
        member("message", this::textMemberContent);
        break;
      case OPENAI_RESPONSES:
        // item.content[].text
        member("content", this::textParts);
        break;
      case ANTHROPIC_MESSAGES:
        textBlock(true);
        break;
      default:
        // candidate.content.parts[].text
        member("content", content -> object(content, () -> member("parts", this::textParts)));
        break;
    }
  }

  /** Reads an object whose member {@code name} goes to {@code reader}; the parser is on its opening brace. */
  private void member(String name, ValueReader reader) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals(name)) {
        reader.read(value);
      } else {
        p.skipChildren();
      }
    }
  }

  /** A chat {@code message}: its {@code content} when a string. */
  private void textMemberContent(JsonToken message) throws IOException {
    object(message, () -> member("content", this::string));
  }

  /** Reads the value with {@code reader} when it is an object, else skips it. */
  private void object(JsonToken value, ObjectReader reader) throws IOException {
    if (value == JsonToken.START_OBJECT) {
      reader.read();
    } else {
      p.skipChildren();
    }
  }

  /** A container of parts, each one's {@code text} when a string. */
  private void textParts(JsonToken parts) throws IOException {
    if (!isContainer(parts)) {
      p.skipChildren();
      return;
    }
    JsonToken t;
    while ((t = nextElement()) != null) {
      if (t == JsonToken.START_OBJECT) {
        textBlock(false);
      } else {
        p.skipChildren();
      }
    }
  }

  /**
   * An object's {@code text} when a string; with {@code typed}, only when its {@code type} is
   * {@code text} (an Anthropic block), which may come after the text.
   */
  private void textBlock(boolean typed) throws IOException {
    RequestTextSpans.Span text = null;
    String type = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("text") && value == JsonToken.VALUE_STRING) {
        text = span();
      } else if (typed && field.equals("type") && value == JsonToken.VALUE_STRING) {
        type = p.getText();
      } else {
        p.skipChildren();
      }
    }
    if (text != null && (!typed || type.equals("text"))) {
      out.add(text);
    }
  }

  private void string(JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      out.add(span());
    } else {
      p.skipChildren();
    }
  }

  private RequestTextSpans.Span span() throws IOException {
    return RequestTextSpans.span(p, body, null);
  }

  /**
   * The first token of the next element of the container the parser is in (a member's value in
   * an object, an element in an array), or null at its end.
   */
  private JsonToken nextElement() throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.FIELD_NAME) {
      t = p.nextToken();
    }
    return t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT ? null : t;
  }

  private static boolean isContainer(JsonToken t) {
    return t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
  }

  /** Reads one member's value; the parser is on its first token. */
  private interface ValueReader {
    void read(JsonToken value) throws IOException;
  }

  /** Reads an object's members; the parser is on its opening brace. */
  private interface ObjectReader {
    void read() throws IOException;
  }
}
