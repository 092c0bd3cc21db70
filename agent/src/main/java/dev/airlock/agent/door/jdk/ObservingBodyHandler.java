package dev.airlock.agent.door.jdk;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.engine.LlmCall;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;

/** Runs the application's own {@code BodyHandler}, with the call watching the bytes go by. */
final class ObservingBodyHandler<T> implements BodyHandler<T> {

  private final BodyHandler<T> application;
  private final LlmCall call;

  ObservingBodyHandler(BodyHandler<T> application, LlmCall call) {
    this.application = application;
    this.call = call;
  }

  @Override
  public BodySubscriber<T> apply(ResponseInfo info) {
    try {
      call.onResponse(info.statusCode(), info.headers().firstValue("content-type").orElse(null));
    } catch (RuntimeException e) {
      AgentLog.debug("observing a response head failed", e);
    }
    BodySubscriber<T> subscriber = application.apply(info);
    return new ObservingBodySubscriber<>(subscriber, call);
  }

  static <T> HttpResponse.BodyHandler<T> wrap(BodyHandler<T> application, LlmCall call) {
    return new ObservingBodyHandler<>(application, call);
  }
}
