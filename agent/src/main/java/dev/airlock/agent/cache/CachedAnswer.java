package dev.airlock.agent.cache;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.LlmResponse;
import dev.airlock.agent.codec.Usage;
import java.util.Arrays;
import java.util.List;

/**
 * A successful model answer as the application received it, kept to be served again.
 *
 * <p>Either a whole body, or a stream kept <b>with its original chunking</b>: one part per read
 * the transport delivered, so a replay hands the application the same bytes in the same pieces
 * (see {@link AnswerReplay}). Only 2xx answers exist. Also kept: the content type, the model that
 * answered and the usage the provider reported, so a hit can be reported (and priced as saved)
 * without parsing anything again; and, for a whole answer the recorder stored, the response it read
 * from the body ({@link #parsedResponse}), so a hit's span gets the same facts without a second
 * parse of the same bytes.
 *
 * <p>Immutable and thread-safe: the parts are copied in and never handed out except as copies or
 * read-only views.
 */
public final class CachedAnswer {

  /**
   * Memory of one part beyond its bytes: the array header (16) and the reference to it (8), with
   * alignment slack.
   */
  static final int PART_OVERHEAD = 32;
  /** Memory of the answer object itself, its parts array and its usage, beyond the parts. */
  static final int FIXED_OVERHEAD = 128;

  private final int status;
  private final String contentType;
  private final boolean streamed;
  private final String model;
  private final Usage usage;
  private final byte[][] parts;
  private final long byteCount;
  /** The endpoint {@link #response} was read for, or null when none was kept. */
  private final Endpoint readFor;
  /** {@code ResponseCodec.parse(readFor, body)} of a whole answer, or null. */
  private final LlmResponse response;

  /** Takes ownership of {@code parts}: callers in this package pass fresh arrays they never touch again. */
  CachedAnswer(int status, String contentType, boolean streamed, String model, Usage usage, byte[][] parts) {
    this(status, contentType, streamed, model, usage, parts, null, null);
  }

  /**
   * A whole answer with the response read from its body.
   *
   * @param readFor the endpoint whose dialect {@code response} was read in
   * @param response exactly what {@code ResponseCodec.parse(readFor, parts[0])} returned
   */
  CachedAnswer(int status, String contentType, String model, Usage usage, byte[][] parts, Endpoint readFor,
      LlmResponse response) {
    this(status, contentType, false, model, usage, parts, readFor, response);
  }

  private CachedAnswer(int status, String contentType, boolean streamed, String model, Usage usage,
      byte[][] parts, Endpoint readFor, LlmResponse response) {
    if (status < 200 || status > 299) {
      throw new IllegalArgumentException("only 2xx answers are cached, not " + status);
    }
    if (!streamed && parts.length != 1) {
      throw new IllegalArgumentException("a whole answer has exactly one part, not " + parts.length);
    }
    long n = 0;
    for (byte[] part : parts) {
      n += part.length;
    }
    this.status = status;
    this.contentType = contentType;
    this.streamed = streamed;
    this.model = model;
    this.usage = usage;
    this.parts = parts;
    this.byteCount = n;
    this.readFor = response == null ? null : readFor;
    this.response = response;
  }

  /**
   * A whole (non-streamed) answer.
   *
   * @param status a 2xx status
   * @param contentType the response's content type, or null
   * @param model the model that answered, or null when unknown
   * @param usage the reported usage, or null
   * @param body the body; copied
   * @throws IllegalArgumentException when the status is not 2xx
   */
  public static CachedAnswer whole(int status, String contentType, String model, Usage usage, byte[] body) {
    return new CachedAnswer(status, contentType, false, model, usage, new byte[][] {body.clone()});
  }

  /**
   * A streamed answer.
   *
   * @param status a 2xx status
   * @param contentType the response's content type (normally {@code text/event-stream}), or null
   * @param model the model that answered, or null when unknown
   * @param usage the reported usage, or null
   * @param chunks the bytes of each read, in order; each copied
   * @throws IllegalArgumentException when the status is not 2xx
   */
  public static CachedAnswer streamed(int status, String contentType, String model, Usage usage, List<byte[]> chunks) {
    byte[][] parts = new byte[chunks.size()][];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = chunks.get(i).clone();
    }
    return new CachedAnswer(status, contentType, true, model, usage, parts);
  }

  /** The HTTP status, always 2xx. */
  public int status() {
    return status;
  }

  /** The response's content type as the provider sent it, or null. */
  public String contentType() {
    return contentType;
  }

  /** Whether the answer was a stream (its chunking is kept) rather than one body. */
  public boolean streamed() {
    return streamed;
  }

  /** The model that answered, as the response reported it, or null. */
  public String model() {
    return model;
  }

  /** The usage the provider reported for the original call, or null. */
  public Usage usage() {
    return usage;
  }

  /**
   * What {@code ResponseCodec.parse(endpoint, body)} returns for this whole answer, as read when it
   * was stored; null when it was not kept (a stream, an answer not built by the recorder) or was
   * read for another endpoint: the caller then parses the body itself.
   */
  public LlmResponse parsedResponse(Endpoint endpoint) {
    return endpoint == readFor ? response : null;
  }

  /** Whether {@code bytes} are this whole answer's body, byte for byte (a replay hands over exactly those). */
  public boolean isBody(byte[] bytes) {
    return !streamed && Arrays.equals(parts[0], bytes);
  }

  /** The number of body bytes, all chunks together. */
  public long byteCount() {
    return byteCount;
  }

  /** How many pieces a replay delivers: the number of recorded chunks, 1 for a whole body. */
  public int chunkCount() {
    return parts.length;
  }

  /** A copy of chunk {@code i} (the whole body when not streamed). */
  public byte[] chunk(int i) {
    return parts[i].clone();
  }

  /**
   * The memory this answer holds, for the cache's size bound: its {@link #entrySize()} plus a fixed
   * overhead and the strings (the content type, the model, a kept response's id).
   */
  public long weight() {
    String id = response == null ? null : response.id();
    long strings = 2L * ((contentType == null ? 0 : contentType.length()) + (model == null ? 0 : model.length())
        + (id == null ? 0 : id.length()));
    return entrySize() + FIXED_OVERHEAD + strings;
  }

  /**
   * What counts against {@link ExactCacheConfig#maxEntryBytes()}: the bytes plus {@link
   * #PART_OVERHEAD} per chunk, the measure {@link AnswerRecorder} applies while recording.
   */
  public long entrySize() {
    return byteCount + (long) PART_OVERHEAD * parts.length;
  }

  /** The parts themselves, for {@link AnswerReplay} only: never to be written to. */
  byte[][] parts() {
    return parts;
  }

  @Override
  public String toString() {
    // The content stays out: this string may end up in logs.
    return "CachedAnswer{status=" + status
        + ", contentType=" + contentType
        + ", streamed=" + streamed
        + ", model=" + model
        + ", usage=" + usage
        + ", bytes=" + byteCount
        + ", chunks=" + parts.length
        + '}';
  }
}
