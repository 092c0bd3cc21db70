package dev.airlock.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.List;

/**
 * What an endpoint wants to answer, before faults and delivery: either one JSON body or an ordered
 * list of stream events with the framing to put them on the wire in.
 */
final class Reply {

    /** How stream events are framed on the wire. */
    enum Framing {
        /** Server-sent events ({@code event:}/{@code data:} lines). */
        SSE,
        /** One JSON array whose elements arrive incrementally (Gemini without {@code alt=sse}). */
        JSON_ARRAY
    }

    /** The body of a non-streamed reply, or {@code null}. */
    final ObjectNode body;
    /** The events of a streamed reply (empty for a non-streamed one). */
    final List<StreamEvent> events;
    /** The framing of a streamed reply, or {@code null}. */
    final Framing framing;

    private Reply(ObjectNode body, List<StreamEvent> events, Framing framing) {
        this.body = body;
        this.events = events;
        this.framing = framing;
    }

    static Reply json(ObjectNode body) {
        return new Reply(body, Collections.emptyList(), null);
    }

    static Reply stream(List<StreamEvent> events, Framing framing) {
        return new Reply(null, Collections.unmodifiableList(events), framing);
    }

    boolean isStream() {
        return framing != null;
    }
}
