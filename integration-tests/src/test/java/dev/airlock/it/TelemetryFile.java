package dev.airlock.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the agent's OTLP JSON lines file as a collector's {@code otlpjsonfile} receiver would:
 * every line must be one {@code ExportTraceServiceRequest} or {@code ExportMetricsServiceRequest}.
 */
final class TelemetryFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  final List<SpanRecord> spans = new ArrayList<>();
  /** Metric name to its data points of the last export (cumulative, so the last one holds the totals). */
  final Map<String, List<Point>> metrics = new LinkedHashMap<>();

  static TelemetryFile read(Path path) throws IOException {
    TelemetryFile file = new TelemetryFile();
    if (!Files.exists(path)) {
      return file;
    }
    for (String line : Files.readAllLines(path)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode root = JSON.readTree(line);
      if (root.has("resourceSpans")) {
        file.readSpans(root);
      } else if (root.has("resourceMetrics")) {
        file.readMetrics(root);
      } else {
        throw new AssertionError("a line that is neither traces nor metrics: " + line);
      }
    }
    return file;
  }

  private void readSpans(JsonNode root) {
    for (JsonNode resource : root.path("resourceSpans")) {
      for (JsonNode scope : resource.path("scopeSpans")) {
        for (JsonNode span : scope.path("spans")) {
          spans.add(new SpanRecord(span));
        }
      }
    }
  }

  private void readMetrics(JsonNode root) {
    for (JsonNode resource : root.path("resourceMetrics")) {
      for (JsonNode scope : resource.path("scopeMetrics")) {
        for (JsonNode metric : scope.path("metrics")) {
          List<Point> points = new ArrayList<>();
          for (String kind : new String[] {"histogram", "sum", "gauge"}) {
            for (JsonNode dp : metric.path(kind).path("dataPoints")) {
              points.add(new Point(metric.path("unit").asText(), dp));
            }
          }
          metrics.put(metric.path("name").asText(), points);
        }
      }
    }
  }

  static Map<String, Object> attributes(JsonNode attributes) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (JsonNode a : attributes) {
      out.put(a.path("key").asText(), value(a.path("value")));
    }
    return out;
  }

  private static Object value(JsonNode v) {
    if (v.has("stringValue")) {
      return v.get("stringValue").asText();
    }
    if (v.has("intValue")) {
      return Long.parseLong(v.get("intValue").asText());
    }
    if (v.has("doubleValue")) {
      return v.get("doubleValue").asDouble();
    }
    if (v.has("boolValue")) {
      return v.get("boolValue").asBoolean();
    }
    if (v.has("arrayValue")) {
      List<Object> list = new ArrayList<>();
      for (JsonNode item : v.path("arrayValue").path("values")) {
        list.add(value(item));
      }
      return list;
    }
    return null;
  }

  /** One exported span. */
  static final class SpanRecord {
    final String name;
    final int kind;
    final String traceId;
    final String spanId;
    final String parentSpanId;
    final Map<String, Object> attributes;
    final int statusCode;
    final long startNanos;
    final long endNanos;
    final List<String> events = new ArrayList<>();

    SpanRecord(JsonNode span) {
      this.name = span.path("name").asText();
      this.kind = span.path("kind").asInt();
      this.traceId = span.path("traceId").asText();
      this.spanId = span.path("spanId").asText();
      this.parentSpanId = span.path("parentSpanId").asText("");
      this.attributes = attributes(span.path("attributes"));
      this.statusCode = span.path("status").path("code").asInt(0);
      this.startNanos = Long.parseLong(span.path("startTimeUnixNano").asText("0"));
      this.endNanos = Long.parseLong(span.path("endTimeUnixNano").asText("0"));
      for (JsonNode event : span.path("events")) {
        events.add(event.path("name").asText());
      }
    }

    Object attr(String key) {
      return attributes.get(key);
    }

    long longAttr(String key) {
      Object v = attributes.get(key);
      if (!(v instanceof Long)) {
        throw new AssertionError("span '" + name + "' has no integer " + key + ": " + attributes);
      }
      return (Long) v;
    }

    double doubleAttr(String key) {
      Object v = attributes.get(key);
      if (!(v instanceof Double)) {
        throw new AssertionError("span '" + name + "' has no double " + key + ": " + attributes);
      }
      return (Double) v;
    }

    @Override
    public String toString() {
      return name + " " + attributes;
    }
  }

  /** One metric data point. */
  static final class Point {
    final String unit;
    final Map<String, Object> attributes;
    final double sum;
    final long count;
    final double value;

    Point(String unit, JsonNode dp) {
      this.unit = unit;
      this.attributes = attributes(dp.path("attributes"));
      this.sum = dp.path("sum").asDouble(0);
      this.count = dp.has("count") ? Long.parseLong(dp.path("count").asText()) : 0;
      this.value = dp.has("asDouble") ? dp.path("asDouble").asDouble()
          : dp.has("asInt") ? Long.parseLong(dp.path("asInt").asText()) : 0;
    }

    @Override
    public String toString() {
      return attributes + " sum=" + sum + " count=" + count + " value=" + value;
    }
  }
}
