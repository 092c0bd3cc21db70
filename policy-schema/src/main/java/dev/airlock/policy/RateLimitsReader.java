package dev.airlock.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code rate_limits:}: each entry's scope, request and token rates ({@link
 * PolicyValues#rate(String)}; at least one), and what happens over the limit.
 */
final class RateLimitsReader {

  static final List<String> KEYS =
      Arrays.asList("per", "requests", "tokens", "on_limit", "max_wait");
  static final List<String> MODES = Arrays.asList("reject", "wait");

  private final Expect expect;
  private final ProblemCollector problems;

  RateLimitsReader(Expect expect) {
    this.expect = expect;
    this.problems = expect.problems();
  }

  /** The valid limits in file order; invalid ones are reported and left out. */
  List<RateLimitPolicy> read(PolicyNode node) {
    List<RateLimitPolicy> out = new ArrayList<>();
    SequenceNode list = expect.sequence(node);
    if (list == null) {
      return out;
    }
    for (PolicyNode item : list.items()) {
      RateLimitPolicy limit = readLimit(item);
      if (limit != null) {
        out.add(limit);
      }
    }
    return out;
  }

  private RateLimitPolicy readLimit(PolicyNode node) {
    MappingNode m = expect.mapping(node);
    if (m == null) {
      return null;
    }
    int before = problems.errorCount();
    expect.onlyKeys(m, KEYS);
    String per = null;
    if (expect.require(
        m, "per", "what the limit is counted per: tenant, feature, user, model or global")) {
      per = expect.oneOf(m.get("per"), RateLimitPolicy.SCOPES);
    }
    Rate requests =
        m.get("requests") == null ? null : expect.parsed(m.get("requests"), PolicyValues::rate);
    Rate tokens =
        m.get("tokens") == null ? null : expect.parsed(m.get("tokens"), PolicyValues::rate);
    if (m.get("requests") == null && m.get("tokens") == null) {
      problems.error(m, "a rate limit needs 'requests', 'tokens' or both, e.g. requests: 600/min");
    }
    RateLimitPolicy.Mode mode = RateLimitPolicy.Mode.REJECT;
    if (m.get("on_limit") != null) {
      String id = expect.oneOf(m.get("on_limit"), MODES);
      mode = id == null ? null : RateLimitPolicy.Mode.valueOf(id.toUpperCase(Locale.ROOT));
    }
    Duration maxWait = null;
    if (m.get("max_wait") != null) {
      maxWait = expect.positiveDuration(m.get("max_wait"));
      if (maxWait != null && mode == RateLimitPolicy.Mode.REJECT) {
        problems.warning(
            m.get("max_wait"),
            "has no effect unless on_limit is wait (requests over the limit are rejected at once)");
      }
    }
    if (problems.errorCount() != before || per == null || mode == null) {
      return null;
    }
    RateLimitPolicy.Builder b =
        RateLimitPolicy.builder(per).requests(requests).tokens(tokens).mode(mode);
    if (maxWait != null) {
      b.maxWait(maxWait);
    }
    return b.build();
  }
}
