package dev.airlock.agent.route;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request as the application addressed it: where it was going and with which headers. The
 * door captures it; routing derives each attempt from it. Header names are kept lower case.
 */
public final class AppRequest {

  private final String scheme;
  private final String host;
  private final int port;
  private final String pathAndQuery;
  private final Map<String, List<String>> headers;

  /**
   * @param port the effective port (the scheme's default when the URL names none)
   * @param pathAndQuery the raw path, with {@code ?query} when there is one
   */
  public AppRequest(String scheme, String host, int port, String pathAndQuery, Map<String, List<String>> headers) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.pathAndQuery = pathAndQuery;
    Map<String, List<String>> lower = new LinkedHashMap<>();
    headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
        .addAll(values));
    this.headers = Collections.unmodifiableMap(lower);
  }

  public String scheme() {
    return scheme;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String pathAndQuery() {
    return pathAndQuery;
  }

  /** The raw path without the query. */
  public String path() {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }

  /** Lower-case names. */
  public Map<String, List<String>> headers() {
    return headers;
  }
}
