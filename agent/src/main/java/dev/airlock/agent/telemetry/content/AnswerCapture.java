package dev.airlock.agent.telemetry.content;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.codec.Endpoint;
import io.opentelemetry.api.trace.Span;

/**
 * The answer side of one call's content capture: fed a stream's events as they pass, then
 * finished once, with the whole answer when it was not streamed. It reads the provider's answer;
 * what the application received differs from it only by values the redactor masks either way
 * (restored pseudonyms, masked output). Methods are synchronized: a stream's events and its end
 * may come from different threads.
 */
public final class AnswerCapture {

  private final Endpoint endpoint;
  private final ContentRedactor redactor;
  private final int maxBytes;
  private StreamedOutput stream;
  private boolean finished;

  AnswerCapture(Endpoint endpoint, ContentRedactor redactor, int maxBytes) {
    this.endpoint = endpoint;
    this.redactor = redactor;
    this.maxBytes = maxBytes;
  }

  /** One SSE event of a streamed answer. */
  public synchronized void onEvent(String data) {
    if (finished) {
      return;
    }
    if (stream == null) {
      stream = new StreamedOutput(endpoint, redactor);
    }
    stream.onEvent(data);
  }

  /**
   * Records the answer on {@code span}: the assembled stream, or {@code wholeAnswer}.
   *
   * @param wholeAnswer the non-streamed body, or null (a stream, or a body too large to keep)
   */
  public synchronized void finish(Span span, byte[] wholeAnswer) {
    if (finished) {
      return;
    }
    finished = true;
    try {
      if (stream != null) {
        ContentCapture.recordOutput(span, stream.messages(), maxBytes);
      } else if (wholeAnswer != null && wholeAnswer.length > 0) {
        ContentCapture.recordOutput(span, OutputMessages.of(endpoint, Parts.JSON.readTree(wholeAnswer), redactor),
            maxBytes);
      }
    } catch (java.io.IOException | RuntimeException unreadable) {
      AgentLog.debug("capturing an answer's content failed; the span goes without it", unreadable);
    }
  }
}
