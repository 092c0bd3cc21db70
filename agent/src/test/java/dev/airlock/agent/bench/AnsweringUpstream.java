package dev.airlock.agent.bench;

import dev.airlock.agent.route.Upstream;
import dev.airlock.agent.route.UpstreamRequest;
import dev.airlock.agent.route.UpstreamResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A provider that answers every routed attempt at once, from memory: a request for a stream with
 * the same events, any other with the same JSON body and its {@code Content-Length}, as a
 * provider's answers come. The routing engine's own work without a transport, as {@link
 * PipelineBenchmark} measures it.
 */
final class AnsweringUpstream implements Upstream {

  private static final byte[] STREAM_TRUE = "\"stream\":true".getBytes(StandardCharsets.US_ASCII);

  private final byte[] answer;
  private final Map<String, List<String>> answerHeaders;
  private final byte[] events;
  private final Map<String, List<String>> eventHeaders = Map.of("content-type", List.of("text/event-stream"));

  /**
   * @param answer the JSON answer to a request that does not ask for a stream
   * @param events the whole event stream answering one that does (written {@code "stream":true})
   */
  AnsweringUpstream(byte[] answer, byte[] events) {
    this.answer = answer.clone();
    this.answerHeaders = Map.of("content-type", List.of("application/json"),
        "content-length", List.of(Integer.toString(answer.length)));
    this.events = events.clone();
  }

  @Override
  public UpstreamResponse send(UpstreamRequest request, Duration timeout, Duration idleTimeout) {
    boolean stream = contains(request.body(), STREAM_TRUE);
    return response(stream ? events : answer, stream ? eventHeaders : answerHeaders);
  }

  private static UpstreamResponse response(byte[] body, Map<String, List<String>> headers) {
    return new UpstreamResponse() {
      @Override
      public int status() {
        return 200;
      }

      @Override
      public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? null : values.get(0);
      }

      @Override
      public Map<String, List<String>> headers() {
        return headers;
      }

      @Override
      public InputStream body() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public void close() {}
    };
  }

  private static boolean contains(byte[] body, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= body.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (body[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
