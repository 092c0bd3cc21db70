package dev.airlock.agent.redact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.airlock.agent.codec.Endpoint;
import java.io.IOException;

/**
 * The one text field of a plain delta event, found by a token scan, and the event written again
 * with other text by splicing that field's string: the rest of the event stays as the provider
 * wrote it, and no tree is built or serialized. This is the event a stream is made of (one OpenAI
 * chat choice with {@code delta.content}, one Anthropic {@code text_delta}, one Responses {@code
 * output_text.delta}), so it is worth the short cut; anything else (several choices, Gemini parts,
 * events that end a channel without text) takes {@link StreamPseudonymRestorer}'s tree path.
 *
 * <p>Channels and the "last" flag mean what they mean on the tree path, so both paths can serve
 * the same stream.
 */
final class SplicedDelta {

  private static final JsonFactory FACTORY = new JsonFactory();

  final String channel;
  /** The event ends its channel (a chat choice's {@code finish_reason}). */
  final boolean last;
  /** The field's text, unescaped. */
  final String text;
  private final String data;
  /** Char offsets of the field's string token in {@code data}, quotes included. */
  private final int start;
  private final int end;

  private SplicedDelta(String channel, boolean last, String text, String data, int start, int end) {
    this.channel = channel;
    this.last = last;
    this.text = text;
    this.data = data;
    this.start = start;
    this.end = end;
  }

  /** The event's data with the field's text replaced by {@code replacement}. */
  String with(String replacement) {
    char[] quoted = JsonStringEncoder.getInstance().quoteAsString(replacement);
    return new StringBuilder(data.length() - (end - start) + quoted.length + 2)
        .append(data, 0, start).append('"').append(quoted).append('"').append(data, end, data.length())
        .toString();
  }

  /**
   * The event's one text delta, or null when it has none, more than one, or a shape only the tree
   * path handles (including malformed JSON).
   */
  static SplicedDelta find(Endpoint endpoint, String data) {
    try (JsonParser p = FACTORY.createParser(data)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      switch (endpoint) {
        case OPENAI_CHAT:
          return openAiChat(p, data);
        case ANTHROPIC_MESSAGES:
          return anthropic(p, data);
        case OPENAI_RESPONSES:
          return responses(p, data);
        default:
          return null;
      }
    } catch (IOException | RuntimeException malformed) {
      return null;
    }
  }

  /** Where a string value sits: set by {@link #readString}. */
  private static final class Found {
    String text;
    int start = -1;
    int end;
  }

  /** At a VALUE_STRING: records its text and its token's char offsets. */
  private static void readString(JsonParser p, Found found) throws IOException {
    found.start = (int) p.currentTokenLocation().getCharOffset();
    found.text = p.getText();
    // getText() has read the whole string, so the parser stands just after its closing quote.
    found.end = (int) p.currentLocation().getCharOffset();
  }

  private static SplicedDelta openAiChat(JsonParser p, String data) throws IOException {
    Found content = new Found();
    int index = 0;
    boolean last = false;
    int choices = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (!"choices".equals(name) || value != JsonToken.START_ARRAY) {
        p.skipChildren();
        continue;
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (++choices > 1 || p.currentToken() != JsonToken.START_OBJECT) {
          return null;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken fieldValue = p.nextToken();
          if ("index".equals(field) && fieldValue == JsonToken.VALUE_NUMBER_INT) {
            index = p.getIntValue();
          } else if ("finish_reason".equals(field)) {
            last = fieldValue != JsonToken.VALUE_NULL;
            p.skipChildren();
          } else if ("delta".equals(field) && fieldValue == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String deltaField = p.currentName();
              if (p.nextToken() == JsonToken.VALUE_STRING && "content".equals(deltaField)) {
                readString(p, content);
              } else {
                p.skipChildren();
              }
            }
          } else {
            p.skipChildren();
          }
        }
      }
    }
    return content.start < 0 ? null : new SplicedDelta("c" + index, last, content.text, data, content.start, content.end);
  }

  private static SplicedDelta anthropic(JsonParser p, String data) throws IOException {
    Found text = new Found();
    String type = null;
    String deltaType = null;
    int index = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
        type = p.getText();
      } else if ("index".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
        index = p.getIntValue();
      } else if ("delta".equals(name) && value == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken fieldValue = p.nextToken();
          if ("type".equals(field) && fieldValue == JsonToken.VALUE_STRING) {
            deltaType = p.getText();
          } else if ("text".equals(field) && fieldValue == JsonToken.VALUE_STRING) {
            readString(p, text);
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
    if (text.start < 0 || !"content_block_delta".equals(type) || !"text_delta".equals(deltaType)) {
      return null;
    }
    return new SplicedDelta("b" + index, false, text.text, data, text.start, text.end);
  }

  private static SplicedDelta responses(JsonParser p, String data) throws IOException {
    Found delta = new Found();
    String type = null;
    String itemId = "";
    int contentIndex = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
        type = p.getText();
      } else if ("item_id".equals(name) && value.isScalarValue()) {
        itemId = p.getText();
      } else if ("content_index".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
        contentIndex = p.getIntValue();
      } else if ("delta".equals(name) && value == JsonToken.VALUE_STRING) {
        readString(p, delta);
      } else {
        p.skipChildren();
      }
    }
    if (delta.start < 0 || !"response.output_text.delta".equals(type)) {
      return null;
    }
    return new SplicedDelta(itemId + ":" + contentIndex, false, delta.text, data, delta.start, delta.end);
  }
}
