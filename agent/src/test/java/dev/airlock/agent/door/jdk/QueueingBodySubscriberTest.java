package dev.airlock.agent.door.jdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * When a routed attempt's body is handed to the reader: a whole answer once complete, an event
 * stream at its first bytes, and either after the shorter timeout when the target goes quiet,
 * with the reads' timeouts counted as if the reader had been waiting all along.
 */
class QueueingBodySubscriberTest {

  private static final Duration LONG = Duration.ofSeconds(30);

  /** Counts what the subscriber asks for. */
  private static final class Demand implements Flow.Subscription {
    final AtomicLong requested = new AtomicLong();
    volatile boolean cancelled;

    @Override
    public void request(long n) {
      requested.addAndGet(n);
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  private static List<ByteBuffer> item(String text) {
    return List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aWholeAnswerIsReadAheadAndHandedOverAtItsEnd() throws Exception {
    QueueingBodySubscriber subscriber = new QueueingBodySubscriber(LONG, LONG, true);
    Demand demand = new Demand();
    subscriber.onSubscribe(demand);
    CompletableFuture<InputStream> body = subscriber.getBody().toCompletableFuture();
    subscriber.onNext(item("{\"choices\":"));
    subscriber.onNext(item("[]}"));
    assertFalse(body.isDone(), "handed over before the answer was complete");
    assertEquals(3, demand.requested.get(), "one item at a time, asked for by the subscriber itself");
    subscriber.onComplete();
    assertTrue(body.isDone());
    try (InputStream in = body.get()) {
      assertEquals("{\"choices\":[]}", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aLargeAnswerIsHandedOverAfterTheReadAheadAndThenFlowsAsRead() throws Exception {
    QueueingBodySubscriber subscriber = new QueueingBodySubscriber(LONG, LONG, true);
    Demand demand = new Demand();
    subscriber.onSubscribe(demand);
    CompletableFuture<InputStream> body = subscriber.getBody().toCompletableFuture();
    byte[] chunk = new byte[64 * 1024];
    int chunks = QueueingBodySubscriber.READ_AHEAD_BYTES / chunk.length;
    for (int i = 0; i < chunks; i++) {
      subscriber.onNext(List.of(ByteBuffer.wrap(chunk)));
    }
    assertTrue(body.isDone());
    assertEquals(chunks, demand.requested.get(), "no more asked for once the read-ahead is full");
    InputStream in = body.get();
    assertEquals(chunk.length, in.readNBytes(chunk.length).length);
    assertEquals(chunks + 1, demand.requested.get(), "the reader asks for an item per item it takes");
  }

  @Test
  void anEventStreamIsHandedOverAtItsFirstBytes() throws Exception {
    QueueingBodySubscriber subscriber = new QueueingBodySubscriber(LONG, LONG, false);
    Demand demand = new Demand();
    subscriber.onSubscribe(demand);
    CompletableFuture<InputStream> body = subscriber.getBody().toCompletableFuture();
    assertFalse(body.isDone());
    subscriber.onNext(item("data: {}\n\n"));
    assertTrue(body.isDone());
    assertEquals(1, demand.requested.get(), "a stream is not read ahead: the reader asks as it reads");
    byte[] first = new byte[64];
    int n = body.get().read(first, 0, first.length);
    assertEquals("data: {}\n\n", new String(first, 0, n, StandardCharsets.UTF_8));
    assertEquals(2, demand.requested.get());
  }

  @Test
  void anErrorHandsTheBodyOverAndIsThrownByTheRead() throws Exception {
    QueueingBodySubscriber subscriber = new QueueingBodySubscriber(LONG, LONG, true);
    subscriber.onSubscribe(new Demand());
    CompletableFuture<InputStream> body = subscriber.getBody().toCompletableFuture();
    subscriber.onError(new java.io.IOException("connection reset"));
    assertTrue(body.isDone());
    java.io.IOException thrown = assertThrows(java.io.IOException.class, () -> body.get().read(new byte[8], 0, 8));
    assertEquals("connection reset", thrown.getMessage());
  }

  @Test
  void aSilentTargetGetsTheFirstTimeoutFromTheHeadersNotFromTheHandOver() throws Exception {
    Duration first = Duration.ofMillis(600);
    Duration idle = Duration.ofMillis(200);
    QueueingBodySubscriber subscriber = new QueueingBodySubscriber(first, idle, true);
    Demand demand = new Demand();
    long start = System.nanoTime();
    subscriber.onSubscribe(demand);
    InputStream in = subscriber.getBody().toCompletableFuture().get(5, TimeUnit.SECONDS);
    long handedOver = System.nanoTime() - start;
    assertTrue(handedOver >= idle.toNanos(), "handed over after the shorter timeout, not before");
    HttpTimeoutException timeout = assertThrows(HttpTimeoutException.class, () -> in.read(new byte[8], 0, 8));
    long failed = System.nanoTime() - start;
    assertTrue(timeout.getMessage().startsWith("no response body within"), timeout.getMessage());
    assertTrue(failed >= first.toNanos(), "gave up before the first timeout: " + failed / 1_000_000 + " ms");
    assertTrue(failed < first.toNanos() + idle.toNanos(), "waited the first timeout again after the hand-over: "
        + failed / 1_000_000 + " ms");
    assertTrue(demand.cancelled);
  }

  @Test
  void aTargetThatStallsWhileReadAheadGetsTheIdleTimeoutFromItsLastBytes() throws Exception {
    Duration idle = Duration.ofMillis(300);
    QueueingBodySubscriber subscriber = new QueueingBodySubscriber(LONG, idle, true);
    subscriber.onSubscribe(new Demand());
    subscriber.onNext(item("{\"partial\":"));
    long lastBytes = System.nanoTime();
    InputStream in = subscriber.getBody().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertArrayEquals("{\"partial\":".getBytes(StandardCharsets.UTF_8), in.readNBytes(11));
    HttpTimeoutException timeout = assertThrows(HttpTimeoutException.class, () -> in.read(new byte[8], 0, 8));
    long failed = System.nanoTime() - lastBytes;
    assertTrue(timeout.getMessage().startsWith("no data for"), timeout.getMessage());
    assertTrue(failed >= idle.toNanos(), "gave up before the idle timeout");
    assertTrue(failed < 2 * idle.toNanos(), "waited the idle timeout again after the hand-over: "
        + failed / 1_000_000 + " ms");
  }
}
