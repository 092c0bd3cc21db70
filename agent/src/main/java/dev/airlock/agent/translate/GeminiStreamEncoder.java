package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.WireFormat;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a Gemini {@code streamGenerateContent?alt=sse} stream: one {@code GenerateContentResponse}
 * per text delta, one per completed function call (Gemini sends calls whole, so the argument
 * fragments of other formats are gathered until the call ends), and a last one with {@code
 * finishReason} and {@code usageMetadata}.
 */
final class GeminiStreamEncoder implements StreamEncoder {

  private static final class PendingCall {
    final String id;
    final String name;
    final StringBuilder args = new StringBuilder();

    PendingCall(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  private final String fallbackModel;
  private final Map<Integer, PendingCall> pending = new LinkedHashMap<>();
  private String responseId;
  private String model;
  private boolean done;

  /** @param fallbackModel the model to name when the target names none (the route's model) */
  GeminiStreamEncoder(String fallbackModel) {
    this.fallbackModel = fallbackModel;
  }

  @Override
  public void write(StreamEvent e, ByteArrayOutputStream out) {
    if (done) {
      return;
    }
    switch (e.kind) {
      case START:
        begin(e.id, e.model);
        break;
      case TEXT:
        begin(null, null);
        flushCalls(out);
        ArrayNode parts = JsonUtil.array();
        parts.addObject().put("text", e.text);
        Sse.geminiData(out, chunk(parts));
        break;
      case TOOL_START:
        begin(null, null);
        pending.put(e.index, new PendingCall(e.toolId, e.toolName));
        break;
      case TOOL_ARGS:
        PendingCall call = pending.get(e.index);
        if (call != null) {
          call.args.append(e.text);
        }
        break;
      case TOOL_END:
        PendingCall ended = pending.remove(e.index);
        if (ended != null) {
          ArrayNode one = JsonUtil.array();
          one.add(functionCall(ended));
          Sse.geminiData(out, chunk(one));
        }
        break;
      case FINISH:
        begin(null, null);
        flushCalls(out);
        ObjectNode last;
        if (e.finishReason == FinishReason.CONTENT_FILTER) {
          last = chunk(null); // a blocked candidate has no content, as with Gemini itself
        } else {
          ArrayNode empty = JsonUtil.array();
          empty.addObject().put("text", "");
          last = chunk(empty);
        }
        ObjectNode candidate = (ObjectNode) last.get("candidates").get(0);
        candidate.put("finishReason", FinishReason.toGemini(e.finishReason));
        if (e.usage != null) {
          last.set("usageMetadata", UsageJson.gemini(e.usage));
        }
        Sse.geminiData(out, last);
        done = true;
        break;
      case ERROR:
        Sse.geminiData(out, ErrorBodies.write(WireFormat.GEMINI, e.error));
        done = true;
        break;
      default:
        break;
    }
  }

  private void begin(String targetId, String targetModel) {
    if (responseId == null) {
      responseId = Ids.geminiResponse(targetId);
      model = targetModel != null ? targetModel : fallbackModel;
    }
  }

  private void flushCalls(ByteArrayOutputStream out) {
    if (pending.isEmpty()) {
      return;
    }
    ArrayNode parts = JsonUtil.array();
    for (PendingCall c : pending.values()) {
      parts.add(functionCall(c));
    }
    pending.clear();
    Sse.geminiData(out, chunk(parts));
  }

  private static ObjectNode functionCall(PendingCall c) {
    Part p = Part.toolCall(c.id, c.name, c.args.toString());
    return GeminiResponses.functionCallPart(c.id, c.name, AnthropicResponses.lenientArguments(p));
  }

  /** A chunk with the given parts (null: a candidate without content). */
  private ObjectNode chunk(ArrayNode parts) {
    ObjectNode c = JsonUtil.object();
    ObjectNode candidate = c.putArray("candidates").addObject();
    if (parts != null) {
      ObjectNode content = candidate.putObject("content");
      content.set("parts", parts);
      content.put("role", "model");
    }
    candidate.put("index", 0);
    c.put("modelVersion", model);
    c.put("responseId", responseId);
    return c;
  }
}
