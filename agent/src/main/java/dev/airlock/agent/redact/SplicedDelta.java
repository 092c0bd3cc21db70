package dev.airlock.agent.redact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.airlock.agent.codec.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
  /** {@code data} up to and including the string's opening quote; made on first use. */
  private String prefix;
  /** {@code data} after the string's closing quote; made on first use. */
  private String suffix;
  /** {@link #prefix()} and {@link #suffix()} in UTF-8; made on first use. */
  private byte[] prefixBytes;
  private byte[] suffixBytes;

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
   * Writes {@link #with(String) with(replacement)} to {@code out} as UTF-8, without making that
   * string: the chars around the text are encoded once per run of alike events (see {@link
   * #find(Endpoint, String, SplicedDelta)}) and only the text is encoded per event. The bytes are
   * those of {@code with(replacement).getBytes(UTF_8)}: the pieces meet at quotes, so no surrogate
   * pair is cut, and a lone surrogate becomes '?' either way.
   */
  void writeWith(String replacement, ByteArrayOutputStream out) {
    if (prefixBytes == null) {
      prefixBytes = prefix().getBytes(StandardCharsets.UTF_8);
      suffixBytes = suffix().getBytes(StandardCharsets.UTF_8);
    }
    out.writeBytes(prefixBytes);
    char[] quoted = JsonStringEncoder.getInstance().quoteAsString(replacement);
    out.writeBytes(new String(quoted).getBytes(StandardCharsets.UTF_8));
    out.write('"');
    out.writeBytes(suffixBytes);
  }

  /**
   * As {@link #find(Endpoint, String)}, but first tries the stream's previous delta event: a
   * provider writes every delta of a channel the same way, so most events are {@code previous}'s
   * with only the text string changed. When {@code data} has exactly {@code previous}'s chars
   * before the string's opening quote and after its closing quote, and one well-formed JSON string
   * in between, a full token scan would meet the same tokens in the same places (a string token's
   * content never changes the structure around it), so the answer is {@code previous}'s with the
   * new text, found without a parser. Anything else (another prefix or suffix, a string that does
   * not end where the suffix begins, an escape or control char this short cut does not decode) goes
   * to the full scan.
   *
   * @param previous the last delta this stream found, or null
   */
  static SplicedDelta find(Endpoint endpoint, String data, SplicedDelta previous) {
    if (previous != null) {
      SplicedDelta same = likePrevious(previous, data);
      if (same != null) {
        return same;
      }
    }
    return find(endpoint, data);
  }

  /** {@code previous} with {@code data}'s text, or null when the short cut does not apply. */
  static SplicedDelta likePrevious(SplicedDelta previous, String data) {
    String prefix = previous.prefix();
    String suffix = previous.suffix();
    int end = data.length() - suffix.length();
    // The prefix includes the opening quote; the closing quote is the last char before the suffix.
    if (end < prefix.length() + 1
        || !data.startsWith(prefix)
        || !data.endsWith(suffix)
        || data.charAt(end - 1) != '"') {
      return null;
    }
    String text = unquote(data, prefix.length(), end - 1);
    if (text == null) {
      return null;
    }
    SplicedDelta same = new SplicedDelta(previous.channel, previous.last, text, data, previous.start, end);
    same.prefix = prefix;
    same.suffix = suffix;
    same.prefixBytes = previous.prefixBytes;
    same.suffixBytes = previous.suffixBytes;
    return same;
  }

  /**
   * The chars before the string, as a string of their own, made once per run of alike events and
   * handed on: startsWith and endsWith compare it several times faster than regionMatches, which
   * on JDK 17 compares char by char (JFR: 12% of a checked stream when the short cut used it).
   */
  private String prefix() {
    if (prefix == null) {
      prefix = data.substring(0, start + 1);
    }
    return prefix;
  }

  /** The chars after the string; as {@link #prefix()}. */
  private String suffix() {
    if (suffix == null) {
      suffix = data.substring(end);
    }
    return suffix;
  }

  /**
   * The text of the JSON string whose content is {@code data[from, to)}, or null when that is not
   * exactly one string's content: a raw quote or control char (the JSON parser rejects the
   * latter), an escape that runs past {@code to} (it would escape the closing quote), or an
   * escape other than the standard ones. Decodes as the JSON parser does (a backslash-u escape one
   * char at a time, surrogates left as they are).
   */
  private static String unquote(String data, int from, int to) {
    int backslash = from;
    while (backslash < to && data.charAt(backslash) != '\\') {
      char c = data.charAt(backslash);
      if (c == '"' || c < 0x20) {
        return null;
      }
      backslash++;
    }
    if (backslash == to) {
      return data.substring(from, to);
    }
    StringBuilder text = new StringBuilder(to - from).append(data, from, backslash);
    for (int i = backslash; i < to; i++) {
      char c = data.charAt(i);
      if (c == '"' || c < 0x20) {
        return null;
      }
      if (c != '\\') {
        text.append(c);
        continue;
      }
      if (++i >= to) {
        return null;
      }
      switch (data.charAt(i)) {
        case '"':
          text.append('"');
          break;
        case '\\':
          text.append('\\');
          break;
        case '/':
          text.append('/');
          break;
        case 'b':
          text.append('\b');
          break;
        case 'f':
          text.append('\f');
          break;
        case 'n':
          text.append('\n');
          break;
        case 'r':
          text.append('\r');
          break;
        case 't':
          text.append('\t');
          break;
        case 'u':
          if (i + 4 >= to) {
            return null;
          }
          int code = 0;
          for (int k = 1; k <= 4; k++) {
            int digit = Character.digit(data.charAt(i + k), 16);
            // Character.digit also takes non-ASCII digits, which JSON does not.
            if (digit < 0 || data.charAt(i + k) > 'f') {
              return null;
            }
            code = code << 4 | digit;
          }
          text.append((char) code);
          i += 4;
          break;
        default:
          return null;
      }
    }
    return text.toString();
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
