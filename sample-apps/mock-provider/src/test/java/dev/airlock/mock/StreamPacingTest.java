package dev.airlock.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Chunks must reach the client one by one, not all at the end. */
class StreamPacingTest {

    @Test
    void chunkDelaySpreadsArrivalsOfContentEvents() throws Exception {
        try (MockProvider mock = MockProvider.start(0)) {
            TestHttp.SseResult s = TestHttp.stream(mock.baseUrl() + "/v1/messages",
                    "{\"model\":\"c\",\"max_tokens\":9,\"stream\":true,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"a b c d\"}]}",
                    "x-api-key", "k", "x-mock-chunk-delay-ms", "150");
            List<Long> arrivals = new ArrayList<>();
            for (TestHttp.Sse e : s.events) {
                if ("content_block_delta".equals(e.event)) {
                    arrivals.add(e.receivedNanos);
                }
            }
            assertEquals(3, arrivals.size()); // "You said: ", "a b ", "c d"
            for (int i = 1; i < arrivals.size(); i++) {
                long gapMs = TimeUnit.NANOSECONDS.toMillis(arrivals.get(i) - arrivals.get(i - 1));
                assertTrue(gapMs >= 100, "chunk " + i + " arrived only " + gapMs + " ms after the previous one");
            }
        }
    }

    @Test
    void badChunkDelayHeaderIs400() throws Exception {
        try (MockProvider mock = MockProvider.start(0)) {
            int status = TestHttp.post(mock.baseUrl() + "/v1/messages",
                    "{\"model\":\"c\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                    "x-api-key", "k", "x-mock-chunk-delay-ms", "soon").statusCode();
            assertEquals(400, status);
        }
    }
}
