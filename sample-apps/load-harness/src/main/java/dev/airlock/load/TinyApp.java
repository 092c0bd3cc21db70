package dev.airlock.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The small application of the start-up and memory measurements. It prints one JSON line and exits.
 *
 * <pre>
 * java [-javaagent:...] -cp load-harness.jar dev.airlock.load.TinyApp exit          # main, then exit
 * java [-javaagent:...] -cp load-harness.jar dev.airlock.load.TinyApp call URL      # one chat call, then exit
 * java [-javaagent:...] -cp load-harness.jar dev.airlock.load.TinyApp idle-memory   # settle, GC, report memory
 * java [-javaagent:...] -cp load-harness.jar dev.airlock.load.TinyApp workload URL CALLS DISTINCT
 *     # CALLS FAQ questions drawn from DISTINCT ones (Zipf, fixed seed), one at a time; then memory
 * </pre>
 *
 * {@code mainNanos} is {@link System#nanoTime()} at the entry of {@code main}: on Linux that clock
 * is the system-wide monotonic clock, so the harness can subtract the instant it started the JVM.
 */
public final class TinyApp {

  private TinyApp() {}

  public static void main(String[] args) throws Exception {
    long mainNanos = System.nanoTime();
    String mode = args.length == 0 ? "exit" : args[0];
    StringBuilder json = new StringBuilder("{\"mainNanos\":").append(mainNanos);
    switch (mode) {
      case "exit":
        break;
      case "call": {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[1]))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer sk-load-test")
            .POST(HttpRequest.BodyPublishers.ofByteArray(ChatRequests.chat("llama-3.3-70b", false, false, 2048, false)))
            .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        json.append(",\"status\":").append(response.statusCode()).append(",\"callDoneNanos\":").append(System.nanoTime());
        break;
      }
      case "workload":
        workload(json, args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        break;
      case "idle-memory":
        // Let an agent's background threads (span and metric exporters) start and settle.
        Thread.sleep(2000);
        json.append(",\"memory\":");
        ProcessStats.appendMemory(json);
        break;
      default:
        System.err.println("TinyApp: exit | call URL | idle-memory | workload URL CALLS DISTINCT");
        System.exit(2);
    }
    System.out.println(json.append('}'));
  }

  /**
   * A repetitive workload: {@code calls} questions, question {@code k} (1-based) drawn with
   * probability proportional to 1/k (Zipf, s = 1) from {@code distinct}, with a fixed seed so every
   * run asks the same sequence; or, when {@code calls == distinct}, every question once (to fill a
   * cache). Reports the latency of each call and, after a full GC, memory.
   */
  private static void workload(StringBuilder json, String url, int calls, int distinct) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    double[] cumulative = new double[distinct];
    double sum = 0;
    for (int k = 0; k < distinct; k++) {
      sum += 1.0 / (k + 1);
      cumulative[k] = sum;
    }
    java.util.Random random = new java.util.Random(42);
    long[] latency = new long[calls];
    for (int i = 0; i < calls; i++) {
      // calls == distinct fills a cache: every question exactly once.
      int id = calls == distinct ? i + 1 : draw(cumulative, random.nextDouble() * sum) + 1;
      HttpRequest request = HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer sk-load-test")
          .POST(HttpRequest.BodyPublishers.ofByteArray(ChatRequests.question("llama-3.3-70b", id)))
          .build();
      long t0 = System.nanoTime();
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      latency[i] = System.nanoTime() - t0;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("call " + i + " got HTTP " + response.statusCode());
      }
    }
    json.append(",\"calls\":").append(calls).append(",\"latencyNanos\":[");
    for (int i = 0; i < calls; i++) {
      json.append(i == 0 ? "" : ",").append(latency[i]);
    }
    json.append("],\"memory\":");
    ProcessStats.appendMemory(json);
  }

  private static int draw(double[] cumulative, double u) {
    int i = java.util.Arrays.binarySearch(cumulative, u);
    return Math.min(i >= 0 ? i : -i - 1, cumulative.length - 1);
  }
}
