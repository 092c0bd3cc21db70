package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.StreamAccumulator;
import java.util.List;

/**
 * Reads a Gemini {@code streamGenerateContent?alt=sse} stream: each event is a whole {@code
 * GenerateContentResponse} holding the next text, whole function calls (Gemini does not stream
 * arguments), and, in the last one, {@code finishReason} and the final {@code usageMetadata}. Usage
 * is read by the codec's {@link StreamAccumulator}, fed the same events.
 */
final class GeminiStreamDecoder implements StreamDecoder {

  private final StreamAccumulator accumulator = new StreamAccumulator(Endpoint.GEMINI_STREAM_GENERATE_CONTENT);
  private boolean started;
  private boolean done;
  private boolean sawToolCall;
  private int nextTool;

  @Override
  public void onEvent(String eventName, String data, List<StreamEvent> out) {
    if (done) {
      return;
    }
    accumulator.onEvent(eventName, data);
    ObjectNode chunk = JsonUtil.parseEvent(data);
    if (chunk == null) {
      return;
    }
    ErrorBodies.Info error = ErrorBodies.readEvent(chunk);
    if (error != null) {
      out.add(StreamEvent.error(error));
      done = true;
      return;
    }
    if (!started) {
      started = true;
      out.add(StreamEvent.start(
          JsonUtil.string(chunk, "responseId", "response_id"),
          JsonUtil.string(chunk, "modelVersion", "model_version"),
          accumulator.result().usage()));
    }
    JsonNode candidates = chunk.get("candidates");
    if (candidates != null && candidates.isArray() && candidates.size() > 0) {
      JsonNode c = candidates.get(0);
      for (JsonNode p : JsonUtil.elements(JsonUtil.get(JsonUtil.get(c, "content"), "parts"))) {
        if (Boolean.TRUE.equals(JsonUtil.bool(p, "thought"))) {
          continue;
        }
        String text = JsonUtil.string(p, "text");
        JsonNode call = JsonUtil.get(p, "functionCall", "function_call");
        if (text != null && !text.isEmpty()) {
          out.add(StreamEvent.text(text));
        } else if (call != null) {
          int i = nextTool++;
          sawToolCall = true;
          JsonNode args = call.get("args");
          out.add(StreamEvent.toolStart(i, JsonUtil.string(call, "id"), JsonUtil.string(call, "name")));
          out.add(StreamEvent.toolArgs(i, args == null || args.isNull() ? "{}" : JsonUtil.text(args)));
          out.add(StreamEvent.toolEnd(i));
        }
      }
      String reason = JsonUtil.string(c, "finishReason", "finish_reason");
      if (reason != null) {
        end(FinishReason.fromGemini(reason, sawToolCall), out);
      }
    } else if (JsonUtil.string(JsonUtil.get(chunk, "promptFeedback", "prompt_feedback"), "blockReason", "block_reason") != null) {
      end(FinishReason.CONTENT_FILTER, out);
    }
  }

  @Override
  public void finish(List<StreamEvent> out) {
    // Gemini's last chunk carries the finishReason; without it the stream was cut short.
  }

  private void end(FinishReason reason, List<StreamEvent> out) {
    done = true;
    out.add(StreamEvent.finish(reason, null, accumulator.result().usage()));
  }
}
