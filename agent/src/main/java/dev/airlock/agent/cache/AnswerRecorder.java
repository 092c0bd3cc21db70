package dev.airlock.agent.cache;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.LlmResponse;
import dev.airlock.agent.codec.ResponseCodec;
import dev.airlock.agent.codec.SseParser;
import dev.airlock.agent.codec.StreamAccumulator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records one response as the application receives it, and turns it into a {@link CachedAnswer}
 * only if it is fit to be served again.
 *
 * <p>Feed it what the application reads: {@link #onResponse} once, then every piece of the body
 * in order ({@link #onBytes(byte[], int, int)}), then {@link #complete()} when the body ended
 * normally, or {@link #abandon()} when it failed or the application closed it early. An answer is
 * produced only when all of these hold:
 *
 * <ul>
 *   <li>the status is 2xx;
 *   <li>for a stream ({@code text/event-stream}): its terminal event was seen ({@code [DONE]},
 *       {@code message_stop}, {@code response.completed}..., see {@link
 *       StreamAccumulator#sawTerminalEvent()}), and it carried no error event;
 *   <li>for a whole body: it reads as one complete response of the endpoint's dialect, not an
 *       error body;
 *   <li>the body stayed within the size cap;
 *   <li>nothing was abandoned.
 * </ul>
 *
 * <p><b>Bounded memory:</b> at most the cap is held. The moment a response outgrows it (or is
 * refused for any other reason), what was recorded is dropped and later bytes are ignored, so a
 * long stream costs nothing once it is known not to be stored. A stream's chunks are kept as the
 * reads delivered them (copies), which is what lets {@link AnswerReplay} reproduce the original
 * chunking.
 *
 * <p>One recorder per call. Methods are synchronized so that {@link #abandon()} may come from
 * another thread (the application closing the body) while the transport's thread feeds bytes;
 * after {@link #complete()} or {@link #abandon()} every call is a no-op.
 */
public final class AnswerRecorder {

  /** Why nothing was (or will be) recorded; {@link #refusal()} reports it, e.g. for a debug log. */
  public enum Refusal {
    /** The status is not 2xx. */
    STATUS,
    /** The body grew beyond the cap. */
    TOO_LARGE,
    /** A stream ended without its terminal event (cut short). */
    INCOMPLETE_STREAM,
    /** An error event in the stream, or an error body. */
    ERROR,
    /** A whole body that is not one complete response of the endpoint's dialect. */
    UNREADABLE,
    /** One SSE event outgrew the parser's bound, so the stream could not be checked. */
    OVERSIZE_EVENT,
    /** {@link #abandon()}: the call failed or was cancelled. */
    ABANDONED,
    /** Bytes before {@link #onResponse}, or {@link #complete()} without a response. */
    NO_RESPONSE
  }

  /** One SSE event beyond this is not interpreted (as in the pipeline); such a stream is not stored. */
  private static final int MAX_EVENT_BYTES = 1024 * 1024;

  private final Endpoint endpoint;
  private final long cap;

  private boolean started;
  private boolean ended;
  private Refusal refusal;
  private int status;
  private String contentType;
  private boolean streamed;
  /** Body bytes so far. */
  private long size;
  /** What the answer would weigh against the cap: the bytes plus {@link CachedAnswer#PART_OVERHEAD} per part. */
  private long charged;

  /** Stream: the chunks as delivered, and the parsing that tells a complete stream. */
  private List<byte[]> chunks;
  private SseParser sse;
  private StreamAccumulator accumulator;

  /** Whole body: grown as needed, never beyond the cap. */
  private byte[] body;

  /**
   * @param endpoint the endpoint the request went to (decides how the answer is read)
   * @param maxBytes the most an answer may take, e.g. {@link ExactCacheConfig#maxEntryBytes()}:
   *     its bytes plus {@link CachedAnswer#PART_OVERHEAD} per recorded read (a whole body is one
   *     part), so a stream of tiny reads cannot hold much more memory than its bytes; positive, at
   *     most {@link Integer#MAX_VALUE}
   */
  public AnswerRecorder(Endpoint endpoint, long maxBytes) {
    if (endpoint == null) {
      throw new NullPointerException("endpoint");
    }
    if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxBytes must be in 1.." + Integer.MAX_VALUE + ": " + maxBytes);
    }
    this.endpoint = endpoint;
    this.cap = maxBytes;
  }

  /**
   * The status line and content type arrived. A second call is ignored.
   *
   * @param status the HTTP status
   * @param contentType the {@code Content-Type} header, or null; {@code text/event-stream} (any
   *     case, any parameters) makes the answer a stream
   */
  public synchronized void onResponse(int status, String contentType) {
    if (ended || started) {
      return;
    }
    started = true;
    this.status = status;
    this.contentType = contentType;
    if (status < 200 || status > 299) {
      refuse(Refusal.STATUS);
      return;
    }
    streamed = contentType != null && contentType.regionMatches(true, 0, "text/event-stream", 0, 17);
    if (streamed) {
      chunks = new ArrayList<>();
      accumulator = new StreamAccumulator(endpoint);
      StreamAccumulator acc = accumulator;
      sse = new SseParser((name, data, raw) -> acc.onEvent(name, data), (int) Math.min(cap, MAX_EVENT_BYTES));
    } else {
      charged = CachedAnswer.PART_OVERHEAD;
      body = new byte[(int) Math.min(cap, 4096)];
    }
  }

  /** One piece of the body as the application read it; the array is not kept. */
  public synchronized void onBytes(byte[] bytes, int off, int len) {
    if (off < 0 || len < 0 || len > bytes.length - off) {
      throw new IndexOutOfBoundsException("off=" + off + " len=" + len + " length=" + bytes.length);
    }
    if (len > 0 && accepting() && charge(len)) {
      keep(bytes, off, len, false);
    }
  }

  /** As {@link #onBytes(byte[], int, int)} for the buffer's remaining bytes; its position is not moved. */
  public synchronized void onBytes(ByteBuffer buffer) {
    int len = buffer.remaining();
    if (len == 0 || !accepting() || !charge(len)) {
      return;
    }
    if (buffer.hasArray()) {
      keep(buffer.array(), buffer.arrayOffset() + buffer.position(), len, false);
    } else {
      // Copied only once it is known to fit; the copy can then be kept as the chunk itself.
      byte[] copy = new byte[len];
      buffer.duplicate().get(copy);
      keep(copy, 0, len, true);
    }
  }

  /** Counts {@code len} more bytes (and a part's overhead for a stream) against the cap; false once refused. */
  private boolean charge(int len) {
    long cost = streamed ? len + CachedAnswer.PART_OVERHEAD : len;
    if (charged + cost > cap) {
      refuse(Refusal.TOO_LARGE);
      return false;
    }
    charged += cost;
    return true;
  }

  private void keep(byte[] bytes, int off, int len, boolean owned) {
    if (streamed) {
      chunks.add(owned ? bytes : Arrays.copyOfRange(bytes, off, off + len));
      sse.feed(bytes, off, len);
    } else {
      if (size + len > body.length) {
        body = Arrays.copyOf(body, (int) Math.min(cap, Math.max(body.length * 2L, size + len)));
      }
      System.arraycopy(bytes, off, body, (int) size, len);
    }
    size += len;
  }

  /**
   * The body ended normally: the answer to store, or null when it is not fit (see the class
   * comment and {@link #refusal()}). Later calls return null.
   */
  public synchronized CachedAnswer complete() {
    return complete(null, null);
  }

  /**
   * As {@link #complete()}, given a reading of a whole body made elsewhere: when the recorded body
   * is exactly {@code readFrom} (compared byte for byte, so any other bytes are read as usual),
   * {@code reading} stands for {@link ResponseCodec#parse} of it and the body is not read again.
   *
   * @param reading {@link ResponseCodec#parse} of {@code readFrom} for this recorder's endpoint, or null
   * @param readFrom the bytes {@code reading} was read from, or null
   */
  public synchronized CachedAnswer complete(LlmResponse reading, byte[] readFrom) {
    if (ended) {
      return null;
    }
    ended = true;
    if (refusal != null) {
      return null;
    }
    if (!started) {
      refuse(Refusal.NO_RESPONSE);
      return null;
    }
    CachedAnswer answer = streamed ? finishStream() : finishWhole(reading, readFrom);
    release();
    return answer;
  }

  /** The call failed or was cancelled: nothing is stored, and what was recorded is dropped. */
  public synchronized void abandon() {
    if (ended) {
      return;
    }
    ended = true;
    if (refusal == null) {
      refuse(Refusal.ABANDONED);
    }
    release();
  }

  /** Whether bytes are still being kept (false once refused or ended). */
  public synchronized boolean recording() {
    return started && !ended && refusal == null;
  }

  /** Why no answer was or will be produced, or null while none is known (and after a stored answer). */
  public synchronized Refusal refusal() {
    return refusal;
  }

  private boolean accepting() {
    if (ended || refusal != null) {
      return false;
    }
    if (!started) {
      refuse(Refusal.NO_RESPONSE);
      return false;
    }
    return true;
  }

  private CachedAnswer finishStream() {
    // A last event without its blank line still reached the application; finish() delivers it.
    sse.finish();
    if (sse.oversizeEvents() > 0) {
      return refused(Refusal.OVERSIZE_EVENT);
    }
    if (!accumulator.sawTerminalEvent()) {
      return refused(Refusal.INCOMPLETE_STREAM);
    }
    LlmResponse response = accumulator.result();
    if (isError(response)) {
      return refused(Refusal.ERROR);
    }
    byte[][] parts = chunks.toArray(new byte[0][]);
    return new CachedAnswer(status, contentType, true, response.model(), response.usage(), parts);
  }

  private CachedAnswer finishWhole(LlmResponse reading, byte[] readFrom) {
    byte[] exact = body.length == size ? body : Arrays.copyOf(body, (int) size);
    // Parsing also proves the body complete: a cut JSON document does not parse.
    LlmResponse response = reading != null && readFrom != null && Arrays.equals(exact, readFrom)
        ? reading
        : ResponseCodec.parse(endpoint, exact);
    if (response == null) {
      return refused(Refusal.UNREADABLE);
    }
    if (isError(response)) {
      return refused(Refusal.ERROR);
    }
    // The response is kept: a hit's span reports it without reading these bytes again.
    return new CachedAnswer(status, contentType, response.model(), response.usage(), new byte[][] {exact}, endpoint,
        response);
  }

  /** An error event or body, or a Responses API answer that ended as {@code failed}. */
  private boolean isError(LlmResponse response) {
    return response.errorType() != null
        || (endpoint == Endpoint.OPENAI_RESPONSES && response.finishReasons().contains("failed"));
  }

  private CachedAnswer refused(Refusal why) {
    refuse(why);
    return null;
  }

  private void refuse(Refusal why) {
    refusal = why;
    release();
  }

  /** Drops everything held, so a refused or finished recorder costs no memory. */
  private void release() {
    chunks = null;
    body = null;
    sse = null;
    accumulator = null;
  }
}
