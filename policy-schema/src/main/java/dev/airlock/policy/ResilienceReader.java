package dev.airlock.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code resilience:}: timeouts (longer than zero), the retry rule (attempts, back-off, and
 * only transient conditions), the circuit breaker and the degraded answer.
 */
final class ResilienceReader {

  static final List<String> KEYS =
      Arrays.asList("timeout", "idle_timeout", "retry", "circuit_breaker", "degrade");
  static final List<String> RETRY_KEYS = Arrays.asList("max_attempts", "backoff", "on");
  static final List<String> BREAKER_KEYS =
      Arrays.asList("failure_rate", "minimum_calls", "open_for", "half_open_calls");
  static final List<String> DEGRADE_KEYS = Collections.singletonList("message");

  private static final String BACKOFF_FORM =
      "must be a back-off such as 200ms..5s (the first and the longest wait) or 1s (always the"
          + " same wait)";

  private final Expect expect;
  private final ProblemCollector problems;

  ResilienceReader(Expect expect) {
    this.expect = expect;
    this.problems = expect.problems();
  }

  /** The section, or null when it has errors. */
  ResiliencePolicy read(PolicyNode node) {
    MappingNode r = expect.mapping(node);
    if (r == null) {
      return null;
    }
    int before = problems.errorCount();
    expect.onlyKeys(r, KEYS);
    ResiliencePolicy.Builder b = ResiliencePolicy.builder();
    if (r.get("timeout") != null) {
      Duration timeout = expect.positiveDuration(r.get("timeout"));
      if (timeout != null) {
        b.timeout(timeout);
      }
    }
    if (r.get("idle_timeout") != null) {
      Duration idle = expect.positiveDuration(r.get("idle_timeout"));
      if (idle != null) {
        b.idleTimeout(idle);
      }
    }
    if (r.get("retry") != null) {
      b.retry(readRetry(r.get("retry")));
    }
    if (r.get("circuit_breaker") != null) {
      b.circuitBreaker(readBreaker(r.get("circuit_breaker")));
    }
    if (r.get("degrade") != null) {
      MappingNode degrade = expect.mapping(r.get("degrade"));
      if (degrade != null) {
        expect.onlyKeys(degrade, DEGRADE_KEYS);
        if (expect.require(
            degrade, "message", "the text the application gets when every target failed")) {
          b.degradeMessage(expect.string(degrade.get("message")));
        }
      }
    }
    return problems.errorCount() == before ? b.build() : null;
  }

  private RetryPolicy readRetry(PolicyNode node) {
    MappingNode retry = expect.mapping(node);
    if (retry == null) {
      return null;
    }
    int before = problems.errorCount();
    expect.onlyKeys(retry, RETRY_KEYS);
    RetryPolicy.Builder b = RetryPolicy.builder();
    if (retry.get("max_attempts") != null) {
      Integer attempts = expect.integer(retry.get("max_attempts"), 1);
      if (attempts != null) {
        b.maxAttempts(attempts);
      }
    }
    if (retry.get("backoff") != null) {
      Duration[] backoff = expect.parsed(retry.get("backoff"), ResilienceReader::backoff);
      if (backoff != null) {
        b.backoff(backoff[0], backoff[1]);
      }
    }
    if (retry.get("on") != null) {
      Set<String> on = readOn(retry.get("on"));
      if (!on.isEmpty()) {
        b.on(on);
      }
    }
    return problems.errorCount() == before ? b.build() : null;
  }

  /** {@code 200ms..5s} as {min, max}, or a single duration as {d, d}. */
  static Duration[] backoff(String text) {
    String[] parts = text.split("\\.\\.", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException(BACKOFF_FORM + ", got '" + text + "'");
    }
    Duration min;
    Duration max;
    try {
      min = PolicyValues.duration(parts[0]);
      max = parts.length == 1 ? min : PolicyValues.duration(parts[1]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(BACKOFF_FORM + ", got '" + text + "'", e);
    }
    if (min.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "back-off '"
              + text
              + "' shrinks: write the first (shorter) wait first, e.g. "
              + parts[1]
              + ".."
              + parts[0]);
    }
    return new Duration[] {min, max};
  }

  /**
   * HTTP statuses from 400 to 599 (written as numbers or quoted), {@code timeout} and {@code
   * connect}; 400, 401, 403 and 404 are refused because retrying them cannot succeed.
   */
  private Set<String> readOn(PolicyNode node) {
    Set<String> out = new LinkedHashSet<>();
    for (PolicyNode item : expect.oneOrMore(node)) {
      if (Expect.alreadyReported(item)) {
        continue;
      }
      String condition = condition(item);
      if (condition != null) {
        out.add(condition);
      }
    }
    return out;
  }

  private String condition(PolicyNode item) {
    String what = "must be an HTTP status from 400 to 599, timeout or connect";
    if (!(item instanceof ScalarNode) || ((ScalarNode) item).isNull()) {
      problems.error(item, what + ", got " + item.describe());
      return null;
    }
    ScalarNode s = (ScalarNode) item;
    String text = s.text();
    boolean digits = !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    if (s.type() == ScalarNode.Type.INTEGER || (s.isString() && digits)) {
      if (!digits || text.length() != 3 || text.charAt(0) < '4' || text.charAt(0) > '5') {
        problems.error(item, what + ", got " + text);
        return null;
      }
      if (RetryPolicy.NEVER_TRANSIENT.contains(text)) {
        problems.error(
            item,
            "HTTP "
                + text
                + " is never transient: a retry gets the same refusal"
                + (text.equals("401") || text.equals("403")
                    ? " (and repeated refusals can get the key locked out)"
                    : "")
                + "; remove it");
        return null;
      }
      return text;
    }
    if (s.isString() && RetryPolicy.CONDITIONS.contains(text)) {
      return text;
    }
    String guess = DidYouMean.closest(text, RetryPolicy.CONDITIONS);
    if (guess != null) {
      problems.error(item, what + ", got '" + text + "' (did you mean '" + guess + "'?)", guess);
    } else {
      problems.error(item, what + ", got '" + text + "'");
    }
    return null;
  }

  private BreakerPolicy readBreaker(PolicyNode node) {
    MappingNode breaker = expect.mapping(node);
    if (breaker == null) {
      return null;
    }
    int before = problems.errorCount();
    expect.onlyKeys(breaker, BREAKER_KEYS);
    Double rate = null;
    if (expect.require(
        breaker,
        "failure_rate",
        "the failure rate, more than 0 and at most 1, that opens the circuit")) {
      rate = expect.numberIn(breaker.get("failure_rate"), 0, false, 1, true);
    }
    Integer minimumCalls =
        breaker.get("minimum_calls") == null
            ? null
            : expect.integer(breaker.get("minimum_calls"), 1);
    Duration openFor =
        breaker.get("open_for") == null ? null : expect.positiveDuration(breaker.get("open_for"));
    Integer halfOpen =
        breaker.get("half_open_calls") == null
            ? null
            : expect.integer(breaker.get("half_open_calls"), 1);
    if (problems.errorCount() != before || rate == null) {
      return null;
    }
    BreakerPolicy.Builder b = BreakerPolicy.builder(rate);
    if (minimumCalls != null) {
      b.minimumCalls(minimumCalls);
    }
    if (openFor != null) {
      b.openFor(openFor);
    }
    if (halfOpen != null) {
      b.halfOpenCalls(halfOpen);
    }
    return b.build();
  }
}
