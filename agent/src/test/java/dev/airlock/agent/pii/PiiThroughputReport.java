package dev.airlock.agent.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the JMH results of {@link PiiScanThroughputBenchmark} into MB/s, next to the same-run
 * baseline (one pass that looks at every char) as a ratio: the ratio says how many such passes a
 * scan costs, which holds across machines and loads better than MB/s alone. One char counts as
 * one byte (the corpora are almost all ASCII).
 *
 * <p>{@code agent/bench.sh} runs it after the JMH report; by hand: {@code java -cp ...
 * dev.airlock.agent.pii.PiiThroughputReport target/jmh-result.json}.
 */
public final class PiiThroughputReport {

  private PiiThroughputReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: PiiThroughputReport JMH_RESULT.json");
    }
    print(args[0], System.out);
  }

  /** Prints one line per corpus and detector set; nothing when the file has no such results. */
  static void print(String jmhJson, PrintStream out) throws IOException {
    JsonNode results = new ObjectMapper().readTree(Files.readAllBytes(Paths.get(jmhJson)));
    Map<String, Double> baselineMicros = new HashMap<>();
    for (JsonNode r : results) {
      if (r.path("benchmark").asText().endsWith("PiiScanThroughputBenchmark.baseline_charScan")) {
        baselineMicros.merge(r.path("params").path("corpus").asText(), micros(r), Math::min);
      }
    }
    boolean header = false;
    for (JsonNode r : results) {
      String name = r.path("benchmark").asText();
      if (!name.endsWith("PiiScanThroughputBenchmark.piiScan")) {
        continue;
      }
      if (!header) {
        out.println("== PII scan throughput (PiiScanThroughputBenchmark, one thread)");
        out.printf(Locale.ROOT, "%-10s %-11s %9s %11s %9s %9s %12s%n", "corpus", "detectors", "chars",
            "us/scan", "±99.9%", "MB/s", "x baseline");
        header = true;
      }
      String corpus = r.path("params").path("corpus").asText();
      int chars = ScanCorpus.text(corpus).length();
      double us = micros(r);
      Double base = baselineMicros.get(corpus);
      out.printf(Locale.ROOT, "%-10s %-11s %9d %11.1f %9.1f %9.1f %12s%n", corpus,
          r.path("params").path("detectors").asText(), chars, us,
          r.path("primaryMetric").path("scoreError").asDouble(), chars / us,
          base == null ? "" : String.format(Locale.ROOT, "%.1f", us / base));
    }
    for (Map.Entry<String, Double> b : baselineMicros.entrySet()) {
      int chars = ScanCorpus.text(b.getKey()).length();
      out.printf(Locale.ROOT, "%-10s %-11s %9d %11.1f %9s %9.1f %12s%n", b.getKey(), "(baseline)", chars,
          b.getValue(), "", chars / b.getValue(), "1.0");
    }
  }

  private static double micros(JsonNode result) {
    double score = result.path("primaryMetric").path("score").asDouble();
    String unit = result.path("primaryMetric").path("scoreUnit").asText();
    switch (unit) {
      case "ns/op":
        return score / 1e3;
      case "us/op":
        return score;
      case "ms/op":
        return score * 1e3;
      default:
        throw new IllegalArgumentException("unit " + unit);
    }
  }
}
