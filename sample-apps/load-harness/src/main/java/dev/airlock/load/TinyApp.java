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
      case "idle-memory":
        // Let an agent's background threads (span and metric exporters) start and settle.
        Thread.sleep(2000);
        json.append(",\"memory\":");
        ProcessStats.appendMemory(json);
        break;
      default:
        System.err.println("TinyApp: exit | call URL | idle-memory");
        System.exit(2);
    }
    System.out.println(json.append('}'));
  }
}
