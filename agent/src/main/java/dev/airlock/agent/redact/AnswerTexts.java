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

  /**
   * Whether the request asked for a JSON answer: OpenAI {@code response_format} ({@code json_object}
   * or {@code json_schema}), Responses {@code text.format}, Gemini {@code responseMimeType:
   * application/json} or a response schema.
   */
  static boolean jsonRequested(Endpoint endpoint, JsonNode request) {
    switch (endpoint) {
      case OPENAI_CHAT:
        return request.path("response_format").path("type").asText().startsWith("json");
      case OPENAI_RESPONSES:
        return request.path("text").path("format").path("type").asText().startsWith("json");
      case GEMINI_GENERATE_CONTENT:
      case GEMINI_STREAM_GENERATE_CONTENT:
        JsonNode config = geminiConfig(request);
        return "application/json".equals(either(config, "responseMimeType", "response_mime_type").asText())
            || jsonSchema(endpoint, request) != null;
      default:
        return false;
    }
  }

  /**
   * The JSON Schema the answer must conform to, or null when the request gives none: OpenAI chat
   * {@code response_format.json_schema.schema}, Responses {@code text.format.schema} (type {@code
   * json_schema}), Gemini {@code generationConfig.responseJsonSchema} or {@code responseSchema}
   * (snake_case spellings too).
   */
  static JsonNode jsonSchema(Endpoint endpoint, JsonNode request) {
    JsonNode schema;
    switch (endpoint) {
      case OPENAI_CHAT:
        JsonNode rf = request.path("response_format");
        schema = "json_schema".equals(rf.path("type").asText()) ? rf.path("json_schema").path("schema") : null;
        break;
      case OPENAI_RESPONSES:
        JsonNode format = request.path("text").path("format");
        schema = "json_schema".equals(format.path("type").asText()) ? format.path("schema") : null;
        break;
      case GEMINI_GENERATE_CONTENT:
      case GEMINI_STREAM_GENERATE_CONTENT:
        JsonNode config = geminiConfig(request);
        schema = either(config, "responseJsonSchema", "response_json_schema");
        if (!schema.isObject()) {
          schema = either(config, "responseSchema", "response_schema");
        }
        break;
      default:
        schema = null;
    }
    return schema != null && (schema.isObject() || schema.isBoolean()) ? schema : null;
  }

  private static JsonNode geminiConfig(JsonNode request) {
    return either(request, "generationConfig", "generation_config");
  }

  private static JsonNode either(JsonNode holder, String camel, String snake) {
    JsonNode n = holder.path(camel);
    return n.isMissingNode() ? holder.path(snake) : n;
  }
}
