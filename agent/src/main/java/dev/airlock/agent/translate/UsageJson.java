package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Usage;

/**
 * Writes a normalized {@link Usage} as each format's usage object.
 *
 * <p>Reading goes the other way through the codec ({@link dev.airlock.agent.codec.ResponseCodec},
 * {@link dev.airlock.agent.codec.StreamAccumulator}), which already reconciles the formats'
 * meanings: input includes cache reads and writes, output includes reasoning. Writing undoes that
 * per format, so that the codec reading the translated answer gets the same numbers back:
 * Anthropic's {@code input_tokens} excludes the cache, Gemini's {@code candidatesTokenCount}
 * excludes the thoughts.
 */
final class UsageJson {

  private UsageJson() {}

  /** OpenAI chat {@code usage}; cache writes have no field of their own and stay inside {@code prompt_tokens}. */
  static ObjectNode openAi(Usage u) {
    ObjectNode o = JsonUtil.object();
    o.put("prompt_tokens", u.inputTokens());
    o.put("completion_tokens", u.outputTokens());
    o.put("total_tokens", u.totalTokens());
    o.putObject("prompt_tokens_details").put("cached_tokens", u.cacheReadInputTokens());
    o.putObject("completion_tokens_details").put("reasoning_tokens", u.reasoningOutputTokens());
    return o;
  }

  /** Anthropic {@code usage} (also the shape of {@code message_start}'s and {@code message_delta}'s). */
  static ObjectNode anthropic(Usage u) {
    ObjectNode o = JsonUtil.object();
    long uncached = Math.max(0, u.inputTokens() - u.cacheReadInputTokens() - u.cacheCreationInputTokens());
    o.put("input_tokens", uncached);
    o.put("cache_creation_input_tokens", u.cacheCreationInputTokens());
    o.put("cache_read_input_tokens", u.cacheReadInputTokens());
    o.put("output_tokens", u.outputTokens());
    return o;
  }

  /** Anthropic usage with every count zero, for targets that reported none (the SDK requires the object). */
  static ObjectNode anthropicZero() {
    return anthropic(Usage.of(0, 0, 0, 0, 0));
  }

  /** Gemini {@code usageMetadata}. */
  static ObjectNode gemini(Usage u) {
    ObjectNode o = JsonUtil.object();
    o.put("promptTokenCount", u.inputTokens());
    o.put("candidatesTokenCount", Math.max(0, u.outputTokens() - u.reasoningOutputTokens()));
    o.put("totalTokenCount", u.totalTokens());
    if (u.cacheReadInputTokens() > 0) {
      o.put("cachedContentTokenCount", u.cacheReadInputTokens());
    }
    if (u.reasoningOutputTokens() > 0) {
      o.put("thoughtsTokenCount", u.reasoningOutputTokens());
    }
    return o;
  }
}
