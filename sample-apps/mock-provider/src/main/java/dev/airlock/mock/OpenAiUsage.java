package dev.airlock.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The two OpenAI usage objects. Cached tokens are <em>included</em> in the prompt/input count, as
 * OpenAI reports them.
 */
final class OpenAiUsage {

    private OpenAiUsage() {
    }

    /** Chat Completions usage: {@code prompt_tokens}, {@code completion_tokens}, details. */
    static ObjectNode chat(Completion c) {
        ObjectNode usage = Json.object();
        usage.put("prompt_tokens", c.inputTokens);
        usage.put("completion_tokens", c.outputTokens);
        usage.put("total_tokens", c.totalTokens());
        ObjectNode prompt = usage.putObject("prompt_tokens_details");
        prompt.put("cached_tokens", c.cachedTokens);
        prompt.put("audio_tokens", 0);
        ObjectNode completion = usage.putObject("completion_tokens_details");
        completion.put("reasoning_tokens", 0);
        completion.put("audio_tokens", 0);
        completion.put("accepted_prediction_tokens", 0);
        completion.put("rejected_prediction_tokens", 0);
        return usage;
    }

    /** Responses API usage: {@code input_tokens}, {@code output_tokens}, details. */
    static ObjectNode responses(Completion c) {
        ObjectNode usage = Json.object();
        usage.put("input_tokens", c.inputTokens);
        ObjectNode inputDetails = usage.putObject("input_tokens_details");
        inputDetails.put("cached_tokens", c.cachedTokens);
        // Newer SDKs (openai-java 4.x) treat this as a required field of the details object.
        inputDetails.put("cache_write_tokens", 0);
        usage.put("output_tokens", c.outputTokens);
        usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
        usage.put("total_tokens", c.totalTokens());
        return usage;
    }
}
