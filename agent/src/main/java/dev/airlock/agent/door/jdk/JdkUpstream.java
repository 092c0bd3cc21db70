package dev.airlock.agent.door.jdk;

import dev.airlock.agent.route.Upstream;
import dev.airlock.agent.route.UpstreamRequest;
import dev.airlock.agent.route.UpstreamResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends routed attempts through the application's own {@code HttpClient}, so its proxy, TLS,
 * executor and redirect settings apply to every attempt.
 */
final class JdkUpstream implements Upstream {

  /** Headers {@code HttpRequest.Builder} refuses; the client sets them itself. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client;
  private final HttpRequest original;

  JdkUpstream(HttpClient client, HttpRequest original) {
    this.client = client;
    this.original = original;
  }

  @Override
  public UpstreamResponse send(UpstreamRequest request, Duration timeout, Duration idleTimeout) throws IOException {
    HttpRequest.Builder attempt = HttpRequest.newBuilder(URI.create(request.url()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
        .expectContinue(original.expectContinue());
    original.version().ifPresent(attempt::version);
    if (timeout != null) {
      attempt.timeout(timeout);
    } else {
      original.timeout().ifPresent(attempt::timeout);
    }
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      if (RESTRICTED.contains(header.getKey())) {
        continue;
      }
      for (String value : header.getValue()) {
        attempt.header(header.getKey(), value);
      }
    }
    Duration firstRead = timeout != null ? timeout : original.timeout().orElse(null);
    HttpResponse<InputStream> response;
    JdkHttpClientDoor.REISSUING.set(Boolean.TRUE);
    try {
      response = client.send(attempt.build(),
          info -> new QueueingBodySubscriber(firstRead, idleTimeout, !isEventStream(info.headers())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while sending a routed attempt");
    } finally {
      JdkHttpClientDoor.REISSUING.remove();
    }
    return new Response(response);
  }

  /** An event stream is handed over at its first bytes; any other answer once it is complete. */
  private static boolean isEventStream(HttpHeaders headers) {
    String type = headers.firstValue("content-type").orElse(null);
    return type != null && type.regionMatches(true, 0, "text/event-stream", 0, "text/event-stream".length());
  }

  private static final class Response implements UpstreamResponse {
    private final HttpResponse<InputStream> response;

    Response(HttpResponse<InputStream> response) {
      this.response = response;
    }

    @Override
    public int status() {
      return response.statusCode();
    }

    @Override
    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    @Override
    public Map<String, List<String>> headers() {
      return response.headers().map();
    }

    @Override
    public InputStream body() {
      return response.body();
    }

    @Override
    public void close() {
      try {
        response.body().close();
      } catch (IOException | RuntimeException ignored) {
        // Nothing left to release.
      }
    }
  }
}
