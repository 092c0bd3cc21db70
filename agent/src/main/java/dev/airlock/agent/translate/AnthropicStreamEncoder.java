package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.WireFormat;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes an Anthropic Messages stream as Anthropic does: {@code message_start} (with the input
 * usage known so far), then per content block {@code content_block_start}, {@code
 * content_block_delta}s ({@code text_delta}, or {@code input_json_delta} for a {@code tool_use}
 * block) and {@code content_block_stop}, then {@code message_delta} with the stop reason and the
 * final usage, and {@code message_stop}.
 *
 * <p>Blocks are opened lazily and numbered 0, 1, ... in order; a text block is closed when a tool
 * call starts and vice versa. {@code message_delta}'s usage repeats the input counts, because a
 * target such as OpenAI only reports them at the end, after {@code message_start} has gone out
 * with zeros.
 */
final class AnthropicStreamEncoder implements StreamEncoder {

  private enum Open {
    NONE,
    TEXT,
    TOOL
  }

  private final String fallbackModel;
  private final Map<Integer, Integer> toolBlocks = new HashMap<>();
  private int block = -1;
  private Open open = Open.NONE;
  private boolean started;
  private boolean done;

  /** @param fallbackModel the model to name when the target names none (the route's model) */
  AnthropicStreamEncoder(String fallbackModel) {
    this.fallbackModel = fallbackModel;
  }

  @Override
  public void write(StreamEvent e, ByteArrayOutputStream out) {
    if (done) {
      return;
    }
    switch (e.kind) {
      case START:
        start(e, out);
        break;
      case TEXT:
        start(null, out);
        if (open != Open.TEXT) {
          closeBlock(out);
          open = Open.TEXT;
          block++;
          ObjectNode s = event("content_block_start");
          s.put("index", block);
          s.putObject("content_block").put("type", "text").put("text", "");
          Sse.event(out, "content_block_start", s);
        }
        ObjectNode d = event("content_block_delta");
        d.put("index", block);
        d.putObject("delta").put("type", "text_delta").put("text", e.text);
        Sse.event(out, "content_block_delta", d);
        break;
      case TOOL_START:
        start(null, out);
        closeBlock(out);
        open = Open.TOOL;
        block++;
        toolBlocks.put(e.index, block);
        ObjectNode ts = event("content_block_start");
        ts.put("index", block);
        ObjectNode cb = ts.putObject("content_block");
        cb.put("type", "tool_use").put("id", e.toolId != null ? e.toolId : Ids.anthropicToolUse()).put("name", e.toolName);
        cb.putObject("input");
        Sse.event(out, "content_block_start", ts);
        break;
      case TOOL_ARGS:
        Integer b = toolBlocks.get(e.index);
        // Only into the open block: Anthropic has no way to reopen a closed one.
        if (b != null && b == block && open == Open.TOOL) {
          ObjectNode a = event("content_block_delta");
          a.put("index", b);
          a.putObject("delta").put("type", "input_json_delta").put("partial_json", e.text);
          Sse.event(out, "content_block_delta", a);
        }
        break;
      case TOOL_END:
        Integer end = toolBlocks.get(e.index);
        if (end != null && end == block && open == Open.TOOL) {
          closeBlock(out);
        }
        break;
      case FINISH:
        start(null, out);
        closeBlock(out);
        ObjectNode md = event("message_delta");
        ObjectNode delta = md.putObject("delta");
        delta.put("stop_reason", FinishReason.toAnthropic(e.finishReason));
        if (e.finishReason == FinishReason.STOP_SEQUENCE && e.stopSequence != null) {
          delta.put("stop_sequence", e.stopSequence);
        } else {
          delta.putNull("stop_sequence");
        }
        md.set("usage", e.usage != null ? UsageJson.anthropic(e.usage) : UsageJson.anthropicZero());
        Sse.event(out, "message_delta", md);
        Sse.event(out, "message_stop", event("message_stop"));
        done = true;
        break;
      case ERROR:
        Sse.event(out, "error", ErrorBodies.write(WireFormat.ANTHROPIC, e.error));
        done = true;
        break;
      default:
        break;
    }
  }

  private void start(StreamEvent e, ByteArrayOutputStream out) {
    if (started) {
      return;
    }
    started = true;
    ObjectNode s = event("message_start");
    ObjectNode m = s.putObject("message");
    m.put("id", Ids.anthropicMessage(e != null ? e.id : null));
    m.put("type", "message");
    m.put("role", "assistant");
    m.put("model", e != null && e.model != null ? e.model : fallbackModel);
    m.putArray("content");
    m.putNull("stop_reason");
    m.putNull("stop_sequence");
    m.set("usage", e != null && e.usage != null ? UsageJson.anthropic(e.usage) : UsageJson.anthropicZero());
    Sse.event(out, "message_start", s);
  }

  private void closeBlock(ByteArrayOutputStream out) {
    if (open == Open.NONE) {
      return;
    }
    ObjectNode stop = event("content_block_stop");
    stop.put("index", block);
    Sse.event(out, "content_block_stop", stop);
    open = Open.NONE;
  }

  private static ObjectNode event(String type) {
    return JsonUtil.object().put("type", type);
  }
}
