package dev.airlock.agent.route;

import java.io.IOException;
import java.time.Duration;

/**
 * What a door offers the routing layer: sending one attempt through the application's own HTTP
 * client instance, so that its TLS, proxy and connection settings still apply to re-issued and
 * re-targeted requests.
 *
 * <p>Implementations block until the response headers arrive (or fail), and hand back a body that
 * enforces the idle timeout between reads. They never retry on their own: retries, fallbacks and
 * breakers belong to {@link RoutedExchange}.
 */
public interface Upstream {

  /**
   * Sends one attempt.
   *
   * @param request where and what to send; its headers are complete and final
   * @param timeout how long to wait for the response to start (status line and headers)
   * @param idleTimeout once the body flows, the longest silence between two reads
   * @throws IOException when the attempt fails before a response: connect errors, timeouts
   */
  UpstreamResponse send(UpstreamRequest request, Duration timeout, Duration idleTimeout) throws IOException;
}
