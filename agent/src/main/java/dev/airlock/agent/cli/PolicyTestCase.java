package dev.airlock.agent.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One entry of a policy test file: a request, the calling context, and what must happen to it. */
final class PolicyTestCase {

  private final String name;
  private final RequestSpec request;
  private final RequestContext context;
  private final List<Expectation> expectations;

  PolicyTestCase(String name, RequestSpec request, RequestContext context, List<Expectation> expectations) {
    this.name = name;
    this.request = request;
    this.context = context;
    this.expectations = Collections.unmodifiableList(new ArrayList<>(expectations));
  }

  String name() {
    return name;
  }

  RequestSpec request() {
    return request;
  }

  /** Who calls, where the request does not say: identity, and so routes, cache keys, budgets and rate limits. */
  RequestContext context() {
    return context;
  }

  List<Expectation> expectations() {
    return expectations;
  }

  /** Every expectation that does not hold, as messages; empty when the case passes. */
  List<String> failures(DryRunResult result) {
    List<String> failures = new ArrayList<>();
    for (Expectation e : expectations) {
      String failure = e.check(result);
      if (failure != null) {
        failures.add(failure);
      }
    }
    return failures;
  }
}
