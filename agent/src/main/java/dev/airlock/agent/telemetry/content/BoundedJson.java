package dev.airlock.agent.telemetry.content;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a list of messages (or parts) as a JSON string of at most a given number of UTF-8 bytes,
 * so one huge prompt cannot blow up a span or the exporter's batch. The JSON stays valid and keeps
 * its structure, as the conventions suggest: first every string longer than some length is cut to
 * it and ends in {@link #MARKER} (the longest such length that fits is searched for); only when
 * even short strings do not fit are the oldest entries left out, the latest ones kept.
 */
final class BoundedJson {

  /** Ends a string that was cut. */
  static final String MARKER = "...[truncated]";
  /** Strings are not cut shorter than this before entries are dropped instead. */
  static final int MIN_STRING_CHARS = 64;

  private BoundedJson() {}

  /** The JSON of {@code entries}, within {@code maxBytes} UTF-8 bytes (an empty array if nothing fits). */
  static String write(ArrayNode entries, int maxBytes) {
    String whole = write(entries, 0, Integer.MAX_VALUE);
    if (utf8Length(whole) <= maxBytes) {
      return whole;
    }
    // Drop the fewest oldest entries for which short strings fit; the latest turns matter most.
    int from = 0;
    if (utf8Length(write(entries, 0, MIN_STRING_CHARS)) > maxBytes) {
      int low = 1;
      int high = entries.size();
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (utf8Length(write(entries, mid, MIN_STRING_CHARS)) <= maxBytes) {
          high = mid;
        } else {
          low = mid + 1;
        }
      }
      from = low;
    }
    // The longest string length for which the rest fits.
    int low = Math.min(MIN_STRING_CHARS, maxBytes);
    int high = Math.max(low, longestString(entries));
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (utf8Length(write(entries, from, mid)) <= maxBytes) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    String bounded = write(entries, from, low);
    return utf8Length(bounded) <= maxBytes ? bounded : "[]";
  }

  /** The JSON of {@code entries} from index {@code from}, every string cut to {@code maxChars}. */
  private static String write(ArrayNode entries, int from, int maxChars) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = Parts.JSON.getFactory().createGenerator(out)) {
      json.writeStartArray();
      for (int i = from; i < entries.size(); i++) {
        write(entries.get(i), json, maxChars);
      }
      json.writeEndArray();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return out.toString();
  }

  private static void write(JsonNode node, JsonGenerator json, int maxChars) throws IOException {
    if (node.isObject()) {
      json.writeStartObject();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        json.writeFieldName(field.getKey());
        write(field.getValue(), json, maxChars);
      }
      json.writeEndObject();
    } else if (node.isArray()) {
      json.writeStartArray();
      for (JsonNode item : node) {
        write(item, json, maxChars);
      }
      json.writeEndArray();
    } else if (node.isTextual()) {
      String text = node.textValue();
      json.writeString(text.length() <= maxChars ? text : ContentRedactor.cut(text, maxChars) + MARKER);
    } else {
      json.writeTree(node);
    }
  }

  private static int longestString(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue().length();
    }
    int longest = 0;
    for (JsonNode child : node) {
      longest = Math.max(longest, longestString(child));
    }
    return longest;
  }

  static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
