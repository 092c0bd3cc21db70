package dev.airlock.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything an endpoint may read about one LLM request: the recorded request, its parsed JSON body
 * and its decoded query parameters. Immutable.
 */
final class CallContext {

    private final RecordedRequest request;
    private final JsonNode json;
    private final Map<String, String> queryParams;
    private final String answerSuffix;

    CallContext(RecordedRequest request, JsonNode json) {
        this(request, json, "");
    }

    CallContext(RecordedRequest request, JsonNode json, String answerSuffix) {
        this.request = request;
        this.json = json;
        this.queryParams = parseQuery(request.query());
        this.answerSuffix = answerSuffix == null ? "" : answerSuffix;
    }

    /** Text the mock appends to every answer this run ({@link MockProvider#setAnswerSuffix}). */
    String answerSuffix() {
        return answerSuffix;
    }

    /** The request as recorded. */
    RecordedRequest request() {
        return request;
    }

    /** The parsed JSON body; {@code null} until the body has been parsed. */
    JsonNode json() {
        return json;
    }

    /** The same call with its parsed JSON body attached. */
    CallContext withJson(JsonNode parsed) {
        return new CallContext(request, parsed, answerSuffix);
    }

    String path() {
        return request.path();
    }

    /** First value of a header given in lower case, or {@code null}. */
    String header(String lowerName) {
        return request.header(lowerName);
    }

    /** A decoded query parameter (first occurrence), or {@code null}. */
    String queryParam(String name) {
        return queryParams.get(name);
    }

    /**
     * A non-negative integer header such as {@code x-mock-cached-tokens}; absent means 0.
     *
     * @throws BadRequestException if the header is present but not a non-negative integer
     */
    int intHeader(String lowerName) {
        String value = header(lowerName);
        if (value == null || value.trim().isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new BadRequestException("header " + lowerName + " must be a non-negative integer, got '"
                + value + "'");
    }

    private static Map<String, String> parseQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(params);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a broken escape is kept verbatim rather than failing the whole request
        }
    }
}
