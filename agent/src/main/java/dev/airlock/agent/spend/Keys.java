package dev.airlock.agent.spend;

import java.time.Duration;

/**
 * Key names of budget and rate counters (documented in {@code dev.airlock.agent.state}). They must be
 * the same in every JVM sharing a Redis, so they depend only on the policy and the call's scope.
 */
final class Keys {

  static final String BUDGET_PREFIX = "airlock:budget:";
  static final String RATE_PREFIX = "airlock:rate:";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Keys() {}

  /**
   * A scope value as a key segment: {@code %}, {@code :}, parentheses, braces, {@code *}, spaces and
   * control characters are percent-encoded, so that a value can never pass for another segment, for
   * the "(none)" or "*" markers, or for a Redis Cluster hash tag. Other characters, non-ASCII ones
   * included, are kept (Redis keys are UTF-8 bytes).
   */
  static String escape(String value) {
    int n = value.length();
    int i = 0;
    while (i < n && plain(value.charAt(i))) {
      i++;
    }
    if (i == n) {
      return value;
    }
    StringBuilder b = new StringBuilder(n + 8).append(value, 0, i);
    for (; i < n; i++) {
      char c = value.charAt(i);
      if (plain(c)) {
        b.append(c);
      } else {
        b.append('%').append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
      }
    }
    return b.toString();
  }

  private static boolean plain(char c) {
    return c > ' ' && c != 0x7f && c != '%' && c != ':' && c != '(' && c != ')' && c != '{' && c != '}' && c != '*';
  }

  /** An interval as a key segment: {@code 60s}, or {@code 1500ms} when not whole seconds. */
  static String interval(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
  }
}
