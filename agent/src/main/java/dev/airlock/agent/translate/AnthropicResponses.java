package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic {@code message} bodies to and from the canonical {@link ChatResult}. Thinking blocks
 * are not carried over (see {@link ChatResult}); usage is always written, zeros when the target
 * reported none, because the SDKs require it.
 */
final class AnthropicResponses {

  private AnthropicResponses() {}

  static ChatResult read(ObjectNode body, Usage usage) {
    List<Part> parts = new ArrayList<>();
    for (JsonNode b : JsonUtil.elements(body.get("content"))) {
      String type = JsonUtil.string(b, "type");
      if ("text".equals(type)) {
        String t = JsonUtil.string(b, "text");
        if (t != null && !t.isEmpty()) {
          parts.add(Part.text(t));
        }
      } else if ("tool_use".equals(type)) {
        JsonNode input = b.get("input");
        parts.add(Part.toolCall(JsonUtil.string(b, "id"), JsonUtil.string(b, "name"),
            input == null || input.isNull() ? "{}" : JsonUtil.text(input)));
      }
      // thinking, redacted_thinking: not carried over (their tokens stay in the usage).
    }
    return new ChatResult(
        JsonUtil.string(body, "id"),
        JsonUtil.string(body, "model"),
        parts,
        FinishReason.fromAnthropic(JsonUtil.string(body, "stop_reason")),
        JsonUtil.string(body, "stop_sequence"),
        usage);
  }

  static ObjectNode write(ChatResult r, String model) {
    ObjectNode out = JsonUtil.object();
    out.put("id", Ids.anthropicMessage(r.id));
    out.put("type", "message");
    out.put("role", "assistant");
    out.put("model", model);
    ArrayNode content = out.putArray("content");
    for (Part p : r.parts) {
      if (p.kind == Part.Kind.TEXT) {
        content.addObject().put("type", "text").put("text", p.text);
      } else if (p.kind == Part.Kind.TOOL_CALL) {
        ObjectNode b = content.addObject();
        b.put("type", "tool_use").put("id", p.toolCallId != null ? p.toolCallId : Ids.anthropicToolUse()).put("name", p.toolName);
        b.set("input", lenientArguments(p));
      }
    }
    out.put("stop_reason", FinishReason.toAnthropic(r.finishReason));
    if (r.finishReason == FinishReason.STOP_SEQUENCE && r.stopSequence != null) {
      out.put("stop_sequence", r.stopSequence);
    } else {
      out.putNull("stop_sequence");
    }
    out.set("usage", r.usage != null ? UsageJson.anthropic(r.usage) : UsageJson.anthropicZero());
    return out;
  }

  /**
   * The arguments as an object. An answer cut off by the token limit may carry truncated JSON;
   * the application still gets the turn (with {@code stop_reason: max_tokens}) rather than an
   * exception, the raw text kept under {@code _raw} for whoever looks.
   */
  static ObjectNode lenientArguments(Part p) {
    try {
      return p.argumentsObject();
    } catch (TranslationException e) {
      ObjectNode o = JsonUtil.object();
      o.put("_raw", p.arguments);
      return o;
    }
  }
}
