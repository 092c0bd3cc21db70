package dev.airlock.agent.bench;

import dev.airlock.agent.route.Upstream;
import dev.airlock.agent.route.UpstreamRequest;
import dev.airlock.agent.route.UpstreamResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A provider that answers every routed attempt at once, from memory, with the same JSON body and
 * its {@code Content-Length}, as a provider's non-streamed answer comes: the routing engine's own
 * work without a transport, as {@link PipelineBenchmark} measures it.
 */
final class AnsweringUpstream implements Upstream {

  private final byte[] answer;
  private final Map<String, List<String>> headers;

  AnsweringUpstream(byte[] answer) {
    this.answer = answer.clone();
    this.headers = Map.of("content-type", List.of("application/json"),
        "content-length", List.of(Integer.toString(answer.length)));
  }

  @Override
  public UpstreamResponse send(UpstreamRequest request, Duration timeout, Duration idleTimeout) {
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
        return new ByteArrayInputStream(answer);
      }

      @Override
      public void close() {}
    };
  }
}
