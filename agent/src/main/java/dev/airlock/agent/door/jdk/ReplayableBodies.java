package dev.airlock.agent.door.jdk;

import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Reads a request body from its {@code BodyPublisher} without taking it from the transport: only
 * publishers that replay the same bytes to every subscriber ({@code ofString}, {@code ofByteArray})
 * are read; an {@code InputStream} or custom publisher might not, so those calls pass untouched.
 */
final class ReplayableBodies {

  /** Bodies larger than this are not LLM requests we rewrite; they pass through. */
  static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  private static final String BYTE_ARRAY = "jdk.internal.net.http.RequestPublishers$ByteArrayPublisher";
  private static final String STRING = "jdk.internal.net.http.RequestPublishers$StringPublisher";

  private ReplayableBodies() {}

  static boolean isReplayable(BodyPublisher publisher) {
    String name = publisher.getClass().getName();
    return (name.equals(STRING) || name.equals(BYTE_ARRAY))
        && publisher.contentLength() >= 0
        && publisher.contentLength() <= MAX_BODY_BYTES;
  }

  /** The publisher's bytes; these publishers deliver synchronously, the timeout is a safety net. */
  static byte[] read(BodyPublisher publisher) throws Exception {
    Collector collector = new Collector((int) publisher.contentLength());
    publisher.subscribe(collector);
    return collector.result.get(5, TimeUnit.SECONDS);
  }

  private static final class Collector implements Flow.Subscriber<ByteBuffer> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final byte[] bytes;
    private int filled;

    Collector(int length) {
      this.bytes = new byte[length];
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ByteBuffer item) {
      int n = Math.min(item.remaining(), bytes.length - filled);
      item.duplicate().get(bytes, filled, n);
      filled += n;
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(filled == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, filled));
    }
  }
}
