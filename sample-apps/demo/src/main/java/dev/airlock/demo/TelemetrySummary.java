package dev.airlock.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A readable table of the LLM calls in the agent's telemetry file: one row per call span (the
 * agent's attempt spans are counted, not listed), columns sized to what they hold.
 */
final class TelemetrySummary {

  private static final String[] HEADERS = {"app", "transport", "provider", "model", "stream", "in", "out",
      "cost USD", "ms", "ttfc ms", "route", "target", "attempts", "cache", "pii", "error"};
  /** Columns of numbers, aligned right. */
  private static final boolean[] RIGHT = {false, false, false, false, false, true, true,
      true, true, true, false, false, true, false, false, false};

  private final Path file;
  private final List<Span> calls = new ArrayList<>();
  private int attempts;

  private TelemetrySummary(Path file) {
    this.file = file;
  }

  static TelemetrySummary of(Path file) throws IOException {
    TelemetrySummary summary = new TelemetrySummary(file);
    for (Span span : SpanFile.read(file)) {
      if (span.isCall()) {
        summary.calls.add(span);
      } else if (span.name.startsWith("attempt ")) {
        summary.attempts++;
      }
    }
    return summary;
  }

  void print(PrintStream out) {
    out.println("== What the agent saw (" + calls.size() + " LLM calls, " + attempts + " attempt spans of routed calls;"
        + " non-LLM calls such as the health checks leave no trace)");
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    long in = 0;
    long outTokens = 0;
    double cost = 0;
    double saved = 0;
    for (Span c : calls) {
      rows.add(row(c));
      in += (long) c.number("gen_ai.usage.input_tokens");
      outTokens += (long) c.number("gen_ai.usage.output_tokens");
      cost += c.number("airlock.cost.usd");
      saved += c.number("airlock.cache.saved_usd");
    }
    int[] widths = new int[HEADERS.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String format = "%" + (RIGHT[i] ? "" : "-") + widths[i] + "s ";
        line.append(String.format(Locale.ROOT, format, row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    out.printf(Locale.ROOT, "total: %d input tokens, %d output tokens, %s USD spent, %s USD saved by the cache%n",
        in, outTokens, Span.usd(cost), Span.usd(saved));
    out.println("Spans and metrics (OTLP JSON lines, readable by the Collector's otlpjsonfile receiver): " + file);
  }

  private static String[] row(Span c) {
    String ttfc = c.get("gen_ai.response.time_to_first_chunk") == null ? "-"
        : String.format(Locale.ROOT, "%.0f", c.number("gen_ai.response.time_to_first_chunk") * 1000);
    String error = c.get("airlock.blocked.rule") != null ? "blocked: " + c.get("airlock.blocked.rule")
        : c.get("error.type", "");
    return new String[] {c.service, c.get("airlock.transport", "-"), c.get("airlock.provider", "-"),
        c.get("gen_ai.request.model", "-"), c.get("gen_ai.request.stream", "-"),
        c.get("gen_ai.usage.input_tokens", "-"), c.get("gen_ai.usage.output_tokens", "-"),
        c.get("airlock.cost.usd") == null ? "-" : Span.usd(c.number("airlock.cost.usd")),
        Long.toString(c.millis()), ttfc, c.get("airlock.route", "-"), c.get("airlock.target", "-"),
        c.get("airlock.attempts", "-"), c.get("airlock.cache", "-"), c.get("airlock.pii.types", ""), error};
  }
}
