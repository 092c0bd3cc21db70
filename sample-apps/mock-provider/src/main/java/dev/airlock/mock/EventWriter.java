package dev.airlock.mock;

import java.io.IOException;

/** Frames stream events onto a response body, flushing after each so clients see them at once. */
interface EventWriter {

    /** The response {@code Content-Type}. */
    String contentType();

    /** Writes one event and flushes it to the client. */
    void write(String name, String data) throws IOException;

    /** Writes whatever closes the framing (nothing for SSE) and flushes. */
    void finish() throws IOException;

    /** Flushes anything buffered, e.g. before stalling. */
    void flush() throws IOException;
}
