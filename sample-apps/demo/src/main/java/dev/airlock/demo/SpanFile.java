package dev.airlock.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the spans out of the agent's OTLP JSON lines file (one {@code ExportTraceServiceRequest}
 * or {@code ExportMetricsServiceRequest} per line), in the order the apps exported them.
 */
final class SpanFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SpanFile() {}

  static List<Span> read(Path file) throws IOException {
    List<Span> spans = new ArrayList<>();
    if (!Files.exists(file)) {
      return spans;
    }
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      for (JsonNode resource : JSON.readTree(line).path("resourceSpans")) {
        String service = attributes(resource.path("resource").path("attributes"))
            .getOrDefault("service.name", "").replace(".jar", "");
        for (JsonNode scope : resource.path("scopeSpans")) {
          for (JsonNode span : scope.path("spans")) {
            spans.add(new Span(service, span.path("name").asText(), span.path("kind").asInt(),
                span.path("traceId").asText(), span.path("spanId").asText(),
                span.path("parentSpanId").asText(""),
                Long.parseLong(span.path("startTimeUnixNano").asText("0")),
                Long.parseLong(span.path("endTimeUnixNano").asText("0")),
                attributes(span.path("attributes"))));
          }
        }
      }
    }
    return spans;
  }

  private static Map<String, String> attributes(JsonNode list) {
    Map<String, String> out = new HashMap<>();
    for (JsonNode a : list) {
      out.put(a.path("key").asText(), text(a.path("value")));
    }
    return out;
  }

  private static String text(JsonNode v) {
    if (v.has("stringValue")) {
      return v.get("stringValue").asText();
    }
    if (v.has("intValue")) {
      return v.get("intValue").asText();
    }
    if (v.has("doubleValue")) {
      return v.get("doubleValue").asText();
    }
    if (v.has("boolValue")) {
      return v.get("boolValue").asText();
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : v.path("arrayValue").path("values")) {
      items.add(text(item));
    }
    return String.join(",", items);
  }
}
