package dev.airlock.agent.codec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Maps each provider's usage object to a normalized {@link Usage}. The one place where the
 * providers' different meanings of "input tokens" are reconciled.
 */
final class UsageMapper {

  private UsageMapper() {}

  /**
   * OpenAI {@code usage}: chat/completions/embeddings ({@code prompt_tokens}, {@code
   * completion_tokens}, {@code prompt_tokens_details.cached_tokens}, {@code
   * completion_tokens_details.reasoning_tokens}) or Responses ({@code input_tokens}, {@code
   * output_tokens}, {@code input_tokens_details.cached_tokens}, {@code
   * output_tokens_details.reasoning_tokens}). OpenAI's input count already includes cached tokens.
   */
  static Usage openAi(JsonNode u) {
    if (u == null || !u.isObject()) {
      return null;
    }
    boolean responsesShape = u.has("input_tokens") || u.has("output_tokens");
    long input;
    long output;
    long cached;
    long reasoning;
    if (responsesShape) {
      input = Json.count(u, "input_tokens");
      output = Json.count(u, "output_tokens");
      cached = Json.count(u.get("input_tokens_details"), "cached_tokens");
      reasoning = Json.count(u.get("output_tokens_details"), "reasoning_tokens");
    } else {
      input = Json.count(u, "prompt_tokens");
      output = Json.count(u, "completion_tokens");
      cached = Json.count(u.get("prompt_tokens_details"), "cached_tokens");
      if (cached == 0) {
        // DeepSeek and some other OpenAI-compatible services report cache hits this way.
        cached = Json.count(u, "prompt_cache_hit_tokens");
      }
      reasoning = Json.count(u.get("completion_tokens_details"), "reasoning_tokens");
    }
    return Usage.of(input, output, Math.min(cached, input), 0, Math.min(reasoning, output));
  }

  /**
   * Anthropic {@code usage}. Its {@code input_tokens} counts only the tokens after the last cache
   * breakpoint, so cache reads and writes are added to get all input tokens.
   */
  static Usage anthropic(JsonNode u) {
    if (u == null || !u.isObject()) {
      return null;
    }
    long uncached = Json.count(u, "input_tokens");
    long read = Json.count(u, "cache_read_input_tokens");
    long write = Json.count(u, "cache_creation_input_tokens");
    return Usage.of(uncached + read + write, Json.count(u, "output_tokens"), read, write, 0);
  }

  /**
   * Merges the {@code usage} of an Anthropic {@code message_delta} event into the usage known so
   * far. The delta's counts are cumulative, so each one present replaces the earlier value; in
   * particular its {@code output_tokens} is the final count, replacing the placeholder (typically
   * 1) that {@code message_start} carries.
   */
  static Usage anthropicDelta(Usage before, JsonNode delta) {
    if (delta == null || !delta.isObject()) {
      return before;
    }
    long read = before == null ? 0 : before.cacheReadInputTokens();
    long write = before == null ? 0 : before.cacheCreationInputTokens();
    long uncached = before == null ? 0 : before.inputTokens() - read - write;
    long output = before == null ? 0 : before.outputTokens();
    Long v;
    if ((v = Json.countOrNull(delta, "input_tokens")) != null) {
      uncached = v;
    }
    if ((v = Json.countOrNull(delta, "cache_read_input_tokens")) != null) {
      read = v;
    }
    if ((v = Json.countOrNull(delta, "cache_creation_input_tokens")) != null) {
      write = v;
    }
    if ((v = Json.countOrNull(delta, "output_tokens")) != null) {
      output = v;
    }
    return Usage.of(uncached + read + write, output, read, write, 0);
  }

  /**
   * Gemini {@code usageMetadata}. {@code promptTokenCount} already includes cached content; tool
   * results fed back to the model ({@code toolUsePromptTokenCount}) are input too and are added.
   * Thinking tokens ({@code thoughtsTokenCount}) are billed as output but reported apart from
   * {@code candidatesTokenCount}, so they are added to the output.
   */
  static Usage gemini(JsonNode u) {
    if (u == null || !u.isObject()) {
      return null;
    }
    long prompt = Json.count(u, "promptTokenCount") + Json.count(u, "toolUsePromptTokenCount");
    long thoughts = Json.count(u, "thoughtsTokenCount");
    long output = Json.count(u, "candidatesTokenCount") + thoughts;
    long cached = Json.count(u, "cachedContentTokenCount");
    return Usage.of(prompt, output, Math.min(cached, prompt), 0, thoughts);
  }
}
