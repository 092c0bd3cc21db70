package dev.airlock.agent.door.okhttp.chain;

import dev.airlock.agent.route.Upstream;
import dev.airlock.agent.route.UpstreamRequest;
import dev.airlock.agent.route.UpstreamResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends routed attempts down the application's own interceptor chain ({@code chain.proceed} may
 * be called again by an application interceptor once the previous response is closed), so the
 * client's connection pool, proxy, TLS and network interceptors apply to every attempt.
 */
final class OkHttpUpstream implements Upstream {

  private final Interceptor.Chain chain;
  private final Request original;

  OkHttpUpstream(Interceptor.Chain chain, Request original) {
    this.chain = chain;
    this.original = original;
  }

  @Override
  public UpstreamResponse send(UpstreamRequest request, Duration timeout, Duration idleTimeout) throws IOException {
    String pathAndQuery = request.pathAndQuery();
    int q = pathAndQuery.indexOf('?');
    HttpUrl.Builder url = new HttpUrl.Builder()
        .scheme(request.scheme())
        .host(request.host())
        .port(request.port())
        .encodedPath(q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
    if (q >= 0) {
      url.encodedQuery(pathAndQuery.substring(q + 1));
    }
    Headers.Builder headers = new Headers.Builder();
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      for (String value : header.getValue()) {
        headers.add(header.getKey(), value);
      }
    }
    String type = request.header("content-type");
    Request attempt = original.newBuilder()
        .url(url.build())
        .headers(headers.build())
        .method("POST", new BytesRequestBody(MediaType.parse(type == null ? "application/json" : type), request.body()))
        .tag(AttemptCredentials.class, request.credentials().isEmpty() ? null
            : new AttemptCredentials(request.credentials()))
        .build();
    Interceptor.Chain timed = chain;
    if (timeout != null) {
      int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
      try {
        // The socket read timeout bounds the wait for the response to start; the idle timeout takes over once it flows.
        timed = chain.withConnectTimeout(millis, TimeUnit.MILLISECONDS)
            .withReadTimeout(millis, TimeUnit.MILLISECONDS)
            .withWriteTimeout(millis, TimeUnit.MILLISECONDS);
      } catch (LinkageError before312) {
        timed = chain;
      }
    }
    Response response = timed.proceed(attempt);
    return new OkHttpUpstreamResponse(response, idleTimeout);
  }
}
