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
 * A body subscriber whose body is an {@code InputStream} that gives up when the server goes
 * silent: the first read waits up to the attempt timeout, later ones up to the idle timeout. (The
 * JDK's own {@code ofInputStream} waits forever, which would turn a stalled stream into a hang.)
 */
final class QueueingBodySubscriber implements BodySubscriber<InputStream> {

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Duration firstTimeout;
  private final Duration idleTimeout;
  private volatile Flow.Subscription subscription;

  QueueingBodySubscriber(Duration firstTimeout, Duration idleTimeout) {
    this.firstTimeout = firstTimeout;
    this.idleTimeout = idleTimeout;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    queue.add(item);
  }

  @Override
  public void onError(Throwable throwable) {
    queue.add(throwable);
  }

  @Override
  public void onComplete() {
    queue.add(END);
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedFuture(new Body());
  }

  private final class Body extends InputStream {
    private Iterator<ByteBuffer> buffers;
    private ByteBuffer current;
    private boolean first = true;
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
      Duration wait = first ? firstTimeout : idleTimeout;
      try {
        if (wait == null) {
          return queue.take();
        }
        Object next = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
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
