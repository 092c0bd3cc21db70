package dev.airlock.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo: starts the mock providers, runs the sample apps under the agent section by section
 * (observation, redaction, blocking, routing, translation, fallback, caching), each with the
 * evidence from the mocks' recorded requests and the agent's OTLP JSON telemetry file, then prints
 * a table of every call the agent saw.
 */
public final class Demo {

  private static final List<Section> SECTIONS = List.of(new ObservationSection(), new RedactionSection(),
      new BlockingSection(), new RoutingSection(), new TranslationSection(), new FallbackSection(),
      new CacheSection());

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
    try (Mocks mocks = Mocks.start()) {
      System.out.println("== Airlock demo");
      System.out.println("mock providers: apps' " + mocks.app.baseUrl() + ", EU " + mocks.eu.baseUrl()
          + ", backup " + mocks.backup.baseUrl() + "   policies: " + work + "   telemetry: " + telemetry);
      Stage stage = new Stage(root, agent, work, telemetry, mocks);
      for (Section section : SECTIONS) {
        section.run(stage);
      }
    }
    System.out.println();
    TelemetrySummary.of(telemetry).print(System.out);
  }
}
