package dev.airlock.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What every section works with: the built jars, the mock providers, where policies and telemetry
 * go, and the demo's way of printing (a titled section, then indented evidence).
 */
final class Stage {

  /** The app's own key: the evidence shows it never reaches a provider the agent routed to. */
  static final String APP_KEY = "app-own-key";
  static final String EU_KEY = "eu-llama-key";
  static final String CLAUDE_KEY = "claude-backup-key";
  static final String BACKUP_KEY = "backup-openai-key";

  final Mocks mocks;
  private final Path telemetry;
  private final Path root;
  private final Path agent;
  private final Path work;

  Stage(Path root, Path agent, Path work, Path telemetry, Mocks mocks) {
    this.root = root;
    this.agent = agent;
    this.work = work;
    this.telemetry = telemetry;
    this.mocks = mocks;
  }

  /** Writes a policy file: the shared providers and rules plus {@code rules}. */
  Path policy(String name, String rules) throws IOException {
    return DemoPolicy.write(work, name, mocks, rules);
  }

  SampleRun openAi() {
    return app("openai-app").env("OPENAI_BASE_URL", mocks.app.baseUrl() + "/v1").env("OPENAI_API_KEY", APP_KEY);
  }

  SampleRun anthropic() {
    return app("anthropic-app").env("ANTHROPIC_BASE_URL", mocks.app.baseUrl()).env("ANTHROPIC_API_KEY", APP_KEY);
  }

  SampleRun langChain4j() {
    return app("langchain4j-app").env("OPENAI_BASE_URL", mocks.app.baseUrl() + "/v1").env("OPENAI_API_KEY", APP_KEY);
  }

  private SampleRun app(String name) {
    // Every app gets the target providers' keys: the agent refuses to load a policy whose routes
    // send calls to a provider whose key variable is unset.
    return new SampleRun(name, root.resolve("sample-apps/" + name + "/target/" + name + ".jar"), agent, telemetry)
        .env(DemoPolicy.EU_KEY_VARIABLE, EU_KEY)
        .env(DemoPolicy.CLAUDE_KEY_VARIABLE, CLAUDE_KEY)
        .env(DemoPolicy.BACKUP_KEY_VARIABLE, BACKUP_KEY)
        .env("HEALTH_URL", mocks.app.baseUrl() + "/health");
  }

  /** How many spans the telemetry file holds now: pass it to {@link #spansSince} after a run. */
  int spanCount() throws IOException {
    return SpanFile.read(telemetry).size();
  }

  /** The spans the apps exported after {@code mark} (a {@link #spanCount()}). */
  List<Span> spansSince(int mark) throws IOException {
    List<Span> spans = SpanFile.read(telemetry);
    return spans.subList(Math.min(mark, spans.size()), spans.size());
  }

  void title(String text) {
    System.out.println();
    System.out.println("== " + text);
  }

  /** Shows the rules a section adds to the shared policy. */
  void rules(String yaml) {
    System.out.println("   policy rules:");
    for (String line : yaml.split("\n")) {
      System.out.println("     | " + line);
    }
  }

  void evidence(String line) {
    System.out.println("   " + line);
  }
}
