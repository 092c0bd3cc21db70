package dev.airlock.mock;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Puts a {@link Reply} on the wire and applies the delivery faults: {@code malformed},
 * {@code stall_after}, {@code cut_after}, plus the {@code x-mock-chunk-delay-ms} pacing.
 *
 * <p>Stall and cut count <em>content</em> events ({@link StreamEvent.Phase#CONTENT}): the
 * preamble is always sent, then N pieces of answer text, and the epilogue (finish reason, usage,
 * terminator) never is, even when N is at least the number of chunks. That way "the stream ended
 * without its terminating event" holds for every N. For a non-streamed reply they send the headers
 * and the first half of the body.
 */
final class ReplySender {

    /** How long a stalled response holds its connection before dropping it. */
    static final long DEFAULT_STALL_LIMIT_MS = 60_000;

    private final long stallLimitMs;

    ReplySender(long stallLimitMs) {
        this.stallLimitMs = stallLimitMs;
    }

    /**
     * Sends a reply.
     *
     * @param exchange the exchange; closed on success, left open when the connection is dropped
     * @param reply what to send
     * @param fault the fault for this request, or {@code null}
     * @param chunkDelayMs pause before each content event of a stream
     * @throws AbruptCloseException to make the server drop the connection (cut, or stall timeout)
     * @throws IOException if the client went away
     */
    void send(HttpExchange exchange, Reply reply, FaultSpec fault, long chunkDelayMs) throws IOException {
        if (reply.isStream()) {
            sendStream(exchange, reply, fault, chunkDelayMs);
        } else {
            sendBody(exchange, Json.write(reply.body), fault);
        }
    }

    private void sendBody(HttpExchange exchange, String json, FaultSpec fault) throws IOException {
        String text = fault != null && fault.malformed ? truncate(json) : json;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        OutputStream out = exchange.getResponseBody();
        if (fault != null && fault.interruptsDelivery()) {
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            throw dropConnection(fault);
        }
        out.write(bytes);
        out.close();
        exchange.close();
    }

    private void sendStream(HttpExchange exchange, Reply reply, FaultSpec fault, long chunkDelayMs)
            throws IOException {
        OutputStream out = exchange.getResponseBody();
        EventWriter writer = reply.framing == Reply.Framing.SSE ? new SseWriter(out) : new JsonArrayWriter(out);
        exchange.getResponseHeaders().set("Content-Type", writer.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0); // 0 = chunked: the length is unknown up front
        writer.flush(); // headers now, so the client sees the 200 before the first chunk

        int limit = fault == null ? -1 : Math.max(fault.stallAfter, fault.cutAfter);
        boolean corruptNext = fault != null && fault.malformed;
        int contentSent = 0;
        for (StreamEvent event : reply.events) {
            boolean content = event.phase == StreamEvent.Phase.CONTENT;
            if (limit >= 0 && (event.phase == StreamEvent.Phase.EPILOGUE || (content && contentSent >= limit))) {
                writer.flush();
                throw dropConnection(fault);
            }
            if (content && chunkDelayMs > 0) {
                sleep(chunkDelayMs);
            }
            String data = event.data;
            if (content && corruptNext) {
                data = truncate(data);
                corruptNext = false;
            }
            writer.write(event.name, data);
            if (content) {
                contentSent++;
            }
        }
        writer.finish();
        out.close();
        exchange.close();
    }

    /** How long a cut waits for the client to read what was sent before it drops the connection. */
    static final long CUT_GRACE_MS = 150;

    /** Stalls first if the fault says so, then returns the exception that drops the connection. */
    private AbruptCloseException dropConnection(FaultSpec fault) throws IOException {
        if (fault.stallAfter >= 0) {
            // Nothing can be written without ending the stall, so a client hang-up is not
            // noticeable here; the thread waits out the limit (or MockProvider.close()).
            sleep(stallLimitMs);
            return new AbruptCloseException("stall limit reached");
        }
        // The chunks already written must reach the client before the connection is torn down:
        // an abrupt close can reset it with data still unread, and the cut would then look like
        // an empty stream. A real network cut also happens after delivered data.
        sleep(CUT_GRACE_MS);
        return new AbruptCloseException("cut_after reached");
    }

    /** The first half of a JSON text: deterministic and never valid JSON for an object or array. */
    static String truncate(String json) {
        return json.substring(0, Math.max(1, json.length() / 2));
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AbruptCloseException("interrupted (mock shutting down)");
        }
    }
}
