package dev.airlock.agent.telemetry.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.airlock.agent.codec.Endpoint;

/**
 * A whole (non-streamed) answer in the conventions' shape ({@code gen_ai.output.messages}): one
 * message per choice or candidate, role {@code assistant}, text and tool-call parts, and the
 * finish reason. OpenAI chat and legacy completions {@code choices}, the Responses {@code output}
 * items (one message for the response), Anthropic {@code content} blocks, Gemini {@code
 * candidates} (also a JSON array of stream chunks, folded). Every text goes through the redactor.
 */
final class OutputMessages {

  private OutputMessages() {}

  /** The messages of {@code answer}; empty for an error body or an endpoint without output (embeddings). */
  static ArrayNode of(Endpoint endpoint, JsonNode answer, ContentRedactor redactor) {
    ArrayNode out = Parts.array();
    if (answer == null || answer.hasNonNull("error") && !answer.path("output").isArray()) {
      return out;
    }
    switch (endpoint) {
      case OPENAI_CHAT:
        for (JsonNode choice : answer.path("choices")) {
          out.add(Parts.outputMessage(openAiChoice(choice.path("message"), redactor),
              choice.path("finish_reason").asText(null)));
        }
        break;
      case OPENAI_COMPLETIONS:
        for (JsonNode choice : answer.path("choices")) {
          ArrayNode parts = Parts.array();
          parts.add(Parts.text(redactor.redact(choice.path("text").asText(""))));
          out.add(Parts.outputMessage(parts, choice.path("finish_reason").asText(null)));
        }
        break;
      case OPENAI_RESPONSES:
        if (answer.path("output").isArray()) {
          out.add(responses(answer, redactor));
        }
        break;
      case ANTHROPIC_MESSAGES:
        if (answer.path("content").isArray()) {
          out.add(Parts.outputMessage(anthropicBlocks(answer.path("content"), redactor),
              answer.path("stop_reason").asText(null)));
        }
        break;
      case GEMINI_GENERATE_CONTENT:
      case GEMINI_STREAM_GENERATE_CONTENT:
        if (answer.isArray()) {
          // streamGenerateContent without alt=sse: the chunks of a stream in one array.
          StreamedOutput folded = new StreamedOutput(endpoint, redactor);
          for (JsonNode chunk : answer) {
            folded.onChunk(chunk);
          }
          return folded.messages();
        }
        for (JsonNode candidate : answer.path("candidates")) {
          out.add(Parts.outputMessage(geminiParts(candidate.path("content").path("parts"), redactor),
              candidate.path("finishReason").asText(null)));
        }
        break;
      default:
        break;
    }
    return out;
  }

  private static ArrayNode openAiChoice(JsonNode message, ContentRedactor redactor) {
    ArrayNode parts = Parts.array();
    JsonNode content = message.get("content");
    if (content != null && content.isTextual()) {
      parts.add(Parts.text(redactor.redact(content.textValue())));
    } else if (content != null && content.isArray()) {
      for (JsonNode part : content) {
        if (part.path("text").isTextual()) {
          parts.add(Parts.text(redactor.redact(part.get("text").textValue())));
        }
      }
    }
    if (message.path("refusal").isTextual()) {
      parts.add(Parts.text(redactor.redact(message.get("refusal").textValue())));
    }
    for (JsonNode call : message.path("tool_calls")) {
      JsonNode function = call.path("function");
      parts.add(Parts.toolCall(call.path("id").asText(null), function.path("name").asText(null),
          Parts.arguments(function.get("arguments"), redactor)));
    }
    return parts;
  }

  /** The Responses API's answer: its output items as one message; the status says why it stopped. */
  static com.fasterxml.jackson.databind.node.ObjectNode responses(JsonNode response, ContentRedactor redactor) {
    ArrayNode parts = Parts.array();
    boolean calledTools = false;
    for (JsonNode item : response.path("output")) {
      String type = item.path("type").asText();
      if (type.equals("message")) {
        for (JsonNode part : item.path("content")) {
          if (part.path("text").isTextual()) {
            parts.add(Parts.text(redactor.redact(part.get("text").textValue())));
          } else if (part.path("refusal").isTextual()) {
            parts.add(Parts.text(redactor.redact(part.get("refusal").textValue())));
          }
        }
      } else if (type.equals("function_call")) {
        calledTools = true;
        parts.add(Parts.toolCall(item.path("call_id").asText(null), item.path("name").asText(null),
            Parts.arguments(item.get("arguments"), redactor)));
      } else if (!type.isEmpty()) {
        // Reasoning and server-side tools: their kind, not their content.
        parts.add(Parts.generic(type.equals("reasoning") ? "reasoning" : type));
      }
    }
    String status = response.path("status").asText("completed");
    String reason = status.equals("incomplete")
        ? response.path("incomplete_details").path("reason").asText("length")
        : status.equals("completed") && calledTools ? "tool_calls" : status;
    return Parts.outputMessage(parts, reason);
  }

  static ArrayNode anthropicBlocks(JsonNode blocks, ContentRedactor redactor) {
    ArrayNode parts = Parts.array();
    for (JsonNode block : blocks) {
      String type = block.path("type").asText();
      if (type.equals("text")) {
        parts.add(Parts.text(redactor.redact(block.path("text").asText(""))));
      } else if (type.equals("tool_use")) {
        parts.add(Parts.toolCall(block.path("id").asText(null), block.path("name").asText(null),
            Parts.arguments(block.get("input"), redactor)));
      } else if (type.equals("thinking") || type.equals("redacted_thinking")) {
        parts.add(Parts.generic("reasoning"));
      }
    }
    return parts;
  }

  private static ArrayNode geminiParts(JsonNode parts, ContentRedactor redactor) {
    ArrayNode out = Parts.array();
    for (JsonNode part : parts) {
      if (part.path("thought").asBoolean(false)) {
        out.add(Parts.generic("reasoning"));
      } else if (part.path("text").isTextual()) {
        out.add(Parts.text(redactor.redact(part.get("text").textValue())));
      } else if (part.path("functionCall").isObject()) {
        JsonNode call = part.get("functionCall");
        out.add(Parts.toolCall(call.path("id").asText(null), call.path("name").asText(null),
            Parts.arguments(call.get("args"), redactor)));
      } else if (part.path("inlineData").isObject()) {
        out.add(Parts.blob(part.get("inlineData").path("mimeType").asText(null), null));
      }
    }
    return out;
  }
}
