package dev.airlock.agent.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restores placeholders in a streamed answer, event by event, in each provider's delta format
 * (OpenAI chat {@code choices[].delta.content}, Responses {@code response.output_text.delta},
 * Anthropic {@code text_delta}, Gemini {@code candidates[].content.parts[].text}). A placeholder
 * split across events is held back in its channel (choice, content block) and released with the
 * next delta of that channel; before any other event, and at the end, held text goes out as one
 * more delta event of the same shape. Other events have their placeholders restored whole (the
 * Responses API repeats the full text in its {@code done} and {@code completed} events).
 */
public final class StreamPseudonymRestorer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Endpoint endpoint;
  private final Map<String, String> restorations;
  private final Map<String, Channel> channels = new LinkedHashMap<>();

  public StreamPseudonymRestorer(Endpoint endpoint, Map<String, String> restorations) {
    this.endpoint = endpoint;
    this.restorations = restorations;
  }

  /** One text stream within the answer, with the last delta event that carried it (for flushing). */
  private static final class Channel {
    final StreamingRestorer restorer;
    String eventName;
    ObjectNode template;
    ObjectNode templateHolder;
    String templateField;

    Channel(Map<String, String> restorations) {
      this.restorer = new StreamingRestorer(restorations);
    }
  }

  /** A text field of a delta event: its holder object, field name, channel, and whether it ends the channel. */
  private static final class Delta {
    final String channel;
    final ObjectNode holder;
    final String field;
    final boolean last;

    Delta(String channel, ObjectNode holder, String field, boolean last) {
      this.channel = channel;
      this.holder = holder;
      this.field = field;
      this.last = last;
    }
  }

  /** Writes the event, restored, to {@code out}. */
  public void onEvent(String eventName, String data, byte[] raw, ByteArrayOutputStream out) {
    JsonNode node = data == null || data.equals("[DONE]") ? null : parse(data);
    if (!(node instanceof ObjectNode)) {
      flush(out);
      out.writeBytes(raw);
      return;
    }
    List<Delta> deltas = deltas((ObjectNode) node);
    if (deltas.isEmpty()) {
      flush(out);
      String restored = Placeholders.restoreJson(data, restorations);
      if (restored.equals(data)) {
        out.writeBytes(raw);
      } else {
        write(eventName, restored, out);
      }
      return;
    }
    for (Delta d : deltas) {
      Channel channel = channels.computeIfAbsent(d.channel, k -> new Channel(restorations));
      String text = channel.restorer.feed(d.holder.path(d.field).asText(""));
      if (d.last) {
        text += channel.restorer.flush();
      }
      d.holder.put(d.field, text);
      channel.eventName = eventName;
      channel.templateHolder = d.holder;
      channel.templateField = d.field;
    }
    for (Delta d : deltas) {
      Channel channel = channels.get(d.channel);
      // A copy, so later edits of this event do not change what a flush will send.
      channel.template = ((ObjectNode) node).deepCopy();
      channel.templateHolder = locate(channel.template, (ObjectNode) node, d.holder);
    }
    write(eventName, node.toString(), out);
  }

  /** The stream is over: held text goes out. */
  public void finish(ByteArrayOutputStream out) {
    flush(out);
  }

  private void flush(ByteArrayOutputStream out) {
    for (Channel channel : channels.values()) {
      if (!channel.restorer.hasPending() || channel.template == null || channel.templateHolder == null) {
        continue;
      }
      channel.templateHolder.put(channel.templateField, channel.restorer.flush());
      write(channel.eventName, channel.template.toString(), out);
    }
  }

  private List<Delta> deltas(ObjectNode node) {
    List<Delta> out = new ArrayList<>(1);
    switch (endpoint) {
      case OPENAI_CHAT:
        for (JsonNode choice : node.path("choices")) {
          JsonNode delta = choice.get("delta");
          if (delta instanceof ObjectNode && delta.get("content") != null && delta.get("content").isTextual()) {
            boolean last = !choice.path("finish_reason").isNull() && !choice.path("finish_reason").isMissingNode();
            out.add(new Delta("c" + choice.path("index").asInt(), (ObjectNode) delta, "content", last));
          }
        }
        break;
      case OPENAI_RESPONSES:
        if ("response.output_text.delta".equals(node.path("type").asText()) && node.path("delta").isTextual()) {
          out.add(new Delta(node.path("item_id").asText() + ":" + node.path("content_index").asInt(), node,
              "delta", false));
        }
        break;
      case ANTHROPIC_MESSAGES:
        JsonNode delta = node.get("delta");
        if ("content_block_delta".equals(node.path("type").asText()) && delta instanceof ObjectNode
            && "text_delta".equals(delta.path("type").asText())) {
          out.add(new Delta("b" + node.path("index").asInt(), (ObjectNode) delta, "text", false));
        }
        break;
      case GEMINI_GENERATE_CONTENT:
      case GEMINI_STREAM_GENERATE_CONTENT:
        for (JsonNode candidate : node.path("candidates")) {
          boolean last = candidate.hasNonNull("finishReason");
          JsonNode parts = candidate.path("content").path("parts");
          if (parts instanceof ArrayNode) {
            for (JsonNode part : parts) {
              if (part instanceof ObjectNode && part.path("text").isTextual()) {
                out.add(new Delta("g" + candidate.path("index").asInt(), (ObjectNode) part, "text", last));
              }
            }
          }
        }
        break;
      default:
        break;
    }
    return out;
  }

  /** The node in {@code copy} at the position {@code target} has in {@code original}. */
  private static ObjectNode locate(JsonNode copy, JsonNode original, JsonNode target) {
    if (original == target) {
      return copy instanceof ObjectNode ? (ObjectNode) copy : null;
    }
    if (original.isObject()) {
      java.util.Iterator<String> names = original.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        ObjectNode found = locate(copy.get(name), original.get(name), target);
        if (found != null) {
          return found;
        }
      }
    } else if (original.isArray()) {
      for (int i = 0; i < original.size(); i++) {
        ObjectNode found = locate(copy.get(i), original.get(i), target);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static JsonNode parse(String data) {
    try {
      return JSON.readTree(data);
    } catch (IOException e) {
      return null;
    }
  }

  private static void write(String eventName, String data, ByteArrayOutputStream out) {
    StringBuilder event = new StringBuilder(data.length() + 32);
    if (eventName != null) {
      event.append("event: ").append(eventName).append('\n');
    }
    event.append("data: ").append(data).append("\n\n");
    out.writeBytes(event.toString().getBytes(StandardCharsets.UTF_8));
  }
}
