package dev.airlock.agent.engine;

import dev.airlock.agent.codec.Endpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether an outgoing HTTP request is an LLM call. Every HTTP call the application makes
 * asks this first, so the answer for a host that is no provider costs one hash lookup and a
 * handful of suffix comparisons, and allocates nothing.
 */
public final class ProviderRegistry {

  private static final ProviderEndpoint[] NONE = new ProviderEndpoint[0];

  /** Exact host to its endpoints, longest base path first (the most specific one wins). */
  private final Map<String, ProviderEndpoint[]> byHost;
  /** Endpoints matched by host suffix, e.g. Azure's per-resource hosts. */
  private final ProviderEndpoint[] bySuffix;
  /** The policy's provider names to their first endpoint (a routed call is named by its target). */
  private final Map<String, ProviderEndpoint> byName;

  private ProviderRegistry(Map<String, ProviderEndpoint[]> byHost, ProviderEndpoint[] bySuffix,
      Map<String, ProviderEndpoint> byName) {
    this.byHost = byHost;
    this.bySuffix = bySuffix;
    this.byName = byName;
  }

  /** Builds a registry; later endpoints for the same host and base path do not replace earlier ones. */
  public static ProviderRegistry of(List<ProviderEndpoint> endpoints) {
    Map<String, List<ProviderEndpoint>> grouped = new HashMap<>();
    List<ProviderEndpoint> suffixes = new ArrayList<>();
    Map<String, ProviderEndpoint> byName = new HashMap<>();
    for (ProviderEndpoint e : endpoints) {
      byName.putIfAbsent(e.providerName(), e);
      if (e.hostIsSuffix()) {
        suffixes.add(e);
      } else {
        grouped.computeIfAbsent(e.host().toLowerCase(Locale.ROOT), h -> new ArrayList<>()).add(e);
      }
    }
    Comparator<ProviderEndpoint> specificFirst =
        Comparator.comparingInt((ProviderEndpoint e) -> e.port() == ProviderEndpoint.ANY_PORT ? 1 : 0)
            .thenComparing(e -> -e.basePath().length());
    Map<String, ProviderEndpoint[]> byHost = new HashMap<>();
    grouped.forEach((host, list) -> {
      list.sort(specificFirst);
      byHost.put(host, list.toArray(NONE));
    });
    suffixes.sort(specificFirst);
    return new ProviderRegistry(byHost, suffixes.toArray(NONE), byName);
  }

  /** The endpoint of the provider the policy calls {@code providerName}, or null. */
  public ProviderEndpoint named(String providerName) {
    return byName.get(providerName);
  }

  /**
   * The provider and API a request goes to, or null when it is not an LLM call we understand.
   *
   * @param host the request's host as the transport reports it
   * @param port the request's port, or -1 when the URL has none
   * @param path the request's path, without query
   */
  public ProviderMatch match(String host, int port, String path) {
    if (host == null) {
      return null;
    }
    ProviderEndpoint[] candidates = byHost.get(host);
    if (candidates == null && hasUpperCase(host)) {
      candidates = byHost.get(host.toLowerCase(Locale.ROOT));
    }
    if (candidates != null) {
      ProviderMatch m = firstRecognizing(candidates, port, path);
      if (m != null) {
        return m;
      }
    }
    for (ProviderEndpoint e : bySuffix) {
      if (endsWithIgnoreCase(host, e.host())) {
        ProviderMatch m = recognize(e, port, path);
        if (m != null) {
          return m;
        }
      }
    }
    return null;
  }

  /**
   * Whether a request to this host could be an LLM call: the one hash lookup that every other
   * HTTP call pays. Doors ask this before they compute anything else about the request.
   */
  public boolean isCandidateHost(String host) {
    if (host == null) {
      return false;
    }
    if (byHost.containsKey(host)) {
      return true;
    }
    for (ProviderEndpoint e : bySuffix) {
      if (endsWithIgnoreCase(host, e.host())) {
        return true;
      }
    }
    return hasUpperCase(host) && byHost.containsKey(host.toLowerCase(Locale.ROOT));
  }

  /** Whether any endpoint is registered for this exact host (used by tests and the CLI). */
  public boolean knowsHost(String host) {
    return byHost.containsKey(host.toLowerCase(Locale.ROOT));
  }

  private static ProviderMatch firstRecognizing(ProviderEndpoint[] candidates, int port, String path) {
    for (ProviderEndpoint e : candidates) {
      ProviderMatch m = recognize(e, port, path);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  private static ProviderMatch recognize(ProviderEndpoint e, int port, String path) {
    if (e.port() != ProviderEndpoint.ANY_PORT && e.port() != port) {
      return null;
    }
    if (path == null || !path.startsWith(e.basePath())) {
      return null;
    }
    Endpoint endpoint = Endpoint.recognize(e.format(), path);
    return endpoint == null ? null : new ProviderMatch(e, endpoint);
  }

  private static boolean hasUpperCase(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithIgnoreCase(String s, String suffix) {
    int offset = s.length() - suffix.length();
    return offset > 0 && s.regionMatches(true, offset, suffix, 0, suffix.length());
  }
}
