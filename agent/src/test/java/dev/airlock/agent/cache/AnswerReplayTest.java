package dev.airlock.agent.cache;

import static dev.airlock.agent.cache.CacheFixtures.chunks;
import static dev.airlock.agent.cache.CacheFixtures.concat;
import static dev.airlock.agent.cache.CacheFixtures.json;
import static dev.airlock.agent.cache.CacheFixtures.payload;
import static dev.airlock.agent.cache.CacheFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.codec.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerReplayTest {

  private static final String SSE = "text/event-stream";

  private static CachedAnswer recordedStream(List<byte[]> pieces) {
    AnswerRecorder recorder = new AnswerRecorder(Endpoint.OPENAI_CHAT, 1 << 20);
    recorder.onResponse(200, SSE);
    for (byte[] piece : pieces) {
      recorder.onBytes(piece, 0, piece.length);
    }
    CachedAnswer answer = recorder.complete();
    assertNotNull(answer, "refused: " + recorder.refusal());
    return answer;
  }

  @Test
  void aStreamReplaysByteExactInItsOriginalReads() throws IOException {
    byte[] stream = payload("openai/chat-stream.sse");
    List<byte[]> pieces = chunks(stream, 150, 11);
    CachedAnswer answer = recordedStream(pieces);

    // A reader with a buffer far larger than any chunk still gets one original chunk per read.
    List<byte[]> reads = new ArrayList<>();
    try (InputStream in = AnswerReplay.inputStream(answer)) {
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf, 0, buf.length)) != -1) {
        reads.add(Arrays.copyOf(buf, n));
      }
    }
    assertEquals(pieces.size(), reads.size());
    for (int i = 0; i < pieces.size(); i++) {
      assertArrayEquals(pieces.get(i), reads.get(i), "read " + i);
    }
    assertArrayEquals(stream, concat(reads));
  }

  @Test
  void buffersAreReadOnlyViewsOfEachChunk() {
    byte[] stream = payload("openai/chat-stream.sse");
    List<byte[]> pieces = chunks(stream, 300, 12);
    CachedAnswer answer = recordedStream(pieces);
    List<ByteBuffer> buffers = AnswerReplay.buffers(answer);
    assertEquals(pieces.size(), buffers.size());
    for (int i = 0; i < pieces.size(); i++) {
      ByteBuffer b = buffers.get(i);
      assertTrue(b.isReadOnly());
      byte[] got = new byte[b.remaining()];
      b.get(got);
      assertArrayEquals(pieces.get(i), got, "buffer " + i);
    }
    ByteBuffer again = AnswerReplay.buffers(answer).get(0);
    assertEquals(pieces.get(0).length, again.remaining(), "each replay gets fresh positions");
    assertThrows(ReadOnlyBufferException.class, () -> again.put(0, (byte) 'X'));
    assertThrows(UnsupportedOperationException.class, () -> AnswerReplay.buffers(answer).clear());
  }

  @Test
  void aWholeBodyReplaysByteExact() throws IOException {
    byte[] body = payload("openai/chat-response.json");
    CachedAnswer answer = CachedAnswer.whole(200, "application/json", null, null, body);
    assertArrayEquals(body, AnswerReplay.bytes(answer));
    assertArrayEquals(body, readAllBytes(AnswerReplay.inputStream(answer)));
    List<ByteBuffer> buffers = AnswerReplay.buffers(answer);
    assertEquals(1, buffers.size());
    assertEquals(body.length, buffers.get(0).remaining());
  }

  @Test
  void singleByteReadsSkipAndAvailableFollowTheChunks() throws IOException {
    List<byte[]> pieces = Arrays.asList(utf8("ab"), new byte[0], utf8("cde"), utf8("f"));
    CachedAnswer answer = CachedAnswer.streamed(200, SSE, null, null, pieces);
    InputStream in = AnswerReplay.inputStream(answer);
    assertEquals(2, in.available());
    assertEquals('a', in.read());
    assertEquals(1, in.available());
    assertEquals('b', in.read());
    assertEquals(3, in.available(), "an empty chunk is passed over");
    assertEquals(2, in.skip(2));
    assertEquals('e', in.read());
    assertEquals(0, in.read(new byte[4], 0, 0));
    byte[] rest = new byte[4];
    assertEquals(1, in.read(rest, 1, 3));
    assertEquals('f', rest[1]);
    assertEquals(-1, in.read());
    assertEquals(-1, in.read(rest, 0, 4));
    assertEquals(0, in.available());
    assertThrows(IndexOutOfBoundsException.class, () -> in.read(rest, 3, 2));
  }

  @Test
  void closingEndsTheReplay() throws IOException {
    CachedAnswer answer = CachedAnswer.streamed(200, SSE, null, null, Arrays.asList(utf8("data: 1\n\n"), utf8("data: 2\n\n")));
    InputStream in = AnswerReplay.inputStream(answer);
    in.read();
    in.close();
    assertEquals(-1, in.read());
  }

  @Test
  void storedBytesCannotBeChangedFromOutside() {
    byte[] body = utf8("{\"ok\":true}");
    List<byte[]> chunks = new ArrayList<>(Arrays.asList(utf8("data: a\n\n"), utf8("data: [DONE]\n\n")));
    CachedAnswer whole = CachedAnswer.whole(200, "application/json", null, null, body);
    CachedAnswer stream = CachedAnswer.streamed(200, SSE, null, null, chunks);
    body[0] = 'X';
    chunks.get(0)[0] = 'X';
    chunks.clear();
    AnswerReplay.bytes(whole)[1] = 'X';
    whole.chunk(0)[2] = 'X';
    assertArrayEquals(utf8("{\"ok\":true}"), AnswerReplay.bytes(whole));
    assertArrayEquals(utf8("data: a\n\ndata: [DONE]\n\n"), AnswerReplay.bytes(stream));
    assertEquals(2, stream.chunkCount());
  }

  @Test
  void recordStoreLookupReplayRoundTrip() throws IOException {
    ExactCache cache = ExactCache.create(ExactCacheConfig.defaults());
    byte[] request = json("{'model':'claude-sonnet-4-5','max_tokens':100,'temperature':0,'stream':true,"
        + "'messages':[{'role':'user','content':'Pro Modell?'}]}");
    CacheKey key = CacheKeys.of(Endpoint.ANTHROPIC_MESSAGES, "anthropic/claude-sonnet-4-5", "acme", request);
    byte[] stream = payload("anthropic/messages-stream.sse");
    List<byte[]> pieces = chunks(stream, 120, 13);

    AnswerRecorder recorder = new AnswerRecorder(Endpoint.ANTHROPIC_MESSAGES, cache.config().maxEntryBytes());
    recorder.onResponse(200, SSE);
    for (byte[] piece : pieces) {
      recorder.onBytes(piece, 0, piece.length);
    }
    assertTrue(cache.store(key, recorder.complete()));

    CachedAnswer hit = cache.lookup(CacheKeys.of(Endpoint.ANTHROPIC_MESSAGES, "anthropic/claude-sonnet-4-5", "acme", request));
    assertNotNull(hit);
    assertEquals(SSE, hit.contentType());
    assertEquals(200, hit.status());
    InputStream in = AnswerReplay.inputStream(hit);
    List<byte[]> reads = new ArrayList<>();
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) > 0) {
      reads.add(Arrays.copyOf(buf, n));
    }
    assertEquals(pieces.size(), reads.size());
    assertArrayEquals(stream, concat(reads));
  }

  @Test
  void onlySuccessfulAnswersExist() {
    assertThrows(IllegalArgumentException.class, () -> CachedAnswer.whole(404, null, null, null, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> CachedAnswer.streamed(500, SSE, null, null, new ArrayList<>()));
    assertThrows(IllegalArgumentException.class, () -> CachedAnswer.whole(199, null, null, null, new byte[0]));
  }

  private static byte[] readAllBytes(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[7];
    int n;
    while ((n = in.read(buf)) != -1) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
