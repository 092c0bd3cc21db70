package dev.airlock.agent.codec;

import static dev.airlock.agent.codec.Fixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.codec.Fixtures.Event;
import dev.airlock.agent.codec.Fixtures.Replay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StreamAccumulatorTest {

  private static final int CAP = 1 << 20;

  static Stream<Arguments> recordedStreams() {
    return Stream.of(
        Arguments.of("openai/chat-stream.sse", Endpoint.OPENAI_CHAT,
            LlmResponse.of("chatcmpl-BQx7uV1rOTcaKUX1CV3wKXeqnFUGo", "gpt-4o-mini-2024-07-18",
                Collections.singletonList("stop"), Usage.of(1117, 12, 1024, 0, 0), null)),
        Arguments.of("openai/chat-stream-azure.sse", Endpoint.OPENAI_CHAT,
            LlmResponse.of("chatcmpl-AzUr3D1", "gpt-4o-2024-11-20", Collections.singletonList("stop"), null, null)),
        Arguments.of("openai/chat-stream-n2.sse", Endpoint.OPENAI_CHAT,
            LlmResponse.of("chatcmpl-BQx7uV1rOTcaKUX1CV3wKXeqnFUGo", "gpt-4o-mini-2024-07-18",
                Arrays.asList("stop", "tool_calls"), Usage.of(80, 30, 0, 0, 0), null)),
        Arguments.of("openai/completions-stream.sse", Endpoint.OPENAI_COMPLETIONS,
            LlmResponse.of("cmpl-7iA7iJjj8V2zOkCGvWF2hAkDWBQZe", "gpt-3.5-turbo-instruct",
                Collections.singletonList("length"), null, null)),
        Arguments.of("openai/responses-stream.sse", Endpoint.OPENAI_RESPONSES,
            LlmResponse.of("resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b", "o4-mini-2025-04-16",
                Collections.singletonList("completed"), Usage.of(2048, 300, 1536, 0, 256), null)),
        // input 25 + cache read 188086 + cache write 0; output 15 from message_delta, not message_start's 1.
        Arguments.of("anthropic/messages-stream.sse", Endpoint.ANTHROPIC_MESSAGES,
            LlmResponse.of("msg_014p7gG3wDgGV9EUtLvnow3U", "claude-sonnet-4-5-20250929",
                Collections.singletonList("end_turn"), Usage.of(188111, 15, 188086, 0, 0), null)),
        Arguments.of("anthropic/messages-stream-tool-use.sse", Endpoint.ANTHROPIC_MESSAGES,
            LlmResponse.of("msg_01Aq9w938a90dw8q", "claude-opus-4-1-20250805",
                Collections.singletonList("tool_use"), Usage.of(472 + 3000 + 1200, 89, 3000, 1200, 0), null)),
        Arguments.of("gemini/stream.sse", Endpoint.GEMINI_STREAM_GENERATE_CONTENT,
            LlmResponse.of("k2StaNKTK8XU1PIPp9PqiQ8", "gemini-2.0-flash",
                Collections.singletonList("STOP"), Usage.of(9, 24, 0, 0, 0), null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordedStreams")
  void recordedStreamInAwkwardPiecesGivesTheSameResult(String fixture, Endpoint endpoint, LlmResponse expected) {
    byte[] stream = bytes(fixture);
    for (int size : new int[] {stream.length, 1, 2, 7, 13, 0}) {
      Replay r = Fixtures.replay(stream, endpoint, size, CAP);
      assertEquals(expected, r.response, fixture + " in pieces of " + size);
      assertTrue(r.terminal, "terminal event seen");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordedStreams")
  void splitsInsideCrLfAndInsideUtf8GiveTheSameResult(String fixture, Endpoint endpoint, LlmResponse expected) {
    byte[] stream = bytes(fixture);
    // Cut right after every CR and inside every multi-byte UTF-8 sequence.
    List<Integer> cuts = new ArrayList<>();
    for (int i = 1; i < stream.length; i++) {
      boolean afterCr = stream[i - 1] == '\r';
      boolean insideUtf8 = (stream[i] & 0xC0) == 0x80;
      if (afterCr || insideUtf8) {
        cuts.add(i);
      }
    }
    List<int[]> pieces = new ArrayList<>();
    int from = 0;
    for (int cut : cuts) {
      pieces.add(new int[] {from, cut - from});
      from = cut;
    }
    pieces.add(new int[] {from, stream.length - from});
    Replay r = Fixtures.replay(stream, endpoint, pieces, CAP);
    assertEquals(expected, r.response);
    assertTrue(r.terminal);
  }

  @Test
  void eventNamesMayBeMissing() {
    // A proxy that drops "event:" lines: the type inside the data still decides.
    for (String fixture : new String[] {"anthropic/messages-stream.sse", "openai/responses-stream.sse"}) {
      Endpoint endpoint = fixture.startsWith("anthropic") ? Endpoint.ANTHROPIC_MESSAGES : Endpoint.OPENAI_RESPONSES;
      Replay named = Fixtures.replay(bytes(fixture), endpoint, 0, CAP);
      StreamAccumulator unnamed = new StreamAccumulator(endpoint);
      for (Event e : named.events) {
        unnamed.onEvent(null, e.data);
      }
      assertEquals(named.response, unnamed.result());
      assertTrue(unnamed.sawTerminalEvent());
    }
  }

  @Test
  void anthropicStreamCutBeforeMessageDeltaKeepsTheStartCounts() {
    List<Event> events = Fixtures.replay(bytes("anthropic/messages-stream.sse"), null, 0, CAP).events;
    StreamAccumulator acc = new StreamAccumulator(Endpoint.ANTHROPIC_MESSAGES);
    for (Event e : events.subList(0, 5)) {
      acc.onEvent(e.name, e.data);
    }
    assertFalse(acc.sawTerminalEvent());
    assertEquals(Usage.of(188111, 1, 188086, 0, 0), acc.result().usage());
    assertEquals(Collections.emptyList(), acc.result().finishReasons());
  }

  @Test
  void openAiStreamWithoutUsageChunk() {
    StreamAccumulator acc = new StreamAccumulator(Endpoint.OPENAI_CHAT);
    for (Event e : Fixtures.replay(bytes("openai/chat-stream.sse"), null, 0, CAP).events) {
      if (!StreamAccumulator.isUsageOnlyChunk(e.data)) {
        acc.onEvent(e.name, e.data);
      }
    }
    assertNull(acc.result().usage());
    assertTrue(acc.sawTerminalEvent());
  }

  @Test
  void openAiStreamCutShortIsNotTerminal() {
    StreamAccumulator acc = new StreamAccumulator(Endpoint.OPENAI_CHAT);
    List<Event> events = Fixtures.replay(bytes("openai/chat-stream.sse"), null, 0, CAP).events;
    for (Event e : events.subList(0, 3)) {
      acc.onEvent(e.name, e.data);
    }
    assertFalse(acc.sawTerminalEvent());
    assertEquals("gpt-4o-mini-2024-07-18", acc.result().model());
  }

  @Test
  void errorEvents() {
    StreamAccumulator openAi = new StreamAccumulator(Endpoint.OPENAI_CHAT);
    openAi.onEvent(null, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
    assertEquals("server_error", openAi.result().errorType());
    assertTrue(openAi.sawTerminalEvent());

    StreamAccumulator anthropic = new StreamAccumulator(Endpoint.ANTHROPIC_MESSAGES);
    anthropic.onEvent("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
    assertEquals("overloaded_error", anthropic.result().errorType());
    assertTrue(anthropic.sawTerminalEvent());

    StreamAccumulator responses = new StreamAccumulator(Endpoint.OPENAI_RESPONSES);
    responses.onEvent("error", "{\"type\":\"error\",\"code\":\"ERR_SOMETHING\",\"message\":\"Something went wrong\",\"param\":null,\"sequence_number\":1}");
    assertEquals("ERR_SOMETHING", responses.result().errorType());
    assertTrue(responses.sawTerminalEvent());

    StreamAccumulator failed = new StreamAccumulator(Endpoint.OPENAI_RESPONSES);
    failed.onEvent("response.failed", "{\"type\":\"response.failed\",\"sequence_number\":3,\"response\":{\"id\":\"resp_1\","
        + "\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"boom\"},\"usage\":null}}");
    assertEquals("server_error", failed.result().errorType());
    assertEquals(Collections.singletonList("failed"), failed.result().finishReasons());
    assertTrue(failed.sawTerminalEvent());

    StreamAccumulator gemini = new StreamAccumulator(Endpoint.GEMINI_STREAM_GENERATE_CONTENT);
    gemini.onEvent(null, "{\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}}");
    assertEquals("UNAVAILABLE", gemini.result().errorType());
    assertTrue(gemini.sawTerminalEvent());
  }

  @Test
  void malformedAndIrrelevantEventsAreIgnored() {
    StreamAccumulator acc = new StreamAccumulator(Endpoint.ANTHROPIC_MESSAGES);
    acc.onEvent("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude-haiku-4-5\","
        + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}");
    acc.onEvent("message_delta", "{not json");
    acc.onEvent("ping", "{\"type\":\"ping\"}");
    acc.onEvent("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"hi\"}}");
    acc.onEvent(null, null);
    acc.onEvent("message_delta", "[]");
    acc.onEvent("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\"},\"usage\":{\"output_tokens\":64}}");
    acc.onEvent("message_stop", "{\"type\":\"message_stop\"}");
    assertEquals(LlmResponse.of("msg_1", "claude-haiku-4-5", Collections.singletonList("max_tokens"), Usage.of(10, 64, 0, 0, 0), null),
        acc.result());
    assertTrue(acc.sawTerminalEvent());
  }

  @Test
  void geminiIsTerminalOnlyWithAFinishReason() {
    List<Event> events = Fixtures.replay(bytes("gemini/stream.sse"), null, 0, CAP).events;
    StreamAccumulator acc = new StreamAccumulator(Endpoint.GEMINI_STREAM_GENERATE_CONTENT);
    acc.onEvent(null, events.get(0).data);
    acc.onEvent(null, events.get(1).data);
    assertFalse(acc.sawTerminalEvent());
    assertEquals(Usage.of(9, 0, 0, 0, 0), acc.result().usage(), "partial usage of the latest chunk");
    acc.onEvent(null, events.get(2).data);
    assertTrue(acc.sawTerminalEvent());
  }

  @Test
  void doneIsToleratedEverywhere() {
    for (Endpoint e : Endpoint.values()) {
      StreamAccumulator acc = new StreamAccumulator(e);
      acc.onEvent(null, " [DONE] ");
      assertTrue(acc.sawTerminalEvent(), e.name());
      assertEquals(LlmResponse.of(null, null, null, null, null), acc.result());
    }
    assertThrows(NullPointerException.class, () -> new StreamAccumulator(null));
  }

  /**
   * Content deltas after the first chunk are not read (they teach nothing); these are the chunks
   * that look like such deltas but do carry a fact, and must still be read.
   */
  @Test
  void chunksThatLookLikeContentDeltasButCarryAFactAreStillRead() {
    String first = "{\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"},"
        + "\"finish_reason\":null}],\"usage\":null}";
    String[][] cases = {
        // finish reason with spaces around the colon
        {"{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\" :  \"length\"}],\"usage\":null}",
            "[length]", "null"},
        // the reason on a second choice, the first one's null
        {"{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":null},{\"index\":1,\"delta\":{},"
            + "\"finish_reason\":\"stop\"}]}", "[stop]", "null"},
        // usage in the last content chunk (some compatible servers)
        {"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"!\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4,\"total_tokens\":7}}", "[stop]", "3/4"},
        // a key written with a unicode escape: read, not guessed
        {"{\"choices\":[{\"index\":0,\"delta\":{},\"finish\\u005freason\":\"stop\"}]}", "[stop]", "null"},
    };
    for (String[] c : cases) {
      StreamAccumulator acc = new StreamAccumulator(Endpoint.OPENAI_CHAT);
      acc.onEvent(null, first);
      acc.onEvent(null, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}],\"usage\":null}");
      acc.onEvent(null, c[0]);
      LlmResponse r = acc.result();
      assertEquals(c[1], String.valueOf(r.finishReasons()), c[0]);
      assertEquals(c[2], r.usage() == null ? "null" : r.usage().inputTokens() + "/" + r.usage().outputTokens(), c[0]);
      assertEquals("c1", r.id());
      assertEquals("m", r.model());
    }
    // Text that quotes the key names (escaped in JSON) is content, not a fact.
    StreamAccumulator acc = new StreamAccumulator(Endpoint.OPENAI_CHAT);
    acc.onEvent(null, first);
    acc.onEvent(null, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"set \\\"finish_reason\\\": \\\"stop\\\" "
        + "and \\\"usage\\\" or \\\"error\\\"\"},\"finish_reason\":null}]}");
    assertEquals("[]", String.valueOf(acc.result().finishReasons()));
    assertNull(acc.result().errorType());
    // An error chunk after content still ends the stream.
    acc.onEvent(null, "{\"error\":{\"type\":\"server_error\",\"message\":\"boom\"}}");
    assertEquals("server_error", acc.result().errorType());
    assertTrue(acc.sawTerminalEvent());
  }

  @Test
  void usageOnlyChunk() {
    List<Event> events = Fixtures.replay(bytes("openai/chat-stream.sse"), null, 0, CAP).events;
    int usageOnly = 0;
    for (int i = 0; i < events.size(); i++) {
      if (StreamAccumulator.isUsageOnlyChunk(events.get(i).data)) {
        usageOnly++;
        assertEquals(events.size() - 2, i, "the chunk before [DONE]");
      }
    }
    assertEquals(1, usageOnly);
    for (Event e : Fixtures.replay(bytes("openai/chat-stream-azure.sse"), null, 0, CAP).events) {
      assertFalse(StreamAccumulator.isUsageOnlyChunk(e.data), "Azure's empty-choices filter chunk has no usage: " + e.data);
    }
    assertTrue(StreamAccumulator.isUsageOnlyChunk("{\"id\":\"x\",\"choices\":null,\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}"));
    assertTrue(StreamAccumulator.isUsageOnlyChunk("{\"id\":\"x\",\"usage\":{\"prompt_tokens\":1}}"));
    assertFalse(StreamAccumulator.isUsageOnlyChunk("{\"choices\":[],\"usage\":null}"));
    assertFalse(StreamAccumulator.isUsageOnlyChunk(
        "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1}}"));
    assertFalse(StreamAccumulator.isUsageOnlyChunk("{\"choices\":[],\"usage\":{\"prompt_tokens\":1},\"error\":{}}"));
    assertFalse(StreamAccumulator.isUsageOnlyChunk("{\"choices\":[],\"usage\":{\"prompt_tokens\":1}"));
    assertFalse(StreamAccumulator.isUsageOnlyChunk("[DONE]"));
    assertFalse(StreamAccumulator.isUsageOnlyChunk(""));
    assertFalse(StreamAccumulator.isUsageOnlyChunk(null));
    assertFalse(StreamAccumulator.isUsageOnlyChunk("\"usage\""));
  }
}
