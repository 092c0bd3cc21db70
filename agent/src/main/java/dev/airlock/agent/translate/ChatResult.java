package dev.airlock.agent.translate;

import dev.airlock.agent.codec.Usage;
import java.util.List;

/**
 * A complete (non-streamed) model answer in the canonical model: the TEXT and TOOL_CALL parts in
 * the order the model produced them, why it stopped, and usage. Thinking/reasoning content is not
 * carried (no other format could take it back); its tokens remain in the usage.
 */
final class ChatResult {

  /** The target's response id, or null. */
  final String id;
  /** The model that served the call as the target reported it, or null. */
  final String model;
  final List<Part> parts;
  final FinishReason finishReason;
  /** The matched stop sequence (Anthropic only), or null. */
  final String stopSequence;
  /** Normalized usage (input includes cache reads and writes), or null when the target reported none. */
  final Usage usage;

  ChatResult(String id, String model, List<Part> parts, FinishReason finishReason, String stopSequence, Usage usage) {
    this.id = id;
    this.model = model;
    this.parts = parts;
    this.finishReason = finishReason;
    this.stopSequence = stopSequence;
    this.usage = usage;
  }

  /** The concatenated text parts, or null when there are none. */
  String text() {
    StringBuilder sb = null;
    for (Part p : parts) {
      if (p.kind == Part.Kind.TEXT) {
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(p.text);
      }
    }
    return sb == null ? null : sb.toString();
  }
}
