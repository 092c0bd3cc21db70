package dev.airlock.mock;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Extracts "the text of the last user message" from the message lists of the different formats,
 * which is what the mock's answer echoes.
 */
final class PromptText {

    private PromptText() {
    }

    /**
     * The text of the last entry of {@code messages} whose role is {@code user} (or has no role,
     * when {@code roleOptional}), or {@code ""}.
     *
     * @param messages an array of message objects (anything else yields {@code ""})
     * @param contentField the field holding the content: {@code content} (OpenAI, Anthropic) or
     *     {@code parts} (Gemini)
     * @param roleOptional whether a message without a role counts as a user message (Gemini)
     */
    static String lastUserText(JsonNode messages, String contentField, boolean roleOptional) {
        if (messages == null || !messages.isArray()) {
            return "";
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            JsonNode role = message.get("role");
            boolean user = role == null || role.isNull() ? roleOptional : "user".equals(role.asText());
            if (user && message.isObject()) {
                return text(message.get(contentField));
            }
        }
        return "";
    }

    /**
     * The text of a content value: a plain string, or the {@code text} of every part of an array
     * joined with newlines (parts such as images or tool results carry no {@code text} and are
     * skipped).
     */
    static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : content) {
                JsonNode text = part.get("text");
                if (text != null && text.isTextual()) {
                    if (sb.length() > 0) {
                        sb.append('\n');
                    }
                    sb.append(text.textValue());
                }
            }
            return sb.toString();
        }
        return "";
    }

    /** A required string field of the request body, e.g. {@code model}. */
    static String requiredString(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual() || node.textValue().isEmpty()) {
            throw new BadRequestException("you must provide a '" + field + "' parameter");
        }
        return node.textValue();
    }

    /** A required array field of the request body, e.g. {@code messages}. */
    static JsonNode requiredArray(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isArray()) {
            throw new BadRequestException("'" + field + "' is a required array parameter");
        }
        return node;
    }

    /** Whether the body asks for a stream ({@code "stream": true}). */
    static boolean wantsStream(JsonNode body) {
        JsonNode stream = body.get("stream");
        return stream != null && stream.asBoolean(false);
    }
}
