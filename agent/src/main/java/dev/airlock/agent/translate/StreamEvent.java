package dev.airlock.agent.translate;

import dev.airlock.agent.codec.Usage;

/**
 * One step of a streamed answer in the canonical model: what a target stream reader emits and an
 * application stream writer consumes.
 *
 * <p>The sequence is {@code START}, then any mix of {@code TEXT} and tool calls ({@code
 * TOOL_START}, {@code TOOL_ARGS}..., {@code TOOL_END}), then exactly one {@code FINISH}; or an
 * {@code ERROR} at any point, which ends it. Tool calls are numbered by {@link #index} in the
 * target's own numbering (OpenAI tool index, Anthropic block index, Gemini part position); writers
 * renumber for their format. Immutable.
 */
final class StreamEvent {

  enum Kind {
    /** The answer begins: {@link #id}, {@link #model}, and the usage known so far (input, for Anthropic and Gemini). */
    START,
    /** A piece of generated text. */
    TEXT,
    /** A tool call begins: {@link #index}, {@link #toolId} (null when the target has none), {@link #toolName}. */
    TOOL_START,
    /** A fragment of the tool call's arguments JSON ({@link #text}). */
    TOOL_ARGS,
    /** The tool call {@link #index} is complete. */
    TOOL_END,
    /** The answer is complete: {@link #finishReason}, {@link #stopSequence}, final {@link #usage}. */
    FINISH,
    /** The target reported an error mid-stream: {@link #error}. */
    ERROR
  }

  final Kind kind;
  final String id;
  final String model;
  final Usage usage;
  final String text;
  final int index;
  final String toolId;
  final String toolName;
  final FinishReason finishReason;
  final String stopSequence;
  final ErrorBodies.Info error;

  private StreamEvent(
      Kind kind,
      String id,
      String model,
      Usage usage,
      String text,
      int index,
      String toolId,
      String toolName,
      FinishReason finishReason,
      String stopSequence,
      ErrorBodies.Info error) {
    this.kind = kind;
    this.id = id;
    this.model = model;
    this.usage = usage;
    this.text = text;
    this.index = index;
    this.toolId = toolId;
    this.toolName = toolName;
    this.finishReason = finishReason;
    this.stopSequence = stopSequence;
    this.error = error;
  }

  static StreamEvent start(String id, String model, Usage usage) {
    return new StreamEvent(Kind.START, id, model, usage, null, 0, null, null, null, null, null);
  }

  static StreamEvent text(String text) {
    return new StreamEvent(Kind.TEXT, null, null, null, text, 0, null, null, null, null, null);
  }

  static StreamEvent toolStart(int index, String toolId, String toolName) {
    return new StreamEvent(Kind.TOOL_START, null, null, null, null, index, toolId, toolName, null, null, null);
  }

  static StreamEvent toolArgs(int index, String fragment) {
    return new StreamEvent(Kind.TOOL_ARGS, null, null, null, fragment, index, null, null, null, null, null);
  }

  static StreamEvent toolEnd(int index) {
    return new StreamEvent(Kind.TOOL_END, null, null, null, null, index, null, null, null, null, null);
  }

  static StreamEvent finish(FinishReason reason, String stopSequence, Usage usage) {
    return new StreamEvent(Kind.FINISH, null, null, usage, null, 0, null, null, reason, stopSequence, null);
  }

  static StreamEvent error(ErrorBodies.Info error) {
    return new StreamEvent(Kind.ERROR, null, null, null, null, 0, null, null, null, null, error);
  }

  @Override
  public String toString() {
    switch (kind) {
      case START:
        return "START(" + id + ", " + model + ", " + usage + ")";
      case TEXT:
        return "TEXT(" + text + ")";
      case TOOL_START:
        return "TOOL_START(" + index + ", " + toolId + ", " + toolName + ")";
      case TOOL_ARGS:
        return "TOOL_ARGS(" + index + ", " + text + ")";
      case TOOL_END:
        return "TOOL_END(" + index + ")";
      case FINISH:
        return "FINISH(" + finishReason + ", " + usage + ")";
      default:
        return "ERROR(" + error + ")";
    }
  }
}
