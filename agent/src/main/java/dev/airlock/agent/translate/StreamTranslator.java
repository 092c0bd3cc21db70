package dev.airlock.agent.translate;

/**
 * Translates one streamed response, event by event, from the target's Server-Sent Events into the
 * application's.
 *
 * <p>Obtained from {@link Translation#stream(TranslatedRequest)}, one per call. Feed it the events
 * that a {@link dev.airlock.agent.codec.SseParser} frames from the target's body, in order, and
 * write what it returns to the application as it comes: every returned array holds zero or more
 * <em>complete</em> SSE events of the application's format, so the application's time to first
 * token is the target's plus the (small) translation cost.
 *
 * <p>A stream that the target cuts short (no {@code [DONE]}, {@code message_stop} or final
 * {@code finishReason}) is passed on cut short: {@link #finish()} then adds nothing, so the
 * application's SDK and Airlock's own {@link dev.airlock.agent.codec.StreamAccumulator} see a cut
 * stream rather than a forged clean ending. An error event of the target becomes an error event of
 * the application's format and ends the translated stream.
 *
 * <p>Not thread-safe: call it from one thread at a time, as the stream is read.
 */
public interface StreamTranslator {

  /**
   * Takes one event of the target's stream.
   *
   * @param eventName the SSE {@code event:} name (Anthropic's {@code message_start}, ...), or null
   *     when the stream has none (OpenAI, Gemini)
   * @param data the event's joined {@code data:} value; null for keep-alive comments and other
   *     data-less blocks, which produce nothing
   * @return the application's SSE bytes for this event: complete events, possibly several, often
   *     none (an empty array, never null)
   */
  byte[] onEvent(String eventName, String data);

  /**
   * The target's stream has ended.
   *
   * @return trailing application bytes not yet sent, e.g. OpenAI's finish chunk and {@code data:
   *     [DONE]} or Anthropic's {@code message_delta} and {@code message_stop}, when the target's
   *     ending has not already produced them; empty when the target's stream was cut short or they
   *     were already sent. Never null. Calling it again returns an empty array.
   */
  byte[] finish();
}
