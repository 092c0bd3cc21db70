package dev.airlock.agent.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.agent.codec.WireFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an application of a given format reads out of an answer, whole or streamed: the text, the
 * tool calls (id, name, arguments as a JSON tree) and the raw stop reason. Written independently
 * of the translators, from the formats' documentation, so that it checks them rather than mirrors
 * them. Stream readers also check the event grammar of the format.
 */
final class AppView {

  static final class Call {
    final String id;
    final String name;
    final JsonNode args;

    Call(String id, String name, JsonNode args) {
      this.id = id;
      this.name = name;
      this.args = args;
    }

    @Override
    public String toString() {
      return name + args;
    }
  }

  final StringBuilder text = new StringBuilder();
  final List<Call> calls = new ArrayList<>();
  String stopReason;

  /** A non-streamed body. */
  static AppView ofBody(WireFormat format, JsonNode body) {
    AppView v = new AppView();
    switch (format) {
      case ANTHROPIC:
        assertEquals("message", body.path("type").asText());
        assertTrue(body.path("id").asText().startsWith("msg_"), "Anthropic id shape");
        for (JsonNode b : body.path("content")) {
          if ("text".equals(b.path("type").asText())) {
            v.text.append(b.path("text").asText());
          } else if ("tool_use".equals(b.path("type").asText())) {
            assertTrue(b.path("input").isObject(), "tool_use input is an object");
            v.calls.add(new Call(b.path("id").asText(), b.path("name").asText(), b.path("input")));
          }
        }
        v.stopReason = body.path("stop_reason").asText();
        break;
      case GEMINI:
        JsonNode c = body.path("candidates").path(0);
        for (JsonNode p : c.path("content").path("parts")) {
          v.gemini(p);
        }
        v.stopReason = c.path("finishReason").asText();
        break;
      default:
        assertEquals("chat.completion", body.path("object").asText());
        assertTrue(body.path("id").asText().startsWith("chatcmpl-"), "OpenAI id shape");
        JsonNode m = body.path("choices").path(0).path("message");
        assertEquals("assistant", m.path("role").asText());
        if (m.path("content").isTextual()) {
          v.text.append(m.path("content").asText());
        }
        for (JsonNode tc : m.path("tool_calls")) {
          assertEquals("function", tc.path("type").asText());
          v.calls.add(new Call(tc.path("id").asText(), tc.path("function").path("name").asText(),
              TestSupport.json(tc.path("function").path("arguments").asText())));
        }
        v.stopReason = body.path("choices").path(0).path("finish_reason").asText();
        break;
    }
    return v;
  }

  private void gemini(JsonNode p) {
    if (p.has("text")) {
      text.append(p.path("text").asText());
    } else if (p.has("functionCall")) {
      JsonNode fc = p.path("functionCall");
      assertTrue(fc.path("args").isObject(), "functionCall args is an object");
      calls.add(new Call(fc.path("id").asText(null), fc.path("name").asText(), fc.path("args")));
    }
  }

  /** A streamed answer; also checks the format's event grammar. */
  static AppView ofStream(WireFormat format, byte[] sse, boolean expectUsageChunk) {
    List<TestSupport.Event> events = TestSupport.events(sse);
    assertFalse(events.isEmpty(), "no events");
    switch (format) {
      case ANTHROPIC:
        return anthropicStream(events);
      case GEMINI:
        return geminiStream(events);
      default:
        return openAiStream(events, expectUsageChunk);
    }
  }

  /** OpenAI: role chunk, deltas, one finish chunk, optional usage chunk, [DONE]; same id/model/created throughout. */
  private static AppView openAiStream(List<TestSupport.Event> events, boolean expectUsageChunk) {
    AppView v = new AppView();
    assertEquals("[DONE]", events.get(events.size() - 1).data, "last event is [DONE]");
    JsonNode first = events.get(0).json();
    assertEquals("assistant", first.path("choices").path(0).path("delta").path("role").asText(), "role chunk first");
    String id = first.path("id").asText();
    assertTrue(id.startsWith("chatcmpl-"), id);
    Map<Integer, String[]> calls = new LinkedHashMap<>();
    int finishChunks = 0;
    boolean sawUsage = false;
    for (int i = 0; i < events.size() - 1; i++) {
      TestSupport.Event e = events.get(i);
      assertNull(e.name, "OpenAI chunks have no event name");
      JsonNode c = e.json();
      assertEquals("chat.completion.chunk", c.path("object").asText());
      assertEquals(id, c.path("id").asText(), "one id per stream");
      assertEquals(first.path("model").asText(), c.path("model").asText());
      assertEquals(first.path("created").asLong(), c.path("created").asLong());
      if (c.path("choices").size() == 0) {
        assertTrue(c.path("usage").isObject(), "a chunk without choices is the usage chunk");
        assertEquals(events.size() - 2, i, "usage chunk right before [DONE]");
        sawUsage = true;
        continue;
      }
      assertEquals(1, c.path("choices").size());
      JsonNode choice = c.path("choices").path(0);
      assertEquals(0, choice.path("index").asInt());
      assertTrue(choice.has("finish_reason"), "finish_reason present (null or value)");
      assertFalse(finishChunks > 0, "nothing but the usage chunk after the finish chunk");
      JsonNode delta = choice.path("delta");
      if (delta.path("content").isTextual()) {
        v.text.append(delta.path("content").asText());
      }
      for (JsonNode tc : delta.path("tool_calls")) {
        int index = tc.path("index").asInt(-1);
        assertTrue(index >= 0, "tool call delta has an index");
        String[] call = calls.get(index);
        if (call == null) {
          assertEquals(calls.size(), index, "tool indexes start at 0 and increase");
          assertTrue(tc.path("id").isTextual() && tc.path("function").path("name").isTextual(), "first delta of a call has id and name");
          assertEquals("function", tc.path("type").asText());
          call = new String[] {tc.path("id").asText(), tc.path("function").path("name").asText(), ""};
          calls.put(index, call);
        } else {
          assertFalse(tc.has("id"), "id only in the first delta of a call");
        }
        call[2] += tc.path("function").path("arguments").asText("");
      }
      if (!choice.path("finish_reason").isNull()) {
        finishChunks++;
        v.stopReason = choice.path("finish_reason").asText();
      }
    }
    assertEquals(1, finishChunks, "exactly one finish chunk");
    assertEquals(expectUsageChunk, sawUsage, "usage chunk iff the application asked for it");
    for (String[] c : calls.values()) {
      v.calls.add(new Call(c[0], c[1], TestSupport.json(c[2])));
    }
    return v;
  }

  /** Anthropic: message_start; blocks start/delta/stop with increasing indexes; message_delta; message_stop. */
  private static AppView anthropicStream(List<TestSupport.Event> events) {
    AppView v = new AppView();
    assertEquals("message_start", events.get(0).name);
    JsonNode start = events.get(0).json();
    assertTrue(start.path("message").path("id").asText().startsWith("msg_"));
    assertTrue(start.path("message").path("usage").isObject(), "message_start has usage");
    assertEquals("message_stop", events.get(events.size() - 1).name);
    assertEquals("message_delta", events.get(events.size() - 2).name);
    int open = -1;
    int next = 0;
    String openType = null;
    StringBuilder args = null;
    String[] call = null;
    for (int i = 1; i < events.size() - 2; i++) {
      TestSupport.Event e = events.get(i);
      JsonNode d = e.json();
      assertEquals(e.name, d.path("type").asText(), "event name equals data type");
      switch (e.name) {
        case "content_block_start":
          assertEquals(-1, open, "previous block closed before a new one starts");
          assertEquals(next, d.path("index").asInt(), "block indexes increase from 0");
          open = next++;
          openType = d.path("content_block").path("type").asText();
          if ("tool_use".equals(openType)) {
            call = new String[] {d.path("content_block").path("id").asText(), d.path("content_block").path("name").asText()};
            args = new StringBuilder();
          }
          break;
        case "content_block_delta":
          assertEquals(open, d.path("index").asInt(), "delta for the open block");
          String type = d.path("delta").path("type").asText();
          if ("text_delta".equals(type)) {
            assertEquals("text", openType);
            v.text.append(d.path("delta").path("text").asText());
          } else if ("input_json_delta".equals(type)) {
            assertEquals("tool_use", openType);
            args.append(d.path("delta").path("partial_json").asText());
          } else {
            fail("unexpected delta " + type);
          }
          break;
        case "content_block_stop":
          assertEquals(open, d.path("index").asInt());
          if ("tool_use".equals(openType)) {
            v.calls.add(new Call(call[0], call[1], TestSupport.json(args.length() == 0 ? "{}" : args.toString())));
          }
          open = -1;
          break;
        default:
          fail("unexpected event " + e.name);
      }
    }
    assertEquals(-1, open, "all blocks closed before message_delta");
    JsonNode md = events.get(events.size() - 2).json();
    v.stopReason = md.path("delta").path("stop_reason").asText();
    assertTrue(md.path("usage").has("output_tokens"));
    return v;
  }

  /** Gemini: every event a GenerateContentResponse; the last one, only, has a finishReason. */
  private static AppView geminiStream(List<TestSupport.Event> events) {
    AppView v = new AppView();
    for (int i = 0; i < events.size(); i++) {
      TestSupport.Event e = events.get(i);
      assertNull(e.name);
      JsonNode c = e.json().path("candidates").path(0);
      assertNotNull(e.json().path("responseId").asText(null), "responseId");
      for (JsonNode p : c.path("content").path("parts")) {
        v.gemini(p);
      }
      boolean last = i == events.size() - 1;
      assertEquals(last, c.has("finishReason"), "finishReason on the last chunk only");
      if (last) {
        v.stopReason = c.path("finishReason").asText();
      }
    }
    return v;
  }
}
