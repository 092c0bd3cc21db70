package dev.airlock.agent.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.airlock.agent.codec.Endpoint;

/**
 * Finds every text part of a request, in each wire format, and lets a visitor replace it: OpenAI
 * chat messages of every role (string or content parts) and tool results, Responses {@code input}
 * and {@code instructions}, Anthropic {@code system} and content blocks (tool results included),
 * Gemini {@code contents} and {@code systemInstruction}, embeddings {@code input}. Images, audio,
 * files and other non-text parts are never visited.
 */
public final class RequestTexts {

  /** Sees one text; returns its replacement, or the same string to leave it. */
  public interface Visitor {
    String visit(String text, TextRole role);
  }

  private RequestTexts() {}

  /** Visits the texts of {@code root} (a parsed request body), replacing them in place. */
  public static void visit(Endpoint endpoint, JsonNode root, Visitor visitor) {
    if (!(root instanceof ObjectNode)) {
      return;
    }
    ObjectNode body = (ObjectNode) root;
    switch (endpoint) {
      case OPENAI_CHAT:
        openAiMessages(body.get("messages"), visitor);
        break;
      case OPENAI_RESPONSES:
        replaceText(body, "instructions", TextRole.SYSTEM, visitor);
        responsesInput(body, visitor);
        break;
      case OPENAI_EMBEDDINGS:
        stringOrStrings(body, "input", TextRole.EMBEDDING_INPUT, visitor);
        break;
      case OPENAI_COMPLETIONS:
        stringOrStrings(body, "prompt", TextRole.USER, visitor);
        break;
      case ANTHROPIC_MESSAGES:
        anthropicContent(body, "system", TextRole.SYSTEM, visitor);
        anthropicMessages(body.get("messages"), visitor);
        break;
      case GEMINI_GENERATE_CONTENT:
      case GEMINI_STREAM_GENERATE_CONTENT:
        geminiParts(body.get("systemInstruction"), TextRole.SYSTEM, visitor);
        JsonNode contents = body.get("contents");
        if (contents instanceof ArrayNode) {
          for (JsonNode content : contents) {
            geminiParts(content, "model".equals(content.path("role").asText()) ? TextRole.ASSISTANT : TextRole.USER,
                visitor);
          }
        }
        break;
      default:
        break;
    }
  }

  /**
   * The role of an OpenAI chat message or Responses input item, by its {@code role} member; shared
   * with {@link RequestTextSpans}, which must settle roles exactly as this walk does.
   */
  static TextRole openAiRole(String role) {
    switch (role) {
      case "system":
      case "developer":
        return TextRole.SYSTEM;
      case "assistant":
        return TextRole.ASSISTANT;
      case "tool":
      case "function":
        return TextRole.TOOL_RESULT;
      default:
        return TextRole.USER;
    }
  }

  private static void openAiMessages(JsonNode messages, Visitor visitor) {
    if (!(messages instanceof ArrayNode)) {
      return;
    }
    for (JsonNode message : messages) {
      if (message instanceof ObjectNode) {
        TextRole role = openAiRole(message.path("role").asText("user"));
        openAiContent((ObjectNode) message, "content", role, visitor);
      }
    }
  }

  /** A string, or parts of which {@code {"type":"text"|"input_text"|"output_text","text":...}} are text. */
  private static void openAiContent(ObjectNode holder, String field, TextRole role, Visitor visitor) {
    JsonNode content = holder.get(field);
    if (content instanceof TextNode) {
      replaceText(holder, field, role, visitor);
    } else if (content instanceof ArrayNode) {
      for (JsonNode part : content) {
        if (part instanceof ObjectNode && isTextPart(part.path("type").asText())) {
          replaceText((ObjectNode) part, "text", role, visitor);
        }
      }
    }
  }

  private static boolean isTextPart(String type) {
    return type.equals("text") || type.equals("input_text") || type.equals("output_text");
  }

  private static void responsesInput(ObjectNode body, Visitor visitor) {
    JsonNode input = body.get("input");
    if (input instanceof TextNode) {
      replaceText(body, "input", TextRole.USER, visitor);
      return;
    }
    if (!(input instanceof ArrayNode)) {
      return;
    }
    for (JsonNode item : input) {
      if (!(item instanceof ObjectNode)) {
        continue;
      }
      ObjectNode o = (ObjectNode) item;
      String type = o.path("type").asText("message");
      if (type.equals("message")) {
        openAiContent(o, "content", openAiRole(o.path("role").asText("user")), visitor);
      } else if (type.equals("function_call_output")) {
        replaceText(o, "output", TextRole.TOOL_RESULT, visitor);
      }
    }
  }

  private static void anthropicMessages(JsonNode messages, Visitor visitor) {
    if (!(messages instanceof ArrayNode)) {
      return;
    }
    for (JsonNode message : messages) {
      if (message instanceof ObjectNode) {
        TextRole role = "assistant".equals(message.path("role").asText()) ? TextRole.ASSISTANT : TextRole.USER;
        anthropicContent((ObjectNode) message, "content", role, visitor);
      }
    }
  }

  /** A string, or blocks: {@code text} blocks, and {@code tool_result} blocks with their own content. */
  private static void anthropicContent(ObjectNode holder, String field, TextRole role, Visitor visitor) {
    JsonNode content = holder.get(field);
    if (content instanceof TextNode) {
      replaceText(holder, field, role, visitor);
      return;
    }
    if (!(content instanceof ArrayNode)) {
      return;
    }
    for (JsonNode block : content) {
      if (!(block instanceof ObjectNode)) {
        continue;
      }
      String type = block.path("type").asText();
      if (type.equals("text")) {
        replaceText((ObjectNode) block, "text", role, visitor);
      } else if (type.equals("tool_result")) {
        anthropicContent((ObjectNode) block, "content", TextRole.TOOL_RESULT, visitor);
      }
    }
  }

  private static void geminiParts(JsonNode content, TextRole role, Visitor visitor) {
    JsonNode parts = content == null ? null : content.get("parts");
    if (!(parts instanceof ArrayNode)) {
      return;
    }
    for (JsonNode part : parts) {
      if (part instanceof ObjectNode && part.get("text") instanceof TextNode) {
        replaceText((ObjectNode) part, "text", role, visitor);
      } else if (part instanceof ObjectNode && part.get("functionResponse") instanceof ObjectNode) {
        geminiFunctionResponse((ObjectNode) part.get("functionResponse"), visitor);
      }
    }
  }

  /** Tool results come back as arbitrary JSON; their string values are the tool's data. */
  private static void geminiFunctionResponse(ObjectNode functionResponse, Visitor visitor) {
    JsonNode response = functionResponse.get("response");
    if (response instanceof ObjectNode) {
      response.fieldNames().forEachRemaining(name -> {
        if (response.get(name) instanceof TextNode) {
          replaceText((ObjectNode) response, name, TextRole.TOOL_RESULT, visitor);
        }
      });
    }
  }

  private static void stringOrStrings(ObjectNode body, String field, TextRole role, Visitor visitor) {
    JsonNode value = body.get(field);
    if (value instanceof TextNode) {
      replaceText(body, field, role, visitor);
    } else if (value instanceof ArrayNode) {
      ArrayNode array = (ArrayNode) value;
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i) instanceof TextNode) {
          String text = array.get(i).asText();
          String replaced = visitor.visit(text, role);
          if (!replaced.equals(text)) {
            array.set(i, TextNode.valueOf(replaced));
          }
        }
      }
    }
  }

  private static void replaceText(ObjectNode holder, String field, TextRole role, Visitor visitor) {
    JsonNode value = holder.get(field);
    if (!(value instanceof TextNode)) {
      return;
    }
    String text = value.asText();
    String replaced = visitor.visit(text, role);
    if (!replaced.equals(text)) {
      holder.put(field, replaced);
    }
  }
}
