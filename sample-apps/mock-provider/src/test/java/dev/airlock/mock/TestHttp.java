package dev.airlock.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Real-HTTP helpers for the tests: JSON posts, an SSE reader, and a raw-socket exchange. */
final class TestHttp {

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestHttp() {
    }

    static HttpRequest.Builder request(String url, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    /** POSTs {@code body} with header name/value pairs and returns the whole response. */
    static HttpResponse<String> post(String url, String body, String... headers) throws Exception {
        return CLIENT.send(request(url, body, headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String text) throws IOException {
        return Json.MAPPER.readTree(text);
    }

    /** One received server-sent event. */
    static final class Sse {
        final String event;
        final String data;
        final long receivedNanos;

        Sse(String event, String data, long receivedNanos) {
            this.event = event;
            this.data = data;
            this.receivedNanos = receivedNanos;
        }

        JsonNode json() throws IOException {
            return TestHttp.json(data);
        }

        @Override
        public String toString() {
            return (event == null ? "" : "event: " + event + " ") + "data: " + data;
        }
    }

    /** The events of a streamed response and how the stream ended. */
    static final class SseResult {
        final int status;
        final String contentType;
        final List<Sse> events = new ArrayList<>();
        /** The exception that ended the stream, or null when it ended cleanly. */
        IOException failure;

        SseResult(int status, String contentType) {
            this.status = status;
            this.contentType = contentType;
        }

        /** Data of all events that are not {@code [DONE]}, parsed. */
        List<JsonNode> jsonEvents() throws IOException {
            List<JsonNode> out = new ArrayList<>();
            for (Sse e : events) {
                if (!"[DONE]".equals(e.data)) {
                    out.add(e.json());
                }
            }
            return out;
        }

        List<String> eventNames() {
            List<String> names = new ArrayList<>();
            for (Sse e : events) {
                names.add(e.event);
            }
            return names;
        }
    }

    /** POSTs and reads the response as SSE until the stream ends (cleanly or not). */
    static SseResult stream(String url, String body, String... headers) throws Exception {
        HttpResponse<InputStream> response = CLIENT.send(request(url, body, headers).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        SseResult result = new SseResult(response.statusCode(),
                response.headers().firstValue("content-type").orElse(null));
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            StringBuilder data = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        result.events.add(new Sse(event, data.toString(), System.nanoTime()));
                    }
                    event = null;
                    data = null;
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(line.substring(6));
                }
            }
        } catch (IOException e) {
            result.failure = e;
        }
        return result;
    }

    /** What a raw socket exchange received and how it ended. */
    static final class Raw {
        final String text;
        /** True when the server closed the connection; false when the read timed out. */
        final boolean closedByServer;

        Raw(String text, boolean closedByServer) {
            this.text = text;
            this.closedByServer = closedByServer;
        }
    }

    /**
     * Sends an HTTP/1.1 POST over a plain socket and reads until the server closes the connection
     * or nothing arrives for {@code idleTimeoutMs}. Lets tests see exactly what is (not) on the
     * wire, e.g. whether the terminating zero-length chunk was sent.
     */
    static Raw rawPost(int port, String path, String body, int idleTimeoutMs, String... headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder();
        head.append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(bytes.length).append("\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(idleTimeoutMs);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            boolean closed;
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    received.write(buf, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (IOException e) {
                closed = true; // connection reset counts as the server dropping it
            }
            return new Raw(received.toString(StandardCharsets.UTF_8), closed);
        }
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
