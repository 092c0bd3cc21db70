package dev.airlock.agent.codec;

/**
 * The kind of model operation a call performs, named as the OpenTelemetry GenAI semantic
 * conventions name it in {@code gen_ai.operation.name}.
 */
public enum Operation {
  CHAT("chat"),
  EMBEDDINGS("embeddings"),
  GENERATE_CONTENT("generate_content"),
  TEXT_COMPLETION("text_completion");

  private final String semconvName;

  Operation(String semconvName) {
    this.semconvName = semconvName;
  }

  /** The value for the {@code gen_ai.operation.name} attribute, e.g. {@code "chat"}. */
  public String semconvName() {
    return semconvName;
  }
}
