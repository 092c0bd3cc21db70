package dev.airlock.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The one Jackson {@link ObjectMapper} of the mock and tiny helpers around it.
 *
 * <p>Payloads are built as {@link ObjectNode} trees rather than POJOs because field order and the
 * presence of explicit {@code null}s matter to the SDKs that parse them, and a tree states both
 * exactly.
 */
final class Json {

    /** Strict about trailing garbage, so "{}x" counts as malformed like it would at a real provider. */
    static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Compact single-line JSON: SSE {@code data:} lines must not contain newlines. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a request body.
     *
     * @throws JsonProcessingException if the body is not valid JSON (callers answer 400)
     */
    static JsonNode parse(String body) throws JsonProcessingException {
        return MAPPER.readTree(body);
    }
}
