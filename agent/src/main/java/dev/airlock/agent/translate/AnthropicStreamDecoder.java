package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.StreamAccumulator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an Anthropic Messages stream: {@code message_start}, {@code content_block_start}/{@code
 * _delta}/{@code _stop} per block ({@code text_delta}, {@code input_json_delta}), {@code
 * message_delta} (stop reason, final usage), {@code message_stop}; {@code ping} and thinking blocks
 * are skipped. Usage is read by the codec's {@link StreamAccumulator}, fed the same events: {@code
 * message_start} gives the input counts, {@code message_delta} the final ones.
 */
final class AnthropicStreamDecoder implements StreamDecoder {

  private final StreamAccumulator accumulator = new StreamAccumulator(Endpoint.ANTHROPIC_MESSAGES);
  private final Set<Integer> toolBlocks = new HashSet<>();
  private boolean started;
  private boolean done;
  private String stopReason;
  private String stopSequence;

  @Override
  public void onEvent(String eventName, String data, List<StreamEvent> out) {
    if (done) {
      return;
    }
    accumulator.onEvent(eventName, data);
    ObjectNode e = JsonUtil.parseEvent(data);
    if (e == null) {
      return;
    }
    String type = JsonUtil.string(e, "type");
    if (type == null) {
      type = eventName;
    }
    if (type == null) {
      return;
    }
    int index = e.has("index") ? e.get("index").asInt() : -1;
    switch (type) {
      case "message_start":
        JsonNode message = e.get("message");
        started = true;
        out.add(StreamEvent.start(JsonUtil.string(message, "id"), JsonUtil.string(message, "model"), accumulator.result().usage()));
        break;
      case "content_block_start":
        ensureStarted(out);
        JsonNode block = e.get("content_block");
        String blockType = JsonUtil.string(block, "type");
        if ("text".equals(blockType)) {
          String text = JsonUtil.string(block, "text");
          if (text != null && !text.isEmpty()) {
            out.add(StreamEvent.text(text));
          }
        } else if ("tool_use".equals(blockType)) {
          toolBlocks.add(index);
          out.add(StreamEvent.toolStart(index, JsonUtil.string(block, "id"), JsonUtil.string(block, "name")));
          JsonNode input = block.get("input");
          if (input != null && input.isObject() && input.size() > 0) {
            out.add(StreamEvent.toolArgs(index, JsonUtil.text(input)));
          }
        }
        break;
      case "content_block_delta":
        JsonNode delta = e.get("delta");
        String deltaType = JsonUtil.string(delta, "type");
        if ("text_delta".equals(deltaType)) {
          String text = JsonUtil.string(delta, "text");
          if (text != null && !text.isEmpty()) {
            out.add(StreamEvent.text(text));
          }
        } else if ("input_json_delta".equals(deltaType) && toolBlocks.contains(index)) {
          String json = JsonUtil.string(delta, "partial_json");
          if (json != null && !json.isEmpty()) {
            out.add(StreamEvent.toolArgs(index, json));
          }
        }
        // thinking_delta, signature_delta, citations_delta: not carried over.
        break;
      case "content_block_stop":
        if (toolBlocks.contains(index)) {
          out.add(StreamEvent.toolEnd(index));
        }
        break;
      case "message_delta":
        JsonNode d = e.get("delta");
        String reason = JsonUtil.string(d, "stop_reason");
        if (reason != null) {
          stopReason = reason;
          stopSequence = JsonUtil.string(d, "stop_sequence");
        }
        break;
      case "message_stop":
        end(out);
        break;
      case "error":
        ErrorBodies.Info error = ErrorBodies.readEvent(e);
        out.add(StreamEvent.error(error != null ? error : new ErrorBodies.Info(500, "api_error", "stream error")));
        done = true;
        break;
      default:
        break; // ping, and event types added after this was written
    }
  }

  @Override
  public void finish(List<StreamEvent> out) {
    if (!done && stopReason != null) {
      end(out);
    }
  }

  private void ensureStarted(List<StreamEvent> out) {
    if (!started) {
      started = true;
      out.add(StreamEvent.start(null, null, null));
    }
  }

  private void end(List<StreamEvent> out) {
    if (done) {
      return;
    }
    done = true;
    ensureStarted(out);
    out.add(StreamEvent.finish(FinishReason.fromAnthropic(stopReason), stopSequence, accumulator.result().usage()));
  }
}
