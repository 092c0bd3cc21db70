package dev.airlock.agent.door.jdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSession;

/**
 * A response the agent gives itself (a blocked call), delivered through the application's own
 * {@code BodyHandler} exactly as a network response would be.
 */
final class SyntheticResponse<T> implements HttpResponse<T> {

  private final HttpRequest request;
  private final int status;
  private final HttpHeaders headers;
  private final T body;

  private SyntheticResponse(HttpRequest request, int status, HttpHeaders headers, T body) {
    this.request = request;
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** Runs {@code handler} over {@code bytes}; completes when the handler's body does. */
  static <T> CompletableFuture<HttpResponse<T>> deliver(HttpRequest request, BodyHandler<T> handler, int status,
      Map<String, List<String>> headerMap, byte[] bytes) {
    HttpHeaders headers = HttpHeaders.of(headerMap, (name, value) -> true);
    BodySubscriber<T> subscriber = handler.apply(info(status, headers));
    AtomicBoolean delivered = new AtomicBoolean();
    subscriber.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
        if (n > 0 && delivered.compareAndSet(false, true)) {
          subscriber.onNext(List.of(ByteBuffer.wrap(bytes)));
          subscriber.onComplete();
        }
      }

      @Override
      public void cancel() {
        delivered.set(true);
      }
    });
    return subscriber.getBody().toCompletableFuture()
        .thenApply(body -> new SyntheticResponse<>(request, status, headers, body));
  }

  /**
   * Runs {@code handler} over a body that is still arriving: a pump thread reads {@code body} as the
   * handler's subscriber asks for more, so a streamed answer reaches the application as it comes.
   */
  static <T> CompletableFuture<HttpResponse<T>> deliverStream(HttpRequest request, BodyHandler<T> handler,
      int status, Map<String, List<String>> headerMap, java.io.InputStream body, java.util.concurrent.Executor pump) {
    HttpHeaders headers = HttpHeaders.of(headerMap, (name, value) -> true);
    BodySubscriber<T> subscriber = handler.apply(info(status, headers));
    subscriber.onSubscribe(new StreamPump(subscriber, body, pump));
    return subscriber.getBody().toCompletableFuture()
        .thenApply(b -> new SyntheticResponse<>(request, status, headers, b));
  }

  /**
   * Moves bytes from the stream to the subscriber, never more items than it asked for.
   *
   * <p>When the subscriber asks for more and the stream already holds bytes, they are handed over
   * on the asking thread (the application's, reading its {@code ofInputStream}); only a wait for
   * bytes still to come goes to the pump thread. Handing every event to another thread and back
   * cost two thread wake-ups per event, more than the agent's own work on it.
   */
  private static final class StreamPump implements Flow.Subscription {
    private final BodySubscriber<?> subscriber;
    private final java.io.InputStream body;
    private final java.util.concurrent.Executor pump;
    private final java.util.concurrent.atomic.AtomicLong demand = new java.util.concurrent.atomic.AtomicLong();
    /** Held by whichever thread is reading the stream, so that one reads at a time and items stay in order. */
    private final AtomicBoolean running = new AtomicBoolean();
    /** Read into by the one reading thread; each item gets its own copy. */
    private final byte[] buffer = new byte[8192];
    private volatile boolean finished;

    StreamPump(BodySubscriber<?> subscriber, java.io.InputStream body, java.util.concurrent.Executor pump) {
      this.subscriber = subscriber;
      this.body = body;
      this.pump = pump;
    }

    @Override
    public void request(long n) {
      if (n <= 0 || finished) {
        return;
      }
      demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      if (running.compareAndSet(false, true)) {
        drain(true);
      }
    }

    /**
     * Delivers while there is demand; {@code onCallersThread}, only what can be read without waiting,
     * leaving the wait to the pump thread.
     */
    private void drain(boolean onCallersThread) {
      try {
        while (!finished && demand.get() > 0) {
          if (onCallersThread && readyBytes() <= 0) {
            break;
          }
          int n = body.read(buffer, 0, buffer.length);
          if (n < 0) {
            finish();
            subscriber.onComplete();
            return;
          }
          if (n > 0) {
            demand.decrementAndGet();
            subscriber.onNext(List.of(ByteBuffer.wrap(java.util.Arrays.copyOf(buffer, n))));
          }
        }
      } catch (java.io.IOException | RuntimeException failure) {
        finish();
        subscriber.onError(failure);
        return;
      } finally {
        running.set(false);
      }
      if (!finished && demand.get() > 0 && running.compareAndSet(false, true)) {
        pump.execute(() -> drain(false));
      }
    }

    /** What the stream holds that a read returns at once; none when it cannot tell. */
    private int readyBytes() {
      try {
        return body.available();
      } catch (java.io.IOException | RuntimeException unknown) {
        return 0;
      }
    }

    @Override
    public void cancel() {
      finish();
    }

    private void finish() {
      finished = true;
      try {
        body.close();
      } catch (java.io.IOException | RuntimeException ignored) {
        // Already closed or broken: nothing to release.
      }
    }
  }

  /** The status line and headers a handler is applied to. */
  private static ResponseInfo info(int status, HttpHeaders headers) {
    return new ResponseInfo() {
      @Override
      public int statusCode() {
        return status;
      }

      @Override
      public HttpHeaders headers() {
        return headers;
      }

      @Override
      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }
    };
  }

  @Override
  public int statusCode() {
    return status;
  }

  @Override
  public HttpRequest request() {
    return request;
  }

  @Override
  public Optional<HttpResponse<T>> previousResponse() {
    return Optional.empty();
  }

  @Override
  public HttpHeaders headers() {
    return headers;
  }

  @Override
  public T body() {
    return body;
  }

  @Override
  public Optional<SSLSession> sslSession() {
    return Optional.empty();
  }

  @Override
  public URI uri() {
    return request.uri();
  }

  @Override
  public HttpClient.Version version() {
    return HttpClient.Version.HTTP_1_1;
  }
}
