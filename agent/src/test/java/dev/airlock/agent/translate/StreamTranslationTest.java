package dev.airlock.agent.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.airlock.agent.codec.StreamAccumulator;
import dev.airlock.agent.codec.WireFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streamed answers, text and tool calls, from each target format into each application format,
 * fed event by event as the agent will. The application's stream is then read three ways: by the
 * format's grammar ({@link AppView}), by Airlock's own {@link StreamAccumulator} (stop reason,
 * usage, clean end), and against golden files.
 */
class StreamTranslationTest {

  /** Target streams: [format][0 = text, 1 = tool calls]. */
  private static final String[][] STREAMS = {
    {"payloads/openai/chat-stream.sse", "translate/streams/openai-tool-calls.sse"},
    {"payloads/anthropic/messages-stream.sse", "payloads/anthropic/messages-stream-tool-use.sse"},
    {"payloads/gemini/stream.sse", "translate/streams/gemini-function-call.sse"},
  };

  private static final String[] TEXTS = {
    "Grüezi — 7 °C, bewölkt ☁️ 🌧",
    "Pro Modell: `models:` — Grüße 🙂",
    "Server-Sent Events schicken über eine offene HTTP-Verbindung fortlaufend Ereignisse vom Server zum Client — in UTF-8 ✓.",
  };

  static Stream<Arguments> cases() {
    return ResponseTranslationTest.cases();
  }

  @ParameterizedTest(name = "{0} stream -> {1} app, tool calls: {2}")
  @MethodSource("cases")
  void translatesTheStream(WireFormat target, WireFormat app, boolean tools) {
    TranslatedRequest req = ResponseTranslationTest.request(app, target, true);
    assertTrue(req.stream());
    byte[] targetSse = TestSupport.resource(STREAMS[target.ordinal()][tools ? 1 : 0]);
    byte[] out = TestSupport.translate(Translation.stream(req), targetSse);

    TestSupport.assertGolden(
        "stream-" + TestSupport.lower(target) + (tools ? "-tools" : "-text") + "-to-" + TestSupport.lower(app) + ".json",
        goldenView(out));

    AppView view = AppView.ofStream(app, out, app == WireFormat.OPENAI);
    assertEquals(expectedText(target, tools), view.text.toString());
    assertCalls(target, tools, app, view);
    assertEquals(expectedStop(app, tools), view.stopReason);

    StreamAccumulator before = TestSupport.accumulate(req.targetEndpoint(), targetSse);
    StreamAccumulator after = TestSupport.accumulate(req.appEndpoint(), out);
    assertTrue(after.sawTerminalEvent(), "the app's stream ends cleanly");
    assertEquals(List.of(view.stopReason), after.result().finishReasons());
    ResponseTranslationTest.assertUsage(before.result().usage(), after.result().usage(), app);
    assertEquals(before.result().model(), after.result().model(), "the model that served the call is named");
  }

  /** All text fixtures stop naturally; the tool fixtures stop for tool use. */
  private static String expectedStop(WireFormat app, boolean tools) {
    switch (app) {
      case ANTHROPIC:
        return tools ? "tool_use" : "end_turn";
      case GEMINI:
        return "STOP";
      default:
        return tools ? "tool_calls" : "stop";
    }
  }

  private static String expectedText(WireFormat target, boolean tools) {
    if (!tools) {
      return TEXTS[target.ordinal()];
    }
    return target == WireFormat.GEMINI ? "Checking both cities." : "";
  }

  private static void assertCalls(WireFormat target, boolean tools, WireFormat app, AppView view) {
    if (!tools) {
      assertTrue(view.calls.isEmpty());
      return;
    }
    if (target == WireFormat.ANTHROPIC) {
      assertEquals(1, view.calls.size());
      assertEquals("toolu_01T1x1fJ34qAmk2tNTrN7Up6", view.calls.get(0).id);
      assertEquals(TestSupport.json("{\"location\":\"San Francisco, CA\"}"), view.calls.get(0).args);
      return;
    }
    assertEquals(2, view.calls.size(), view.calls.toString());
    assertEquals("get_weather", view.calls.get(0).name);
    assertEquals(TestSupport.json("{\"city\":\"Zürich\"}"), view.calls.get(0).args);
    assertEquals(TestSupport.json("{\"city\":\"Paris\"}"), view.calls.get(1).args);
    if (target == WireFormat.OPENAI) {
      assertEquals("call_Q8aXk2", view.calls.get(0).id);
      assertEquals("call_R9bYl3", view.calls.get(1).id);
    } else {
      String prefix = app == WireFormat.OPENAI ? "call_airlock_" : "toolu_airlock_";
      assertTrue(view.calls.get(0).id.startsWith(prefix), view.calls.get(0).id);
      assertFalse(view.calls.get(0).id.equals(view.calls.get(1).id));
    }
  }

  /** The app's stream as a JSON array of {event, data} with per-call values masked. */
  private static JsonNode goldenView(byte[] sse) {
    ArrayNode events = TestSupport.JSON.createArrayNode();
    for (TestSupport.Event e : TestSupport.events(sse)) {
      var o = events.addObject();
      if (e.name != null) {
        o.put("event", e.name);
      }
      if ("[DONE]".equals(e.data)) {
        o.put("data", "[DONE]");
      } else {
        o.set("data", TestSupport.masked(e.json()));
      }
    }
    return events;
  }

  @Test
  void theFirstTargetEventReachesTheAppAtOnce() {
    StreamTranslator t = Translation.stream(ResponseTranslationTest.request(WireFormat.OPENAI, WireFormat.ANTHROPIC, true));
    List<TestSupport.Event> events = TestSupport.events(TestSupport.resource(STREAMS[1][0]));
    byte[] first = t.onEvent(events.get(0).name, events.get(0).data);
    JsonNode roleChunk = TestSupport.json(TestSupport.string(first).substring("data: ".length()).trim());
    assertEquals("assistant", roleChunk.path("choices").path(0).path("delta").path("role").asText());
    assertEquals("claude-sonnet-4-5-20250929", roleChunk.path("model").asText());
    assertEquals(0, t.onEvent("ping", "{\"type\": \"ping\"}").length, "a ping produces nothing");
    assertEquals(0, t.onEvent(null, null).length, "a keep-alive produces nothing");
  }

  @Test
  void noUsageChunkWhenTheOpenAiAppDidNotAskForIt() {
    byte[] body = TestSupport.utf8("{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    TranslatedRequest req = Translation.request(dev.airlock.agent.codec.Endpoint.OPENAI_CHAT, body, WireFormat.GEMINI, "gemini-2.5-flash");
    byte[] out = TestSupport.translate(Translation.stream(req), TestSupport.resource(STREAMS[2][0]));
    AppView view = AppView.ofStream(WireFormat.OPENAI, out, false);
    assertEquals(TEXTS[2], view.text.toString());
    assertTrue(TestSupport.accumulate(req.appEndpoint(), out).sawTerminalEvent());
  }

  @ParameterizedTest(name = "{0} stream cut short -> {1} app")
  @MethodSource("cases")
  void aStreamCutShortStaysCutShort(WireFormat target, WireFormat app, boolean tools) {
    TranslatedRequest req = ResponseTranslationTest.request(app, target, true);
    List<TestSupport.Event> events = TestSupport.events(TestSupport.resource(STREAMS[target.ordinal()][tools ? 1 : 0]));
    // Drop the events that end the target's stream: [DONE] and the usage chunk / message_delta and
    // message_stop / the chunk with the finishReason.
    int keep = target == WireFormat.OPENAI ? events.size() - 3 : target == WireFormat.ANTHROPIC ? events.size() - 2 : events.size() - 1;
    StreamTranslator t = Translation.stream(req);
    byte[] out = TestSupport.translate(t, events.subList(0, keep), true);
    assertFalse(TestSupport.accumulate(req.appEndpoint(), out).sawTerminalEvent(), TestSupport.string(out));
    assertEquals(0, t.finish().length, "finish twice: nothing more");
  }

  @Test
  void openAiStreamWithoutDoneStillEndsWhenAFinishReasonWasSeen() {
    List<TestSupport.Event> events = TestSupport.events(TestSupport.resource(STREAMS[0][0]));
    TranslatedRequest req = ResponseTranslationTest.request(WireFormat.ANTHROPIC, WireFormat.OPENAI, true);
    byte[] out = TestSupport.translate(Translation.stream(req), events.subList(0, events.size() - 1), true);
    StreamAccumulator acc = TestSupport.accumulate(req.appEndpoint(), out);
    assertTrue(acc.sawTerminalEvent());
    assertEquals(1129, acc.result().usage().totalTokens());
  }

  @ParameterizedTest(name = "Anthropic overloaded mid-stream -> {0} app")
  @MethodSource("apps")
  void anErrorMidStreamBecomesTheAppsErrorEvent(WireFormat app) {
    TranslatedRequest req = ResponseTranslationTest.request(app, WireFormat.ANTHROPIC, true);
    List<TestSupport.Event> events = TestSupport.events(TestSupport.resource(STREAMS[1][0]));
    StreamTranslator t = Translation.stream(req);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(t.onEvent(events.get(0).name, events.get(0).data));
    out.writeBytes(t.onEvent("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
    assertEquals(0, t.onEvent(events.get(1).name, events.get(1).data).length, "nothing after the error");
    assertEquals(0, t.finish().length);
    List<TestSupport.Event> appEvents = TestSupport.events(out.toByteArray());
    JsonNode error = appEvents.get(appEvents.size() - 1).json();
    StreamAccumulator acc = TestSupport.accumulate(req.appEndpoint(), out.toByteArray());
    assertTrue(acc.sawTerminalEvent());
    switch (app) {
      case OPENAI:
        assertEquals("server_error", error.path("error").path("type").asText());
        assertEquals("Overloaded", error.path("error").path("message").asText());
        assertEquals("server_error", acc.result().errorType());
        break;
      default:
        assertEquals(529, error.path("error").path("code").asInt());
        assertEquals("UNAVAILABLE", acc.result().errorType());
        break;
    }
  }

  static Stream<WireFormat> apps() {
    return Stream.of(WireFormat.OPENAI, WireFormat.GEMINI);
  }

  @Test
  void azureStreamsWithAnEmptyFirstChunkAreRead() {
    TranslatedRequest req = ResponseTranslationTest.request(WireFormat.ANTHROPIC, WireFormat.OPENAI, true);
    byte[] out = TestSupport.translate(Translation.stream(req), TestSupport.resource("payloads/openai/chat-stream-azure.sse"));
    JsonNode start = TestSupport.events(out).get(0).json();
    assertEquals("gpt-4o-2024-11-20", start.path("message").path("model").asText());
    assertTrue(TestSupport.accumulate(req.appEndpoint(), out).sawTerminalEvent());
  }

  @Test
  void anthropicAppGetsTheInputUsageAtMessageStartWhenTheTargetKnowsIt() {
    TranslatedRequest req = ResponseTranslationTest.request(WireFormat.ANTHROPIC, WireFormat.GEMINI, true);
    byte[] out = TestSupport.translate(Translation.stream(req), TestSupport.resource(STREAMS[2][0]));
    assertEquals(9, TestSupport.events(out).get(0).json().path("message").path("usage").path("input_tokens").asInt());
  }
}
