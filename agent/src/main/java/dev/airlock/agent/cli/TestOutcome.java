package dev.airlock.agent.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The result of one policy test case: its name, what did not hold, and how long it took. */
final class TestOutcome {

  private final String name;
  private final List<String> failures;
  private final double seconds;

  TestOutcome(String name, List<String> failures, double seconds) {
    this.name = name;
    this.failures = Collections.unmodifiableList(new ArrayList<>(failures));
    this.seconds = seconds;
  }

  String name() {
    return name;
  }

  boolean passed() {
    return failures.isEmpty();
  }

  /** Each unmet expectation as {@code expected X, got Y}. */
  List<String> failures() {
    return failures;
  }

  double seconds() {
    return seconds;
  }

  /** {@code PASS name} or {@code FAIL name: expected ..., got ...; expected ...}. */
  String line() {
    return passed() ? "PASS " + name : "FAIL " + name + ": " + String.join("; ", failures);
  }
}
