package dev.airlock.agent.telemetry.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.airlock.agent.pii.Detection;
import dev.airlock.agent.pii.PiiScanner;
import dev.airlock.agent.redact.Pseudonyms;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns one call's texts into what may go on its span: every value the detectors find becomes its
 * mask label ({@code [EMAIL]}), whatever the policy's action was for the request itself. Two kinds
 * of values are masked before the scan, because the scan alone could miss them: the real values
 * the request's pseudonyms stand for (the app's own text and the restored answer carry them), and
 * the placeholders themselves ({@code <EMAIL_1>}, in the provider's answer), so a reader of the
 * span never learns which placeholder stood for which value.
 *
 * <p>A text is cut to {@link #MAX_SCANNED_CHARS} before the scan: no part can be longer than the
 * attribute anyway, and a cut made well beyond the attribute's own limit can never expose half a
 * value.
 */
final class ContentRedactor {

  /** Twice the largest attribute: whatever lies beyond is never recorded, so it is not scanned. */
  static final int MAX_SCANNED_CHARS = 2 * ContentCapture.MAX_ATTRIBUTE_BYTES;

  private final PiiScanner scanner;
  /** Placeholder ({@code <EMAIL_1>}) to the real value it stands for, for this call. */
  private final Map<String, String> restorations;

  ContentRedactor(PiiScanner scanner, Map<String, String> restorations) {
    this.scanner = scanner;
    this.restorations = restorations;
  }

  /** The text with every known or detected value replaced by its mask label. */
  String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text.length() > MAX_SCANNED_CHARS ? cut(text, MAX_SCANNED_CHARS) + BoundedJson.MARKER : text;
    for (Map.Entry<String, String> pseudonym : restorations.entrySet()) {
      String mask = "[" + labelOf(pseudonym.getKey()) + "]";
      if (!pseudonym.getValue().isEmpty()) {
        out = out.replace(pseudonym.getValue(), mask);
      }
      out = out.replace(pseudonym.getKey(), mask);
    }
    return mask(out);
  }

  /** Redacts every string in a JSON value (tool arguments, tool results), in place; returns it. */
  JsonNode redactTree(JsonNode node) {
    if (node instanceof ObjectNode) {
      ObjectNode object = (ObjectNode) node;
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().isTextual()) {
          field.setValue(TextNode.valueOf(redact(field.getValue().textValue())));
        } else {
          redactTree(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, TextNode.valueOf(redact(array.get(i).textValue())));
        } else {
          redactTree(array.get(i));
        }
      }
    } else if (node != null && node.isTextual()) {
      return TextNode.valueOf(redact(node.textValue()));
    }
    return node;
  }

  private String mask(String text) {
    List<Detection> detections = scanner.scan(text);
    if (detections.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Detection d : detections) {
      out.append(text, at, d.start()).append('[').append(Pseudonyms.label(d.type())).append(']');
      at = d.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  /** {@code <CUSTOMER_ID_2>} gives {@code CUSTOMER_ID}: the type's label without the number. */
  static String labelOf(String placeholder) {
    String inner = placeholder.substring(1, placeholder.length() - 1);
    int underscore = inner.lastIndexOf('_');
    return underscore > 0 ? inner.substring(0, underscore) : inner;
  }

  /** The first {@code max} chars, never splitting a surrogate pair. */
  static String cut(String text, int max) {
    int end = Math.min(max, text.length());
    if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
