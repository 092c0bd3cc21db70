package dev.airlock.agent.cache;

import static dev.airlock.agent.cache.CacheFixtures.chunks;
import static dev.airlock.agent.cache.CacheFixtures.payload;
import static dev.airlock.agent.cache.CacheFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.cache.AnswerRecorder.Refusal;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.LlmResponse;
import dev.airlock.agent.codec.ResponseCodec;
import dev.airlock.agent.codec.Usage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnswerRecorderTest {

  private static final long CAP = 1 << 20;
  private static final String SSE = "text/event-stream; charset=utf-8";

  static Stream<Arguments> completeStreams() {
    return Stream.of(
        Arguments.of("openai/chat-stream.sse", Endpoint.OPENAI_CHAT, "gpt-4o-mini-2024-07-18", Usage.of(1117, 12, 1024, 0, 0)),
        Arguments.of("openai/completions-stream.sse", Endpoint.OPENAI_COMPLETIONS, "gpt-3.5-turbo-instruct", null),
        Arguments.of("openai/responses-stream.sse", Endpoint.OPENAI_RESPONSES, "o4-mini-2025-04-16", Usage.of(2048, 300, 1536, 0, 256)),
        Arguments.of("anthropic/messages-stream.sse", Endpoint.ANTHROPIC_MESSAGES, "claude-sonnet-4-5-20250929",
            Usage.of(188111, 15, 188086, 0, 0)),
        Arguments.of("gemini/stream.sse", Endpoint.GEMINI_STREAM_GENERATE_CONTENT, "gemini-2.0-flash", Usage.of(9, 24, 0, 0, 0)));
  }

  /** Feeds the pieces as a transport would and completes. */
  private static AnswerRecorder record(Endpoint endpoint, int status, String contentType, List<byte[]> pieces, long cap) {
    AnswerRecorder recorder = new AnswerRecorder(endpoint, cap);
    recorder.onResponse(status, contentType);
    for (byte[] piece : pieces) {
      recorder.onBytes(piece, 0, piece.length);
    }
    return recorder;
  }

  /** The stream up to (not including) the first occurrence of {@code marker}. */
  private static byte[] cutBefore(byte[] stream, String marker) {
    String text = new String(stream, StandardCharsets.UTF_8);
    int at = text.indexOf(marker);
    assertTrue(at > 0, "the fixture must contain " + marker);
    return utf8(text.substring(0, at));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("completeStreams")
  void aCompleteStreamIsKeptWithItsOriginalChunking(String fixture, Endpoint endpoint, String model, Usage usage) {
    byte[] stream = payload(fixture);
    List<byte[]> pieces = chunks(stream, 97, fixture.hashCode());
    AnswerRecorder recorder = record(endpoint, 200, SSE, pieces, CAP);
    assertTrue(recorder.recording());
    CachedAnswer answer = recorder.complete();
    assertNotNull(answer, "refused: " + recorder.refusal());
    assertTrue(answer.streamed());
    assertEquals(200, answer.status());
    assertEquals(SSE, answer.contentType());
    assertEquals(model, answer.model());
    assertEquals(usage, answer.usage());
    assertEquals(stream.length, answer.byteCount());
    assertEquals(pieces.size(), answer.chunkCount());
    for (int i = 0; i < pieces.size(); i++) {
      assertArrayEquals(pieces.get(i), answer.chunk(i), "chunk " + i);
    }
    assertNull(recorder.refusal());
    assertFalse(recorder.recording());
  }

  @Test
  void chunksAreCopiedSoTheTransportMayReuseItsBuffer() {
    byte[] stream = payload("openai/chat-stream.sse");
    AnswerRecorder recorder = new AnswerRecorder(Endpoint.OPENAI_CHAT, CAP);
    recorder.onResponse(200, SSE);
    byte[] buffer = new byte[512];
    for (int off = 0; off < stream.length; off += buffer.length) {
      int n = Math.min(buffer.length, stream.length - off);
      System.arraycopy(stream, off, buffer, 0, n);
      recorder.onBytes(buffer, 0, n);
      Arrays.fill(buffer, (byte) '#');
    }
    CachedAnswer answer = recorder.complete();
    assertNotNull(answer);
    assertArrayEquals(stream, AnswerReplay.bytes(answer));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("completeStreams")
  void aStreamWithoutItsTerminalEventIsNotKept(String fixture, Endpoint endpoint, String model, Usage usage) {
    String terminal;
    switch (endpoint) {
      case ANTHROPIC_MESSAGES:
        terminal = "event: message_stop";
        break;
      case OPENAI_RESPONSES:
        terminal = "event: response.completed";
        break;
      case GEMINI_STREAM_GENERATE_CONTENT:
        terminal = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\" fortlaufend";
        break;
      default:
        terminal = "data: [DONE]";
        break;
    }
    byte[] cut = cutBefore(payload(fixture), terminal);
    AnswerRecorder recorder = record(endpoint, 200, SSE, chunks(cut, 64, 1), CAP);
    assertNull(recorder.complete());
    assertEquals(Refusal.INCOMPLETE_STREAM, recorder.refusal());
  }

  @Test
  void aStreamThatEndsInAnErrorEventIsNotKept() {
    byte[] cut = cutBefore(payload("anthropic/messages-stream.sse"), "event: message_delta");
    byte[] error = utf8("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n");
    AnswerRecorder recorder = record(Endpoint.ANTHROPIC_MESSAGES, 200, SSE, Arrays.asList(cut, error), CAP);
    assertNull(recorder.complete());
    assertEquals(Refusal.ERROR, recorder.refusal());
  }

  @Test
  void aNon2xxAnswerIsNotRecordedAtAll() {
    AnswerRecorder recorder = new AnswerRecorder(Endpoint.OPENAI_CHAT, CAP);
    recorder.onResponse(500, "application/json");
    assertFalse(recorder.recording(), "nothing is kept from the first byte on");
    recorder.onBytes(payload("openai/error-rate-limit.json"), 0, 10);
    assertNull(recorder.complete());
    assertEquals(Refusal.STATUS, recorder.refusal());

    AnswerRecorder notModified = record(Endpoint.OPENAI_CHAT, 304, "application/json",
        Arrays.asList(payload("openai/chat-response.json")), CAP);
    assertNull(notModified.complete());
    assertEquals(Refusal.STATUS, notModified.refusal());
  }

  @Test
  void anAbandonedRecordingIsNotKept() {
    byte[] stream = payload("openai/chat-stream.sse");
    AnswerRecorder recorder = record(Endpoint.OPENAI_CHAT, 200, SSE, chunks(stream, 100, 3), CAP);
    recorder.abandon();
    assertFalse(recorder.recording());
    assertNull(recorder.complete(), "complete() after abandon() stores nothing");
    assertEquals(Refusal.ABANDONED, recorder.refusal());
    recorder.onBytes(stream, 0, 10); // ignored, no exception
  }

  @Test
  void aCompletedRecorderGivesItsAnswerOnce() {
    AnswerRecorder recorder = record(Endpoint.OPENAI_CHAT, 200, "application/json",
        Arrays.asList(payload("openai/chat-response.json")), CAP);
    assertNotNull(recorder.complete());
    assertNull(recorder.complete());
    recorder.abandon();
    assertNull(recorder.refusal(), "an abandon() after complete() changes nothing");
  }

  @Test
  void aStreamLargerThanTheCapIsNotKeptAndRecordingStopsAtOnce() {
    byte[] stream = payload("openai/chat-stream.sse");
    List<byte[]> pieces = chunks(stream, 100, 4);
    long cap = stream.length / 2;
    AnswerRecorder recorder = new AnswerRecorder(Endpoint.OPENAI_CHAT, cap);
    recorder.onResponse(200, SSE);
    long charged = 0;
    for (byte[] piece : pieces) {
      recorder.onBytes(piece, 0, piece.length);
      charged += piece.length + CachedAnswer.PART_OVERHEAD;
      assertEquals(charged <= cap, recorder.recording(), "after " + charged + " bytes and overhead");
    }
    assertNull(recorder.complete());
    assertEquals(Refusal.TOO_LARGE, recorder.refusal());
  }

  @Test
  void theCapCountsEachReadsOverheadSoTinyReadsCannotHoldMuchMore() {
    byte[] stream = payload("openai/chat-stream.sse");
    List<byte[]> pieces = chunks(stream, 100, 4);
    long exact = stream.length + (long) pieces.size() * CachedAnswer.PART_OVERHEAD;
    CachedAnswer answer = record(Endpoint.OPENAI_CHAT, 200, SSE, pieces, exact).complete();
    assertNotNull(answer, "exactly at the cap is fine");
    assertEquals(exact, answer.entrySize());
    AnswerRecorder over = record(Endpoint.OPENAI_CHAT, 200, SSE, pieces, exact - 1);
    assertNull(over.complete());
    assertEquals(Refusal.TOO_LARGE, over.refusal());
    // The same bytes one at a time would cost 33 times their size: refused under twice the size.
    AnswerRecorder tiny = record(Endpoint.OPENAI_CHAT, 200, SSE, chunks(stream, 1, 4), 2L * stream.length);
    assertNull(tiny.complete());
    assertEquals(Refusal.TOO_LARGE, tiny.refusal());
  }

  @Test
  void aWholeBodyLargerThanTheCapIsNotKept() {
    byte[] body = payload("openai/chat-response.json");
    long exact = body.length + CachedAnswer.PART_OVERHEAD;
    assertNotNull(record(Endpoint.OPENAI_CHAT, 200, "application/json", chunks(body, 50, 5), exact).complete());
    AnswerRecorder recorder = record(Endpoint.OPENAI_CHAT, 200, "application/json", chunks(body, 50, 5), exact - 1);
    assertNull(recorder.complete());
    assertEquals(Refusal.TOO_LARGE, recorder.refusal());
  }

  @Test
  void aCompleteWholeBodyIsKeptAsOneBody() {
    byte[] body = payload("openai/chat-response.json");
    AnswerRecorder recorder = record(Endpoint.OPENAI_CHAT, 200, "application/json", chunks(body, 50, 6), CAP);
    CachedAnswer answer = recorder.complete();
    assertNotNull(answer, "refused: " + recorder.refusal());
    assertFalse(answer.streamed());
    assertEquals(1, answer.chunkCount());
    assertArrayEquals(body, answer.chunk(0));
    assertEquals("gpt-4o-mini-2024-07-18", answer.model());
    assertNotNull(answer.usage());
  }

  @Test
  void aWholeBodyKeepsWhatItsParseRead() {
    byte[] body = payload("openai/chat-response.json");
    CachedAnswer answer = record(Endpoint.OPENAI_CHAT, 200, "application/json", chunks(body, 50, 6), CAP).complete();
    assertNotNull(answer);
    // What a hit's span reports without reading the replayed bytes again: exactly the codec's reading.
    assertEquals(ResponseCodec.parse(Endpoint.OPENAI_CHAT, body), answer.parsedResponse(Endpoint.OPENAI_CHAT));
    assertNull(answer.parsedResponse(Endpoint.OPENAI_RESPONSES), "read in the chat dialect only");
    assertTrue(answer.isBody(body));
    byte[] other = body.clone();
    other[other.length - 2] ^= 1;
    assertFalse(answer.isBody(other));
    assertFalse(answer.isBody(Arrays.copyOf(body, body.length - 1)));
  }

  @Test
  void aReadingMadeElsewhereIsUsedOnlyForTheSameBytes() {
    byte[] body = payload("openai/chat-response.json");
    LlmResponse reading = ResponseCodec.parse(Endpoint.OPENAI_CHAT, body);
    // The same bytes, in another array: the reading is taken as it is, not made again.
    CachedAnswer same = record(Endpoint.OPENAI_CHAT, 200, "application/json", chunks(body, 50, 6), CAP)
        .complete(reading, body.clone());
    assertNotNull(same);
    assertSame(reading, same.parsedResponse(Endpoint.OPENAI_CHAT));
    // Other bytes (what the app got differs from what was read): the recorded body is read itself.
    byte[] cut = Arrays.copyOf(body, body.length / 2);
    AnswerRecorder recorder = record(Endpoint.OPENAI_CHAT, 200, "application/json", Arrays.asList(cut), CAP);
    assertNull(recorder.complete(reading, body));
    assertEquals(Refusal.UNREADABLE, recorder.refusal());
    byte[] other = body.clone();
    other[other.length - 2] ^= 1;
    CachedAnswer read = record(Endpoint.OPENAI_CHAT, 200, "application/json", Arrays.asList(body), CAP)
        .complete(reading, other);
    assertNotNull(read);
    assertNotSame(reading, read.parsedResponse(Endpoint.OPENAI_CHAT));
    assertEquals(reading, read.parsedResponse(Endpoint.OPENAI_CHAT));
  }

  @Test
  void aStreamKeepsNoParsedResponse() {
    byte[] stream = payload("openai/chat-stream.sse");
    CachedAnswer answer = record(Endpoint.OPENAI_CHAT, 200, "text/event-stream", chunks(stream, 40, 3), CAP).complete();
    assertNotNull(answer);
    assertNull(answer.parsedResponse(Endpoint.OPENAI_CHAT), "a replayed stream is folded by the call's accumulator");
    assertFalse(answer.isBody(stream));
  }

  @Test
  void geminiStreamWithoutSseIsAWholeJsonArray() {
    byte[] body = payload("gemini/stream-array.json");
    AnswerRecorder recorder = record(Endpoint.GEMINI_STREAM_GENERATE_CONTENT, 200, "application/json; charset=UTF-8",
        chunks(body, 300, 7), CAP);
    CachedAnswer answer = recorder.complete();
    assertNotNull(answer, "refused: " + recorder.refusal());
    assertFalse(answer.streamed());
    assertArrayEquals(body, AnswerReplay.bytes(answer));
  }

  @Test
  void aCutWholeBodyIsNotKept() {
    byte[] body = payload("openai/chat-response.json");
    AnswerRecorder recorder = record(Endpoint.OPENAI_CHAT, 200, "application/json",
        Arrays.asList(Arrays.copyOf(body, body.length / 2)), CAP);
    assertNull(recorder.complete());
    assertEquals(Refusal.UNREADABLE, recorder.refusal());
  }

  @Test
  void anErrorBodyWithA2xxStatusIsNotKept() {
    AnswerRecorder recorder = record(Endpoint.OPENAI_CHAT, 200, "application/json",
        Arrays.asList(payload("openai/error-rate-limit.json")), CAP);
    assertNull(recorder.complete());
    assertEquals(Refusal.ERROR, recorder.refusal());
  }

  @Test
  void bytesBeforeTheResponseOrNoResponseAtAllStoreNothing() {
    AnswerRecorder early = new AnswerRecorder(Endpoint.OPENAI_CHAT, CAP);
    early.onBytes(utf8("data: x\n\n"), 0, 9);
    early.onResponse(200, SSE);
    assertNull(early.complete());
    assertEquals(Refusal.NO_RESPONSE, early.refusal());

    AnswerRecorder none = new AnswerRecorder(Endpoint.OPENAI_CHAT, CAP);
    assertNull(none.complete());
    assertEquals(Refusal.NO_RESPONSE, none.refusal());
  }

  @Test
  void byteBuffersAreRecordedWithoutMovingThem() {
    byte[] stream = payload("anthropic/messages-stream.sse");
    AnswerRecorder recorder = new AnswerRecorder(Endpoint.ANTHROPIC_MESSAGES, CAP);
    recorder.onResponse(200, "Text/Event-Stream");
    List<byte[]> pieces = chunks(stream, 200, 8);
    for (int i = 0; i < pieces.size(); i++) {
      byte[] piece = pieces.get(i);
      ByteBuffer buffer = i % 2 == 0 ? ByteBuffer.allocateDirect(piece.length) : ByteBuffer.allocate(piece.length + 4);
      if (i % 2 != 0) {
        buffer.position(4);
      }
      buffer.mark();
      buffer.put(piece);
      buffer.reset();
      int position = buffer.position();
      recorder.onBytes(buffer);
      assertEquals(position, buffer.position());
    }
    CachedAnswer answer = recorder.complete();
    assertNotNull(answer, "refused: " + recorder.refusal());
    assertEquals(pieces.size(), answer.chunkCount());
    assertArrayEquals(stream, AnswerReplay.bytes(answer));
  }

  @Test
  void argumentsAreChecked() {
    assertThrows(NullPointerException.class, () -> new AnswerRecorder(null, CAP));
    assertThrows(IllegalArgumentException.class, () -> new AnswerRecorder(Endpoint.OPENAI_CHAT, 0));
    AnswerRecorder recorder = new AnswerRecorder(Endpoint.OPENAI_CHAT, CAP);
    recorder.onResponse(200, SSE);
    assertThrows(IndexOutOfBoundsException.class, () -> recorder.onBytes(new byte[4], 2, 3));
  }
}
