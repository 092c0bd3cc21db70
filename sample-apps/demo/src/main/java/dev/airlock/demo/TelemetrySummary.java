package dev.airlock.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A readable table of the LLM call spans in an OTLP JSON lines file. */
final class TelemetrySummary {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<Map<String, String>> calls = new ArrayList<>();
  private final Path file;

  private TelemetrySummary(Path file) {
    this.file = file;
  }

  static TelemetrySummary of(Path file) throws IOException {
    TelemetrySummary summary = new TelemetrySummary(file);
    if (!Files.exists(file)) {
      return summary;
    }
    for (String line : Files.readAllLines(file)) {
      JsonNode root = JSON.readTree(line);
      for (JsonNode resource : root.path("resourceSpans")) {
        String service = "";
        for (JsonNode a : resource.path("resource").path("attributes")) {
          if (a.path("key").asText().equals("service.name")) {
            service = a.path("value").path("stringValue").asText();
          }
        }
        for (JsonNode scope : resource.path("scopeSpans")) {
          for (JsonNode span : scope.path("spans")) {
            Map<String, String> call = new HashMap<>();
            call.put("service", service.replace(".jar", ""));
            for (JsonNode a : span.path("attributes")) {
              JsonNode v = a.path("value");
              String text = v.has("stringValue") ? v.get("stringValue").asText()
                  : v.has("intValue") ? v.get("intValue").asText()
                  : v.has("doubleValue") ? v.get("doubleValue").asText()
                  : v.has("boolValue") ? v.get("boolValue").asText()
                  : v.has("arrayValue") ? arrayText(v.get("arrayValue")) : "";
              call.put(a.path("key").asText(), text);
            }
            long start = Long.parseLong(span.path("startTimeUnixNano").asText());
            long end = Long.parseLong(span.path("endTimeUnixNano").asText());
            call.put("latency_ms", String.format(Locale.ROOT, "%.0f", (end - start) / 1e6));
            summary.calls.add(call);
          }
        }
      }
    }
    return summary;
  }

  private static String arrayText(JsonNode array) {
    List<String> items = new ArrayList<>();
    for (JsonNode item : array.path("values")) {
      items.add(item.path("stringValue").asText());
    }
    return String.join(",", items);
  }

  void print(PrintStream out) {
    out.println("== What the agent saw (" + calls.size() + " LLM calls; non-LLM calls such as the health checks leave no trace)");
    String format = "%-16s %-15s %-15s %-24s %-6s %6s %6s %12s %8s %8s %-22s %s%n";
    out.printf(Locale.ROOT, format, "app", "transport", "provider", "model", "stream", "in", "out", "cost USD",
        "ms", "ttfc ms", "pii", "error");
    long in = 0;
    long outTokens = 0;
    double cost = 0;
    for (Map<String, String> c : calls) {
      String ttfc = c.containsKey("gen_ai.response.time_to_first_chunk")
          ? String.format(Locale.ROOT, "%.0f", Double.parseDouble(c.get("gen_ai.response.time_to_first_chunk")) * 1000)
          : "-";
      out.printf(Locale.ROOT, format, c.get("service"), c.get("airlock.transport"), c.get("airlock.provider"),
          c.get("gen_ai.request.model"), c.get("gen_ai.request.stream"),
          c.getOrDefault("gen_ai.usage.input_tokens", "-"), c.getOrDefault("gen_ai.usage.output_tokens", "-"),
          c.containsKey("airlock.cost.usd")
              ? String.format(Locale.ROOT, "%.8f", Double.parseDouble(c.get("airlock.cost.usd"))) : "-",
          c.get("latency_ms"), ttfc, c.getOrDefault("airlock.pii.types", ""),
          c.containsKey("airlock.blocked.rule") ? "blocked: " + c.get("airlock.blocked.rule") : c.getOrDefault("error.type", ""));
      in += Long.parseLong(c.getOrDefault("gen_ai.usage.input_tokens", "0"));
      outTokens += Long.parseLong(c.getOrDefault("gen_ai.usage.output_tokens", "0"));
      cost += Double.parseDouble(c.getOrDefault("airlock.cost.usd", "0"));
    }
    out.printf(Locale.ROOT, "total: %d input tokens, %d output tokens, %.8f USD%n", in, outTokens, cost);
    out.println("Spans and metrics (OTLP JSON lines, readable by the Collector's otlpjsonfile receiver): " + file);
  }
}
