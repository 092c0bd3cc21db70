package dev.airlock.mock;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes stream events as the elements of one JSON array that arrives piece by piece, which is what
 * Gemini's {@code streamGenerateContent} returns without {@code ?alt=sse}. Event names are dropped.
 */
final class JsonArrayWriter implements EventWriter {

    private final OutputStream out;
    private boolean first = true;

    JsonArrayWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public String contentType() {
        return "application/json; charset=utf-8";
    }

    @Override
    public void write(String name, String data) throws IOException {
        String piece = (first ? "[" : ",\r\n") + data;
        first = false;
        out.write(piece.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        out.write((first ? "[]" : "]").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
