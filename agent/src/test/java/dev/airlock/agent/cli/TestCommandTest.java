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
}
