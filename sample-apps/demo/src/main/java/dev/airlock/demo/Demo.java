package dev.airlock.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
      String health = "http://localhost:" + mock.port() + "/health";
      for (SampleRun run : runs) {
        run.execute(root, agent, policy, telemetry, health, null);
      }
      System.out.println();
      System.out.println("== Redaction: the prompt holds an email and a customer id; the mock provider echoes what it received");
      mock.reset();
      SampleRun.of("openai-app", "OPENAI_BASE_URL", mock.baseUrl() + "/v1", "OPENAI_API_KEY")
          .args("chat", "stream")
          .execute(root, agent, policy, telemetry, health, "Please email ana.silva@example.com about order CUST-12345678.");
      System.out.println("   what the provider received: " + lastUserMessage(mock.requests().get(0).body()));
      System.out.println();
      System.out.println("== Blocking: a card number may not leave the application (pii.actions: {credit_card: block})");
      mock.reset();
      SampleRun.of("anthropic-app", "ANTHROPIC_BASE_URL", mock.baseUrl(), "ANTHROPIC_API_KEY")
          .args("messages")
          .execute(root, agent, policy, telemetry, health, "Charge 4111 1111 1111 1111 please.");
      System.out.println("   requests the provider received: " + mock.requests().size());
    }
    System.out.println();
    TelemetrySummary.of(telemetry).print(System.out);
  }

  /** The last message of an OpenAI chat request, as the provider received it. */
  private static String lastUserMessage(String body) throws IOException {
    JsonNode messages = new ObjectMapper().readTree(body).path("messages");
    return messages.path(messages.size() - 1).path("content").asText();
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
          "pii:",
          "  detect: [email, credit_card, iban, phone]",
          "  custom:",
          "    - {name: customer_id, pattern: 'CUST-[0-9]{8}'}",
          "  action: pseudonymize",
          "  actions: {credit_card: block}",
          "  restore: true",
          "guardrails:",
          "  prompt_injection: {action: block, threshold: 0.8}",
          "");
      Path policy = dir.resolve("demo-policy.yaml");
      Files.writeString(policy, yaml);
      return policy;
    }
  }
}
