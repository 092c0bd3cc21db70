package dev.airlock.policy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Locale;

/**
 * Reads {@code state:}: {@code memory}, or a {@code redis://} / {@code rediss://} URL with a host,
 * an optional port and an optional database number. The URL is never echoed once it looks like one:
 * a malformed URL may carry a password.
 */
final class StateReader {

  private static final String FORM =
      "must be memory or a Redis URL, redis://host:port (rediss:// for TLS)";

  private final Expect expect;
  private final ProblemCollector problems;

  StateReader(Expect expect) {
    this.expect = expect;
    this.problems = expect.problems();
  }

  /** The setting, or null after reporting. */
  StatePolicy read(PolicyNode node) {
    String text = expect.string(node);
    if (text == null) {
      return null;
    }
    if (text.equals("memory")) {
      return StatePolicy.memory();
    }
    int schemeEnd = text.indexOf("://");
    if (schemeEnd < 0) {
      String guess = DidYouMean.closest(text, Collections.singletonList("memory"));
      if (guess != null) {
        problems.error(node, FORM + ", got '" + text + "' (did you mean 'memory'?)", guess);
      } else {
        problems.error(node, FORM + ", got '" + text + "'");
      }
      return null;
    }
    String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      problems.error(
          node, FORM + "; scheme '" + text.substring(0, schemeEnd) + "' is not supported");
      return null;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      problems.error(node, FORM + " (" + e.getReason() + ")");
      return null;
    }
    if (uri.getRawUserInfo() != null) {
      problems.error(
          node,
          "must not contain credentials (user:password@): they would end up in logs and version"
              + " control");
      return null;
    }
    if (uri.getHost() == null) {
      problems.error(node, "must include a host name, e.g. redis://redis.internal:6379");
      return null;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!path.isEmpty() && !path.matches("/[0-9]*")) {
      problems.error(node, "the path may only be a database number, e.g. redis://host:6379/0");
      return null;
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      problems.error(node, "must not contain a query ('?...') or fragment ('#...')");
      return null;
    }
    return StatePolicy.redis(uri);
  }
}
