package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.policy.BreakerPolicy;
import dev.airlock.policy.ResiliencePolicy;
import dev.airlock.policy.RetryPolicy;
import java.util.Locale;

/**
 * The {@code resilience:} settings in force for every target of the chain: per-attempt timeout and
 * idle timeout, retries (attempts, backoff, on which failures), the circuit breaker, and whether a
 * degraded answer replaces the last error (its text is not repeated here). Without the section:
 * one attempt per target, the client's own timeouts, no breaker; the chain still falls back.
 */
final class ResilienceSection implements ExplanationSection {

  private final DryRunResult result;

  ResilienceSection(DryRunResult result) {
    this.result = result;
  }

  @Override
  public String key() {
    return "resilience";
  }

  @Override
  public void writeText(TextReport out) {
    ResiliencePolicy r = result.policy().resilience().orElse(null);
    if (r == null) {
      out.row("resilience", "the policy has no resilience section: one attempt per target, the client's own"
          + " timeouts, no circuit breaker; a failed target still falls back to the next in the chain");
      return;
    }
    out.row("resilience", "applies to every target of the chain");
    out.subRow("timeouts", Units.duration(r.timeout()) + " per attempt (a stream: until its first byte), then "
        + Units.duration(r.idleTimeout()) + " idle between chunks");
    RetryPolicy retry = r.retry().orElse(null);
    out.subRow("retry", retry == null ? "none: a failed attempt falls back to the next target"
        : "up to " + retry.maxAttempts() + " attempts per target, backoff " + Units.duration(retry.backoffMin()) + ".."
            + Units.duration(retry.backoffMax()) + ", on " + String.join(", ", retry.on()));
    BreakerPolicy breaker = r.circuitBreaker().orElse(null);
    out.subRow("breaker", breaker == null ? "none: a failing target is never skipped"
        : String.format(Locale.ROOT, "per target: opens at %s failures over at least %d calls, skips it for %s, then"
            + " lets %d call(s) test it", Units.fraction(breaker.failureRate()), breaker.minimumCalls(),
            Units.duration(breaker.openFor()), breaker.halfOpenCalls()));
    out.subRow("degrade", r.degradeMessage().isPresent()
        ? "message set: when every target failed, the application gets an ordinary answer with it"
        : "none: when every target failed, the application gets the last error");
  }

  @Override
  public void writeJson(ObjectNode node) {
    ResiliencePolicy r = result.policy().resilience().orElse(null);
    node.put("configured", r != null);
    if (r == null) {
      return;
    }
    node.put("timeout", Units.duration(r.timeout()));
    node.put("idle_timeout", Units.duration(r.idleTimeout()));
    RetryPolicy retry = r.retry().orElse(null);
    if (retry == null) {
      node.putNull("retry");
    } else {
      ObjectNode t = node.putObject("retry");
      t.put("max_attempts", retry.maxAttempts());
      t.put("backoff_min", Units.duration(retry.backoffMin()));
      t.put("backoff_max", Units.duration(retry.backoffMax()));
      ArrayNode on = t.putArray("on");
      retry.on().forEach(on::add);
    }
    BreakerPolicy breaker = r.circuitBreaker().orElse(null);
    if (breaker == null) {
      node.putNull("circuit_breaker");
    } else {
      ObjectNode b = node.putObject("circuit_breaker");
      b.put("failure_rate", breaker.failureRate());
      b.put("minimum_calls", breaker.minimumCalls());
      b.put("open_for", Units.duration(breaker.openFor()));
      b.put("half_open_calls", breaker.halfOpenCalls());
    }
    node.put("degrade_message", r.degradeMessage().isPresent());
  }
}
