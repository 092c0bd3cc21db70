package dev.airlock.agent.cli;

import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyProblem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code test POLICY TESTS.yaml}: policy unit tests. Each case is a request and what must happen
 * to it; the command prints {@code PASS}/{@code FAIL} per case and a summary, and with {@code
 * --junit FILE} writes JUnit XML for the CI's test report. Exit 0 when every case passes, 1 when
 * any fails (or the policy is invalid), 2 for bad usage or a test file that does not say what it
 * means.
 */
final class TestCommand {

  static final String HELP = String.join("\n",
      "usage: java -jar airlock-agent.jar test POLICY TESTS.yaml [--junit FILE]",
      "",
      "Runs policy unit tests: each case's request goes through the policy as in 'explain' (nothing is",
      "sent) and its expectations are checked. One line per case, PASS name or FAIL name: expected ...,",
      "got ..., then 'N passed, M failed'. The context stands in for what only the running app knows;",
      "a route's canary is sticky per tenant (or user), so give one to test it.",
      "",
      "tests:",
      "  - name: card numbers never leave",
      "    request:                              # as in explain's REQUEST.json; or request_file: PATH",
      "      url: https://api.openai.com/v1/chat/completions",
      "      body: {model: gpt-4o-mini, messages: [{role: user, content: 'card 4111 1111 1111 1111'}]}",
      "    context: {tenant: acme}               # optional: tenant, feature, user, caller",
      "    expect:",
      "      blocked: pii.credit_card",
      "  - name: EU tenants stay in the EU",
      "    request_file: requests/chat.json",
      "    context: {tenant: eu-acme}",
      "    expect: {route: eu-only, target: eu-llama/llama-3.3-70b, denied: false, cacheable: false}",
      "",
      "expect keys (any of):",
      "  provider: NAME               the policy or built-in provider the URL reaches",
      "  endpoint: openai_chat        the API (openai_chat, openai_responses, anthropic_messages, ...)",
      "  blocked: RULE | true | false pii.TYPE, guardrails.prompt_injection or route:NAME; true for any",
      "  redacted: [TYPE, ...]        each type masked or pseudonymized at least once",
      "  detected: [TYPE, ...]        each type detected, whatever the action",
      "  not_detected: [TYPE, ...]    none of these types detected",
      "  injection_flagged: BOOL      the injection score reached the threshold (action flag or block)",
      "  body_contains: S | [S, ...]  substrings of the body the provider receives (JSON text)",
      "  body_not_contains: S | [...] ... that must not be in it (a blocked request sends nothing)",
      "  route: NAME | none           the route that matched (first match wins); none: no route matched",
      "  target: PROVIDER/MODEL       the first target of the chain (the model it is asked for);",
      "                               PROVIDER alone checks only the provider",
      "  denied: BOOL                 a route refused the request (its deny:, or require_region left no target)",
      "  cacheable: BOOL              the exact cache would store and serve it (cache.exact.when: deterministic",
      "                               = temperature 0 or a seed; embeddings always)",
      "request_file paths are relative to TESTS.yaml.",
      "",
      "  --junit FILE   also write JUnit XML (testsuite/testcase/failure) for CI test reports",
      "",
      "Exit codes: 0 all passed, 1 a case failed or the policy is invalid, 2 bad usage or test file.");

  private static final Set<String> FLAGS = Set.of("--help", "-h");
  private static final Set<String> OPTIONS = Set.of("--junit");

  private final PrintStream out;
  private final PrintStream err;

  TestCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(List<String> rawArgs) {
    CommandArgs args;
    try {
      args = CommandArgs.parse(rawArgs, FLAGS, OPTIONS);
    } catch (UsageException e) {
      return usage(e.getMessage());
    }
    if (args.has("--help") || args.has("-h")) {
      out.println(HELP);
      return AirlockCli.OK;
    }
    if (args.positionals().size() != 2) {
      return usage(args.positionals().isEmpty() ? null : "expected POLICY and TESTS.yaml, got "
          + args.positionals().size() + " argument(s)");
    }
    String policyFile = args.positionals().get(0);
    String testsFile = args.positionals().get(1);
    String junit = args.option("--junit");
    try {
      PolicyLoadResult loaded = PolicyFiles.load(policyFile, err);
      if (!loaded.ok()) {
        // CI shows the report, not the log: the invalid policy must be a red case there too.
        List<String> errors = new ArrayList<>();
        for (PolicyProblem p : loaded.errors()) {
          errors.add(p.toString());
        }
        List<TestOutcome> outcomes = Collections.singletonList(
            new TestOutcome("policy " + policyFile + " is valid", errors, 0));
        writeJUnit(junit, testsFile, "airlock.invalid-policy", Map.of("policy.file", policyFile), outcomes);
        out.println("FAIL " + outcomes.get(0).name() + ": " + errors.size() + " error(s), see above");
        out.println("0 passed, 1 failed");
        return AirlockCli.FAILED;
      }
      Policy policy = loaded.policy().get();
      PolicyTestSuite suite = PolicyTestSuite.read(Path.of(testsFile), policy);
      List<TestOutcome> outcomes = runAll(suite, new DryRun(policy));
      int failed = 0;
      for (TestOutcome o : outcomes) {
        out.println(o.line());
        failed += o.passed() ? 0 : 1;
      }
      out.println((outcomes.size() - failed) + " passed, " + failed + " failed");
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("policy.name", policy.name());
      properties.put("policy.version", policy.version().orElse(""));
      properties.put("policy.sha256", policy.sha256());
      properties.put("policy.file", policyFile);
      writeJUnit(junit, suite.source(), "airlock.policy." + policy.name(), properties, outcomes);
      return failed == 0 ? AirlockCli.OK : AirlockCli.FAILED;
    } catch (UsageException e) {
      err.println(prefixed(e.getMessage()));
      return AirlockCli.USAGE;
    } catch (IOException e) {
      err.println("airlock test: cannot write the JUnit report " + junit + ": " + e.getMessage());
      return AirlockCli.USAGE;
    }
  }

  /**
   * Runs every case before printing any: a case whose request contradicts itself (it names one
   * provider, its URL reaches another) is a mistake in the file, reported as such with the others.
   */
  private static List<TestOutcome> runAll(PolicyTestSuite suite, DryRun dryRun) throws UsageException {
    List<TestOutcome> outcomes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (PolicyTestCase c : suite.cases()) {
      long start = System.nanoTime();
      try {
        DryRunResult result = dryRun.run(c.request(), c.context());
        outcomes.add(new TestOutcome(c.name(), c.failures(result), (System.nanoTime() - start) / 1e9));
      } catch (UsageException e) {
        problems.add(e.getMessage()); // the request's source already names the file and the case
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("\n", problems));
    }
    return outcomes;
  }

  private static void writeJUnit(String junit, String suiteName, String className, Map<String, String> properties,
      List<TestOutcome> outcomes) throws IOException {
    if (junit != null) {
      JUnitReport.write(Path.of(junit), suiteName, className, properties, outcomes);
    }
  }

  private static String prefixed(String message) {
    StringBuilder s = new StringBuilder();
    for (String line : message.split("\n")) {
      s.append(s.length() == 0 ? "" : "\n").append("airlock test: ").append(line);
    }
    return s.toString();
  }

  /** The whole help when nothing was given; otherwise the one problem, and where the help is. */
  private int usage(String problem) {
    if (problem == null) {
      err.println(HELP);
    } else {
      err.println("airlock test: " + problem + " (see: java -jar airlock-agent.jar test --help)");
    }
    return AirlockCli.USAGE;
  }
}
