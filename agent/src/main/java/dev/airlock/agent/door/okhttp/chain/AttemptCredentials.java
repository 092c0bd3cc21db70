package dev.airlock.agent.door.okhttp.chain;

import java.util.Map;

/**
 * A routed attempt's credential headers, carried as a request tag: a tag survives interceptors
 * that strip {@code Authorization} when a request's host differs from the call's (openai-java's
 * redirect safeguard), so {@link CredentialInterceptor} can put the target's own key back last.
 */
final class AttemptCredentials {

  final Map<String, String> headers;

  AttemptCredentials(Map<String, String> headers) {
    this.headers = headers;
  }

  @Override
  public String toString() {
    return "AttemptCredentials" + headers.keySet();
  }
}
