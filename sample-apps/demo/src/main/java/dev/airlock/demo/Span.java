package dev.airlock.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One span from the agent's telemetry file, its attribute values as text. */
final class Span {

  /** OTLP's SPAN_KIND_CLIENT: the agent's one span per LLM call. */
  private static final int KIND_CLIENT = 3;

  final String service;
  final String name;
  final int kind;
  final String traceId;
  final String spanId;
  final String parentSpanId;
  final long startNanos;
  final long endNanos;
  private final Map<String, String> attributes;

  Span(String service, String name, int kind, String traceId, String spanId, String parentSpanId,
      long startNanos, long endNanos, Map<String, String> attributes) {
    this.service = service;
    this.name = name;
    this.kind = kind;
    this.traceId = traceId;
    this.spanId = spanId;
    this.parentSpanId = parentSpanId;
    this.startNanos = startNanos;
    this.endNanos = endNanos;
    this.attributes = attributes;
  }

  /** The span of an LLM call as the app made it (not one of the agent's attempts or shadow copies). */
  boolean isCall() {
    return kind == KIND_CLIENT;
  }

  /** Whether this span is one try of {@code call} (the agent's INTERNAL children of a routed call). */
  boolean isAttemptOf(Span call) {
    return name.startsWith("attempt ") && call.spanId.equals(parentSpanId);
  }

  String get(String key) {
    return attributes.get(key);
  }

  String get(String key, String otherwise) {
    return attributes.getOrDefault(key, otherwise);
  }

  double number(String key) {
    String value = attributes.get(key);
    return value == null ? 0 : Double.parseDouble(value);
  }

  long millis() {
    return (endNanos - startNanos) / 1_000_000;
  }

  /** {@code key=value} for each of these attributes the span has, in the order given. */
  String show(String... keys) {
    List<String> parts = new ArrayList<>();
    for (String key : keys) {
      if (attributes.containsKey(key)) {
        // Amounts print as the table prints them, not as 4.0E-5.
        String value = key.endsWith("usd") ? usd(number(key)) : attributes.get(key);
        parts.add(key + "=" + value);
      }
    }
    return String.join(" ", parts);
  }

  /** A USD amount as the table and sections print it. */
  static String usd(double amount) {
    return String.format(Locale.ROOT, "%.8f", amount);
  }
}
