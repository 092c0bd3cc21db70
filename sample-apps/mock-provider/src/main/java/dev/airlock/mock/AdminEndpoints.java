package dev.airlock.mock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The mock's own, non-LLM endpoints, which are never recorded:
 * <ul>
 *   <li>{@code GET /health} → 200 {@code ok};</li>
 *   <li>{@code GET /_mock/requests} → JSON array of the recorded requests
 *       ({@code method, path, query, headers, body});</li>
 *   <li>{@code POST /_mock/reset} → clears recorded requests and faults;</li>
 *   <li>{@code POST /_mock/fault} with a fault spec as the body (empty clears) → sets the run-wide
 *       fault, or 400 with the parse error.</li>
 * </ul>
 * They let a test or a script drive an out-of-process mock the same way the library API drives an
 * in-process one.
 */
final class AdminEndpoints {

    static final String HEALTH = "/health";
    static final String PREFIX = "/_mock/";

    private final MockProvider provider;

    AdminEndpoints(MockProvider provider) {
        this.provider = provider;
    }

    /** Whether a path belongs to these endpoints (and so is not recorded). */
    static boolean handles(String path) {
        return HEALTH.equals(path) || path.startsWith(PREFIX);
    }

    void handle(HttpExchange exchange, String path, String body) throws IOException {
        String method = exchange.getRequestMethod();
        switch (path) {
            case HEALTH:
                if (isGet(method)) {
                    send(exchange, 200, "text/plain; charset=utf-8", "ok");
                } else {
                    send(exchange, 405, "text/plain; charset=utf-8", "use GET");
                }
                return;
            case PREFIX + "requests":
                if (isGet(method)) {
                    send(exchange, 200, "application/json", Json.write(requestsJson(provider.requests())));
                } else {
                    send(exchange, 405, "text/plain; charset=utf-8", "use GET");
                }
                return;
            case PREFIX + "reset":
                if ("POST".equals(method)) {
                    provider.reset();
                    send(exchange, 200, "text/plain; charset=utf-8", "ok");
                } else {
                    send(exchange, 405, "text/plain; charset=utf-8", "use POST");
                }
                return;
            case PREFIX + "fault":
                if (!"POST".equals(method)) {
                    send(exchange, 405, "text/plain; charset=utf-8", "use POST");
                    return;
                }
                try {
                    provider.setFault(body.trim().isEmpty() ? null : body.trim());
                    send(exchange, 200, "text/plain; charset=utf-8", "ok");
                } catch (IllegalArgumentException e) {
                    send(exchange, 400, "text/plain; charset=utf-8", e.getMessage());
                }
                return;
            default:
                send(exchange, 404, "text/plain; charset=utf-8",
                        "unknown mock endpoint " + path + " (try /_mock/requests, /_mock/reset, /_mock/fault)");
        }
    }

    static ArrayNode requestsJson(List<RecordedRequest> requests) {
        ArrayNode array = Json.array();
        for (RecordedRequest r : requests) {
            ObjectNode o = array.addObject();
            o.put("method", r.method());
            o.put("path", r.path());
            o.put("query", r.query());
            ObjectNode headers = o.putObject("headers");
            for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
                ArrayNode values = headers.putArray(h.getKey());
                h.getValue().forEach(values::add);
            }
            o.put("body", r.body());
        }
        return array;
    }

    private static boolean isGet(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String text)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
