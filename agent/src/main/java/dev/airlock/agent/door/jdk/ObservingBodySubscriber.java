package dev.airlock.agent.door.jdk;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.engine.LlmCall;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Passes each piece of the response to the application's subscriber as it arrives (so time to
 * first token is unchanged) while the call parses it on the side. When the call rewrites the
 * stream, a piece it holds back entirely is not delivered, and the agent requests the next one
 * itself so the application's demand is unaffected.
 */
final class ObservingBodySubscriber<T> implements BodySubscriber<T> {

  private final BodySubscriber<T> application;
  private final LlmCall call;
  private volatile Flow.Subscription upstream;

  ObservingBodySubscriber(BodySubscriber<T> application, LlmCall call) {
    this.application = application;
    this.call = call;
  }

  @Override
  public CompletionStage<T> getBody() {
    return application.getBody();
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.upstream = subscription;
    application.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
        subscription.request(n);
      }

      @Override
      public void cancel() {
        safely(call::cancel);
        subscription.cancel();
      }
    });
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (!call.rewritesResponse()) {
      try {
        for (ByteBuffer item : items) {
          call.observe(item);
        }
      } catch (RuntimeException e) {
        AgentLog.debug("observing a response failed", e);
      }
      application.onNext(items);
      return;
    }
    byte[] out;
    try {
      out = call.rewrite(concat(items), 0, totalRemaining(items));
    } catch (RuntimeException e) {
      AgentLog.debug("rewriting a response failed; passing it on as is", e);
      application.onNext(items);
      return;
    }
    if (out.length == 0) {
      upstream.request(1);
    } else {
      application.onNext(List.of(ByteBuffer.wrap(out)));
    }
  }

  @Override
  public void onError(Throwable throwable) {
    safely(() -> call.fail(throwable));
    application.onError(throwable);
  }

  @Override
  public void onComplete() {
    if (call.rewritesResponse()) {
      byte[] tail = new byte[0];
      try {
        tail = call.finishRewrite();
      } catch (RuntimeException e) {
        AgentLog.debug("finishing a rewritten response failed", e);
      }
      if (tail.length > 0) {
        application.onNext(List.of(ByteBuffer.wrap(tail)));
      }
    }
    safely(call::complete);
    application.onComplete();
  }

  private static int totalRemaining(List<ByteBuffer> items) {
    int total = 0;
    for (ByteBuffer b : items) {
      total += b.remaining();
    }
    return total;
  }

  private static byte[] concat(List<ByteBuffer> items) {
    byte[] all = new byte[totalRemaining(items)];
    int at = 0;
    for (ByteBuffer b : items) {
      int n = b.remaining();
      b.duplicate().get(all, at, n);
      at += n;
    }
    return all;
  }

  private static void safely(Runnable agentWork) {
    try {
      agentWork.run();
    } catch (RuntimeException e) {
      AgentLog.debug("recording a call failed", e);
    }
  }
}
