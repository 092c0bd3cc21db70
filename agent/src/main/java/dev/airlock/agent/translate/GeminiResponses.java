package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * Gemini {@code GenerateContentResponse} bodies to and from the canonical {@link ChatResult}. Only
 * the first candidate is read (requests for more are refused). A prompt blocked before any
 * candidate ({@code promptFeedback.blockReason}) reads as {@link FinishReason#CONTENT_FILTER}.
 */
final class GeminiResponses {

  private GeminiResponses() {}

  static ChatResult read(ObjectNode body, Usage usage) {
    List<Part> parts = new ArrayList<>();
    FinishReason finish = null;
    JsonNode candidates = body.get("candidates");
    if (candidates != null && candidates.isArray() && candidates.size() > 0) {
      JsonNode c = candidates.get(0);
      boolean sawCall = readParts(JsonUtil.get(c, "content"), parts);
      finish = FinishReason.fromGemini(JsonUtil.string(c, "finishReason", "finish_reason"), sawCall);
    } else if (JsonUtil.string(JsonUtil.get(body, "promptFeedback", "prompt_feedback"), "blockReason", "block_reason") != null) {
      finish = FinishReason.CONTENT_FILTER;
    }
    return new ChatResult(
        JsonUtil.string(body, "responseId", "response_id"),
        JsonUtil.string(body, "modelVersion", "model_version"),
        parts,
        finish,
        null,
        usage);
  }

  /** Appends a candidate content's text and function calls; returns whether there was a function call. */
  static boolean readParts(JsonNode content, List<Part> out) {
    boolean sawCall = false;
    for (JsonNode p : JsonUtil.elements(JsonUtil.get(content, "parts"))) {
      if (Boolean.TRUE.equals(JsonUtil.bool(p, "thought"))) {
        continue;
      }
      String text = JsonUtil.string(p, "text");
      JsonNode call = JsonUtil.get(p, "functionCall", "function_call");
      if (text != null && !text.isEmpty()) {
        out.add(Part.text(text));
      } else if (call != null) {
        JsonNode args = call.get("args");
        out.add(Part.toolCall(JsonUtil.string(call, "id"), JsonUtil.string(call, "name"),
            args == null || args.isNull() ? "{}" : JsonUtil.text(args)));
        sawCall = true;
      }
    }
    return sawCall;
  }

  static ObjectNode write(ChatResult r, String model) {
    ObjectNode out = JsonUtil.object();
    ObjectNode candidate = out.putArray("candidates").addObject();
    ArrayNode parts = JsonUtil.array();
    for (Part p : r.parts) {
      if (p.kind == Part.Kind.TEXT) {
        parts.addObject().put("text", p.text);
      } else if (p.kind == Part.Kind.TOOL_CALL) {
        parts.add(functionCallPart(p.toolCallId, p.toolName, AnthropicResponses.lenientArguments(p)));
      }
    }
    if (parts.size() > 0 || r.finishReason != FinishReason.CONTENT_FILTER) {
      if (parts.size() == 0) {
        parts.addObject().put("text", "");
      }
      ObjectNode content = candidate.putObject("content");
      content.set("parts", parts);
      content.put("role", "model");
    }
    candidate.put("finishReason", FinishReason.toGemini(r.finishReason));
    candidate.put("index", 0);
    if (r.usage != null) {
      out.set("usageMetadata", UsageJson.gemini(r.usage));
    }
    out.put("modelVersion", model);
    out.put("responseId", Ids.geminiResponse(r.id));
    return out;
  }

  /** A {@code functionCall} part; the call's id is kept (Gemini's FunctionCall has an optional id) so the application can echo it. */
  static ObjectNode functionCallPart(String id, String name, ObjectNode args) {
    ObjectNode part = JsonUtil.object();
    ObjectNode call = part.putObject("functionCall");
    if (id != null) {
      call.put("id", id);
    }
    call.put("name", name);
    call.set("args", args);
    return part;
  }
}
