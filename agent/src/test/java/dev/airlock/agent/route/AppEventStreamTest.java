package dev.airlock.agent.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.agent.codec.WireFormat;
import dev.airlock.agent.translate.StreamContentProbe;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a routed stream tells a reader about the events it can hand over without waiting. */
class AppEventStreamTest {

  /** A target's bytes that have arrived so far; a read past them would wait, and here fails instead. */
  private static final class ArrivedSoFar extends InputStream {
    private final ByteArrayInputStream arrived;

    ArrivedSoFar(String text) {
      this.arrived = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int read() {
      throw new AssertionError("single-byte read");
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (arrived.available() == 0) {
        throw new AssertionError("read past what has arrived: this read would wait for the target");
      }
      return arrived.read(b, off, len);
    }

    @Override
    public int available() {
      return arrived.available();
    }
  }

  @Test
  void availableCountsTheWholeEventsThatHaveArrivedAndNeverWaits() throws IOException {
    String first = "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n";
    String second = "data: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n";
    String half = "data: {\"choices\":[{\"del";
    AppEventStream events = new AppEventStream(new ArrivedSoFar(first + second + half), null,
        StreamContentProbe.of(WireFormat.OPENAI), () -> new byte[0]);

    int ready = events.available();

    assertEquals((first + second).getBytes(StandardCharsets.UTF_8).length, ready);
    byte[] read = new byte[ready];
    assertEquals(ready, events.read(read, 0, ready));
    assertEquals(first + second, new String(read, StandardCharsets.UTF_8));
    assertEquals(0, events.available(), "half an event is not ready, and asking must not wait for the rest");
  }
}
