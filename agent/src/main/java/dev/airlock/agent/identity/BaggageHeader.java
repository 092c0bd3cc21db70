package dev.airlock.agent.identity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads one key of a W3C {@code baggage} header ({@code k1=v1,k2=v2;prop}). */
final class BaggageHeader {

  private BaggageHeader() {}

  static String value(String header, String key) {
    if (header == null) {
      return null;
    }
    for (String member : header.split(",")) {
      int eq = member.indexOf('=');
      if (eq <= 0 || !member.substring(0, eq).trim().equals(key)) {
        continue;
      }
      String value = member.substring(eq + 1);
      int props = value.indexOf(';');
      if (props >= 0) {
        value = value.substring(0, props);
      }
      try {
        return URLDecoder.decode(value.trim(), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException malformed) {
        return value.trim();
      }
    }
    return null;
  }
}
