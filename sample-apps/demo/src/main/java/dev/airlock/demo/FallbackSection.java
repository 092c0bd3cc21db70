package dev.airlock.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Retries, fallback and the circuit breaker: the primary answers 503 to everything, so each call
 * is retried there, then falls back to the backup; once the primary's breaker opens, calls skip it
 * without waiting. The app sees three normal answers; the trace shows every attempt.
 */
final class FallbackSection implements Section {

  static final String FAULT = "status=503";

  static final String RULES = String.join("\n",
      "routes:",
      "  - {name: main, to: [mock-openai, backup-openai]}   # fallback chain: primary, backup",
      "resilience:",
      "  retry: {max_attempts: 2, backoff: 50ms..200ms}",
      "  circuit_breaker: {failure_rate: 0.5, minimum_calls: 4, open_for: 30s}");

  @Override
  public void run(Stage stage) throws Exception {
    stage.title("Fallback and retries: the primary fails (injected '" + FAULT + "'), the agent retries,"
        + " falls back to the backup, then its breaker opens");
    stage.rules(RULES);
    Path policy = stage.policy("airlock-demo-fallback", RULES);
    stage.mocks.reset();
    stage.mocks.app.setFault(FAULT);
    int mark = stage.spanCount();
    stage.openAi().args("chat", "chat", "chat").prompt("Where is my parcel?").execute(policy);
    stage.mocks.app.setFault(null);
    System.out.println();
    stage.evidence("primary (mock-openai) received " + stage.mocks.app.requests().size()
        + " requests, answered 503; backup (backup-openai) received " + stage.mocks.backup.requests().size());
    List<Span> spans = stage.spansSince(mark);
    for (Span call : spans) {
      if (call.isCall()) {
        stage.evidence("trace " + call.traceId.substring(0, 12) + "  span '" + call.name + "': "
            + call.show("airlock.route", "airlock.target", "airlock.attempts", "airlock.fallbacks"));
        for (Span attempt : spans) {
          if (attempt.isAttemptOf(call)) {
            stage.evidence(String.format(Locale.ROOT, "  +%4d ms  %-26s %s", (attempt.startNanos - call.startNanos) / 1_000_000,
                "'" + attempt.name + "'", attempt.show("airlock.attempt.number", "airlock.attempt.retry",
                    "airlock.attempt.outcome", "airlock.breaker.state")));
          }
        }
      }
    }
  }
}
