package dev.airlock.agent.cli;

import static dev.airlock.agent.cli.CliRun.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TestCommandTest {

  @TempDir Path dir;

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private static Document xml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  @Test
  void theExampleSuitePassesAndItsReportSaysSo() throws Exception {
    Path report = dir.resolve("reports/policy-tests.xml");
    CliRun run = CliRun.of("test", example("policy.yaml"), example("tests.yaml"), "--junit", report.toString());
    assertEquals(0, run.exit, run::toString);
    String[] lines = run.out.split("\n");
    assertEquals("6 passed, 0 failed", lines[lines.length - 1]);
    for (int i = 0; i < lines.length - 1; i++) {
      assertTrue(lines[i].startsWith("PASS "), lines[i]);
    }
    Element suite = (Element) xml(report).getElementsByTagName("testsuite").item(0);
    assertEquals("6", suite.getAttribute("tests"));
    assertEquals("0", suite.getAttribute("failures"));
    assertEquals(0, suite.getElementsByTagName("failure").getLength());
  }

  @Test
  void failingCasesSayWhatWasExpectedAndWhatHappenedAndExitWith1() throws Exception {
    Path report = dir.resolve("junit.xml");
    CliRun run = CliRun.of("test", example("policy.yaml"), example("tests-failing.yaml"), "--junit", report.toString());
    assertEquals(1, run.exit, run::toString);
    assertTrue(run.out.contains("PASS passes\n"), run.out);
    assertTrue(run.out.contains("FAIL expects a card to be redacted, but the policy blocks it: "
        + "expected not blocked, got blocked by pii.credit_card; "
        + "expected credit_card redacted (masked or pseudonymized), got detections credit_card (block)"), run.out);
    assertTrue(run.out.contains("FAIL expects the wrong provider: expected provider eu-llama, got openai"), run.out);
    assertTrue(run.out.endsWith("1 passed, 2 failed\n"), run.out);

    Document doc = xml(report);
    Element suites = doc.getDocumentElement();
    assertEquals("testsuites", suites.getTagName());
    assertEquals("3", suites.getAttribute("tests"));
    assertEquals("2", suites.getAttribute("failures"));
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertEquals("3", suite.getAttribute("tests"));
    assertEquals("2", suite.getAttribute("failures"));
    assertEquals("0", suite.getAttribute("errors"));
    NodeList cases = suite.getElementsByTagName("testcase");
    assertEquals(3, cases.getLength());
    assertEquals("passes", ((Element) cases.item(0)).getAttribute("name"));
    assertEquals("airlock.policy.acme-support-assistant", ((Element) cases.item(0)).getAttribute("classname"));
    assertEquals(0, ((Element) cases.item(0)).getElementsByTagName("failure").getLength());
    Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
    assertEquals("expected not blocked, got blocked by pii.credit_card", failure.getAttribute("message"));
    assertTrue(failure.getTextContent().contains("expected credit_card redacted"), failure.getTextContent());
    assertEquals(2, suite.getElementsByTagName("failure").getLength());
  }

  @Test
  void namesWithMarkupStayWellFormed() throws Exception {
    Path tests = file("t.yaml", "tests:\n"
        + "  - name: \"<b>&amp; \\\"quoted\\\" \\u0001</b>\"\n"
        + "    request: {provider: openai, body: {model: m, messages: [{role: user, content: hi}]}}\n"
        + "    expect: {provider: anthropic}\n");
    Path report = dir.resolve("r.xml");
    CliRun run = CliRun.of("test", example("policy.yaml"), tests.toString(), "--junit", report.toString());
    assertEquals(1, run.exit, run::toString);
    Element testcase = (Element) xml(report).getElementsByTagName("testcase").item(0);
    assertTrue(testcase.getAttribute("name").startsWith("<b>&amp; \"quoted\" "), testcase.getAttribute("name"));
  }

  @Test
  void unknownExpectationsAreUsageErrorsWithASuggestion() throws Exception {
    Path tests = file("t.yaml", "tests:\n"
        + "  - name: typo\n"
        + "    request: {provider: openai, body: {model: m, messages: []}}\n"
        + "    expect: {redacte: [email]}\n"
        + "  - name: rule typo\n"
        + "    request: {provider: openai, body: {model: m, messages: []}}\n"
        + "    expect: {blocked: pii.creditcard}\n"
        + "  - name: type typo\n"
        + "    request: {provider: openai, body: {model: m, messages: []}}\n"
        + "    expect: {not_detected: [emial]}\n");
    CliRun run = CliRun.of("test", example("policy.yaml"), tests.toString());
    assertEquals(2, run.exit, run::toString);
    assertTrue(run.err.contains("tests[0] 'typo': expect.redacte: unknown expectation 'redacte' (did you mean 'redacted'?)"),
        run.err);
    assertTrue(run.err.contains("unknown rule 'pii.creditcard' (did you mean 'pii.credit_card'?)"), run.err);
    assertTrue(run.err.contains("unknown PII type 'emial' (did you mean 'email'?)"), run.err);
    assertFalse(run.out.contains("PASS") || run.out.contains("FAIL"), "nothing runs from a broken file: " + run.out);
  }

  @Test
  void otherMistakesInTheTestFileAreUsageErrors() throws Exception {
    String request = "    request: {provider: openai, body: {model: m, messages: []}}\n";
    assertEquals(2, CliRun.of("test", example("policy.yaml"), file("a.yaml", "tset: []\n").toString()).exit);
    assertEquals(2, CliRun.of("test", example("policy.yaml"),
        file("b.yaml", "tests:\n  - name: nothing checked\n" + request + "    expect: {}\n").toString()).exit);
    assertEquals(2, CliRun.of("test", example("policy.yaml"),
        file("c.yaml", "tests:\n  - name: x\n" + request + "    expect: {blocked: false}\n"
            + "  - name: x\n" + request + "    expect: {blocked: false}\n").toString()).exit, "duplicate names");
    CliRun missing = CliRun.of("test", example("policy.yaml"),
        file("d.yaml", "tests:\n  - name: x\n    request_file: nowhere.json\n    expect: {blocked: false}\n").toString());
    assertEquals(2, missing.exit);
    assertTrue(missing.err.contains("tests[0] 'x': request_file nowhere.json: no such file"), missing.err);
    assertEquals(2, CliRun.of("test", example("policy.yaml"), dir.resolve("none.yaml").toString()).exit);
    assertEquals(2, CliRun.of("test", example("policy.yaml")).exit);
    assertEquals(2, CliRun.of("test", example("policy.yaml"), example("tests.yaml"), "--junti", "x.xml").exit);
    assertEquals(0, CliRun.of("test", "--help").exit);
    assertEquals(0, CliRun.of("help", "test").exit);
  }

  @Test
  void anInvalidPolicyFailsAndShowsUpInTheReport() throws Exception {
    Path policy = file("bad.yaml", "airlock: 1\nname: bad\nbudgets: {}\n");
    Path report = dir.resolve("r.xml");
    CliRun run = CliRun.of("test", policy.toString(), example("tests.yaml"), "--junit", report.toString());
    assertEquals(1, run.exit, run::toString);
    assertTrue(run.err.contains("budgets"), run.err);
    Element suite = (Element) xml(report).getElementsByTagName("testsuite").item(0);
    assertEquals("1", suite.getAttribute("failures"));
    assertTrue(suite.getElementsByTagName("failure").item(0).getTextContent().contains("budgets"));
  }

  @Test
  void routeTargetDeniedAndCacheableExpectationsPass() throws Exception {
    Path report = dir.resolve("routes.xml");
    CliRun run = CliRun.of("test", example("policy-routes.yaml"), example("tests-routes.yaml"), "--junit",
        report.toString());
    assertEquals(0, run.exit, run::toString);
    assertTrue(run.out.contains("PASS the free tier cannot use gpt-4o\n"), run.out);
    assertTrue(run.out.contains("PASS canary tenants try the new model first\n"), run.out);
    assertTrue(run.out.endsWith("6 passed, 0 failed\n"), run.out);
    Element suite = (Element) xml(report).getElementsByTagName("testsuite").item(0);
    assertEquals("6", suite.getAttribute("tests"));
    assertEquals("0", suite.getAttribute("failures"));
  }

  @Test
  void routeTargetDeniedAndCacheableExpectationsFailWithWhatHappenedAndWhy() throws Exception {
    Path report = dir.resolve("routes-failing.xml");
    CliRun run = CliRun.of("test", example("policy-routes.yaml"), example("tests-routes-failing.yaml"), "--junit",
        report.toString());
    assertEquals(1, run.exit, run::toString);
    assertTrue(run.out.contains("PASS passes\n"), run.out);
    assertTrue(run.out.contains("FAIL expects the default route, but triage matches first: expected route default, got"
        + " cheap-triage (an earlier route matched, so default was not tried)"), run.out);
    assertTrue(run.out.contains("FAIL expects the triage route without a feature: expected route cheap-triage, got"
        + " default (cheap-triage did not match: no feature known (give --feature); the route wants feature"
        + " 'com.acme.triage.*')"), run.out);
    assertTrue(run.out.contains("FAIL expects a denial that does not happen: expected denied by a route, got sent"),
        run.out);
    assertTrue(run.out.contains("FAIL expects a sampled answer to be cacheable: expected cacheable, got not cacheable:"
        + " temperature 0.7 and no seed"), run.out);
    assertTrue(run.out.contains("FAIL expects the application's model for a canary tenant: expected target"
        + " openai/gpt-4o-mini, got openai/gpt-4.1-mini"), run.out);
    assertTrue(run.out.endsWith("1 passed, 5 failed\n"), run.out);

    Element suite = (Element) xml(report).getElementsByTagName("testsuite").item(0);
    assertEquals("6", suite.getAttribute("tests"));
    assertEquals("5", suite.getAttribute("failures"));
    NodeList cases = suite.getElementsByTagName("testcase");
    assertEquals(0, ((Element) cases.item(0)).getElementsByTagName("failure").getLength());
    Element failure = (Element) ((Element) cases.item(3)).getElementsByTagName("failure").item(0);
    assertEquals("expected denied by a route, got sent", failure.getAttribute("message"));
    Element target = (Element) ((Element) cases.item(5)).getElementsByTagName("failure").item(0);
    assertEquals("expected target openai/gpt-4o-mini, got openai/gpt-4.1-mini", target.getAttribute("message"));
  }

  @Test
  void unknownRoutesAndMalformedTargetsAreUsageErrors() throws Exception {
    String request = "    request: {provider: openai, body: {model: m, messages: []}}\n";
    Path tests = file("t.yaml", "tests:\n"
        + "  - name: route typo\n" + request + "    expect: {route: cheap-triag}\n"
        + "  - name: rule typo\n" + request + "    expect: {blocked: \"route:defualt\"}\n"
        + "  - name: bad target\n" + request + "    expect: {target: \"open ai/x\"}\n"
        + "  - name: not a boolean\n" + request + "    expect: {denied: yes please}\n");
    CliRun run = CliRun.of("test", example("policy-routes.yaml"), tests.toString());
    assertEquals(2, run.exit, run::toString);
    assertTrue(run.err.contains("tests[0] 'route typo': expect.route: the policy has no route 'cheap-triag' (did you"
        + " mean 'cheap-triage'?)"), run.err);
    assertTrue(run.err.contains("unknown rule 'route:defualt' (did you mean 'route:default'?)"), run.err);
    assertTrue(run.err.contains("tests[2] 'bad target': expect.target: 'open ai/x' is not a target"), run.err);
    assertTrue(run.err.contains("tests[3] 'not a boolean': expect.denied: must be true or false"), run.err);

    Path none = file("none.yaml", "tests:\n  - name: no routes\n" + request + "    expect: {route: default}\n");
    CliRun noRoutes = CliRun.of("test", example("policy.yaml"), none.toString());
    assertEquals(2, noRoutes.exit, noRoutes::toString);
    assertTrue(noRoutes.err.contains("it has no routes, so only 'none'"), noRoutes.err);
  }

  @Test
  void theHelpDocumentsTheNewExpectations() {
    CliRun help = CliRun.of("test", "--help");
    assertEquals(0, help.exit);
    for (String key : new String[] {"route: NAME | none", "target: PROVIDER/MODEL", "denied: BOOL", "cacheable: BOOL",
        "route:NAME"}) {
      assertTrue(help.out.contains(key), key + " in\n" + help.out);
    }
    for (String key : Expectations.KEYS) {
      assertTrue(help.out.contains("  " + key + ":"), "every expect key is documented: " + key);
    }
  }
}
