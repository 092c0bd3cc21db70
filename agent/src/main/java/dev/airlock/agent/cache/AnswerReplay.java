package dev.airlock.agent.cache;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns a {@link CachedAnswer} back into what the application reads, without parsing or copying
 * the stored bytes: a replay only wraps them.
 *
 * <p>For a stream every piece is one recorded chunk, in order, so the application sees the same
 * framing it saw the first time (an SDK that reads one SSE event per chunk keeps working, and a
 * chunk boundary that fell inside an event still does). For a whole body there is one piece. The
 * replay is immediate: it does not imitate the original's timing. Stateless and thread-safe; each
 * call returns new, independent views, so any number of replays of one answer may run at once.
 */
public final class AnswerReplay {

  private AnswerReplay() {}

  /**
   * The answer as a stream whose every {@code read(byte[], int, int)} returns at most the rest of
   * the current recorded chunk, so reads with a large buffer still see the original chunking.
   */
  public static InputStream inputStream(CachedAnswer answer) {
    return new ChunkedInputStream(answer.parts());
  }

  /**
   * The answer as read-only buffers, one per recorded chunk (one for a whole body), each a view of
   * the stored bytes; for transports that take buffers (e.g. the JDK HttpClient's body subscribers).
   */
  public static List<ByteBuffer> buffers(CachedAnswer answer) {
    byte[][] parts = answer.parts();
    if (parts.length == 1) {
      return Collections.singletonList(ByteBuffer.wrap(parts[0]).asReadOnlyBuffer());
    }
    List<ByteBuffer> out = new ArrayList<>(parts.length);
    for (byte[] part : parts) {
      out.add(ByteBuffer.wrap(part).asReadOnlyBuffer());
    }
    return Collections.unmodifiableList(out);
  }

  /** All bytes of the answer in one new array (a stream's chunks joined), for a transport that needs a whole body. */
  public static byte[] bytes(CachedAnswer answer) {
    byte[][] parts = answer.parts();
    if (parts.length == 1) {
      return parts[0].clone();
    }
    byte[] out = new byte[Math.toIntExact(answer.byteCount())];
    int o = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, o, part.length);
      o += part.length;
    }
    return out;
  }

  /** Reads the parts in order and never across a part's end in one call. Not thread-safe, like any stream. */
  private static final class ChunkedInputStream extends InputStream {
    private final byte[][] parts;
    private int part;
    private int pos;

    ChunkedInputStream(byte[][] parts) {
      this.parts = parts;
      skipEmpty();
    }

    @Override
    public int read() {
      if (part >= parts.length) {
        return -1;
      }
      int b = parts[part][pos++] & 0xff;
      skipEmpty();
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (off < 0 || len < 0 || len > b.length - off) {
        throw new IndexOutOfBoundsException("off=" + off + " len=" + len + " length=" + b.length);
      }
      if (len == 0) {
        return 0;
      }
      if (part >= parts.length) {
        return -1;
      }
      byte[] current = parts[part];
      int n = Math.min(len, current.length - pos);
      System.arraycopy(current, pos, b, off, n);
      pos += n;
      skipEmpty();
      return n;
    }

    @Override
    public long skip(long n) {
      long skipped = 0;
      while (n > skipped && part < parts.length) {
        int step = (int) Math.min(n - skipped, parts[part].length - pos);
        pos += step;
        skipped += step;
        skipEmpty();
      }
      return skipped;
    }

    /** What is left of the current chunk: what one read returns at most, without blocking. */
    @Override
    public int available() {
      return part >= parts.length ? 0 : parts[part].length - pos;
    }

    @Override
    public void close() {
      part = parts.length;
      pos = 0;
    }

    /** Moves past a finished part (and any empty ones), so {@link #available()} is never 0 mid-stream. */
    private void skipEmpty() {
      while (part < parts.length && pos >= parts[part].length) {
        part++;
        pos = 0;
      }
    }
  }
}
