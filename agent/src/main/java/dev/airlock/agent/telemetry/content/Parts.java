package dev.airlock.agent.telemetry.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;

/**
 * The pieces of the GenAI conventions' message schemas ({@code gen-ai-input-messages.json},
 * {@code gen-ai-output-messages.json}): messages of a role and parts, and the parts themselves.
 * Every text handed in here is already redacted; binary data is never handed in at all (a blob
 * part says what kind of data was there, not the data).
 */
final class Parts {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Parts() {}

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** {@code {"role": role, "parts": parts}}. */
  static ObjectNode message(String role, ArrayNode parts) {
    ObjectNode message = NODES.objectNode();
    message.put("role", role);
    message.set("parts", parts);
    return message;
  }

  /** An output message: a role, its parts and why generation stopped (required by the schema). */
  static ObjectNode outputMessage(ArrayNode parts, String providerFinishReason) {
    ObjectNode message = message("assistant", parts);
    message.put("finish_reason", finishReason(providerFinishReason));
    return message;
  }

  /** {@code {"type": "text", "content": text}}. */
  static ObjectNode text(String content) {
    ObjectNode part = NODES.objectNode();
    part.put("type", "text");
    part.put("content", content);
    return part;
  }

  /** A tool call the model asked for; {@code arguments} already redacted. */
  static ObjectNode toolCall(String id, String name, JsonNode arguments) {
    ObjectNode part = NODES.objectNode();
    part.put("type", "tool_call");
    if (id != null) {
      part.put("id", id);
    }
    part.put("name", name == null ? "" : name);
    part.set("arguments", arguments == null ? NODES.nullNode() : arguments);
    return part;
  }

  /** A tool's result sent to the model ({@code response}, as the input schema names it); already redacted. */
  static ObjectNode toolResponse(String id, JsonNode response) {
    ObjectNode part = NODES.objectNode();
    part.put("type", "tool_call_response");
    if (id != null) {
      part.put("id", id);
    }
    part.set("response", response == null ? NODES.nullNode() : response);
    return part;
  }

  /**
   * Inline binary data (an image, audio, a document): recorded as its kind only. The schema's
   * {@code content} is left out on purpose: spans are no place for the bytes, and they may hold
   * exactly what the policy keeps out of telemetry.
   */
  static ObjectNode blob(String mimeType, String modality) {
    ObjectNode part = NODES.objectNode();
    part.put("type", "blob");
    part.put("modality", modality != null ? modality : modalityOf(mimeType));
    if (mimeType != null) {
      part.put("mime_type", mimeType);
    }
    return part;
  }

  /** A part of a kind the schemas do not name (a file reference, a server-side tool): its type only. */
  static ObjectNode generic(String type) {
    ObjectNode part = NODES.objectNode();
    part.put("type", type);
    return part;
  }

  /** {@code image}, {@code audio} or {@code video} from a MIME type; else the MIME type's own major part. */
  static String modalityOf(String mimeType) {
    if (mimeType == null) {
      return "image";
    }
    int slash = mimeType.indexOf('/');
    return (slash > 0 ? mimeType.substring(0, slash) : mimeType).toLowerCase(Locale.ROOT);
  }

  /**
   * Tool arguments as the conventions want them, an object: a JSON string (OpenAI's {@code
   * arguments}) is parsed, best effort; either way every string in it is redacted.
   */
  static JsonNode arguments(JsonNode raw, ContentRedactor redactor) {
    if (raw == null || raw.isNull() || raw.isMissingNode()) {
      return null;
    }
    if (raw.isTextual()) {
      String text = raw.textValue();
      try {
        if (text.length() <= ContentRedactor.MAX_SCANNED_CHARS) {
          JsonNode parsed = JSON.readTree(text);
          if (parsed != null && parsed.isContainerNode()) {
            return redactor.redactTree(parsed);
          }
        }
      } catch (IOException notJson) {
        // Arguments cut off or not JSON: kept as a (redacted) string.
      }
      return redactor.redactTree(raw);
    }
    return redactor.redactTree(raw.deepCopy());
  }

  /**
   * The conventions' finish reason ({@code stop}, {@code length}, {@code content_filter}, {@code
   * tool_call}, {@code error}) for a provider's own; one they do not name is kept, lower-cased.
   */
  static String finishReason(String provider) {
    if (provider == null || provider.isEmpty()) {
      return "stop";
    }
    switch (provider.toLowerCase(Locale.ROOT)) {
      case "stop":
      case "end_turn":
      case "stop_sequence":
      case "completed":
      case "pause_turn":
        return "stop";
      case "length":
      case "max_tokens":
      case "max_output_tokens":
      case "model_context_window_exceeded":
        return "length";
      case "tool_calls":
      case "function_call":
      case "tool_use":
        return "tool_call";
      case "content_filter":
      case "refusal":
      case "safety":
      case "recitation":
      case "blocklist":
      case "prohibited_content":
      case "spii":
      case "image_safety":
        return "content_filter";
      case "failed":
      case "error":
        return "error";
      default:
        return provider.toLowerCase(Locale.ROOT);
    }
  }
}
