package dev.airlock.agent.door.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How a streamed answer is handed to the application's body handler: bytes the stream already
 * holds go over on the thread that asks for them; only a wait for bytes still to come is the pump
 * thread's.
 */
class StreamHandOverTest {

  private static final HttpRequest REQUEST = HttpRequest.newBuilder(URI.create("http://127.0.0.1/v1/chat/completions")).build();

  /** Counts the tasks given to the pump and runs them on a real thread. */
  private static final class CountingPump implements Executor {
    final AtomicInteger tasks = new AtomicInteger();
    final ExecutorService threads = Executors.newCachedThreadPool();

    @Override
    public void execute(Runnable task) {
      tasks.incrementAndGet();
      threads.execute(task);
    }
  }

  @Test
  void bytesAlreadyThereAreReadOnTheAskingThreadWithoutThePump() throws Exception {
    String events = "data: {\"a\":1}\n\n".repeat(2000) + "data: [DONE]\n\n";
    CountingPump pump = new CountingPump();
    try {
      HttpResponse<InputStream> response = SyntheticResponse.deliverStream(REQUEST, HttpResponse.BodyHandlers.ofInputStream(),
          200, Map.of("content-type", List.of("text/event-stream")),
          new ByteArrayInputStream(events.getBytes(StandardCharsets.UTF_8)), pump).get(10, TimeUnit.SECONDS);
      String read;
      try (InputStream in = response.body()) {
        read = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertEquals(events, read);
      // Only the end of the stream (available() is 0 there) may need the pump; never every read.
      assertTrue(pump.tasks.get() <= 1, "pump tasks: " + pump.tasks.get());
    } finally {
      pump.threads.shutdownNow();
    }
  }

  @Test
  void bytesStillToComeAreWaitedForOnThePumpAndArriveWhole() throws Exception {
    PipedOutputStream writer = new PipedOutputStream();
    PipedInputStream body = new PipedInputStream(writer, 1 << 16);
    CountingPump pump = new CountingPump();
    try {
      var future = SyntheticResponse.deliverStream(REQUEST, HttpResponse.BodyHandlers.ofString(), 200,
          Map.of("content-type", List.of("text/event-stream")), body, pump);
      StringBuilder sent = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        String event = "data: {\"n\":" + i + "}\n\n";
        writer.write(event.getBytes(StandardCharsets.UTF_8));
        writer.flush();
        sent.append(event);
        Thread.sleep(2);
      }
      writer.close();
      HttpResponse<String> response = future.get(10, TimeUnit.SECONDS);
      assertEquals(sent.toString(), response.body());
      assertTrue(pump.tasks.get() >= 1, "a wait for bytes must be left to the pump");
    } finally {
      pump.threads.shutdownNow();
    }
  }

  @Test
  void aRoutedBodyTellsWhatItHoldsWithoutWaiting() throws IOException {
    // Short timeouts: the body is handed over when the target stays quiet that long (no read here waits).
    QueueingBodySubscriber subscriber = new QueueingBodySubscriber(Duration.ofMillis(50), Duration.ofMillis(50), false);
    subscriber.onSubscribe(new java.util.concurrent.Flow.Subscription() {
      @Override
      public void request(long n) {
      }

      @Override
      public void cancel() {
      }
    });
    InputStream in = subscriber.getBody().toCompletableFuture().join();
    assertEquals(0, in.available(), "nothing has arrived");
    subscriber.onNext(List.of(ByteBuffer.wrap(new byte[] {1, 2, 3}), ByteBuffer.wrap(new byte[] {4, 5})));
    assertEquals(5, in.available(), "a whole item queued");
    byte[] two = new byte[2];
    assertEquals(2, in.read(two, 0, 2));
    assertEquals(1, in.available(), "the rest of the buffer at hand");
    assertEquals(1, in.read(two, 0, 2));
    assertEquals(2, in.available(), "the next buffer of the item");
    assertEquals(2, in.read(two, 0, 2));
    subscriber.onComplete();
    assertEquals(0, in.available(), "the end holds no bytes");
    assertEquals(-1, in.read(two, 0, 2));
  }
}
