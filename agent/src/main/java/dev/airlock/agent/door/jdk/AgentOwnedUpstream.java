package dev.airlock.agent.door.jdk;

import dev.airlock.agent.route.Upstream;
import dev.airlock.agent.route.UpstreamRequest;
import dev.airlock.agent.route.UpstreamResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The agent's own {@code HttpClient}, for traffic the application never asked for (shadow copies).
 * Created on first use, so an agent without shadow routes never loads it; its calls pass the JDK
 * door untouched (see {@link JdkUpstream}).
 */
public final class AgentOwnedUpstream implements Upstream {

  private volatile JdkUpstream delegate;

  @Override
  public UpstreamResponse send(UpstreamRequest request, Duration timeout, Duration idleTimeout) throws IOException {
    JdkUpstream client = delegate;
    if (client == null) {
      synchronized (this) {
        if (delegate == null) {
          delegate = new JdkUpstream(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
              HttpRequest.newBuilder(URI.create("http://localhost/")).build());
        }
        client = delegate;
      }
    }
    return client.send(request, timeout != null ? timeout : Duration.ofSeconds(60),
        idleTimeout != null ? idleTimeout : Duration.ofSeconds(60));
  }
}
