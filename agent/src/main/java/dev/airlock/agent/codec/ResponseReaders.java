package dev.airlock.agent.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Reads response objects and stream events of each dialect into a {@link ResponseState}.
 *
 * <p>Shared by {@link ResponseCodec} (whole bodies) and {@link StreamAccumulator} (events), which is
 * why a streamed and a non-streamed answer yield the same facts. Every reader expects the parser
 * on a {@code START_OBJECT} and leaves it on the matching {@code END_OBJECT} (or, for the early
 * exits on uninteresting events, anywhere inside: the caller then drops the parser). Generated
 * content is skipped without being decoded; only usage blocks, which are small, become trees.
 */
final class ResponseReaders {

  private ResponseReaders() {}

  /** An OpenAI chat completion, chat completion chunk, text completion, embedding list, or error body. */
  static void openAi(JsonParser p, ResponseState s) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "id":
          s.id(Json.text(p));
          break;
        case "model":
          s.model(Json.text(p));
          break;
        case "choices":
          choices(p, s, "finish_reason");
          break;
        case "usage":
          if (v == JsonToken.START_OBJECT) {
            s.usage = UsageMapper.openAi(Json.readTree(p));
          } else {
            p.skipChildren();
          }
          break;
        case "error":
          s.errorType = openAiError(p);
          break;
        default:
          p.skipChildren();
          break;
      }
    }
  }

  /** A Responses API {@code response} object (body, or inside a stream event). */
  static void responses(JsonParser p, ResponseState s) throws IOException {
    String status = null;
    String incompleteReason = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "id":
          s.id(Json.text(p));
          break;
        case "model":
          s.model(Json.text(p));
          break;
        case "status":
          status = Json.text(p);
          break;
        case "incomplete_details":
          incompleteReason = v == JsonToken.START_OBJECT ? Json.string(Json.readTree(p), "reason") : skip(p);
          break;
        case "usage":
          if (v == JsonToken.START_OBJECT) {
            s.usage = UsageMapper.openAi(Json.readTree(p));
          } else {
            p.skipChildren();
          }
          break;
        case "error":
          if (v == JsonToken.START_OBJECT) {
            s.errorType = openAiError(p);
          } else {
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
          break;
      }
    }
    // The Responses API has no per-choice finish reason: the why of an early stop is in
    // incomplete_details, otherwise the final status says how the response ended.
    if (incompleteReason != null) {
      s.finishReason(0, incompleteReason);
    } else if (status != null && !"in_progress".equals(status) && !"queued".equals(status)) {
      s.finishReason(0, status);
    }
  }

  /** Whether a Responses stream event type carries facts Airlock keeps. */
  static boolean isInterestingResponsesEvent(String type) {
    switch (type) {
      case "response.created":
      case "response.in_progress":
      case "response.queued":
      case "response.completed":
      case "response.incomplete":
      case "response.failed":
      case "error":
        return true;
      default:
        return false;
    }
  }

  /** A Responses API stream event: {@code {"type": ..., "response": {...}}} or an {@code error} event. */
  static void responsesEvent(JsonParser p, ResponseState s) throws IOException {
    String type = null;
    String code = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "type":
          type = Json.text(p);
          if (type != null && !isInterestingResponsesEvent(type)) {
            return; // text deltas and the like: stop reading right here
          }
          break;
        case "response":
          if (p.currentToken() == JsonToken.START_OBJECT) {
            responses(p, s);
          } else {
            p.skipChildren();
          }
          break;
        case "code":
          code = Json.text(p);
          break;
        default:
          p.skipChildren();
          break;
      }
    }
    if ("response.completed".equals(type) || "response.incomplete".equals(type) || "response.failed".equals(type)) {
      s.terminal = true;
    } else if ("error".equals(type)) {
      s.errorType = code != null ? code : "error";
      s.terminal = true;
    }
  }

  /** An Anthropic Message object, or an error body {@code {"type":"error","error":{"type":...}}}. */
  static void anthropic(JsonParser p, ResponseState s) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "id":
          s.id(Json.text(p));
          break;
        case "model":
          s.model(Json.text(p));
          break;
        case "stop_reason":
          s.finishReason(0, Json.text(p));
          break;
        case "usage":
          if (v == JsonToken.START_OBJECT) {
            s.usage = UsageMapper.anthropic(Json.readTree(p));
          } else {
            p.skipChildren();
          }
          break;
        case "error":
          s.errorType = v == JsonToken.START_OBJECT ? stringMember(p, "type") : skip(p);
          break;
        default:
          p.skipChildren();
          break;
      }
    }
  }

  /** Whether an Anthropic stream event type carries facts Airlock keeps (not ping or content blocks). */
  static boolean isInterestingAnthropicEvent(String type) {
    switch (type) {
      case "message_start":
      case "message_delta":
      case "message_stop":
      case "error":
        return true;
      default:
        return false;
    }
  }

  /** An Anthropic stream event. */
  static void anthropicEvent(JsonParser p, ResponseState s) throws IOException {
    String type = null;
    JsonNode deltaUsage = null;
    String errorType = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "type":
          type = Json.text(p);
          if (type != null && !isInterestingAnthropicEvent(type)) {
            return;
          }
          break;
        case "message":
          if (v == JsonToken.START_OBJECT) {
            anthropic(p, s);
          } else {
            p.skipChildren();
          }
          break;
        case "delta":
          if (v == JsonToken.START_OBJECT) {
            s.finishReason(0, stringMember(p, "stop_reason"));
          } else {
            p.skipChildren();
          }
          break;
        case "usage":
          if (v == JsonToken.START_OBJECT) {
            deltaUsage = Json.readTree(p);
          } else {
            p.skipChildren();
          }
          break;
        case "error":
          errorType = v == JsonToken.START_OBJECT ? stringMember(p, "type") : skip(p);
          break;
        default:
          p.skipChildren();
          break;
      }
    }
    if ("message_delta".equals(type)) {
      s.usage = UsageMapper.anthropicDelta(s.usage, deltaUsage);
    } else if ("message_stop".equals(type)) {
      s.terminal = true;
    } else if ("error".equals(type)) {
      s.errorType = errorType != null ? errorType : "error";
      s.terminal = true;
    }
  }

  /** A Gemini {@code GenerateContentResponse} (a body or one stream chunk), or an error body. */
  static void gemini(JsonParser p, ResponseState s) throws IOException {
    String blockReason = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "candidates":
          choices(p, s, "finishReason");
          break;
        case "usageMetadata":
          if (v == JsonToken.START_OBJECT) {
            // Each chunk of a stream repeats the counts so far; the latest one is the total.
            s.usage = UsageMapper.gemini(Json.readTree(p));
          } else {
            p.skipChildren();
          }
          break;
        case "modelVersion":
          s.model(Json.text(p));
          break;
        case "promptFeedback":
          blockReason = v == JsonToken.START_OBJECT ? Json.string(Json.readTree(p), "blockReason") : skip(p);
          break;
        case "responseId":
          s.id(Json.text(p));
          break;
        case "error":
          if (v == JsonToken.START_OBJECT) {
            JsonNode error = Json.readTree(p);
            String status = Json.string(error, "status");
            JsonNode code = error.get("code");
            s.errorType = status != null ? status : code != null && !code.isNull() ? code.asText() : "error";
            s.terminal = true;
          } else {
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
          break;
      }
    }
    // A blocked prompt gets no candidates at all, only promptFeedback.blockReason (e.g. SAFETY):
    // that is why generation stopped, and nothing follows it.
    if (blockReason != null && !s.hasFinishReason()) {
      s.finishReason(0, blockReason);
    }
    if (s.hasFinishReason()) {
      s.terminal = true;
    }
  }

  /** An array of choices/candidates: records each one's finish reason at its {@code index}. */
  private static void choices(JsonParser p, ResponseState s, String reasonField) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    int position = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        position++;
        continue;
      }
      Long index = null;
      String reason = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if ("index".equals(field)) {
          index = Json.integer(p);
        } else if (reasonField.equals(field)) {
          reason = Json.text(p);
        } else {
          p.skipChildren();
        }
      }
      s.finishReason(index != null ? (int) Math.min(index, Integer.MAX_VALUE) : position, reason);
      position++;
    }
  }

  /** OpenAI {@code error}: the {@code code} when it has one (more specific), else the {@code type}. */
  private static String openAiError(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    JsonNode error = Json.readTree(p);
    JsonNode code = error.get("code");
    if (code != null && !code.isNull() && !code.asText().isEmpty()) {
      return code.asText();
    }
    String type = Json.string(error, "type");
    return type != null ? type : "error";
  }

  /** Reads an object, returning one string member (others are skipped). */
  private static String stringMember(JsonParser p, String name) throws IOException {
    String value = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (name.equals(field)) {
        value = Json.text(p);
      } else {
        p.skipChildren();
      }
    }
    return value;
  }

  private static String skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }
}
