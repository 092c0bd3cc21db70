package dev.airlock.mock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One HTTP request as the mock received it, before any fault was applied.
 *
 * <p>Immutable. Header names are lower-cased (HTTP header names are case-insensitive, and the JDK
 * server would otherwise report them as {@code Content-type}), and the header map is sorted by name
 * so that printing it is deterministic.
 */
public final class RecordedRequest {

    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final String body;

    /**
     * Creates a record; header names are lower-cased and values copied.
     *
     * @param method HTTP method, e.g. {@code POST}
     * @param path request path without the query string, e.g. {@code /v1/chat/completions}
     * @param query raw (still percent-encoded) query string without {@code ?}, or {@code null}
     * @param headers request headers, any name case
     * @param body request body decoded as UTF-8 ({@code ""} when empty)
     */
    RecordedRequest(String method, String path, String query,
                           Map<String, List<String>> headers, String body) {
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.query = query;
        Map<String, List<String>> copy = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            copy.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .addAll(e.getValue());
        }
        copy.replaceAll((k, v) -> Collections.unmodifiableList(new ArrayList<>(v)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body == null ? "" : body;
    }

    /** The HTTP method, e.g. {@code POST}. */
    public String method() {
        return method;
    }

    /** The request path without the query string, e.g. {@code /v1/messages}. */
    public String path() {
        return path;
    }

    /** The raw query string (without {@code ?}), or {@code null} when the URL had none. */
    public String query() {
        return query;
    }

    /** All headers, names lower-cased, sorted by name; unmodifiable. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of a header.
     *
     * @param lowerName the header name in lower case, e.g. {@code "authorization"}
     * @return the first value, or {@code null} when the header was absent
     */
    public String header(String lowerName) {
        List<String> values = headers.get(lowerName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The request body decoded as UTF-8; {@code ""} when there was none. */
    public String body() {
        return body;
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query);
    }
}
