package dev.airlock.demo;

import dev.airlock.mock.MockProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo: starts the mock provider, runs each sample app under the agent with a policy that
 * declares the mock, and prints what the agent recorded, from its OTLP JSON telemetry file.
 */
public final class Demo {

  private Demo() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Path agent = root.resolve("agent/target/airlock-agent.jar");
    if (!Files.isRegularFile(agent)) {
      System.err.println("demo: " + agent + " is missing; build first with 'mvn -B package -DskipTests'");
      System.exit(2);
    }
    Path work = Files.createDirectories(root.resolve("demo-out"));
    Path telemetry = work.resolve("telemetry.jsonl");
    Files.deleteIfExists(telemetry);
    try (MockProvider mock = MockProvider.start(0)) {
      Path policy = DemoPolicy.write(work, mock.port());
      System.out.println("== Airlock demo");
      System.out.println("mock provider: " + mock.baseUrl() + "   policy: " + policy + "   telemetry: " + telemetry);
      List<SampleRun> runs = new ArrayList<>();
      runs.add(SampleRun.of("openai-app", "OPENAI_BASE_URL", mock.baseUrl() + "/v1", "OPENAI_API_KEY"));
      runs.add(SampleRun.of("anthropic-app", "ANTHROPIC_BASE_URL", mock.baseUrl(), "ANTHROPIC_API_KEY"));
      runs.add(SampleRun.of("langchain4j-app", "OPENAI_BASE_URL", mock.baseUrl() + "/v1", "OPENAI_API_KEY"));
      for (SampleRun run : runs) {
        run.execute(root, agent, policy, telemetry, "http://localhost:" + mock.port() + "/health");
      }
    }
    System.out.println();
    TelemetrySummary.of(telemetry).print(System.out);
  }

  /** Writes the demo's policy: the mock declared as OpenAI-, Anthropic- and Gemini-format providers. */
  static final class DemoPolicy {
    private DemoPolicy() {}

    static Path write(Path dir, int port) throws IOException {
      String yaml = String.join("\n",
          "# The demo policy: the local mock provider, declared as a self-hosted model would be.",
          "airlock: 1",
          "name: airlock-demo",
          "version: \"1\"",
          "providers:",
          "  mock-openai: {format: openai, base_url: \"http://127.0.0.1:" + port + "/v1\", region: eu}",
          "  mock-anthropic: {format: anthropic, base_url: \"http://127.0.0.1:" + port + "\", region: eu}",
          "models:",
          "  gpt-4o-mini: {input: 0.15, output: 0.60, cached_input: 0.075}",
          "");
      Path policy = dir.resolve("demo-policy.yaml");
      Files.writeString(policy, yaml);
      return policy;
    }
  }
}
