package dev.airlock.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The deterministic facts of one chat-style answer, shared by every wire format: the answer text
 * and its stream chunks, the token counts, and a hash of the request body from which ids are made.
 *
 * <p>Everything derives from the request alone, so the same request always yields byte-identical
 * responses and an app's printed output is identical run to run.
 */
final class Completion {

    /** The fixed "created" time of every response: 2025-01-01T00:00:00Z. */
    static final long CREATED_EPOCH_SECONDS = 1_735_689_600L;

    /** Request header: number of input tokens to report as read from the provider's cache. */
    static final String CACHED_TOKENS_HEADER = "x-mock-cached-tokens";
    /** Request header (Anthropic): number of input tokens to report as written to the cache. */
    static final String CACHE_CREATION_TOKENS_HEADER = "x-mock-cache-creation-tokens";

    final String model;
    /**
     * The answer text; for a tool call, the arguments as a compact JSON string (what OpenAI sends
     * as {@code function.arguments}), so chunks and output tokens work the same way.
     */
    final String answer;
    /** The pieces the answer is streamed in (argument fragments for a tool call). */
    final List<String> chunks;
    /** The tool the answer calls, or {@code null} for a text answer. */
    final String toolName;
    /** The arguments of the tool call as a JSON object, or {@code null} for a text answer. */
    final ObjectNode toolArguments;
    /**
     * All input tokens, cached ones included. Never less than cached + cache-creation tokens: the
     * cache headers simulate a cached prefix, and a prefix cannot be longer than the prompt.
     */
    final int inputTokens;
    final int outputTokens;
    final int cachedTokens;
    final int cacheCreationTokens;
    /** Lower-case hex SHA-256 of the request body (64 characters). */
    final String bodyHash;

    private Completion(String model, String answer, ObjectNode toolArguments, String toolName, int inputTokens,
                       int cachedTokens, int cacheCreationTokens, String bodyHash) {
        this.model = model;
        this.answer = answer;
        this.toolName = toolName;
        this.toolArguments = toolArguments;
        this.chunks = TokenMath.chunks(answer);
        this.outputTokens = TokenMath.words(answer);
        this.cachedTokens = cachedTokens;
        this.cacheCreationTokens = cacheCreationTokens;
        this.inputTokens = Math.max(inputTokens, cachedTokens + cacheCreationTokens);
        this.bodyHash = bodyHash;
    }

    /**
     * Builds the answer for a chat-style call.
     *
     * @param call the request
     * @param model the model to echo
     * @param lastUserText the text of the last user message ({@code ""} if none)
     * @param honorCacheCreation whether this format reports cache writes (only Anthropic does)
     */
    static Completion of(CallContext call, String model, String lastUserText, boolean honorCacheCreation) {
        return of(call, model, lastUserText, ToolTurn.NONE, honorCacheCreation);
    }

    /**
     * Builds the answer for a chat-style call that may involve tools: {@code "Tool said: <result>"}
     * after a tool result, a call of {@link ToolTurn#toolName()} with {@code {"query": lastUserText}}
     * when the turn asks for one, else the usual {@code "You said: ..."}. The answer suffix is
     * appended to text answers only.
     */
    static Completion of(CallContext call, String model, String lastUserText, ToolTurn turn,
                         boolean honorCacheCreation) {
        int cached = call.intHeader(CACHED_TOKENS_HEADER);
        int creation = honorCacheCreation ? call.intHeader(CACHE_CREATION_TOKENS_HEADER) : 0;
        int input = TokenMath.tokensForChars(TokenMath.promptChars(call.json()));
        String hash = sha256Hex(call.request().body());
        if (turn.toolResult() != null) {
            return new Completion(model, "Tool said: " + turn.toolResult() + call.answerSuffix(), null, null,
                    input, cached, creation, hash);
        }
        if (turn.toolName() != null) {
            ObjectNode args = ToolTurn.arguments(lastUserText);
            return new Completion(model, Json.write(args), args, turn.toolName(), input, cached, creation, hash);
        }
        return new Completion(model, "You said: " + lastUserText + call.answerSuffix(), null, null, input, cached,
                creation, hash);
    }

    /** Whether the answer is a tool call rather than text. */
    boolean isToolCall() {
        return toolName != null;
    }

    /** Input tokens not served from or written to the cache (Anthropic's {@code input_tokens}). */
    int uncachedInputTokens() {
        return inputTokens - cachedTokens - cacheCreationTokens;
    }

    int totalTokens() {
        return inputTokens + outputTokens;
    }

    /** {@code length} hex characters of the body hash starting at {@code from}, for ids. */
    String hashHex(int from, int length) {
        return bodyHash.substring(from, from + length);
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }
}
