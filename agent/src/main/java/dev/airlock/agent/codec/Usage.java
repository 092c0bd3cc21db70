package dev.airlock.agent.codec;

/**
 * Token usage of one call, normalized to the meaning of the OpenTelemetry GenAI semantic
 * conventions whatever the provider reported.
 *
 * <p>Providers disagree on whether cached prompt tokens are part of the input count: OpenAI and
 * Gemini include them, Anthropic reports them beside {@code input_tokens}. Here {@link
 * #inputTokens()} always includes them, so {@code gen_ai.usage.input_tokens} means the same for
 * every provider and cost can be computed as "uncached input + cache reads + cache writes".
 *
 * <p>Immutable and thread-safe.
 */
public final class Usage {

  private final long inputTokens;
  private final long outputTokens;
  private final long cacheReadInputTokens;
  private final long cacheCreationInputTokens;
  private final long reasoningOutputTokens;

  private Usage(long input, long output, long cacheRead, long cacheCreation, long reasoning) {
    this.inputTokens = input;
    this.outputTokens = output;
    this.cacheReadInputTokens = cacheRead;
    this.cacheCreationInputTokens = cacheCreation;
    this.reasoningOutputTokens = reasoning;
  }

  /**
   * A usage with already-normalized numbers.
   *
   * @param inputTokens all input tokens, including cache reads and cache writes
   * @param outputTokens all output tokens, including reasoning tokens
   * @param cacheReadInputTokens the part of the input read from a prompt cache
   * @param cacheCreationInputTokens the part of the input written to a prompt cache
   * @param reasoningOutputTokens the part of the output spent on reasoning/thinking
   * @throws IllegalArgumentException when a count is negative
   */
  public static Usage of(
      long inputTokens,
      long outputTokens,
      long cacheReadInputTokens,
      long cacheCreationInputTokens,
      long reasoningOutputTokens) {
    if (inputTokens < 0
        || outputTokens < 0
        || cacheReadInputTokens < 0
        || cacheCreationInputTokens < 0
        || reasoningOutputTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
    return new Usage(
        inputTokens, outputTokens, cacheReadInputTokens, cacheCreationInputTokens, reasoningOutputTokens);
  }

  /**
   * All input tokens, including cache reads and cache writes: OpenAI {@code prompt_tokens} /
   * {@code input_tokens} as reported; Anthropic {@code input_tokens + cache_read_input_tokens +
   * cache_creation_input_tokens}; Gemini {@code promptTokenCount} (+ {@code toolUsePromptTokenCount}).
   */
  public long inputTokens() {
    return inputTokens;
  }

  /**
   * All output tokens: OpenAI {@code completion_tokens} / {@code output_tokens}; Anthropic {@code
   * output_tokens} (for streams the final cumulative count of {@code message_delta}); Gemini {@code
   * candidatesTokenCount + thoughtsTokenCount}.
   */
  public long outputTokens() {
    return outputTokens;
  }

  /** Input tokens served from a prompt cache (OpenAI {@code cached_tokens}, Anthropic {@code cache_read_input_tokens}, Gemini {@code cachedContentTokenCount}). */
  public long cacheReadInputTokens() {
    return cacheReadInputTokens;
  }

  /** Input tokens written to a prompt cache (Anthropic {@code cache_creation_input_tokens}; 0 elsewhere). */
  public long cacheCreationInputTokens() {
    return cacheCreationInputTokens;
  }

  /** Output tokens spent on reasoning (OpenAI {@code reasoning_tokens}, Gemini {@code thoughtsTokenCount}; 0 for Anthropic, which does not report them apart). */
  public long reasoningOutputTokens() {
    return reasoningOutputTokens;
  }

  /** {@code inputTokens() + outputTokens()}. */
  public long totalTokens() {
    return inputTokens + outputTokens;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Usage)) {
      return false;
    }
    Usage u = (Usage) o;
    return inputTokens == u.inputTokens
        && outputTokens == u.outputTokens
        && cacheReadInputTokens == u.cacheReadInputTokens
        && cacheCreationInputTokens == u.cacheCreationInputTokens
        && reasoningOutputTokens == u.reasoningOutputTokens;
  }

  @Override
  public int hashCode() {
    long h = inputTokens;
    h = 31 * h + outputTokens;
    h = 31 * h + cacheReadInputTokens;
    h = 31 * h + cacheCreationInputTokens;
    h = 31 * h + reasoningOutputTokens;
    return Long.hashCode(h);
  }

  @Override
  public String toString() {
    return "Usage{input=" + inputTokens
        + ", output=" + outputTokens
        + ", cacheRead=" + cacheReadInputTokens
        + ", cacheCreation=" + cacheCreationInputTokens
        + ", reasoning=" + reasoningOutputTokens
        + '}';
  }
}
