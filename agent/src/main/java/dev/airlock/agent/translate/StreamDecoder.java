package dev.airlock.agent.translate;

import java.util.List;

/**
 * Reads one target's stream, event by event, into canonical {@link StreamEvent}s. One per stream;
 * not thread-safe. Implementations keep only what the next events need (open tool calls, the stop
 * reason seen so far), never the generated text.
 */
interface StreamDecoder {

  /**
   * @param eventName the SSE event name, or null
   * @param data the event's data (never null: data-less events are not passed on)
   * @param out receives the canonical events, in order
   */
  void onEvent(String eventName, String data, List<StreamEvent> out);

  /**
   * The target's stream has ended. Emits {@link StreamEvent.Kind#FINISH} when the target's stream
   * ended properly but its terminal event did not (yet) produce one; nothing for a stream cut
   * short, so that the application sees it cut short too.
   */
  void finish(List<StreamEvent> out);
}
