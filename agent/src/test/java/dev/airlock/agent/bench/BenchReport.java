package dev.airlock.agent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a JMH JSON result ({@code -rf json}) as Markdown tables: every benchmark next to the
 * baseline of the same class measured in the same run, as a ratio and as the time it adds, with
 * allocation per operation ({@code -prof gc}) and, where an operation has a byte or event count,
 * MB/s and events/s.
 *
 * <pre>java -cp ... dev.airlock.agent.bench.BenchReport target/jmh-result.json</pre>
 */
public final class BenchReport {

  /** Which baseline each benchmark is compared with; benchmarks not listed use their class's first baseline. */
  private static final Map<String, String> BASELINE_OF = new HashMap<>();

  static {
    BASELINE_OF.put("isCandidateHost_nonLlmHost", "baseline_hashMapContainsKey");
    BASELINE_OF.put("isCandidateHost_llmHost", "baseline_hashMapContainsKey");
    BASELINE_OF.put("match_nonLlmHost", "baseline_hashMapContainsKey");
    BASELINE_OF.put("jdkDoor_nonLlmRequest", "baseline_jdkRequestHostLookup");
    BASELINE_OF.put("okhttpDoor_nonLlmCall", "baseline_okhttpBareChain");
    BASELINE_OF.put("pipeline_nonStreaming", "baseline_sdkJsonNonStreaming");
    BASELINE_OF.put("pipeline_nonStreaming_examplePolicy", "baseline_sdkJsonNonStreaming");
    BASELINE_OF.put("pipeline_firstToken_examplePolicy", "baseline_sdkJsonNonStreaming");
    BASELINE_OF.put("pipeline_nonStreaming_laterInConversation", "pipeline_nonStreaming_laterInConversation_allNew");
    BASELINE_OF.put("pipeline_nonStreaming_laterInConversation_allNew", "baseline_sdkJsonNonStreaming");
    BASELINE_OF.put("pipeline_streaming_appAsksUsage", "baseline_sdkJsonStreaming");
    BASELINE_OF.put("pipeline_streaming_agentAddsUsage", "baseline_sdkJsonStreaming");
    BASELINE_OF.put("sseParser", "baseline_scanLineFeeds");
    BASELINE_OF.put("sseParser_withAccumulator", "baseline_scanLineFeeds");
    BASELINE_OF.put("baseline_decodeUtf8", "baseline_scanLineFeeds");
    BASELINE_OF.put("requestCodec_parse", "baseline_jacksonTokens");
    BASELINE_OF.put("requestCodec_withStreamUsageRequested", "baseline_jacksonTokens");
    BASELINE_OF.put("baseline_jacksonReadTree", "baseline_jacksonTokens");
    BASELINE_OF.put("piiScanner_exampleTypes", "baseline_charScan");
    BASELINE_OF.put("baseline_emailRegex", "baseline_charScan");
  }

  private BenchReport() {}

  /** One row of the JMH result. */
  static final class Row {
    String clazz;
    String method;
    Map<String, String> params = new LinkedHashMap<>();
    double score;
    double error;
    String unit;
    double bytesPerOp = Double.NaN;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: BenchReport jmh-result.json");
      System.exit(2);
    }
    JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(Path.of(args[0])));
    List<Row> rows = new ArrayList<>();
    String jvm = "";
    for (JsonNode r : root) {
      Row row = new Row();
      String full = r.path("benchmark").asText();
      int dot = full.lastIndexOf('.');
      row.method = full.substring(dot + 1);
      String clazz = full.substring(0, dot);
      row.clazz = clazz.substring(clazz.lastIndexOf('.') + 1);
      Iterator<Map.Entry<String, JsonNode>> ps = r.path("params").fields();
      while (ps.hasNext()) {
        Map.Entry<String, JsonNode> p = ps.next();
        row.params.put(p.getKey(), p.getValue().asText());
      }
      row.score = r.path("primaryMetric").path("score").asDouble();
      row.error = r.path("primaryMetric").path("scoreError").asDouble(Double.NaN);
      row.unit = r.path("primaryMetric").path("scoreUnit").asText();
      JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
      if (!alloc.isMissingNode()) {
        row.bytesPerOp = alloc.path("score").asDouble();
      }
      rows.add(row);
      jvm = r.path("vmName").asText() + " " + r.path("jdkVersion").asText() + " (" + r.path("jvm").asText() + ")";
    }
    StringBuilder out = new StringBuilder();
    out.append("Machine: ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
        .append(" CPUs, ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
        .append("; JVM: ").append(jvm).append('\n');
    if (System.getProperty("bench.settings") != null) {
      out.append("JMH settings: ").append(System.getProperty("bench.settings")).append('\n');
    }
    if (System.getProperty("bench.loadBefore") != null) {
      out.append("Load average (1, 5, 15 min) before the run: ").append(System.getProperty("bench.loadBefore"))
          .append(", after: ").append(System.getProperty("bench.loadAfter"))
          .append(" (a load above the CPU count means other processes competed for the cores)\n");
    }
    String current = null;
    for (Row row : rows) {
      if (!row.clazz.equals(current)) {
        current = row.clazz;
        out.append("\n### ").append(current).append("\n\n");
        out.append("| benchmark | params | time/op | ±99.9% | alloc B/op | compared with | × baseline | added/op | MB/s | events/s |\n");
        out.append("|---|---|---:|---:|---:|---|---:|---:|---:|---:|\n");
      }
      Row base = baselineOf(row, rows);
      double[] volume = volumeOf(row);
      out.append("| ").append(row.method)
          .append(" | ").append(row.params.isEmpty() ? "" : row.params.toString().replaceAll("[{}]", ""))
          .append(" | ").append(time(row.score, row.unit))
          .append(" | ").append(Double.isNaN(row.error) ? "" : time(row.error, row.unit))
          .append(" | ").append(Double.isNaN(row.bytesPerOp) ? "" : String.format(Locale.ROOT, "%.0f", row.bytesPerOp))
          .append(" | ").append(base != null ? base.method
              : row.method.startsWith("baseline") ? "(baseline)" : "(its baseline was not run)")
          .append(" | ").append(base == null ? "" : String.format(Locale.ROOT, "%.2f", row.score / base.score))
          .append(" | ").append(base == null ? "" : time(row.score - base.score, row.unit))
          .append(" | ").append(volume == null || volume[0] <= 0 ? "" : String.format(Locale.ROOT, "%.0f", volume[0] * 1e3 / nanos(row)))
          .append(" | ").append(volume == null || volume[1] <= 0 ? "" : String.format(Locale.ROOT, "%.0f", volume[1] * 1e9 / nanos(row)))
          .append(" |\n");
    }
    System.out.print(out);
  }

  private static Row baselineOf(Row row, List<Row> rows) {
    String wanted = BASELINE_OF.get(row.method);
    if (wanted == null && row.method.startsWith("baseline")) {
      return null;
    }
    for (Row candidate : rows) {
      if (candidate.clazz.equals(row.clazz) && candidate != row
          && (wanted == null ? candidate.method.startsWith("baseline") : candidate.method.equals(wanted))
          && paramsCompatible(candidate, row)) {
        return candidate;
      }
    }
    return null;
  }

  /** The baseline's own parameters (it may have fewer) have the row's values. */
  private static boolean paramsCompatible(Row baseline, Row row) {
    for (Map.Entry<String, String> p : baseline.params.entrySet()) {
      if (!p.getValue().equals(row.params.get(p.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** {bytes, events} one operation processes, when that means something. */
  private static double[] volumeOf(Row row) {
    switch (row.clazz) {
      case "SseParserBenchmark":
        byte[][] pieces = BenchFixtures.streamPieces(row.params.get("pieces"));
        return new double[] {BenchFixtures.totalBytes(pieces), BenchFixtures.streamEventCount()};
      case "PiiScannerBenchmark":
        return new double[] {BenchFixtures.piiText(row.params.get("text")).length(), 0};
      case "RequestCodecBenchmark":
        return new double[] {BenchFixtures.chatRequest(false, false).length, 0};
      case "PipelineBenchmark":
        if (row.method.startsWith("pipeline_streaming") || row.method.equals("baseline_sdkJsonStreaming")) {
          return new double[] {BenchFixtures.totalBytes(BenchFixtures.streamPieces("event")), BenchFixtures.streamEventCount()};
        }
        return null;
      default:
        return null;
    }
  }

  private static double nanos(Row row) {
    switch (row.unit) {
      case "ns/op":
        return row.score;
      case "us/op":
        return row.score * 1e3;
      case "ms/op":
        return row.score * 1e6;
      default:
        throw new IllegalArgumentException("unit " + row.unit);
    }
  }

  private static String time(double value, String unit) {
    String u = unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : unit;
    if ("ns".equals(u) && Math.abs(value) >= 10_000) {
      return String.format(Locale.ROOT, "%.1f µs", value / 1e3);
    }
    return String.format(Locale.ROOT, Math.abs(value) < 10 ? "%.2f %s" : "%.0f %s", value, u);
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }
}
