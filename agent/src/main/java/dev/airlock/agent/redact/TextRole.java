package dev.airlock.agent.redact;

/** Who wrote a piece of request text; the injection guardrail weighs them differently. */
public enum TextRole {
  /** The end user's (or the application's) message. */
  USER,
  /** System or developer instructions. */
  SYSTEM,
  /** What the model said earlier in the conversation. */
  ASSISTANT,
  /** A tool's result fed back to the model: data, not instructions. */
  TOOL_RESULT,
  /** Text to embed. */
  EMBEDDING_INPUT
}
