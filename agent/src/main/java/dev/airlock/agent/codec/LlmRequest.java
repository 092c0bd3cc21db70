package dev.airlock.agent.codec;

import java.util.Collections;
import java.util.List;

/**
 * What Airlock reads from a model request body: which model, whether the answer streams, the
 * sampling parameters reported as {@code gen_ai.request.*} attributes, and the system
 * instructions (for a fingerprint only).
 *
 * <p>Built by {@link RequestCodec#parse}. Every optional parameter is null when the request does
 * not set it, so "absent" and "default" stay distinguishable. Message content other than system
 * instructions is deliberately not kept. Immutable and thread-safe.
 */
public final class LlmRequest {

  private final Endpoint endpoint;
  private final String model;
  private final boolean stream;
  private final boolean streamIncludeUsage;
  private final Double temperature;
  private final Double topP;
  private final Long maxTokens;
  private final Long seed;
  private final Double frequencyPenalty;
  private final Double presencePenalty;
  private final List<String> stopSequences;
  private final Long choiceCount;
  private final Long topK;
  private final String systemPrompt;
  private final String user;

  private LlmRequest(Builder b) {
    this.endpoint = b.endpoint;
    this.model = b.model;
    this.stream = b.stream;
    this.streamIncludeUsage = b.streamIncludeUsage;
    this.temperature = b.temperature;
    this.topP = b.topP;
    this.maxTokens = b.maxTokens;
    this.seed = b.seed;
    this.frequencyPenalty = b.frequencyPenalty;
    this.presencePenalty = b.presencePenalty;
    this.stopSequences = b.stopSequences == null ? null : Collections.unmodifiableList(b.stopSequences);
    this.choiceCount = b.choiceCount;
    this.topK = b.topK;
    this.systemPrompt = b.systemPrompt;
    this.user = b.user;
  }

  /** The endpoint the request was sent to. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /**
   * The requested model: the body's {@code model}; for Gemini the model in the path ({@code
   * .../models/gemini-2.0-flash:generateContent} gives {@code gemini-2.0-flash}); for Azure OpenAI
   * the deployment name from the path when the body has no model. Null when none can be found.
   */
  public String model() {
    return model;
  }

  /** Whether the response will stream: the body's {@code stream} for OpenAI and Anthropic; for Gemini, the {@code streamGenerateContent} endpoint. */
  public boolean stream() {
    return stream;
  }

  /** Whether the body asks for a final usage chunk ({@code stream_options.include_usage: true}, OpenAI chat and completions). */
  public boolean streamIncludeUsage() {
    return streamIncludeUsage;
  }

  /** {@code temperature} (Gemini {@code generationConfig.temperature}), or null. */
  public Double temperature() {
    return temperature;
  }

  /** {@code top_p} (Gemini {@code generationConfig.topP}), or null. */
  public Double topP() {
    return topP;
  }

  /**
   * The output token limit, or null: OpenAI chat {@code max_completion_tokens}, else {@code
   * max_tokens}; Responses {@code max_output_tokens}; Anthropic {@code max_tokens}; Gemini {@code
   * generationConfig.maxOutputTokens}.
   */
  public Long maxTokens() {
    return maxTokens;
  }

  /** {@code seed} (Gemini {@code generationConfig.seed}), or null. */
  public Long seed() {
    return seed;
  }

  /** {@code frequency_penalty} (Gemini {@code generationConfig.frequencyPenalty}), or null. */
  public Double frequencyPenalty() {
    return frequencyPenalty;
  }

  /** {@code presence_penalty} (Gemini {@code generationConfig.presencePenalty}), or null. */
  public Double presencePenalty() {
    return presencePenalty;
  }

  /** OpenAI {@code stop} (a string becomes a one-element list), Anthropic {@code stop_sequences}, Gemini {@code generationConfig.stopSequences}; null when absent. Unmodifiable. */
  public List<String> stopSequences() {
    return stopSequences;
  }

  /** OpenAI {@code n}, Gemini {@code generationConfig.candidateCount}; null when absent. */
  public Long choiceCount() {
    return choiceCount;
  }

  /** Anthropic {@code top_k}, Gemini {@code generationConfig.topK}; null when absent. */
  public Long topK() {
    return topK;
  }

  /**
   * The system instructions, concatenated with {@code "\n"} in request order, or null when there are
   * none: OpenAI chat {@code system} and {@code developer} messages; Responses {@code instructions}
   * followed by its {@code system}/{@code developer} input messages; Anthropic {@code system} (a
   * string or text blocks); Gemini {@code systemInstruction} parts. Used only to compute a
   * fingerprint; never exported.
   */
  public String systemPrompt() {
    return systemPrompt;
  }

  /** OpenAI's end-user identifier ({@code user}), or null. */
  public String user() {
    return user;
  }

  @Override
  public String toString() {
    // The system prompt is left out on purpose: this string may end up in logs.
    return "LlmRequest{endpoint=" + endpoint
        + ", model=" + model
        + ", stream=" + stream
        + ", streamIncludeUsage=" + streamIncludeUsage
        + ", temperature=" + temperature
        + ", topP=" + topP
        + ", maxTokens=" + maxTokens
        + ", seed=" + seed
        + ", frequencyPenalty=" + frequencyPenalty
        + ", presencePenalty=" + presencePenalty
        + ", stopSequences=" + stopSequences
        + ", choiceCount=" + choiceCount
        + ", topK=" + topK
        + ", systemPrompt=" + (systemPrompt == null ? "none" : systemPrompt.length() + " chars")
        + '}';
  }

  /** Collects the fields while {@link RequestCodec} walks a body. */
  static final class Builder {
    private final Endpoint endpoint;
    String model;
    boolean stream;
    boolean streamIncludeUsage;
    Double temperature;
    Double topP;
    Long maxTokens;
    Long seed;
    Double frequencyPenalty;
    Double presencePenalty;
    List<String> stopSequences;
    Long choiceCount;
    Long topK;
    String systemPrompt;
    String user;

    Builder(Endpoint endpoint) {
      this.endpoint = endpoint;
    }

    LlmRequest build() {
      return new LlmRequest(this);
    }
  }
}
