package dev.airlock.agent.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Incremental, bounded Server-Sent Events framing, per the WHATWG HTML "event stream"
 * interpretation rules.
 *
 * <p>Raw bytes are fed in pieces of any size, as they come off the wire; complete events are
 * handed to the {@link Listener} together with their exact bytes, so a caller can forward (or
 * withhold) the original bytes event by event. The rules followed:
 *
 * <ul>
 *   <li>Lines end in {@code \n}, {@code \r\n} or {@code \r}; a {@code \r} ending one piece and a
 *       {@code \n} starting the next are one line end.
 *   <li>{@code data:} lines are joined with {@code \n}; one space after the colon is removed; a
 *       line without a colon is a field with an empty value; lines starting with {@code :} are
 *       comments; {@code event:} sets the event name; {@code id:} and {@code retry:} are ignored.
 *   <li>A blank line ends an event. A UTF-8 byte order mark at the very start is ignored.
 *   <li>Text is decoded only once a line is complete, so a multi-byte UTF-8 character split across
 *       pieces is never broken (CR and LF bytes cannot occur inside a multi-byte sequence).
 * </ul>
 *
 * <p><b>Every byte is delivered exactly once</b>, and concatenating the {@code raw} arrays of all
 * calls gives back the input: blocks without data (keep-alive comments, stray blank lines) are
 * delivered too, with {@code data == null}. When a {@code \r} that ends an event is the last byte
 * of a piece, the event is delivered at once rather than held back to see whether a {@code \n}
 * follows (holding it would delay the application's stream); such a {@code \n} then opens the
 * {@code raw} of the next delivery.
 *
 * <p><b>Bound:</b> at most about {@code maxEventBytes} bytes are held. An event that grows beyond
 * the cap is not interpreted: the bytes held so far, and then the rest of that event as it
 * arrives, are delivered as raw-only pieces ({@code eventName == null, data == null}), so the
 * stream still reaches the application intact; parsing resumes after the blank line that ends the
 * oversize event. {@link #oversizeEvents()} counts them.
 *
 * <p>Not thread-safe: one parser per stream, fed from one thread at a time.
 */
public final class SseParser {

  /** Receives what the parser frames. */
  public interface Listener {
    /**
     * One event, or one raw-only piece.
     *
     * @param eventName the {@code event:} value, or null when the event has none
     * @param data the joined {@code data:} values, or null when there are none (comment-only or
     *     empty blocks, oversize pieces): such calls exist only to pass the raw bytes on
     * @param raw the exact bytes of the event including its blank-line terminator; a fresh array
     *     the listener may keep
     */
    void onEvent(String eventName, String data, byte[] raw);
  }

  private static final int INITIAL_CAPACITY = 512;
  /** A buffer grown beyond this for one big event is dropped afterwards rather than kept for the whole stream. */
  private static final int RETAINED_CAPACITY = 64 * 1024;
  private static final byte[] NO_BYTES = new byte[0];

  private final Listener listener;
  private final int maxEventBytes;

  /** The bytes of the event in progress. */
  private byte[] buf = new byte[INITIAL_CAPACITY];
  private int len;
  /** Index in {@link #buf} where the current (incomplete) line starts. */
  private int lineStart;
  /** The last byte seen was a CR that ended a line: a following LF is part of that line end. */
  private boolean afterCr;
  private boolean atStreamStart = true;

  private String eventName;
  /**
   * The event's first {@code data:} value, and the values joined once a second one comes (null
   * until then): most events have one data line, which then goes out as decoded, not copied
   * through a builder.
   */
  private String firstData;
  private StringBuilder data;

  /** The current event outgrew the cap: its bytes are passed on raw until its blank line. */
  private boolean overflow;
  private boolean overflowLineEmpty;
  private long oversizeEvents;

  private byte[] scratch;
  /** Events are delivered with their raw bytes only: their fields are not decoded. */
  private boolean framingOnly;

  /**
   * @param listener receives events; must not throw (an exception leaves the parser in an
   *     undefined state) and must not call back into this parser
   * @param maxEventBytes the most bytes one event may take before it is passed on uninterpreted
   */
  public SseParser(Listener listener, int maxEventBytes) {
    if (listener == null) {
      throw new NullPointerException("listener");
    }
    if (maxEventBytes <= 0) {
      throw new IllegalArgumentException("maxEventBytes must be positive: " + maxEventBytes);
    }
    this.listener = listener;
    this.maxEventBytes = maxEventBytes;
  }

  /**
   * From the next event on, delivers events with their raw bytes only ({@code eventName} and {@code
   * data} null), decoding no field: for a reader that still needs whole events but no longer their
   * content (a routed stream passed on unchanged once it has carried its first answer). Not to be
   * called from the listener.
   */
  public void framingOnly() {
    framingOnly = true;
  }

  /** Feeds {@code count} bytes of {@code bytes} from {@code off}; the array is not kept. */
  public void feed(byte[] bytes, int off, int count) {
    if (off < 0 || count < 0 || off + count > bytes.length) {
      throw new IndexOutOfBoundsException("off=" + off + " count=" + count + " length=" + bytes.length);
    }
    int end = off + count;
    int i = off;
    int passFrom = off; // overflow mode: first byte of this piece not yet passed on
    while (i < end) {
      byte c = bytes[i];
      if (afterCr) {
        afterCr = false;
        if (c == '\n') {
          if (!overflow) {
            // Second half of a CRLF whose CR ended the previous line in an earlier piece.
            append(bytes, i, 1);
            lineStart = len;
          }
          i++;
          continue;
        }
      }
      if (overflow) {
        i++;
        if (c == '\n' || c == '\r') {
          if (c == '\r') {
            if (i < end) {
              if (bytes[i] == '\n') {
                i++;
              }
            } else {
              afterCr = true;
            }
          }
          if (overflowLineEmpty) {
            deliverRaw(bytes, passFrom, i - passFrom);
            passFrom = i;
            overflow = false;
            resetEvent();
          }
          overflowLineEmpty = true;
        } else {
          overflowLineEmpty = false;
        }
        continue;
      }
      int j = i;
      while (j < end && bytes[j] != '\n' && bytes[j] != '\r') {
        j++;
      }
      if (j > i) {
        if (!fits(j - i)) {
          passFrom = enterOverflow(i);
          continue;
        }
        append(bytes, i, j - i);
        i = j;
        if (i == end) {
          break;
        }
      }
      // bytes[i] is CR or LF.
      int terminator = 1;
      boolean crAtPieceEnd = false;
      if (bytes[i] == '\r') {
        if (i + 1 < end) {
          if (bytes[i + 1] == '\n') {
            terminator = 2;
          }
        } else {
          crAtPieceEnd = true;
        }
      }
      if (!fits(terminator)) {
        passFrom = enterOverflow(i);
        continue;
      }
      int contentEnd = len;
      append(bytes, i, terminator);
      i += terminator;
      afterCr = crAtPieceEnd;
      endOfLine(lineStart, contentEnd);
    }
    if (overflow && passFrom < end) {
      deliverRaw(bytes, passFrom, end - passFrom);
    }
  }

  /** Feeds the remaining bytes of {@code buffer} without changing its position or limit. */
  public void feed(ByteBuffer buffer) {
    if (buffer.hasArray()) {
      feed(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
      return;
    }
    ByteBuffer view = buffer.duplicate();
    if (scratch == null) {
      scratch = new byte[8192];
    }
    while (view.hasRemaining()) {
      int n = Math.min(view.remaining(), scratch.length);
      view.get(scratch, 0, n);
      feed(scratch, 0, n);
    }
  }

  /** A copy of the bytes of the incomplete event held back so far (empty while an oversize event is being passed on). */
  public byte[] pending() {
    return len == 0 ? NO_BYTES : Arrays.copyOf(buf, len);
  }

  /**
   * End of stream: a final event without its blank line (e.g. a last {@code data: [DONE]} cut
   * short) is delivered as if it were terminated, and any other held bytes are delivered raw. The
   * parser is then ready for a new stream.
   */
  public void finish() {
    afterCr = false;
    if (overflow) {
      overflow = false;
      resetEvent();
      return;
    }
    if (len == 0) {
      return;
    }
    if (len > lineStart) {
      processField(lineStart, len);
    }
    dispatch();
  }

  /** How many events outgrew {@code maxEventBytes} and were passed on uninterpreted. */
  public long oversizeEvents() {
    return oversizeEvents;
  }

  private boolean fits(int more) {
    return len + more <= maxEventBytes;
  }

  /** Hands the held bytes on and switches to pass-through for the rest of the event; returns where passing resumes. */
  private int enterOverflow(int resumeAt) {
    oversizeEvents++;
    overflowLineEmpty = len == lineStart;
    if (len > 0) {
      byte[] raw = Arrays.copyOf(buf, len);
      len = 0;
      lineStart = 0;
      listener.onEvent(null, null, raw);
    }
    overflow = true;
    eventName = null;
    firstData = null;
    data = null;
    return resumeAt;
  }

  private void deliverRaw(byte[] bytes, int off, int n) {
    if (n > 0) {
      listener.onEvent(null, null, Arrays.copyOfRange(bytes, off, off + n));
    }
  }

  private void append(byte[] bytes, int off, int n) {
    if (len + n > buf.length) {
      // Double, but never past the cap (+2 for a line terminator), computed in long to not overflow.
      long doubled = Math.min((long) buf.length * 2, (long) maxEventBytes + 2);
      buf = Arrays.copyOf(buf, (int) Math.max(doubled, (long) len + n));
    }
    System.arraycopy(bytes, off, buf, len, n);
    len += n;
  }

  private void endOfLine(int start, int end) {
    if (atStreamStart) {
      atStreamStart = false;
      if (end - start >= 3 && buf[start] == (byte) 0xEF && buf[start + 1] == (byte) 0xBB && buf[start + 2] == (byte) 0xBF) {
        start += 3;
      }
    }
    if (start == end) {
      dispatch();
      return;
    }
    processField(start, end);
    lineStart = len;
  }

  private void processField(int start, int end) {
    if (framingOnly || buf[start] == ':') {
      return; // nothing wanted of it, or a comment
    }
    int colon = start;
    while (colon < end && buf[colon] != ':') {
      colon++;
    }
    int valueStart = colon < end ? colon + 1 : end;
    if (valueStart < end && buf[valueStart] == ' ') {
      valueStart++;
    }
    int nameLength = colon - start;
    if (nameLength == 4 && buf[start] == 'd' && buf[start + 1] == 'a' && buf[start + 2] == 't' && buf[start + 3] == 'a') {
      String value = new String(buf, valueStart, end - valueStart, StandardCharsets.UTF_8);
      if (firstData == null) {
        firstData = value;
      } else {
        if (data == null) {
          data = new StringBuilder(firstData.length() + value.length() + 16).append(firstData);
        }
        data.append('\n').append(value);
      }
    } else if (nameLength == 5
        && buf[start] == 'e' && buf[start + 1] == 'v' && buf[start + 2] == 'e' && buf[start + 3] == 'n' && buf[start + 4] == 't') {
      eventName = new String(buf, valueStart, end - valueStart, StandardCharsets.UTF_8);
    }
    // id, retry and unknown fields: nothing Airlock needs.
  }

  private void dispatch() {
    byte[] raw = Arrays.copyOf(buf, len);
    String name = eventName;
    String joined = null;
    if (data != null) {
      joined = data.toString();
    } else if (firstData != null && !firstData.isEmpty()) {
      // One empty data line is no data (the spec's final LF removed from "\n" leaves nothing).
      joined = firstData;
    }
    resetEvent();
    listener.onEvent(name, joined, raw);
  }

  private void resetEvent() {
    len = 0;
    lineStart = 0;
    eventName = null;
    firstData = null;
    data = null;
    if (buf.length > RETAINED_CAPACITY) {
      buf = new byte[INITIAL_CAPACITY];
    }
  }
}
