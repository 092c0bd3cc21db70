package dev.airlock.agent.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/** Recorded payloads under {@code src/test/resources/payloads/}, and SSE replay in chosen piece sizes. */
final class Fixtures {

  private Fixtures() {}

  static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/payloads/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** One event as the parser delivered it. */
  static final class Event {
    final String name;
    final String data;
    final byte[] raw;

    Event(String name, String data, byte[] raw) {
      this.name = name;
      this.data = data;
      this.raw = raw;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Event && Objects.equals(name, ((Event) o).name) && Objects.equals(data, ((Event) o).data);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, data);
    }

    @Override
    public String toString() {
      return "Event{" + name + ", " + data + '}';
    }
  }

  /** What a replay produced: the events with data, every raw byte delivered, and the accumulated response. */
  static final class Replay {
    final List<Event> events = new ArrayList<>();
    final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    LlmResponse response;
    boolean terminal;
    long oversize;
  }

  /** Splits input into pieces: a fixed size, or seeded random sizes when {@code size <= 0}. */
  static List<int[]> pieces(int length, int size, long seed) {
    List<int[]> out = new ArrayList<>();
    Random random = new Random(seed);
    int off = 0;
    while (off < length) {
      int n = size > 0 ? size : 1 + random.nextInt(11);
      n = Math.min(n, length - off);
      out.add(new int[] {off, n});
      off += n;
    }
    return out;
  }

  static Replay replay(byte[] stream, Endpoint endpoint, int pieceSize, int maxEventBytes) {
    return replay(stream, endpoint, pieces(stream.length, pieceSize, 42), maxEventBytes);
  }

  static Replay replay(byte[] stream, Endpoint endpoint, List<int[]> pieces, int maxEventBytes) {
    Replay r = new Replay();
    StreamAccumulator acc = endpoint == null ? null : new StreamAccumulator(endpoint);
    SseParser parser =
        new SseParser(
            (name, data, raw) -> {
              r.raw.write(raw, 0, raw.length);
              if (data != null) {
                r.events.add(new Event(name, data, raw));
              }
              if (acc != null) {
                acc.onEvent(name, data);
              }
            },
            maxEventBytes);
    for (int[] piece : pieces) {
      // Copy each piece into its own array, as a network read would: the parser must not rely on
      // seeing neighbouring bytes.
      byte[] copy = new byte[piece[1]];
      System.arraycopy(stream, piece[0], copy, 0, piece[1]);
      parser.feed(copy, 0, copy.length);
    }
    parser.finish();
    r.oversize = parser.oversizeEvents();
    if (acc != null) {
      r.response = acc.result();
      r.terminal = acc.sawTerminalEvent();
    }
    return r;
  }
}
