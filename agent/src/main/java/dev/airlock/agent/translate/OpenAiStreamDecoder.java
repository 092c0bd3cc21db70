package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.StreamAccumulator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an OpenAI chat completions stream ({@code chat.completion.chunk}s, then {@code [DONE]}).
 *
 * <p>OpenAI sends the finish reason in one chunk and the usage in a later one (the request asks
 * {@code include_usage}, see {@link OpenAiRequests#write}), so FINISH is emitted at {@code [DONE]},
 * or at the end of the stream when a finish reason was seen but no {@code [DONE]} (some compatible
 * servers omit it). Tool calls arrive as deltas keyed by {@code index}: the first delta of an index
 * carries id and name, later ones argument fragments; a new index closes the previous call. Usage
 * is read by the codec's {@link StreamAccumulator}, fed the same events.
 */
final class OpenAiStreamDecoder implements StreamDecoder {

  private final StreamAccumulator accumulator = new StreamAccumulator(Endpoint.OPENAI_CHAT);
  private final Set<Integer> startedTools = new HashSet<>();
  private int openTool = -1;
  private boolean started;
  private boolean done;
  private String finishReason;
  private boolean refused;

  @Override
  public void onEvent(String eventName, String data, List<StreamEvent> out) {
    if (done) {
      return;
    }
    accumulator.onEvent(eventName, data);
    if ("[DONE]".equals(data.trim())) {
      end(out);
      return;
    }
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
    JsonNode choices = chunk.get("choices");
    if (!started && choices != null && choices.size() > 0) {
      // Not on Azure's first chunk, which has no choices and an empty id and model.
      started = true;
      out.add(StreamEvent.start(nonEmpty(JsonUtil.string(chunk, "id")), nonEmpty(JsonUtil.string(chunk, "model")), null));
    }
    for (JsonNode choice : JsonUtil.elements(choices)) {
      Long index = JsonUtil.integer(choice, "index");
      if (index != null && index != 0) {
        continue; // n > 1 is refused on the way in; anything else is not ours to translate
      }
      JsonNode delta = choice.get("delta");
      String content = JsonUtil.string(delta, "content");
      if (content != null && !content.isEmpty()) {
        closeTool(out);
        out.add(StreamEvent.text(content));
      }
      String refusal = JsonUtil.string(delta, "refusal");
      if (refusal != null && !refusal.isEmpty()) {
        closeTool(out);
        refused = true;
        out.add(StreamEvent.text(refusal));
      }
      int position = 0;
      for (JsonNode call : JsonUtil.elements(JsonUtil.get(delta, "tool_calls"))) {
        Long i = JsonUtil.integer(call, "index");
        int idx = i != null ? i.intValue() : position;
        position++;
        JsonNode f = call.get("function");
        if (startedTools.add(idx)) {
          if (openTool != idx) {
            closeTool(out);
          }
          openTool = idx;
          out.add(StreamEvent.toolStart(idx, JsonUtil.string(call, "id"), JsonUtil.string(f, "name")));
        }
        String args = JsonUtil.string(f, "arguments");
        if (args != null && !args.isEmpty()) {
          out.add(StreamEvent.toolArgs(idx, args));
        }
      }
      String reason = JsonUtil.string(choice, "finish_reason");
      if (reason != null) {
        finishReason = reason;
      }
    }
  }

  @Override
  public void finish(List<StreamEvent> out) {
    if (!done && finishReason != null) {
      end(out);
    }
  }

  private static String nonEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private void closeTool(List<StreamEvent> out) {
    if (openTool >= 0) {
      out.add(StreamEvent.toolEnd(openTool));
      openTool = -1;
    }
  }

  private void end(List<StreamEvent> out) {
    if (done) {
      return;
    }
    done = true;
    if (!started) {
      out.add(StreamEvent.start(null, null, null));
    }
    closeTool(out);
    FinishReason reason = FinishReason.fromOpenAi(finishReason);
    if (refused && reason == FinishReason.STOP) {
      reason = FinishReason.CONTENT_FILTER;
    }
    out.add(StreamEvent.finish(reason, null, accumulator.result().usage()));
  }
}
