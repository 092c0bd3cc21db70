package dev.airlock.agent.door.jdk;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A routed attempt's body subscriber, whose body is an {@code InputStream} that gives up when the
 * server goes silent: the first bytes must come within the attempt timeout of the response's
 * headers, and later ones within the idle timeout of the last wait's start. (The JDK's own
 * {@code ofInputStream} waits forever, which would turn a stalled stream into a hang.)
 *
 * <p>{@code HttpClient.send} returns when {@link #getBody} completes. Completing it at once, as
 * {@code ofInputStream} does, hands the response over at its headers, and the reader then waits a
 * second time for the body, which usually comes a few microseconds later: the calling thread
 * parked and woke twice per routed call (0.7 extra parks per call in a JFR recording of the load
 * harness, about 100 µs each on a busy 2-core machine). So the body is handed over once it can be
 * read without waiting: an answer that is not an event stream when it is complete (or
 * {@link #READ_AHEAD_BYTES} of it has come), an event stream at its first bytes, either at an end
 * or an error. When the target goes quiet first, the body is handed over after the shorter of the
 * two timeouts anyway, and its reads then time out as above, counting from when the wait began.
 */
final class QueueingBodySubscriber implements BodySubscriber<InputStream> {

  /** At most this much of an answer is read ahead before it is handed over; the rest flows as it is read. */
  static final int READ_AHEAD_BYTES = 1024 * 1024;

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Duration firstTimeout;
  private final Duration idleTimeout;
  /** Whether to read the answer ahead to its end (not an event stream), rather than to its first bytes. */
  private final boolean readWhole;
  private final Body body = new Body();
  /** Completed with {@link #body} when it can be read without waiting, or when the target went quiet. */
  private final CompletableFuture<InputStream> handOver = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;
  /** When the subscription began: the first bytes are waited for from here. */
  private volatile long subscribedNanos;
  /** When the last item came, or 0 before the first. */
  private volatile long lastItemNanos;
  /**
   * Whether bytes, an end or an error handed the body over, rather than the target's silence: only
   * after silence had the reader, had it been reading, already been waiting.
   */
  private volatile boolean handedOverWithData;
  /** Bytes read ahead; only the subscriber's signals touch it, and the JDK sends them one at a time. */
  private long readAheadBytes;

  /**
   * @param firstTimeout how long the first bytes may take, or null for no limit
   * @param idleTimeout how long a later wait may take, or null for no limit
   * @param readWhole read ahead to the end of the answer (up to {@link #READ_AHEAD_BYTES}) before
   *     handing it over; false for an event stream, handed over at its first bytes
   */
  QueueingBodySubscriber(Duration firstTimeout, Duration idleTimeout, boolean readWhole) {
    this.firstTimeout = firstTimeout;
    this.idleTimeout = idleTimeout;
    this.readWhole = readWhole;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscribedNanos = System.nanoTime();
    this.subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    lastItemNanos = System.nanoTime();
    queue.add(item);
    if (handOver.isDone()) {
      return; // the reader asks for more as it reads
    }
    if (readWhole) {
      for (ByteBuffer buffer : item) {
        readAheadBytes += buffer.remaining();
      }
      if (readAheadBytes < READ_AHEAD_BYTES) {
        subscription.request(1);
        return;
      }
    }
    handOverWithData();
  }

  @Override
  public void onError(Throwable throwable) {
    queue.add(throwable);
    handOverWithData();
  }

  @Override
  public void onComplete() {
    queue.add(END);
    handOverWithData();
  }

  private void handOverWithData() {
    if (!handOver.isDone()) {
      handedOverWithData = true;
      handOver.complete(body);
    }
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    Duration quiet = shorter(firstTimeout, idleTimeout);
    // Never wait longer than either timeout before handing over: the reads enforce them from there.
    return quiet == null ? handOver : handOver.completeOnTimeout(body, quiet.toNanos(), TimeUnit.NANOSECONDS);
  }

  private static Duration shorter(Duration a, Duration b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) <= 0 ? a : b;
  }

  private final class Body extends InputStream {
    private Iterator<ByteBuffer> buffers;
    private ByteBuffer current;
    private boolean first = true;
    /** Whether a read has waited yet. */
    private boolean waited;
    private boolean done;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (current == null || !current.hasRemaining()) {
        if (buffers != null && buffers.hasNext()) {
          current = buffers.next();
          continue;
        }
        if (done) {
          return -1;
        }
        Object next = take();
        if (next == END) {
          done = true;
          return -1;
        }
        if (next instanceof Throwable) {
          done = true;
          Throwable t = (Throwable) next;
          throw t instanceof IOException ? (IOException) t : new IOException(t);
        }
        @SuppressWarnings("unchecked")
        List<ByteBuffer> list = (List<ByteBuffer>) next;
        buffers = list.iterator();
        current = null;
        Flow.Subscription s = subscription;
        if (s != null) {
          s.request(1);
        }
      }
      int n = Math.min(len, current.remaining());
      current.get(b, off, n);
      first = false;
      return n;
    }

    /** The bytes a read returns without waiting: those at hand, or else those of the next item queued. */
    @Override
    public int available() {
      if (current != null && current.hasRemaining()) {
        return current.remaining();
      }
      while (buffers != null && buffers.hasNext()) {
        current = buffers.next();
        if (current.hasRemaining()) {
          return current.remaining();
        }
      }
      if (done) {
        return 0;
      }
      Object next = queue.peek();
      if (!(next instanceof List)) {
        return 0;
      }
      int bytes = 0;
      for (Object buffer : (List<?>) next) {
        bytes += ((ByteBuffer) buffer).remaining();
      }
      return bytes;
    }

    private Object take() throws IOException {
      Object ready = queue.poll();
      if (ready != null) {
        return ready;
      }
      Duration wait = first ? firstTimeout : idleTimeout;
      try {
        if (wait == null) {
          return queue.take();
        }
        // The first wait counts as if the reader had been waiting since the headers: for the first
        // bytes, from the subscription; after silence handed the body over, from the last item.
        long now = System.nanoTime();
        long from = now;
        if (!waited) {
          waited = true;
          long subscribed = subscribedNanos;
          long lastItem = lastItemNanos;
          if (first && subscribed != 0) {
            from = subscribed;
          } else if (!handedOverWithData && lastItem != 0) {
            from = lastItem;
          }
        }
        Object next = queue.poll(Math.max(0, from + wait.toNanos() - now), TimeUnit.NANOSECONDS);
        if (next == null) {
          close();
          throw new HttpTimeoutException((first ? "no response body within " : "no data for ") + wait.toMillis() + " ms");
        }
        return next;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while reading a routed response");
      }
    }

    @Override
    public void close() {
      done = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }
}
