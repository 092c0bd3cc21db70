package dev.airlock.agent.route;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A scripted {@link Upstream}: answers per host:port, in order, and records what it was sent. */
final class FakeUpstream implements Upstream {

  final List<UpstreamRequest> sent = new ArrayList<>();
  private final Map<String, Deque<Function<UpstreamRequest, UpstreamResponse>>> scripts = new HashMap<>();
  private final Map<String, Function<UpstreamRequest, UpstreamResponse>> always = new HashMap<>();

  /** The next answer of {@code hostPort}; once its script is used up, {@link #always} applies. */
  FakeUpstream then(String hostPort, Function<UpstreamRequest, UpstreamResponse> answer) {
    scripts.computeIfAbsent(hostPort, k -> new ArrayDeque<>()).add(answer);
    return this;
  }

  FakeUpstream always(String hostPort, Function<UpstreamRequest, UpstreamResponse> answer) {
    always.put(hostPort, answer);
    return this;
  }

  long sentTo(String hostPort) {
    return sent.stream().filter(r -> (r.host() + ":" + r.port()).equals(hostPort)).count();
  }

  @Override
  public UpstreamResponse send(UpstreamRequest request, Duration timeout, Duration idleTimeout) throws IOException {
    sent.add(request);
    String key = request.host() + ":" + request.port();
    Deque<Function<UpstreamRequest, UpstreamResponse>> script = scripts.get(key);
    Function<UpstreamRequest, UpstreamResponse> answer = script != null && !script.isEmpty()
        ? script.removeFirst() : always.get(key);
    if (answer == null) {
      throw new ConnectException("Connection refused: " + key);
    }
    UpstreamResponse response = answer.apply(request);
    if (response == null) {
      throw new ConnectException("Connection refused: " + key);
    }
    return response;
  }

  static UpstreamResponse json(int status, String body, String... headerPairs) {
    return response(status, "application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
        headerPairs);
  }

  static UpstreamResponse sse(String events) {
    return response(200, "text/event-stream", new ByteArrayInputStream(events.getBytes(StandardCharsets.UTF_8)));
  }

  /** A stream that sends {@code events}, then fails. */
  static UpstreamResponse sseThenFail(String events) {
    byte[] bytes = events.getBytes(StandardCharsets.UTF_8);
    InputStream failing = new InputStream() {
      private int pos;

      @Override
      public int read() throws IOException {
        if (pos < bytes.length) {
          return bytes[pos++] & 0xff;
        }
        throw new IOException("unexpected end of stream");
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (pos >= bytes.length) {
          throw new IOException("unexpected end of stream");
        }
        int n = Math.min(len, bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
      }
    };
    return response(200, "text/event-stream", failing);
  }

  static UpstreamResponse response(int status, String contentType, InputStream body, String... headerPairs) {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("content-type", List.of(contentType));
    for (int i = 0; i + 1 < headerPairs.length; i += 2) {
      headers.put(headerPairs[i], List.of(headerPairs[i + 1]));
    }
    return new UpstreamResponse() {
      @Override
      public int status() {
        return status;
      }

      @Override
      public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null ? null : v.get(0);
      }

      @Override
      public Map<String, List<String>> headers() {
        return headers;
      }

      @Override
      public InputStream body() {
        return body;
      }

      @Override
      public void close() {
      }
    };
  }
}
