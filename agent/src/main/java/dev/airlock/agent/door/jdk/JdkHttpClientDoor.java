package dev.airlock.agent.door.jdk;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.engine.LlmCall;
import dev.airlock.agent.engine.Pipeline;
import dev.airlock.agent.engine.ProviderMatch;
import dev.airlock.agent.engine.RequestHeaders;
import dev.airlock.agent.redact.BlockedAnswer;
import dev.airlock.agent.cache.AnswerReplay;
import dev.airlock.agent.cache.CachedAnswer;
import dev.airlock.agent.route.AppRequest;
import dev.airlock.agent.route.RoutedExchange;
import dev.airlock.agent.route.Upstream;
import java.net.URI;
import java.util.concurrent.Callable;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The door for {@code java.net.http.HttpClient}: takes over {@code send} and {@code sendAsync} of
 * LLM calls and re-issues them through the application's own client instance (so its proxy, TLS,
 * redirect and timeout settings apply), with the application's {@code BodyHandler} wrapped to
 * watch the response. Every other call runs the original method after one hash lookup.
 */
public final class JdkHttpClientDoor implements Predicate<Object>, Function<Object[], Object[]> {

  static final String TRANSPORT = "jdk-httpclient";

  /** Set while the door re-issues a call, so that the inner send runs the original method. */
  static final ThreadLocal<Boolean> REISSUING = new ThreadLocal<>();

  private final Pipeline pipeline;

  public JdkHttpClientDoor(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** The one hash lookup every JDK HttpClient call pays. */
  @Override
  public boolean test(Object request) {
    return pipeline.isCandidateHost(((HttpRequest) request).uri().getHost()) && REISSUING.get() == null;
  }

  /** From the bridge: {client, request, handler, pushPromiseHandler, async}. */
  @Override
  public Object[] apply(Object[] call) {
    return handle(call[0], (HttpRequest) call[1], call[2], call[3], (Boolean) call[4]);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object[] handle(Object client, HttpRequest original, Object handler, Object pushPromiseHandler,
      boolean async) {
    URI uri = original.uri();
    String host = uri.getHost();
    String path = uri.getRawPath();
    int port = effectivePort(uri);
    ProviderMatch match = pipeline.match(host, port, path);
    if (match == null) {
      return null;
    }
    LlmCall call;
    HttpRequest toSend;
    HttpResponse.BodyHandler<Object> observing;
    try {
      Optional<BodyPublisher> publisher = original.bodyPublisher();
      if (publisher.isEmpty() || !ReplayableBodies.isReplayable(publisher.get())) {
        AgentLog.debug("passing through an LLM call whose body cannot be read without consuming it");
        return null;
      }
      byte[] body = ReplayableBodies.read(publisher.get());
      call = pipeline.begin(match, TRANSPORT, host, port, path, uri.getRawQuery(), headersOf(original), body);
      if (call == null) {
        return null;
      }
      toSend = call.requestChanged() ? withBody(original, call.outgoingBody()) : original;
      observing = ObservingBodyHandler.wrap((HttpResponse.BodyHandler<Object>) handler, call);
    } catch (Throwable agentFailure) {
      BlockedAnswer refusal = pipeline.internalFailure(match, agentFailure);
      if (refusal != null) {
        return answerBlocked(original, (HttpResponse.BodyHandler<Object>) handler, refusal, async);
      }
      AgentLog.debug("the JDK HttpClient door failed before sending; the original call goes ahead", agentFailure);
      return null;
    }
    BlockedAnswer blocked = call.blockedAnswer();
    if (blocked != null) {
      return answerBlocked(original, observing, blocked, async);
    }
    CachedAnswer cached = call.cachedAnswer();
    if (cached != null) {
      return answerCached(original, observing, cached, async);
    }
    HttpClient httpClient = (HttpClient) client;
    if (call.routed()) {
      return routed(httpClient, original, (HttpResponse.BodyHandler<Object>) handler, observing, call, async, port);
    }
    if (call.holdsWholeAnswer()) {
      return sendAndCheckWhole(httpClient, original, toSend, (HttpResponse.BodyHandler<Object>) handler, call, async);
    }
    REISSUING.set(Boolean.TRUE);
    try {
      if (!async) {
        try {
          return new Object[] {httpClient.send(toSend, observing), null};
        } catch (Throwable failure) {
          call.fail(failure);
          return new Object[] {null, failure};
        }
      }
      CompletableFuture<HttpResponse<Object>> future = pushPromiseHandler == null
          ? httpClient.sendAsync(toSend, observing)
          : httpClient.sendAsync(toSend, observing, (HttpResponse.PushPromiseHandler) pushPromiseHandler);
      future.whenComplete((response, failure) -> {
        if (failure != null) {
          call.fail(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
        }
      });
      return new Object[] {future, null};
    } finally {
      REISSUING.remove();
    }
  }

  /**
   * Routing, retries and fallbacks: attempts go through the app's own client; the app's handler gets
   * the outcome. An asynchronous call runs its attempts on an agent thread.
   */
  private static Object[] routed(HttpClient httpClient, HttpRequest original, HttpResponse.BodyHandler<Object> appHandler,
      HttpResponse.BodyHandler<Object> observing, LlmCall call, boolean async, int port) {
    URI uri = original.uri();
    String query = uri.getRawQuery();
    AppRequest app = new AppRequest(uri.getScheme(), uri.getHost(), port,
        uri.getRawPath() + (query == null ? "" : "?" + query), original.headers().map());
    Upstream upstream = new JdkUpstream(httpClient, original);
    Callable<CompletableFuture<HttpResponse<Object>>> exchange = () -> {
      RoutedExchange.Result result = call.exchange(upstream, app);
      if (call.holdsWholeAnswer()) {
        byte[] bytes;
        try (java.io.InputStream in = result.body()) {
          bytes = in.readAllBytes();
        }
        LlmCall.WholeAnswer answer = call.finishWholeAnswer(result.status(), result.contentType(), bytes);
        Map<String, List<String>> headers = new java.util.HashMap<>(result.headers());
        if (answer.blockedRule() != null) {
          headers.put("content-type", List.of(BlockedAnswer.CONTENT_TYPE));
          headers.put(BlockedAnswer.RULE_HEADER, List.of(answer.blockedRule()));
        }
        return SyntheticResponse.deliver(original, appHandler, answer.status(), headers, answer.body());
      }
      return SyntheticResponse.deliverStream(original, observing, result.status(), result.headers(), result.body(),
          RoutingThreads.EXECUTOR);
    };
    if (async) {
      CompletableFuture<HttpResponse<Object>> future = new CompletableFuture<>();
      RoutingThreads.EXECUTOR.execute(() -> {
        try {
          exchange.call().whenComplete((response, failure) -> {
            if (failure != null) {
              future.completeExceptionally(failure);
            } else {
              future.complete(response);
            }
          });
        } catch (Throwable failure) {
          call.fail(failure);
          future.completeExceptionally(failure);
        }
      });
      return new Object[] {future, null};
    }
    try {
      return new Object[] {exchange.call().get(), null};
    } catch (java.util.concurrent.ExecutionException e) {
      call.fail(e.getCause());
      return new Object[] {null, e.getCause()};
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call.fail(e);
      return new Object[] {null, e};
    } catch (java.io.IOException e) {
      call.fail(e);
      return new Object[] {null, e};
    } catch (Exception agentFailure) {
      AgentLog.error("routing failed inside the agent; the original call goes ahead", agentFailure);
      call.fail(agentFailure);
      return null;
    }
  }

  /**
   * Output rules on a non-streamed answer: the door reads it whole, then hands the app's own handler
   * what the rules leave of it (or the provider-format error of the rule that blocks it).
   */
  private static Object[] sendAndCheckWhole(HttpClient httpClient, HttpRequest original, HttpRequest toSend,
      HttpResponse.BodyHandler<Object> appHandler, LlmCall call, boolean async) {
    REISSUING.set(Boolean.TRUE);
    CompletableFuture<HttpResponse<byte[]>> raw;
    try {
      raw = httpClient.sendAsync(toSend, HttpResponse.BodyHandlers.ofByteArray());
    } finally {
      REISSUING.remove();
    }
    CompletableFuture<HttpResponse<Object>> answered = raw.thenCompose(response -> {
      LlmCall.WholeAnswer answer = call.finishWholeAnswer(response.statusCode(),
          response.headers().firstValue("content-type").orElse(null), response.body());
      java.util.Map<String, List<String>> headers = new java.util.HashMap<>(response.headers().map());
      headers.remove("content-length");
      if (answer.blockedRule() != null) {
        headers.put("content-type", List.of(BlockedAnswer.CONTENT_TYPE));
        headers.put(BlockedAnswer.RULE_HEADER, List.of(answer.blockedRule()));
      }
      return SyntheticResponse.deliver(original, appHandler, answer.status(), headers, answer.body());
    });
    answered.whenComplete((response, failure) -> {
      if (failure != null) {
        call.fail(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
      }
    });
    return completed(answered, async);
  }

  /** An answer from the exact cache, through the app's own handler; nothing leaves the JVM. */
  private static Object[] answerCached(HttpRequest request, HttpResponse.BodyHandler<Object> handler,
      CachedAnswer cached, boolean async) {
    Map<String, List<String>> headers = new java.util.HashMap<>();
    headers.put("x-airlock-cache", List.of("hit"));
    if (cached.contentType() != null) {
      headers.put("content-type", List.of(cached.contentType()));
    }
    CompletableFuture<HttpResponse<Object>> response = cached.streamed()
        ? SyntheticResponse.deliverStream(request, handler, cached.status(), headers,
            AnswerReplay.inputStream(cached), RoutingThreads.EXECUTOR)
        : SyntheticResponse.deliver(request, handler, cached.status(), headers, AnswerReplay.bytes(cached));
    return completed(response, async);
  }

  private static Object[] completed(CompletableFuture<HttpResponse<Object>> response, boolean async) {
    if (async) {
      return new Object[] {response, null};
    }
    try {
      return new Object[] {response.get(), null};
    } catch (java.util.concurrent.ExecutionException e) {
      return new Object[] {null, e.getCause()};
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Object[] {null, e};
    }
  }

  /** The policy's refusal, through the app's own handler; the request never leaves the JVM. */
  private static Object[] answerBlocked(HttpRequest request, HttpResponse.BodyHandler<Object> handler,
      BlockedAnswer blocked, boolean async) {
    CompletableFuture<HttpResponse<Object>> response = SyntheticResponse.deliver(request, handler, blocked.status(),
        Map.of("content-type", List.of(BlockedAnswer.CONTENT_TYPE), BlockedAnswer.RULE_HEADER, List.of(blocked.rule())),
        blocked.body());
    return completed(response, async);
  }

  private static int effectivePort(URI uri) {
    int port = uri.getPort();
    if (port != -1) {
      return port;
    }
    return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
  }

  private static RequestHeaders headersOf(HttpRequest request) {
    return name -> request.headers().firstValue(name).orElse(null);
  }

  /** The same request with another body; {@code HttpRequest} has no copy builder before Java 16. */
  private static HttpRequest withBody(HttpRequest original, byte[] body) {
    HttpRequest.Builder copy = HttpRequest.newBuilder(original.uri())
        .method(original.method(), HttpRequest.BodyPublishers.ofByteArray(body))
        .expectContinue(original.expectContinue());
    original.timeout().ifPresent(copy::timeout);
    original.version().ifPresent(copy::version);
    for (Map.Entry<String, List<String>> header : original.headers().map().entrySet()) {
      if (header.getKey().equalsIgnoreCase("content-length")) {
        continue;
      }
      for (String value : header.getValue()) {
        copy.header(header.getKey(), value);
      }
    }
    return copy.build();
  }
}
