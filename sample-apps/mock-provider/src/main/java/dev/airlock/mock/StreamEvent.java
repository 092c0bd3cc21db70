package dev.airlock.mock;

import java.util.Objects;

/**
 * One event of a streamed answer: an optional SSE event name and its JSON data, tagged with the
 * part of the stream it belongs to so faults can act on "chunks" the same way in every format.
 */
final class StreamEvent {

    /** Where an event sits in a stream. */
    enum Phase {
        /** Before any answer text (e.g. {@code message_start}, {@code response.created}). */
        PREAMBLE,
        /** Carries a piece of the answer text; these are the "chunks" faults count. */
        CONTENT,
        /** After the text: finish reason, usage, terminators such as {@code [DONE]}. */
        EPILOGUE
    }

    /** SSE {@code event:} name, or {@code null} for a data-only event. */
    final String name;
    /** The {@code data:} payload, a single line. */
    final String data;
    final Phase phase;

    StreamEvent(String name, String data, Phase phase) {
        this.name = name;
        this.data = Objects.requireNonNull(data, "data");
        this.phase = Objects.requireNonNull(phase, "phase");
    }

    @Override
    public String toString() {
        return phase + (name == null ? "" : " " + name) + " " + data;
    }
}
