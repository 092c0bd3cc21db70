package dev.airlock.agent.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Endpoint;

/**
 * Finds the text parts of a non-streamed answer, in each wire format, and lets a visitor replace
 * them: OpenAI chat {@code choices[].message.content}, Responses {@code output[].content[].text},
 * Anthropic {@code content[].text}, Gemini {@code candidates[].content.parts[].text}.
 */
final class AnswerTexts {

  /** Sees one text; returns its replacement, or the same string to leave it. */
  interface Visitor {
    String visit(String text);
  }

  private AnswerTexts() {}

  static void visit(Endpoint endpoint, JsonNode root, Visitor visitor) {
    switch (endpoint) {
      case OPENAI_CHAT:
        for (JsonNode choice : root.path("choices")) {
          replace(choice.get("message"), "content", visitor);
        }
        break;
      case OPENAI_RESPONSES:
        for (JsonNode item : root.path("output")) {
          for (JsonNode part : item.path("content")) {
            replace(part, "text", visitor);
          }
        }
        break;
      case ANTHROPIC_MESSAGES:
        for (JsonNode block : root.path("content")) {
          if ("text".equals(block.path("type").asText())) {
            replace(block, "text", visitor);
          }
        }
        break;
      case GEMINI_GENERATE_CONTENT:
      case GEMINI_STREAM_GENERATE_CONTENT:
        for (JsonNode candidate : root.path("candidates")) {
          for (JsonNode part : candidate.path("content").path("parts")) {
            replace(part, "text", visitor);
          }
        }
        break;
      default:
        break;
    }
  }

  private static void replace(JsonNode holder, String field, Visitor visitor) {
    if (holder instanceof ObjectNode && holder.path(field).isTextual()) {
      String text = holder.get(field).asText();
      String replaced = visitor.visit(text);
      if (!replaced.equals(text)) {
        ((ObjectNode) holder).put(field, replaced);
      }
    }
  }

  /** Whether the request asked for a JSON answer (OpenAI response_format / Responses text.format, Gemini responseMimeType). */
  static boolean jsonRequested(Endpoint endpoint, JsonNode request) {
    switch (endpoint) {
      case OPENAI_CHAT:
        return request.path("response_format").path("type").asText().startsWith("json");
      case OPENAI_RESPONSES:
        return request.path("text").path("format").path("type").asText().startsWith("json");
      case GEMINI_GENERATE_CONTENT:
      case GEMINI_STREAM_GENERATE_CONTENT:
        return "application/json".equals(request.path("generationConfig").path("responseMimeType").asText());
      default:
        return false;
    }
  }
}
