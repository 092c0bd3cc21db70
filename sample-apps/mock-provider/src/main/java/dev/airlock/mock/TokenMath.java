package dev.airlock.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock's deterministic token arithmetic and answer chunking.
 *
 * <p>Input tokens are {@code max(1, ceil(chars / 4))} over the prompt text of a request, the usual
 * rule of thumb for English, so a policy that caps tokens sees realistic numbers. Output tokens are
 * the whitespace-separated words of the answer, so a reader can check them by eye.
 */
final class TokenMath {

    /**
     * JSON fields whose string values are prompt text in at least one wire format: OpenAI
     * {@code content}/{@code text}/{@code input}/{@code instructions}, Anthropic
     * {@code system}/{@code content}/{@code text}, Gemini {@code parts[].text}. Other strings (model,
     * role, type, ids) are not prompt text.
     */
    private static final Set<String> TEXT_FIELDS = new HashSet<>(
            Arrays.asList("content", "text", "input", "instructions", "system", "prompt"));

    private static final Pattern WORD_WITH_TRAILING_SPACE = Pattern.compile("\\S+\\s*");

    /** How many words go into one streamed chunk. */
    static final int WORDS_PER_CHUNK = 2;

    private TokenMath() {
    }

    /** Total UTF-16 length of every prompt-text string in a request body. */
    static long promptChars(JsonNode body) {
        return chars(body, null);
    }

    /** {@code max(1, ceil(chars / 4))}. */
    static int tokensForChars(long chars) {
        return (int) Math.max(1, (chars + 3) / 4);
    }

    /** Number of whitespace-separated words, at least 1 (a reply always costs a token). */
    static int words(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return 1;
        }
        return trimmed.split("\\s+").length;
    }

    /**
     * Splits text into chunks of {@link #WORDS_PER_CHUNK} words. Whitespace stays attached to the
     * word before it, so the chunks concatenate back to exactly {@code text}.
     */
    static List<String> chunks(String text) {
        if (text.isEmpty()) {
            return Collections.singletonList("");
        }
        List<String> pieces = new ArrayList<>();
        Matcher m = WORD_WITH_TRAILING_SPACE.matcher(text);
        int end = 0;
        while (m.find()) {
            // Leading whitespace (before the first word) rides along with the first word.
            pieces.add(text.substring(pieces.isEmpty() ? 0 : m.start(), m.end()));
            end = m.end();
        }
        if (pieces.isEmpty()) {
            return Collections.singletonList(text);
        }
        if (end < text.length()) {
            int last = pieces.size() - 1;
            pieces.set(last, pieces.get(last) + text.substring(end));
        }
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i += WORDS_PER_CHUNK) {
            StringBuilder sb = new StringBuilder();
            for (int j = i; j < Math.min(i + WORDS_PER_CHUNK, pieces.size()); j++) {
                sb.append(pieces.get(j));
            }
            chunks.add(sb.toString());
        }
        return chunks;
    }

    private static long chars(JsonNode node, String fieldName) {
        if (node == null) {
            return 0;
        }
        if (node.isTextual()) {
            return fieldName != null && TEXT_FIELDS.contains(fieldName) ? node.textValue().length() : 0;
        }
        long total = 0;
        if (node.isArray()) {
            // Array elements inherit the field name: "input": ["a", "b"] is all prompt text.
            for (JsonNode element : node) {
                total += chars(element, fieldName);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                total += chars(field.getValue(), field.getKey());
            }
        }
        return total;
    }
}
