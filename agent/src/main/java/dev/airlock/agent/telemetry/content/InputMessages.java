package dev.airlock.agent.telemetry.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.airlock.agent.codec.Endpoint;

/**
 * A request body, as the application wrote it, in the conventions' shape: the chat history
 * ({@code gen_ai.input.messages}) and, where the API carries the system prompt beside it, the
 * system instructions ({@code gen_ai.system_instructions}). Per wire format:
 *
 * <ul>
 *   <li>OpenAI chat: {@code messages} (system and developer messages stay in the history, as the
 *       API sends them), string or part contents, assistant {@code tool_calls}, {@code tool}
 *       results; legacy completions: {@code prompt}; embeddings: {@code input}.
 *   <li>OpenAI Responses: {@code instructions} are the system instructions; {@code input} is a
 *       string or items (messages, {@code function_call}, {@code function_call_output}).
 *   <li>Anthropic: {@code system} (string or text blocks); {@code messages} with text, image,
 *       document, {@code tool_use} and {@code tool_result} blocks.
 *   <li>Gemini: {@code systemInstruction}; {@code contents} with text, inline and file data,
 *       {@code functionCall} and {@code functionResponse} parts.
 * </ul>
 *
 * Every text goes through the redactor on its way in.
 */
final class InputMessages {

  private final ContentRedactor redactor;
  final ArrayNode messages = Parts.array();
  /** Null when the request has no separate system prompt. */
  ArrayNode systemInstructions;

  private InputMessages(ContentRedactor redactor) {
    this.redactor = redactor;
  }

  static InputMessages of(Endpoint endpoint, JsonNode body, ContentRedactor redactor) {
    InputMessages in = new InputMessages(redactor);
    if (body instanceof ObjectNode) {
      in.read(endpoint, body);
    }
    return in;
  }

  private void read(Endpoint endpoint, JsonNode body) {
    switch (endpoint) {
      case OPENAI_CHAT:
        for (JsonNode message : body.path("messages")) {
          openAiMessage(message);
        }
        break;
      case OPENAI_RESPONSES:
        systemText(body.get("instructions"));
        responsesInput(body.get("input"));
        break;
      case OPENAI_EMBEDDINGS:
        stringsAsOneUserMessage(body.get("input"));
        break;
      case OPENAI_COMPLETIONS:
        stringsAsOneUserMessage(body.get("prompt"));
        break;
      case ANTHROPIC_MESSAGES:
        anthropicSystem(body.get("system"));
        for (JsonNode message : body.path("messages")) {
          anthropicMessage(message);
        }
        break;
      case GEMINI_GENERATE_CONTENT:
      case GEMINI_STREAM_GENERATE_CONTENT:
        JsonNode system = body.has("systemInstruction") ? body.get("systemInstruction") : body.get("system_instruction");
        if (system != null && !system.isNull()) {
          systemInstructions = Parts.array();
          geminiParts(system, systemInstructions);
        }
        for (JsonNode content : body.path("contents")) {
          geminiContent(content);
        }
        break;
      default:
        break;
    }
  }

  // OpenAI chat -------------------------------------------------------------------------------

  private void openAiMessage(JsonNode message) {
    String role = message.path("role").asText("user");
    ArrayNode parts = Parts.array();
    if ("tool".equals(role) || "function".equals(role)) {
      String id = message.hasNonNull("tool_call_id") ? message.get("tool_call_id").asText() : null;
      parts.add(Parts.toolResponse(id, TextNode.valueOf(redactor.redact(contentText(message.get("content"))))));
      messages.add(Parts.message("tool", parts));
      return;
    }
    openAiContent(message.get("content"), parts);
    for (JsonNode call : message.path("tool_calls")) {
      JsonNode function = call.path("function");
      parts.add(Parts.toolCall(textOrNull(call, "id"), function.path("name").asText(null),
          Parts.arguments(function.get("arguments"), redactor)));
    }
    if (message.path("function_call").isObject()) {
      JsonNode function = message.get("function_call");
      parts.add(Parts.toolCall(null, function.path("name").asText(null),
          Parts.arguments(function.get("arguments"), redactor)));
    }
    messages.add(Parts.message(role, parts));
  }

  /** A string, or parts: text ones as text, media as their kind only. */
  private void openAiContent(JsonNode content, ArrayNode parts) {
    if (content == null || content.isNull()) {
      return;
    }
    if (content.isTextual()) {
      parts.add(Parts.text(redactor.redact(content.textValue())));
      return;
    }
    for (JsonNode part : content) {
      String type = part.path("type").asText();
      switch (type) {
        case "text":
        case "input_text":
        case "output_text":
          parts.add(Parts.text(redactor.redact(part.path("text").asText(""))));
          break;
        case "refusal":
          parts.add(Parts.text(redactor.redact(part.path("refusal").asText(""))));
          break;
        case "image_url":
        case "input_image":
          parts.add(Parts.blob(null, "image"));
          break;
        case "input_audio":
          String format = part.path("input_audio").path("format").asText(null);
          parts.add(Parts.blob(format == null ? null : "audio/" + format, "audio"));
          break;
        default:
          parts.add(Parts.generic(type.isEmpty() ? "unknown" : type));
          break;
      }
    }
  }

  // OpenAI Responses --------------------------------------------------------------------------

  private void responsesInput(JsonNode input) {
    if (input == null || input.isNull()) {
      return;
    }
    if (input.isTextual()) {
      messages.add(Parts.message("user", single(Parts.text(redactor.redact(input.textValue())))));
      return;
    }
    for (JsonNode item : input) {
      String type = item.path("type").asText("message");
      switch (type) {
        case "message":
          ArrayNode parts = Parts.array();
          openAiContent(item.get("content"), parts);
          messages.add(Parts.message(item.path("role").asText("user"), parts));
          break;
        case "function_call":
          messages.add(Parts.message("assistant", single(Parts.toolCall(textOrNull(item, "call_id"),
              item.path("name").asText(null), Parts.arguments(item.get("arguments"), redactor)))));
          break;
        case "function_call_output":
          messages.add(Parts.message("tool", single(Parts.toolResponse(textOrNull(item, "call_id"),
              redactor.redactTree(item.path("output").deepCopy())))));
          break;
        default:
          // Reasoning items, server-side tool calls, references: their kind, not their content.
          messages.add(Parts.message(item.path("role").asText("assistant"), single(Parts.generic(type))));
          break;
      }
    }
  }

  // Anthropic ---------------------------------------------------------------------------------

  private void anthropicSystem(JsonNode system) {
    if (system == null || system.isNull()) {
      return;
    }
    systemInstructions = Parts.array();
    if (system.isTextual()) {
      systemInstructions.add(Parts.text(redactor.redact(system.textValue())));
      return;
    }
    for (JsonNode block : system) {
      if ("text".equals(block.path("type").asText())) {
        systemInstructions.add(Parts.text(redactor.redact(block.path("text").asText(""))));
      }
    }
  }

  private void anthropicMessage(JsonNode message) {
    String role = message.path("role").asText("user");
    ArrayNode parts = Parts.array();
    JsonNode content = message.get("content");
    boolean onlyToolResults = content != null && content.isArray() && content.size() > 0;
    if (content != null && content.isTextual()) {
      parts.add(Parts.text(redactor.redact(content.textValue())));
    } else if (content != null) {
      for (JsonNode block : content) {
        String type = block.path("type").asText();
        onlyToolResults &= type.equals("tool_result");
        anthropicBlock(block, type, parts);
      }
    }
    // The API sends tool results in user messages; the conventions give them the tool role.
    messages.add(Parts.message(onlyToolResults ? "tool" : role, parts));
  }

  private void anthropicBlock(JsonNode block, String type, ArrayNode parts) {
    switch (type) {
      case "text":
        parts.add(Parts.text(redactor.redact(block.path("text").asText(""))));
        break;
      case "image":
      case "document":
        String mime = block.path("source").path("media_type").asText(null);
        parts.add(Parts.blob(mime, type.equals("image") ? "image" : null));
        break;
      case "tool_use":
        parts.add(Parts.toolCall(textOrNull(block, "id"), block.path("name").asText(null),
            Parts.arguments(block.get("input"), redactor)));
        break;
      case "tool_result":
        parts.add(Parts.toolResponse(textOrNull(block, "tool_use_id"),
            TextNode.valueOf(redactor.redact(contentText(block.get("content"))))));
        break;
      default:
        // Thinking, server tool blocks and the like: their kind only.
        parts.add(Parts.generic(type.isEmpty() ? "unknown" : type));
        break;
    }
  }

  // Gemini ------------------------------------------------------------------------------------

  private void geminiContent(JsonNode content) {
    String role = content.path("role").asText("user");
    ArrayNode parts = Parts.array();
    geminiParts(content, parts);
    boolean toolResults = parts.size() > 0;
    for (JsonNode part : parts) {
      toolResults &= "tool_call_response".equals(part.path("type").asText());
    }
    messages.add(Parts.message(toolResults ? "tool" : "model".equals(role) ? "assistant" : role, parts));
  }

  /** The parts of a Gemini {@code Content} (a system instruction or a turn), into {@code out}. */
  private void geminiParts(JsonNode content, ArrayNode out) {
    JsonNode parts = content.path("parts");
    if (parts.isObject()) {
      // The REST API also takes a single part where it documents a list.
      geminiPart(parts, out);
      return;
    }
    if (content.isTextual()) {
      out.add(Parts.text(redactor.redact(content.textValue())));
      return;
    }
    for (JsonNode part : parts) {
      geminiPart(part, out);
    }
  }

  private void geminiPart(JsonNode part, ArrayNode out) {
    if (part.path("thought").asBoolean(false)) {
      out.add(Parts.generic("reasoning"));
    } else if (part.get("text") != null && part.get("text").isTextual()) {
      out.add(Parts.text(redactor.redact(part.get("text").textValue())));
    } else if (either(part, "inlineData", "inline_data").isObject()) {
      out.add(Parts.blob(mimeType(either(part, "inlineData", "inline_data")), null));
    } else if (either(part, "fileData", "file_data").isObject()) {
      ObjectNode file = Parts.generic("file_data");
      String mime = mimeType(either(part, "fileData", "file_data"));
      file.put("modality", Parts.modalityOf(mime));
      if (mime != null) {
        file.put("mime_type", mime);
      }
      out.add(file);
    } else if (either(part, "functionCall", "function_call").isObject()) {
      JsonNode call = either(part, "functionCall", "function_call");
      out.add(Parts.toolCall(textOrNull(call, "id"), call.path("name").asText(null),
          Parts.arguments(call.get("args"), redactor)));
    } else if (either(part, "functionResponse", "function_response").isObject()) {
      JsonNode response = either(part, "functionResponse", "function_response");
      out.add(Parts.toolResponse(textOrNull(response, "id"),
          redactor.redactTree(response.path("response").deepCopy())));
    } else {
      out.add(Parts.generic("unknown"));
    }
  }

  private static String mimeType(JsonNode data) {
    JsonNode mime = either(data, "mimeType", "mime_type");
    return mime.isTextual() ? mime.textValue() : null;
  }

  private static JsonNode either(JsonNode holder, String camel, String snake) {
    JsonNode n = holder.path(camel);
    return n.isMissingNode() ? holder.path(snake) : n;
  }

  // Shared ------------------------------------------------------------------------------------

  private void systemText(JsonNode instructions) {
    if (instructions != null && instructions.isTextual()) {
      systemInstructions = single(Parts.text(redactor.redact(instructions.textValue())));
    }
  }

  /** A string or an array of strings as one user message of text parts (token arrays are not text). */
  private void stringsAsOneUserMessage(JsonNode input) {
    ArrayNode parts = Parts.array();
    if (input != null && input.isTextual()) {
      parts.add(Parts.text(redactor.redact(input.textValue())));
    } else if (input != null && input.isArray()) {
      for (JsonNode item : input) {
        if (item.isTextual()) {
          parts.add(Parts.text(redactor.redact(item.textValue())));
        }
      }
    }
    if (parts.size() > 0) {
      messages.add(Parts.message("user", parts));
    }
  }

  /** The text of a content that is a string or a list of text parts, joined by newlines. */
  private static String contentText(JsonNode content) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.textValue();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      if (part.path("text").isTextual()) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(part.get("text").textValue());
      }
    }
    return text.toString();
  }

  private static String textOrNull(JsonNode holder, String field) {
    JsonNode value = holder.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  private static ArrayNode single(ObjectNode part) {
    ArrayNode parts = Parts.array();
    parts.add(part);
    return parts;
  }
}
