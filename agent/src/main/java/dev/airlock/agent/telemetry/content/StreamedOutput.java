package dev.airlock.agent.telemetry.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.airlock.agent.codec.Endpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Assembles a streamed answer, event by event, into the messages a whole answer would give: text
 * deltas joined, tool calls put together from their fragments, the finish reason kept. Per wire
 * format: OpenAI chat chunks ({@code choices[].delta}), Responses events (the final {@code
 * response.completed}, {@code incomplete} or {@code failed} carries the whole response and wins;
 * text deltas serve a stream cut short), Anthropic content blocks, Gemini chunks.
 *
 * <p>Memory is bounded: a text or arguments buffer stops growing one char past what the redactor
 * scans, so a very long answer costs no more than a short one beyond that. Not thread-safe: the
 * caller serializes.
 */
final class StreamedOutput {

  /** One char past the scanned length, so the redactor sees that the text went on and marks the cut. */
  private static final int MAX_KEPT_CHARS = ContentRedactor.MAX_SCANNED_CHARS + 1;

  private final Endpoint endpoint;
  private final ContentRedactor redactor;
  /** Choices or candidates by index. */
  private final TreeMap<Integer, Choice> choices = new TreeMap<>();
  /** The Responses API's final message, when its terminal event arrived. */
  private ObjectNode finalResponse;

  StreamedOutput(Endpoint endpoint, ContentRedactor redactor) {
    this.endpoint = endpoint;
    this.redactor = redactor;
  }

  /** Takes one SSE event's data; anything unreadable is skipped. */
  void onEvent(String data) {
    if (data == null || data.isEmpty() || data.trim().equals("[DONE]")) {
      return;
    }
    try {
      onChunk(Parts.JSON.readTree(data));
    } catch (IOException | RuntimeException unreadable) {
      // One unreadable event costs its own piece of text, nothing else.
    }
  }

  /** Takes one parsed event or chunk. */
  void onChunk(JsonNode chunk) {
    if (chunk == null || !chunk.isObject()) {
      return;
    }
    switch (endpoint) {
      case OPENAI_CHAT:
      case OPENAI_COMPLETIONS:
        openAiChunk(chunk);
        break;
      case OPENAI_RESPONSES:
        responsesEvent(chunk);
        break;
      case ANTHROPIC_MESSAGES:
        anthropicEvent(chunk);
        break;
      case GEMINI_GENERATE_CONTENT:
      case GEMINI_STREAM_GENERATE_CONTENT:
        geminiChunk(chunk);
        break;
      default:
        break;
    }
  }

  /** The assembled messages, redacted; empty when no content arrived. */
  ArrayNode messages() {
    ArrayNode out = Parts.array();
    if (finalResponse != null) {
      out.add(finalResponse);
      return out;
    }
    for (Choice choice : choices.values()) {
      out.add(choice.toMessage(redactor));
    }
    return out;
  }

  private void openAiChunk(JsonNode chunk) {
    for (JsonNode c : chunk.path("choices")) {
      Choice choice = choice(c.path("index").asInt(0));
      JsonNode delta = c.path("delta");
      choice.appendText(delta.path("content").isTextual() ? delta.get("content").textValue()
          : c.path("text").isTextual() ? c.get("text").textValue() : null);
      choice.appendText(delta.path("refusal").isTextual() ? delta.get("refusal").textValue() : null);
      for (JsonNode call : delta.path("tool_calls")) {
        Segment tool = choice.tool(call.path("index").asInt(0));
        tool.identify(call.path("id").asText(null), call.path("function").path("name").asText(null));
        tool.append(call.path("function").path("arguments").asText(null));
      }
      if (c.path("finish_reason").isTextual()) {
        choice.finishReason = c.get("finish_reason").textValue();
      }
    }
  }

  private void responsesEvent(JsonNode event) {
    String type = event.path("type").asText();
    switch (type) {
      case "response.output_text.delta":
        choice(0).appendText(event.path("delta").asText(null));
        break;
      case "response.completed":
      case "response.incomplete":
      case "response.failed":
        if (event.path("response").isObject()) {
          finalResponse = OutputMessages.responses(event.get("response"), redactor);
        }
        break;
      default:
        break;
    }
  }

  private void anthropicEvent(JsonNode event) {
    Choice choice = choice(0);
    switch (event.path("type").asText()) {
      case "content_block_start":
        JsonNode block = event.path("content_block");
        int index = event.path("index").asInt(0);
        String type = block.path("type").asText();
        if (type.equals("tool_use")) {
          choice.tool(index).identify(block.path("id").asText(null), block.path("name").asText(null));
        } else if (type.equals("text")) {
          choice.block(index).append(block.path("text").asText(null));
        }
        break;
      case "content_block_delta":
        JsonNode delta = event.path("delta");
        String kind = delta.path("type").asText();
        if (kind.equals("text_delta")) {
          choice.block(event.path("index").asInt(0)).append(delta.path("text").asText(null));
        } else if (kind.equals("input_json_delta")) {
          choice.tool(event.path("index").asInt(0)).append(delta.path("partial_json").asText(null));
        }
        break;
      case "message_delta":
        if (event.path("delta").path("stop_reason").isTextual()) {
          choice.finishReason = event.path("delta").get("stop_reason").textValue();
        }
        break;
      default:
        break;
    }
  }

  private void geminiChunk(JsonNode chunk) {
    for (JsonNode candidate : chunk.path("candidates")) {
      Choice choice = choice(candidate.path("index").asInt(0));
      for (JsonNode part : candidate.path("content").path("parts")) {
        if (part.path("thought").asBoolean(false)) {
          continue;
        }
        if (part.path("text").isTextual()) {
          choice.appendText(part.get("text").textValue());
        } else if (part.path("functionCall").isObject()) {
          JsonNode call = part.get("functionCall");
          Segment tool = choice.newTool();
          tool.identify(call.path("id").asText(null), call.path("name").asText(null));
          tool.arguments = call.get("args");
        }
      }
      if (candidate.path("finishReason").isTextual()) {
        choice.finishReason = candidate.get("finishReason").textValue();
      }
    }
  }

  private Choice choice(int index) {
    return choices.computeIfAbsent(index, i -> new Choice());
  }

  /** One choice or candidate: its parts in the order they began, and its finish reason. */
  private static final class Choice {
    final List<Segment> segments = new ArrayList<>();
    /** Tool calls and Anthropic blocks by the provider's own index. */
    final TreeMap<Integer, Segment> byIndex = new TreeMap<>();
    String finishReason;

    /** Text that continues the last text segment, or starts one after a tool call. */
    void appendText(String text) {
      if (text == null || text.isEmpty()) {
        return;
      }
      Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
      if (last == null || last.tool) {
        last = new Segment(false);
        segments.add(last);
      }
      last.append(text);
    }

    Segment tool(int index) {
      return byIndex.computeIfAbsent(index, i -> add(new Segment(true)));
    }

    Segment block(int index) {
      return byIndex.computeIfAbsent(index, i -> add(new Segment(false)));
    }

    Segment newTool() {
      return add(new Segment(true));
    }

    private Segment add(Segment segment) {
      segments.add(segment);
      return segment;
    }

    ObjectNode toMessage(ContentRedactor redactor) {
      ArrayNode parts = Parts.array();
      for (Segment segment : segments) {
        if (!segment.tool) {
          parts.add(Parts.text(redactor.redact(segment.text.toString())));
        } else {
          JsonNode arguments = segment.arguments != null ? segment.arguments
              : segment.text.length() > 0 ? TextNode.valueOf(segment.text.toString()) : null;
          parts.add(Parts.toolCall(segment.id, segment.name, Parts.arguments(arguments, redactor)));
        }
      }
      return Parts.outputMessage(parts, finishReason);
    }
  }

  /** A run of text, or a tool call whose arguments arrive as text fragments (or whole, from Gemini). */
  private static final class Segment {
    final boolean tool;
    final StringBuilder text = new StringBuilder();
    String id;
    String name;
    JsonNode arguments;

    Segment(boolean tool) {
      this.tool = tool;
    }

    void identify(String id, String name) {
      if (id != null) {
        this.id = id;
      }
      if (name != null) {
        this.name = name;
      }
    }

    void append(String fragment) {
      if (fragment == null || text.length() >= MAX_KEPT_CHARS) {
        return;
      }
      text.append(fragment, 0, Math.min(fragment.length(), MAX_KEPT_CHARS - text.length()));
    }
  }
}
