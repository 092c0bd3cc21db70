package dev.airlock.agent.door.okhttp.chain;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.engine.LlmCall;
import dev.airlock.agent.engine.Pipeline;
import dev.airlock.agent.engine.ProviderMatch;
import java.io.IOException;
import dev.airlock.agent.cache.AnswerReplay;
import dev.airlock.agent.cache.CachedAnswer;
import dev.airlock.agent.route.AppRequest;
import dev.airlock.agent.route.RoutedExchange;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import dev.airlock.agent.redact.BlockedAnswer;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * The application interceptor the agent puts first in every {@code OkHttpClient}. An LLM call is
 * handed to the pipeline and its response body wrapped so the call sees the bytes as the
 * application reads them; any other call costs one hash lookup on its host.
 */
public final class AirlockInterceptor implements Interceptor {

  static final String TRANSPORT = "okhttp";
  /** Marks an answer served from the exact cache. */
  static final String CACHE_HEADER = "x-airlock-cache";
  /** Bodies larger than this pass through unread. */
  private static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  private final Pipeline pipeline;

  public AirlockInterceptor(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    String host = url.host();
    if (!pipeline.isCandidateHost(host)) {
      return chain.proceed(request);
    }
    LlmCall call;
    Request toSend;
    ProviderMatch match = null;
    try {
      String path = url.encodedPath();
      match = pipeline.match(host, url.port(), path);
      byte[] body = match == null ? null : readBody(request.body());
      call = body == null ? null
          : pipeline.begin(match, TRANSPORT, host, url.port(), path, url.encodedQuery(), request::header, body);
      if (call == null) {
        return chain.proceed(request);
      }
      toSend = call.requestChanged()
          ? request.newBuilder()
              .removeHeader("Content-Length")
              .method(request.method(), new BytesRequestBody(request.body().contentType(), call.outgoingBody()))
              .build()
          : request;
    } catch (RuntimeException | IOException agentFailure) {
      BlockedAnswer refusal = pipeline.internalFailure(match, agentFailure);
      if (refusal != null) {
        return blockedResponse(request, refusal);
      }
      AgentLog.debug("the OkHttp door failed before sending; the original call goes ahead", agentFailure);
      return chain.proceed(request);
    }
    BlockedAnswer blocked = call.blockedAnswer();
    if (blocked != null) {
      return observe(blockedResponse(request, blocked), call);
    }
    CachedAnswer cached = call.cachedAnswer();
    if (cached != null) {
      return observe(cachedResponse(request, cached), call);
    }
    if (call.routed()) {
      return routed(chain, request, call);
    }
    Response response;
    try {
      response = chain.proceed(toSend);
    } catch (IOException | RuntimeException | Error failure) {
      call.fail(failure);
      throw failure;
    }
    return call.holdsWholeAnswer() ? checkWhole(response, call) : observe(response, call);
  }

  /** Routing, retries and fallbacks: attempts go down the app's own chain; the app gets the outcome. */
  private static Response routed(Chain chain, Request request, LlmCall call) throws IOException {
    HttpUrl url = request.url();
    String query = url.encodedQuery();
    AppRequest app = new AppRequest(url.scheme(), url.host(), url.port(),
        url.encodedPath() + (query == null ? "" : "?" + query), request.headers().toMultimap());
    RoutedExchange.Result result;
    try {
      result = call.exchange(new OkHttpUpstream(chain, request), app);
    } catch (IOException failure) {
      call.fail(failure);
      throw failure;
    } catch (RuntimeException agentFailure) {
      AgentLog.error("routing failed inside the agent; the original call goes ahead", agentFailure);
      call.fail(agentFailure);
      return chain.proceed(request);
    }
    Headers.Builder headers = new Headers.Builder();
    for (Map.Entry<String, List<String>> header : result.headers().entrySet()) {
      for (String value : header.getValue()) {
        headers.add(header.getKey(), value);
      }
    }
    Response response = new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(result.status())
        .message(result.status() < 400 ? "OK" : "Error")
        .headers(headers.build())
        .body(new StreamResponseBody(result.body()))
        .build();
    return call.holdsWholeAnswer() ? checkWhole(response, call) : observe(response, call);
  }

  private static Response observe(Response response, LlmCall call) {
    try {
      call.onResponse(response.code(), response.header("Content-Type"));
      ResponseBody body = response.body();
      if (body == null) {
        call.complete();
        return response;
      }
      Response.Builder observed = response.newBuilder().body(new ObservedResponseBody(body, call));
      if (call.rewritesResponse()) {
        observed.removeHeader("Content-Length");
      }
      return observed.build();
    } catch (RuntimeException agentFailure) {
      AgentLog.debug("the OkHttp door could not watch a response; passing it on as is", agentFailure);
      return response;
    }
  }

  /** Output rules on a non-streamed answer: read it all, and give the app what the rules leave of it. */
  private static Response checkWhole(Response response, LlmCall call) throws IOException {
    ResponseBody body = response.body();
    byte[] bytes;
    try {
      bytes = body == null ? new byte[0] : body.bytes();
    } catch (IOException | RuntimeException failure) {
      call.fail(failure);
      throw failure;
    }
    LlmCall.WholeAnswer answer = call.finishWholeAnswer(response.code(), response.header("Content-Type"), bytes);
    Response.Builder checked = response.newBuilder()
        .removeHeader("Content-Length")
        .body(new BytesResponseBody(answer.body()));
    if (answer.blockedRule() != null) {
      checked.code(answer.status()).message("Bad Request")
          .header("Content-Type", BlockedAnswer.CONTENT_TYPE)
          .header(BlockedAnswer.RULE_HEADER, answer.blockedRule());
    }
    return checked.build();
  }

  /** An answer from the exact cache, replayed with its original chunking; nothing leaves the JVM. */
  private static Response cachedResponse(Request request, CachedAnswer cached) {
    Response.Builder response = new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(cached.status())
        .message("OK")
        .header(CACHE_HEADER, "hit")
        .body(new StreamResponseBody(AnswerReplay.inputStream(cached)));
    if (cached.contentType() != null) {
      response.header("Content-Type", cached.contentType());
    }
    return response.build();
  }

  /** The provider-format error the policy answers with; the request never leaves the JVM. */
  private static Response blockedResponse(Request request, BlockedAnswer blocked) {
    return new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(blocked.status())
        .message(blocked.status() == BlockedAnswer.LIMITED ? "Too Many Requests" : "Bad Request")
        .header("Content-Type", BlockedAnswer.CONTENT_TYPE)
        .header(BlockedAnswer.RULE_HEADER, blocked.rule())
        .body(new BytesResponseBody(blocked.body()))
        .build();
  }

  /** The body's bytes, or null when reading them could take them from the transport. */
  private static byte[] readBody(RequestBody body) throws IOException {
    if (body == null || isOneShotOrDuplex(body)) {
      return null;
    }
    long length = body.contentLength();
    if (length > MAX_BODY_BYTES) {
      return null;
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    if (buffer.size() > MAX_BODY_BYTES) {
      return null;
    }
    return buffer.readByteArray();
  }

  private static boolean isOneShotOrDuplex(RequestBody body) {
    try {
      return body.isOneShot() || body.isDuplex();
    } catch (LinkageError olderThan314) {
      // OkHttp before 3.14 has neither notion; its bodies can all be written twice.
      return false;
    }
  }
}
