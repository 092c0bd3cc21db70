package dev.airlock.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.mock.MockProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cache's part of the report. Two measurements, each against runs of the same run:
 *
 * <ul>
 *   <li><b>Cost saved on a repetitive workload</b>: the tiny app asks {@value #CALLS} help-desk
 *       questions drawn (Zipf, fixed seed) from {@value #DISTINCT} distinct ones, deterministic
 *       (temperature 0), under the agent with a policy that prices the model, once without and once
 *       with {@code cache.exact}. The mock counts the calls that reached it; the agent's own
 *       telemetry gives the USD spent ({@code airlock.cost.usd}) and what it says hits saved
 *       ({@code airlock.cache.saved_usd}); the saving is the difference in spend, measured.
 *   <li><b>Heap with a full cache</b>: {@value #FILL} distinct questions, one at a time, then a
 *       full GC: heap used without the agent, with the agent and no cache, with the agent and the
 *       cache holding all of them.
 * </ul>
 */
final class CacheWorkload {

  static final int CALLS = 2000;
  static final int DISTINCT = 200;
  static final int FILL = 10_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoadHarness.Options o;
  private final MockProvider mock;
  private final Path harnessJar;
  private final String pricedPolicy;

  /** @param pricedPolicy a policy that declares the mock as a provider and prices its model, nothing else */
  CacheWorkload(LoadHarness.Options o, MockProvider mock, Path harnessJar, String pricedPolicy) {
    this.o = o;
    this.mock = mock;
    this.harnessJar = harnessJar;
    this.pricedPolicy = pricedPolicy;
  }

  /** One child JVM's run of the workload. */
  static final class Run {
    final String label;
    int providerCalls;
    long[] latency;
    JsonNode memory;
    double spentUsd;
    double savedUsd;
    int hits;
    int spans;

    Run(String label) {
      this.label = label;
    }
  }

  void run(StringBuilder report, ObjectNode summary) throws Exception {
    String url = mock.baseUrl() + "/v1/chat/completions";
    Path noCache = write("cache-off-policy.yaml", pricedPolicy);
    Path withCache = write("cache-on-policy.yaml", pricedPolicy
        + "cache:\n  exact: {ttl: 1h, max_size: 256MB, when: deterministic}\n");

    LoadHarness.log("cache: " + CALLS + " calls over " + DISTINCT + " questions, without and with cache.exact");
    Run off = workload("agent, no cache", noCache, url, CALLS, DISTINCT);
    Run on = workload("agent, cache.exact", withCache, url, CALLS, DISTINCT);
    report.append("\n### Cache: cost saved on a repetitive workload\n\n").append(CALLS)
        .append(" help-desk questions (about 1 KB each, temperature 0), drawn with a Zipf distribution (s = 1, fixed seed)")
        .append(" from ").append(DISTINCT).append(" distinct ones, one at a time with the JDK HttpClient, under the agent")
        .append(" with a policy that prices the model ($0.20 / $0.60 per million tokens), without and with `cache.exact`.")
        .append(" Reached the provider: what the mock received. Spent: the sum of `airlock.cost.usd` over the agent's spans.")
        .append(" Saved (agent's count): the sum of `airlock.cache.saved_usd`, what hits would have cost.\n\n");
    Table t = new Table("run", "calls", "reached the provider", "cache hits", "spent (USD)", "saved, agent's count (USD)",
        "latency p50", "latency p99");
    for (Run r : List.of(off, on)) {
      long[] sorted = r.latency.clone();
      Arrays.sort(sorted);
      t.row(r.label, Integer.toString(r.spans), Integer.toString(r.providerCalls), Integer.toString(r.hits),
          usd(r.spentUsd), usd(r.savedUsd), Stats.us(Stats.percentile(sorted, 50)), Stats.us(Stats.percentile(sorted, 99)));
      summary.withObjectProperty("cacheWorkload").withObjectProperty(r.label)
          .put("calls", r.spans).put("providerCalls", r.providerCalls).put("hits", r.hits)
          .put("spentUsd", r.spentUsd).put("savedUsdByAgent", r.savedUsd);
    }
    report.append(t.render());
    double saved = off.spentUsd - on.spentUsd;
    report.append(String.format(Locale.ROOT, "%nMeasured saving: %s of %s, %.0f%% of the spend without the cache"
            + " (%d of %d calls answered from the cache); the agent's own count of the saving: %s.%n",
        usd(saved), usd(off.spentUsd), off.spentUsd > 0 ? 100 * saved / off.spentUsd : 0.0,
        on.hits, on.spans, usd(on.savedUsd)));
    summary.withObjectProperty("cacheWorkload").put("measuredSavingUsd", saved)
        .put("measuredSavingRatio", off.spentUsd > 0 ? saved / off.spentUsd : 0.0);

    LoadHarness.log("cache: heap with " + FILL + " entries");
    Run bare = workload("no agent", null, url, FILL, FILL);
    Run agentOnly = workload("agent, no cache", noCache, url, FILL, FILL);
    Run full = workload("agent, cache.exact full", withCache, url, FILL, FILL);
    report.append("\n### Memory with a full cache\n\n").append(FILL)
        .append(" distinct questions (answers of about 1 KB), then a full GC: heap used, and what it adds to the run without")
        .append(" the agent. The cache's own share is the last row minus the one before.\n\n");
    Table m = new Table("run", "cache entries", "heap used", "added", "RSS", "added");
    double baseHeap = bare.memory.path("heapUsed").asDouble();
    double baseRss = bare.memory.path("rss").asDouble();
    for (Run r : List.of(bare, agentOnly, full)) {
      double heap = r.memory.path("heapUsed").asDouble();
      double rss = r.memory.path("rss").asDouble();
      boolean b = r == bare;
      m.row(r.label, r == full ? Integer.toString(r.spans - r.hits) : "0",
          Stats.mb(heap), b ? "" : Stats.addedMb(heap - baseHeap), Stats.mb(rss), b ? "" : Stats.addedMb(rss - baseRss));
      summary.withObjectProperty("fullCacheMemory").withObjectProperty(r.label)
          .put("heapUsedMb", heap / 1048576).put("rssMb", rss / 1048576);
    }
    report.append(m.render());
    double cacheHeap = full.memory.path("heapUsed").asDouble() - agentOnly.memory.path("heapUsed").asDouble();
    report.append(String.format(Locale.ROOT, "%nThe full cache's own heap: %s, about %.1f KB per entry.%n",
        Stats.addedMb(cacheHeap), cacheHeap / FILL / 1024));
  }

  private Run workload(String label, Path policy, String url, int calls, int distinct) throws Exception {
    mock.reset();
    Run r = new Run(label);
    Path telemetry = o.out.resolve("telemetry-cache.jsonl");
    Files.deleteIfExists(telemetry);
    List<String> jvmArgs = new ArrayList<>();
    if (policy != null) {
      jvmArgs.add("-javaagent:" + o.agentJar + "=policy=" + policy + ",telemetry=" + telemetry);
    }
    ChildJvm.Result result = new ChildJvm(o.java)
        .jvmArgs(jvmArgs)
        .jvmArgs(o.jvmArgs)
        .env(Map.of())
        .main(harnessJar.toString(), TinyApp.class.getName(),
            List.of("workload", url, Integer.toString(calls), Integer.toString(distinct)))
        .run(900);
    if (result.exitCode != 0) {
      throw new IllegalStateException("the cache workload failed: " + result);
    }
    JsonNode out = JSON.readTree(result.lastLine());
    r.latency = new long[out.path("latencyNanos").size()];
    for (int i = 0; i < r.latency.length; i++) {
      r.latency[i] = out.path("latencyNanos").get(i).asLong();
    }
    r.memory = out.path("memory");
    r.providerCalls = mock.requests().size();
    if (policy != null) {
      readSpans(telemetry, r);
      if (r.spans != calls) {
        throw new IllegalStateException(label + ": the agent reported " + r.spans + " chat spans for " + calls
            + " calls; stderr:\n" + result.stderr);
      }
    }
    Files.deleteIfExists(telemetry);
    return r;
  }

  /** Sums the agent's chat spans in an OTLP JSON lines file. */
  static void readSpans(Path file, Run r) throws IOException {
    for (String line : Files.readAllLines(file)) {
      for (JsonNode rs : JSON.readTree(line).path("resourceSpans")) {
        for (JsonNode ss : rs.path("scopeSpans")) {
          for (JsonNode span : ss.path("spans")) {
            if (!span.path("name").asText().startsWith("chat ")) {
              continue;
            }
            r.spans++;
            for (JsonNode a : span.path("attributes")) {
              String key = a.path("key").asText();
              JsonNode v = a.path("value");
              if (key.equals("airlock.cost.usd")) {
                r.spentUsd += v.path("doubleValue").asDouble();
              } else if (key.equals("airlock.cache.saved_usd")) {
                r.savedUsd += v.path("doubleValue").asDouble();
              } else if (key.equals("airlock.cache") && v.path("stringValue").asText().equals("hit")) {
                r.hits++;
              }
            }
          }
        }
      }
    }
  }

  private Path write(String name, String yaml) throws IOException {
    Path p = o.out.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  private static String usd(double v) {
    return String.format(Locale.ROOT, "$%.4f", v);
  }
}
