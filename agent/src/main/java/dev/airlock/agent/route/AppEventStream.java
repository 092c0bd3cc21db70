package dev.airlock.agent.route;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.codec.SseParser;
import dev.airlock.agent.translate.StreamContentProbe;
import dev.airlock.agent.translate.StreamTranslator;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A target's event stream as the application must read it: whole events only (translated into the
 * application's format when the target speaks another), so that a failure can always be followed
 * by a well-formed error event instead of half an event.
 *
 * <p>{@link #awaitFirstEvent()} reads until the stream has carried its first piece of answer (text,
 * a tool call, its end; see {@link StreamContentProbe}): a stream that fails before that has given
 * the application nothing worth keeping and can still fail over. A failure after it (a cut
 * connection, the idle timeout) ends the stream with {@code failureEvent} and a clean end of
 * stream, never a hang or an exception in the middle of an event.
 */
final class AppEventStream extends InputStream {

  private static final int MAX_EVENT_BYTES = 1024 * 1024;

  private final InputStream upstream;
  private final StreamTranslator translator;
  private final StreamContentProbe probe;
  private boolean sawContent;
  private final SseParser parser;
  /** Built only when a stream breaks off: most never do, and building it cost a JSON write per stream. */
  private final Supplier<byte[]> failureEvent;
  private final byte[] readBuffer = new byte[8192];
  /**
   * The whole events not yet read by the application, in {@code [readyStart, readyEnd)}. Read
   * straight from here: copying them out per fill cost a fresh array each time.
   */
  private byte[] ready = new byte[8192];
  private int readyStart;
  private int readyEnd;
  private boolean upstreamDone;
  private boolean delivered;
  private boolean closed;

  /**
   * @param translator the target-to-application translator, or null when both speak one format
   * @param failureEvent what ends the stream if the target fails after the first event
   */
  AppEventStream(InputStream upstream, StreamTranslator translator, StreamContentProbe probe,
      Supplier<byte[]> failureEvent) {
    this.upstream = upstream;
    this.translator = translator;
    this.probe = probe;
    this.failureEvent = failureEvent;
    this.parser = new SseParser(this::onEvent, MAX_EVENT_BYTES);
  }

  /**
   * Reads until the application has its first event.
   *
   * @throws IOException when the target fails, or ends, before sending one: the attempt failed
   */
  void awaitFirstEvent() throws IOException {
    while (!sawContent) {
      if (!fill()) {
        if (readyEnd == readyStart) {
          throw new IOException("the stream ended before its first event");
        }
        break; // a complete stream without content (an empty answer) is still an answer
      }
    }
    delivered = true;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (readyEnd == readyStart) {
      if (closed || upstreamDone) {
        return -1;
      }
      fillOrEndWithError();
    }
    int n = Math.min(len, readyEnd - readyStart);
    System.arraycopy(ready, readyStart, b, off, n);
    readyStart += n;
    delivered = true;
    return n;
  }

  /**
   * The bytes of whole events a read returns without waiting, after parsing whatever the target has
   * already sent (so a reader on another thread can take them at once and leave the waiting to
   * whoever reads next).
   */
  @Override
  public int available() throws IOException {
    while (readyEnd == readyStart && !closed && !upstreamDone && upstream.available() > 0) {
      fillOrEndWithError();
    }
    return readyEnd - readyStart;
  }

  /** One read from the target; a failure after the first event ends the stream with the error event. */
  private void fillOrEndWithError() {
    try {
      fill();
    } catch (IOException failure) {
      AgentLog.debug("a routed stream failed after its first event; ending it with an error event", failure);
      upstreamDone = true;
      closeUpstream();
      byte[] error = failureEvent.get();
      append(error, 0, error.length);
    }
  }

  /** Whether the application has been given any byte (or the first event is ready for it). */
  boolean delivered() {
    return delivered;
  }

  /** One read from the target; false at its end. */
  private boolean fill() throws IOException {
    int n = upstream.read(readBuffer, 0, readBuffer.length);
    if (n < 0) {
      upstreamDone = true;
      parser.finish();
      if (translator != null) {
        byte[] tail = translator.finish();
        append(tail, 0, tail.length);
      }
      return readyEnd > readyStart;
    }
    parser.feed(readBuffer, 0, n);
    if (sawContent && translator == null) {
      // Passed on as it came from here on: only the events' bounds matter, not their text.
      parser.framingOnly();
    }
    return true;
  }

  private void onEvent(String eventName, String data, byte[] raw) {
    if (!sawContent) {
      sawContent = probe.onEvent(eventName, data);
    }
    if (translator == null) {
      append(raw, 0, raw.length);
      return;
    }
    byte[] translated = translator.onEvent(eventName, data);
    append(translated, 0, translated.length);
  }

  /** Adds whole events' bytes after those not yet read. */
  private void append(byte[] bytes, int off, int len) {
    if (readyStart == readyEnd) {
      readyStart = 0;
      readyEnd = 0;
    }
    if (readyEnd + len > ready.length) {
      int unread = readyEnd - readyStart;
      byte[] into = unread + len > ready.length ? new byte[Math.max(2 * ready.length, unread + len)] : ready;
      System.arraycopy(ready, readyStart, into, 0, unread);
      ready = into;
      readyStart = 0;
      readyEnd = unread;
    }
    System.arraycopy(bytes, off, ready, readyEnd, len);
    readyEnd += len;
  }

  @Override
  public void close() {
    closed = true;
    closeUpstream();
  }

  private void closeUpstream() {
    try {
      upstream.close();
    } catch (IOException | RuntimeException ignored) {
      // Closing a broken connection can fail; there is nothing left to release.
    }
  }
}
