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
  private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

  private final Endpoint endpoint;
  private final Map<String, String> restorations;
  private final AnswerCheck check;
  private final Map<String, Channel> channels = new LinkedHashMap<>();
  private boolean blocked;
  /** The last event the spliced path took: most deltas differ from it only in their text. */
  private SplicedDelta lastSpliced;

  public StreamPseudonymRestorer(Endpoint endpoint, Map<String, String> restorations) {
    this(endpoint, restorations, null);
  }

  /** @param check the output rules to apply to the restored text, or null */
  public StreamPseudonymRestorer(Endpoint endpoint, Map<String, String> restorations, AnswerCheck check) {
    this.endpoint = endpoint;
    this.restorations = restorations;
    this.check = check;
  }

  /** One text stream within the answer, with the last delta event that carried it (for flushing). */
  private static final class Channel {
    final StreamingRestorer restorer;
    final StreamingOutputCheck output;
    String eventName;
    boolean ended;
    /** The channel's last event when it came by the spliced path: a flush writes it with the held text. */
    SplicedDelta spliced;
    ObjectNode template;
    ObjectNode templateHolder;
    String templateField;

    Channel(Map<String, String> restorations, AnswerCheck check) {
      this.restorer = new StreamingRestorer(restorations);
      this.output = check == null ? null : new StreamingOutputCheck(check);
    }

    /**
     * Restored, then checked: what can go to the app now.
     *
     * @param last release everything held
     * @param end the channel's text is complete (its final delta)
     */
    String pass(String text, boolean last, boolean end) {
      String restored = restorer.feed(text);
      if (last) {
        restored += restorer.flush();
      }
      if (output == null) {
        return restored;
      }
      String released = output.feed(restored, last, end);
      ended |= end;
      return released;
    }

    /** The stream ended: checks that need the whole text give their verdict. */
    void end() {
      if (output != null && !ended) {
        ended = true;
        output.end();
      }
    }

    boolean hasPending() {
      return restorer.hasPending() || (output != null && output.hasPending());
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
    if (blocked) {
      return;
    }
    try {
      restore(eventName, data, raw, out);
    } catch (StreamingOutputCheck.Blocked b) {
      // The answer so far has gone out; it ends here, with the provider's own error event.
      blocked = true;
      writeError(b.rule, out);
    }
  }

  private void restore(String eventName, String data, byte[] raw, ByteArrayOutputStream out) {
    if (check == null && data != null && cannotHoldPlaceholder(data) && !anyPending()) {
      // Most events carry no placeholder: no '<' (escaped or not) means nothing to restore or
      // hold, so the event goes on as it came, without being parsed and written again.
      out.writeBytes(raw);
      return;
    }
    SplicedDelta one = data == null || data.equals("[DONE]") ? null : SplicedDelta.find(endpoint, data, lastSpliced);
    if (one != null) {
      lastSpliced = one;
      // The usual event: one text delta, rewritten in place without building a tree.
      Channel channel = channels.computeIfAbsent(one.channel, k -> new Channel(restorations, check));
      String text = channel.pass(one.text, one.last, one.last);
      channel.eventName = eventName;
      channel.spliced = one;
      channel.template = null;
      writeEventLine(eventName, out);
      out.writeBytes(DATA);
      one.writeWith(text, out);
      out.writeBytes(END);
      return;
    }
    JsonNode node = data == null || data.equals("[DONE]") ? null : parse(data);
    if (!(node instanceof ObjectNode)) {
      flush(out);
      out.writeBytes(raw);
      return;
    }
    List<Delta> deltas = deltas((ObjectNode) node);
    if (deltas.isEmpty()) {
      // An event that closes a text channel ("finish_reason" with an empty delta, Responses'
      // output_text.done): whole-text verdicts come before the held tail is released.
      for (String ended : endedChannels((ObjectNode) node)) {
        Channel channel = channels.get(ended);
        if (channel != null) {
          channel.end();
        }
      }
      flush(out);
      String restored = Placeholders.restoreJson(data, restorations);
      if (check != null) {
        restored = checkTextFields(restored);
      }
      if (restored.equals(data)) {
        out.writeBytes(raw);
      } else {
        write(eventName, restored, out);
      }
      return;
    }
    for (Delta d : deltas) {
      Channel channel = channels.computeIfAbsent(d.channel, k -> new Channel(restorations, check));
      String text = channel.pass(d.holder.path(d.field).asText(""), d.last, d.last);
      d.holder.put(d.field, text);
      channel.eventName = eventName;
      channel.spliced = null;
      channel.templateHolder = d.holder;
      channel.templateField = d.field;
    }
    if (deltas.size() == 1) {
      // The usual event, one text channel: nothing edits this event after it is written, so it can
      // be the channel's template as it is.
      Channel channel = channels.get(deltas.get(0).channel);
      channel.template = (ObjectNode) node;
      channel.templateHolder = deltas.get(0).holder;
    } else {
      for (Delta d : deltas) {
        Channel channel = channels.get(d.channel);
        // A copy per channel with the other channels' text emptied: this event has sent that text,
        // and a flush of this channel must not send it again.
        channel.template = ((ObjectNode) node).deepCopy();
        channel.templateHolder = locate(channel.template, (ObjectNode) node, d.holder);
        for (Delta other : deltas) {
          if (other != d) {
            locate(channel.template, (ObjectNode) node, other.holder).put(other.field, "");
          }
        }
      }
    }
    write(eventName, node.toString(), out);
  }

  private static boolean cannotHoldPlaceholder(String data) {
    return data.indexOf('<') < 0 && data.indexOf("\\u003c") < 0 && data.indexOf("\\u003C") < 0;
  }

  private boolean anyPending() {
    for (Channel channel : channels.values()) {
      if (channel.hasPending()) {
        return true;
      }
    }
    return false;
  }

  /** The stream is over: held text goes out. */
  public void finish(ByteArrayOutputStream out) {
    if (blocked) {
      return;
    }
    try {
      // Verdicts on the whole text first, so that a blocked answer keeps its held tail.
      for (Channel channel : channels.values()) {
        channel.end();
      }
      flush(out);
    } catch (StreamingOutputCheck.Blocked b) {
      blocked = true;
      writeError(b.rule, out);
    }
  }

  private void flush(ByteArrayOutputStream out) {
    for (Channel channel : channels.values()) {
      if (channel.hasPending() && channel.spliced != null) {
        write(channel.eventName, channel.spliced.with(channel.pass("", true, false)), out);
        continue;
      }
      if (!channel.hasPending() || channel.template == null || channel.templateHolder == null) {
        continue;
      }
      channel.templateHolder.put(channel.templateField, channel.pass("", true, false));
      write(channel.eventName, channel.template.toString(), out);
    }
  }

  /**
   * Other events may repeat the answer whole (the Responses API's {@code done} and
   * {@code completed} events): their {@code text} fields get the same output rules.
   */
  private String checkTextFields(String json) {
    JsonNode node = parse(json);
    if (node == null || !checkTexts(node)) {
      return json;
    }
    return node.toString();
  }

  /** @return whether anything was masked */
  private boolean checkTexts(JsonNode node) {
    boolean changed = false;
    if (node instanceof ObjectNode) {
      ObjectNode object = (ObjectNode) node;
      java.util.Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      List<String> names = new ArrayList<>();
      fields.forEachRemaining(e -> names.add(e.getKey()));
      for (String name : names) {
        JsonNode value = object.get(name);
        if (name.equals("text") && value.isTextual()) {
          String checked = check.checkText(value.asText());
          if (checked == null) {
            throw new StreamingOutputCheck.Blocked(check.blockedRule());
          }
          if (!checked.equals(value.asText())) {
            object.put(name, checked);
            changed = true;
          }
        } else {
          changed |= checkTexts(value);
        }
      }
    } else if (node instanceof ArrayNode) {
      for (JsonNode item : node) {
        changed |= checkTexts(item);
      }
    }
    return changed;
  }

  private void writeError(String rule, ByteArrayOutputStream out) {
    BlockedAnswer error = BlockedAnswer.of(endpoint.format(), rule, "the answer broke an output rule of the policy");
    String name = endpoint == Endpoint.ANTHROPIC_MESSAGES || endpoint == Endpoint.OPENAI_RESPONSES ? "error" : null;
    write(name, new String(error.body(), StandardCharsets.UTF_8), out);
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

  /** The text channels that {@code node}, an event without text, says are complete. */
  private List<String> endedChannels(ObjectNode node) {
    List<String> out = new ArrayList<>(1);
    switch (endpoint) {
      case OPENAI_CHAT:
        for (JsonNode choice : node.path("choices")) {
          if (!choice.path("finish_reason").isNull() && !choice.path("finish_reason").isMissingNode()) {
            out.add("c" + choice.path("index").asInt());
          }
        }
        break;
      case OPENAI_RESPONSES:
        if ("response.output_text.done".equals(node.path("type").asText())) {
          out.add(node.path("item_id").asText() + ":" + node.path("content_index").asInt());
        }
        break;
      case ANTHROPIC_MESSAGES:
        if ("content_block_stop".equals(node.path("type").asText())) {
          out.add("b" + node.path("index").asInt());
        }
        break;
      case GEMINI_GENERATE_CONTENT:
      case GEMINI_STREAM_GENERATE_CONTENT:
        for (JsonNode candidate : node.path("candidates")) {
          if (candidate.hasNonNull("finishReason")) {
            out.add("g" + candidate.path("index").asInt());
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

  /**
   * Writes one SSE event. It goes out in pieces, each encoded on its own: the pieces meet at ASCII
   * chars, so the bytes are those of the whole event encoded at once, without building it as one
   * string first.
   */
  private static void write(String eventName, String data, ByteArrayOutputStream out) {
    writeEventLine(eventName, out);
    out.writeBytes(DATA);
    out.writeBytes(data.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(END);
  }

  private static void writeEventLine(String eventName, ByteArrayOutputStream out) {
    if (eventName != null) {
      out.writeBytes(EVENT);
      out.writeBytes(eventName.getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
  }
}
