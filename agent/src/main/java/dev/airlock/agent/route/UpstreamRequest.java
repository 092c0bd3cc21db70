package dev.airlock.agent.route;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One attempt as the door must send it: a POST of {@link #body()} to {@link #url()} with exactly
 * {@link #headers()}. Header names are lower case; the door adds nothing but what its transport
 * adds on its own (content length, host).
 */
public final class UpstreamRequest {

  private final String scheme;
  private final String host;
  private final int port;
  private final String pathAndQuery;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final Map<String, String> credentials;

  UpstreamRequest(String scheme, String host, int port, String pathAndQuery, Map<String, List<String>> headers,
      byte[] body, Map<String, String> credentials) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.pathAndQuery = pathAndQuery;
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body;
    this.credentials = Map.copyOf(credentials);
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

  /** The raw path, with {@code ?query} when there is one. */
  public String pathAndQuery() {
    return pathAndQuery;
  }

  /** {@code scheme://host:port/path?query}. */
  public String url() {
    return scheme + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port + pathAndQuery;
  }

  /** Lower-case names; never holds {@code content-length} or {@code host}. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  public String header(String lowerCaseName) {
    List<String> values = headers.get(lowerCaseName);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The target's credential headers (lower-case names), also present in {@link #headers()}: empty
   * when the call stays with the provider the application addressed. A door whose client strips
   * credentials from requests that change host (openai-java does, as a redirect safeguard) puts
   * these back as the request leaves.
   */
  public Map<String, String> credentials() {
    return credentials;
  }

  public byte[] body() {
    return body;
  }

  @Override
  public String toString() {
    // Never the headers: they hold credentials.
    return "POST " + scheme + "://" + host + ":" + port + pathAndQuery + " (" + body.length + " bytes)";
  }
}
