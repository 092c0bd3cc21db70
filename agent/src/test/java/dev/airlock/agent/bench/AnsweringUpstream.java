package dev.airlock.agent.bench;

import dev.airlock.agent.route.Upstream;
import dev.airlock.agent.route.UpstreamRequest;
import dev.airlock.agent.route.UpstreamResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A provider that answers every routed attempt at once, from memory, with the same JSON body: the
 * routing engine's own work without a transport, as {@link PipelineBenchmark} measures it.
 */
final class AnsweringUpstream implements Upstream {

  private static final Map<String, List<String>> JSON = Map.of("content-type", List.of("application/json"));

  private final byte[] answer;

  AnsweringUpstream(byte[] answer) {
    this.answer = answer.clone();
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
        return "content-type".equalsIgnoreCase(name) ? "application/json" : null;
      }

      @Override
      public Map<String, List<String>> headers() {
        return JSON;
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
