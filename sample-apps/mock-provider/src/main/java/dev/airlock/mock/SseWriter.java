package dev.airlock.mock;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes server-sent events: an optional {@code event: NAME} line, one {@code data: ...} line and
 * a blank line, flushed per event. Data is always one line (compact JSON, or {@code [DONE]}).
 */
final class SseWriter implements EventWriter {

    static final String CONTENT_TYPE = "text/event-stream; charset=utf-8";

    private final OutputStream out;

    SseWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public void write(String name, String data) throws IOException {
        StringBuilder sb = new StringBuilder(data.length() + 40);
        if (name != null) {
            sb.append("event: ").append(name).append('\n');
        }
        sb.append("data: ").append(data).append("\n\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        // Flushing per event makes the JDK server send one HTTP chunk per event.
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
