package dev.airlock.agent.translate;

import dev.airlock.agent.codec.WireFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells when a target's stream has carried its first piece of answer (text or a tool call), as
 * opposed to preliminaries such as OpenAI's role chunk or Anthropic's {@code message_start}.
 * Routing commits to a stream there: one that breaks off before it has given the application
 * nothing worth keeping, and can still fail over.
 *
 * <p>Not thread-safe; one per stream.
 */
public final class StreamContentProbe {

  private final StreamDecoder decoder;
  private final List<StreamEvent> events = new ArrayList<>(4);
  private boolean sawContent;

  private StreamContentProbe(StreamDecoder decoder) {
    this.decoder = decoder;
  }

  /** A probe for a stream in {@code format}. */
  public static StreamContentProbe of(WireFormat format) {
    return new StreamContentProbe(Translation.decoderFor(format));
  }

  /** Takes one event of the stream; returns whether the stream has carried content by now. */
  public boolean onEvent(String eventName, String data) {
    if (sawContent || data == null) {
      return sawContent;
    }
    events.clear();
    try {
      decoder.onEvent(eventName, data, events);
    } catch (RuntimeException unreadable) {
      // An event the decoder cannot read is content to the application all the same.
      sawContent = true;
      return true;
    }
    for (StreamEvent event : events) {
      if (event.kind != StreamEvent.Kind.START) {
        sawContent = true;
      }
    }
    return sawContent;
  }
}
