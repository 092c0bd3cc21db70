package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI {@code chat.completion} bodies to and from the canonical {@link ChatResult}.
 *
 * <p>Written with every member the openai-java SDK declares required ({@code id}, {@code object},
 * {@code created}, {@code model}, {@code choices[].index/message/logprobs/finish_reason}, {@code
 * message.role/content/refusal}), so that its strict response validation passes.
 */
final class OpenAiResponses {

  private OpenAiResponses() {}

  static ChatResult read(ObjectNode body, Usage usage) {
    List<Part> parts = new ArrayList<>();
    FinishReason finish = null;
    JsonNode choices = body.get("choices");
    if (choices != null && choices.isArray() && choices.size() > 0) {
      JsonNode choice = choices.get(0);
      JsonNode message = choice.get("message");
      JsonNode content = JsonUtil.get(message, "content");
      if (content != null && content.isTextual() && !content.asText().isEmpty()) {
        parts.add(Part.text(content.asText()));
      } else if (content != null && content.isArray()) {
        for (JsonNode c : content) {
          String t = JsonUtil.string(c, "text");
          if (t != null && !t.isEmpty()) {
            parts.add(Part.text(t));
          }
        }
      }
      String refusal = JsonUtil.string(message, "refusal");
      if (refusal != null && !refusal.isEmpty()) {
        parts.add(Part.text(refusal));
      }
      for (JsonNode call : JsonUtil.elements(JsonUtil.get(message, "tool_calls"))) {
        JsonNode f = call.get("function");
        String args = JsonUtil.string(f, "arguments");
        parts.add(Part.toolCall(JsonUtil.string(call, "id"), JsonUtil.string(f, "name"), args == null ? "{}" : args));
      }
      finish = FinishReason.fromOpenAi(JsonUtil.string(choice, "finish_reason"));
      if (refusal != null && !refusal.isEmpty() && finish == FinishReason.STOP) {
        finish = FinishReason.CONTENT_FILTER; // the model declined: Anthropic's "refusal"
      }
    }
    return new ChatResult(JsonUtil.string(body, "id"), JsonUtil.string(body, "model"), parts, finish, null, usage);
  }

  static ObjectNode write(ChatResult r, String model) {
    ObjectNode out = JsonUtil.object();
    out.put("id", Ids.openAiCompletion(r.id));
    out.put("object", "chat.completion");
    out.put("created", System.currentTimeMillis() / 1000);
    out.put("model", model);
    ObjectNode choice = out.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    String text = r.text();
    ArrayNode calls = null;
    for (Part p : r.parts) {
      if (p.kind == Part.Kind.TOOL_CALL) {
        if (calls == null) {
          calls = JsonUtil.array();
        }
        ObjectNode call = calls.addObject();
        call.put("id", p.toolCallId != null ? p.toolCallId : Ids.openAiToolCall());
        call.put("type", "function");
        call.putObject("function").put("name", p.toolName).put("arguments", p.arguments);
      }
    }
    // OpenAI sends content null when the answer is only tool calls, "" never.
    if (text != null) {
      message.put("content", text);
    } else if (calls != null) {
      message.putNull("content");
    } else {
      message.put("content", "");
    }
    message.putNull("refusal");
    if (calls != null) {
      message.set("tool_calls", calls);
    }
    message.putArray("annotations");
    choice.putNull("logprobs");
    choice.put("finish_reason", FinishReason.toOpenAi(r.finishReason));
    if (r.usage != null) {
      out.set("usage", UsageJson.openAi(r.usage));
    }
    return out;
  }
}
