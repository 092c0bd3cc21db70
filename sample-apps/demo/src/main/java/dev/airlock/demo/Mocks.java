package dev.airlock.demo;

import dev.airlock.mock.MockProvider;
import java.io.IOException;

/**
 * The three local providers the demo talks to: the one the apps are configured for, an in-region
 * ("EU") model that sensitive prompts are routed to, and a backup that other routes fall back or
 * translate to. Separate servers, so each one's recorded requests show where a call really went.
 */
final class Mocks implements AutoCloseable {

  /** Where the apps send their calls (OPENAI_BASE_URL, ANTHROPIC_BASE_URL). */
  final MockProvider app;
  /** The self-hosted, in-region model ({@code eu-llama} in the policy). */
  final MockProvider eu;
  /** The backup provider ({@code claude-backup} and {@code backup-openai} in the policy). */
  final MockProvider backup;

  private Mocks(MockProvider app, MockProvider eu, MockProvider backup) {
    this.app = app;
    this.eu = eu;
    this.backup = backup;
  }

  static Mocks start() throws IOException {
    MockProvider app = MockProvider.start(0);
    MockProvider eu = null;
    try {
      eu = MockProvider.start(0);
      return new Mocks(app, eu, MockProvider.start(0));
    } catch (IOException | RuntimeException e) {
      // Do not leave a half-started set listening.
      app.close();
      if (eu != null) {
        eu.close();
      }
      throw e;
    }
  }

  /** Forgets every mock's recorded requests and clears injected faults, before a section runs. */
  void reset() {
    app.reset();
    eu.reset();
    backup.reset();
  }

  @Override
  public void close() {
    app.close();
    eu.close();
    backup.close();
  }
}
