package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.policy.RateLimitPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code rate_limits:} that apply to the request: each one's counter for this caller ({@link
 * CounterScope}), its request and token rates, what happens over the limit, and what this request
 * takes from it (one request; the tokens the agent estimates, see {@link SpendEstimate}). Every rate
 * limit applies to every observed call that is sent and not answered from the cache.
 */
final class RateLimitSection implements ExplanationSection {

  private final DryRunResult result;

  RateLimitSection(DryRunResult result) {
    this.result = result;
  }

  @Override
  public String key() {
    return "rate_limits";
  }

  private List<RateLimitPolicy> limits() {
    return result.policy().rateLimits();
  }

  @Override
  public void writeText(TextReport out) {
    if (limits().isEmpty()) {
      out.row("rate limits", "the policy has no rate limits: no rate limit is checked");
      return;
    }
    if (result.request() == null) {
      out.row("rate limits", "not applied: the call is not observed (see request)");
      return;
    }
    out.row("rate limits", CounterScope.noLiveCounters(result.policy().state()));
    int i = 1;
    for (RateLimitPolicy limit : limits()) {
      out.subRow("limit " + i++, String.join(", ", rates(limit)) + " per " + limit.per() + ", "
          + CounterScope.describe(limit.per(), result) + "; over the limit: "
          + overLimit(limit, "rate_limit:" + CounterScope.of(limit.per(), result)));
      out.detail("this request: " + share(limit));
    }
  }

  private static List<String> rates(RateLimitPolicy limit) {
    List<String> rates = new ArrayList<>();
    limit.requests().ifPresent(r -> rates.add(r + " requests"));
    limit.tokens().ifPresent(r -> rates.add(r + " tokens"));
    return rates;
  }

  private static String overLimit(RateLimitPolicy limit, String rule) {
    return limit.mode() == RateLimitPolicy.Mode.WAIT
        ? "held up to " + Units.duration(limit.maxWait()) + ", then refused (HTTP 429, rule " + rule + ")"
        : "refused at once (HTTP 429, rule " + rule + ")";
  }

  private String share(RateLimitPolicy limit) {
    if (result.blockedAnswer() != null) {
      return "nothing: it is not sent (" + result.blockedRule() + ")";
    }
    SpendEstimate estimate = SpendEstimate.of(result);
    List<String> parts = new ArrayList<>();
    if (limit.requests().isPresent()) {
      parts.add("1 request");
    }
    if (limit.tokens().isPresent()) {
      parts.add(estimate.tokens() == null ? estimate.tokensText()
          : estimate.tokens() + " tokens (" + estimate.tokensText() + "), settled with the answer's real usage");
    }
    return String.join("; ", parts);
  }

  @Override
  public void writeJson(ObjectNode node) {
    node.put("configured", !limits().isEmpty());
    if (limits().isEmpty()) {
      return;
    }
    node.put("applied", result.request() != null);
    node.put("live_counters", false);
    node.put("state", result.policy().state().toString());
    ArrayNode rules = node.putArray("rules");
    for (RateLimitPolicy limit : limits()) {
      ObjectNode r = rules.addObject();
      r.put("per", limit.per());
      if (result.request() != null) {
        r.put("scope_key", CounterScope.of(limit.per(), result).toString());
      }
      r.put("requests", limit.requests().map(Object::toString).orElse(null));
      r.put("tokens", limit.tokens().map(Object::toString).orElse(null));
      r.put("on_limit", limit.mode().id());
      if (limit.mode() == RateLimitPolicy.Mode.WAIT) {
        r.put("max_wait", Units.duration(limit.maxWait()));
      }
      if (result.request() != null) {
        SpendEstimate estimate = SpendEstimate.of(result);
        boolean sent = result.blockedAnswer() == null;
        ObjectNode share = r.putObject("this_request");
        share.put("sent", sent);
        share.put("requests", sent && limit.requests().isPresent() ? 1 : 0);
        share.put("estimated_tokens", sent ? estimate.tokens() : null);
      }
    }
  }
}
