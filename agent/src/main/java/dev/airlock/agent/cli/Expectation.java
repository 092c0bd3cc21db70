package dev.airlock.agent.cli;

/** One {@code expect:} entry of a policy test case, checked against what the agent would do. */
interface Expectation {

  /**
   * @return null when the expectation holds, else why not, as {@code expected X, got Y}
   */
  String check(DryRunResult result);
}
