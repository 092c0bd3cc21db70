package dev.airlock.agent.cli;

import dev.airlock.policy.DidYouMean;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.airlock.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy test file:
 *
 * <pre>
 * tests:
 *   - name: card numbers never leave
 *     request: {url: ..., body: {...}}       # or request_file: requests/card.json (relative to this file)
 *     context: {tenant: acme}                # optional: tenant, feature, user, caller
 *     expect: {blocked: pii.credit_card}
 * </pre>
 *
 * <p>Every mistake in the file is collected before anything runs and reported together, each
 * named by its place ({@code tests[2] 'name': expect.redacte: unknown expectation ... (did you mean
 * 'redacted'?)}): a test file that does not say what it means is a usage error, never a pass.
 */
final class PolicyTestSuite {

  static final List<String> TOP_KEYS = Collections.singletonList("tests");
  static final List<String> CASE_KEYS = Collections.unmodifiableList(
      Arrays.asList("name", "request", "request_file", "context", "expect"));
  static final List<String> CONTEXT_KEYS = Collections.unmodifiableList(Arrays.asList("tenant", "feature", "user", "caller"));

  private static final ObjectMapper YAML = new YAMLMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final String source;
  private final List<PolicyTestCase> cases;

  private PolicyTestSuite(String source, List<PolicyTestCase> cases) {
    this.source = source;
    this.cases = Collections.unmodifiableList(cases);
  }

  /** The file's name as given. */
  String source() {
    return source;
  }

  List<PolicyTestCase> cases() {
    return cases;
  }

  /**
   * @throws UsageException listing every problem of the file, one per line
   */
  static PolicyTestSuite read(Path file, Policy policy) throws UsageException {
    String name = file.toString();
    JsonNode root;
    try {
      root = YAML.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new UsageException(name + ": no such file");
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
      throw new UsageException(name + at + ": not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UsageException(name + ": cannot read: " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    List<PolicyTestCase> cases = new ArrayList<>();
    JsonNode tests = root == null ? null : root.get("tests");
    if (root == null || !root.isObject() || tests == null || !tests.isArray() || tests.isEmpty()) {
      throw new UsageException(name + ": must be a mapping with 'tests:', a non-empty list of test cases");
    }
    unknownKeys(root, TOP_KEYS, name, problems);
    Expectations expectations = new Expectations(policy);
    Set<String> names = new HashSet<>();
    Path dir = file.toAbsolutePath().getParent();
    for (int i = 0; i < tests.size(); i++) {
      try {
        PolicyTestCase c = readCase(tests.get(i), name + ": tests[" + i + "]", dir, expectations);
        if (!names.add(c.name())) {
          problems.add(name + ": tests[" + i + "]: name '" + c.name() + "' is used twice (CI reports need unique names)");
        }
        cases.add(c);
      } catch (UsageException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("\n", problems));
    }
    return new PolicyTestSuite(name, cases);
  }

  /** Reads one case; the first problem of a case stops it (later ones often follow from it). */
  private static PolicyTestCase readCase(JsonNode node, String where, Path dir, Expectations expectations)
      throws UsageException {
    if (node == null || !node.isObject()) {
      throw new UsageException(where + ": must be a mapping with name, request (or request_file) and expect");
    }
    JsonNode nameNode = node.get("name");
    if (nameNode == null || !nameNode.isValueNode() || nameNode.asText().trim().isEmpty()) {
      throw new UsageException(where + ": needs a 'name'");
    }
    String caseName = nameNode.asText().trim();
    String at = where + " '" + caseName + "'";
    List<String> problems = new ArrayList<>();
    unknownKeys(node, CASE_KEYS, at, problems);
    if (!problems.isEmpty()) {
      throw new UsageException(problems.get(0));
    }
    RequestSpec request = request(node, at, dir);
    RequestContext context = context(node.get("context"), at + ": context");
    JsonNode expect = node.get("expect");
    if (expect == null || !expect.isObject() || expect.isEmpty()) {
      throw new UsageException(at + ": needs 'expect' with at least one of " + String.join(", ", Expectations.KEYS)
          + " (a case that checks nothing always passes)");
    }
    List<Expectation> checks = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      checks.add(expectations.parse(e.getKey(), e.getValue(), at + ": expect." + e.getKey()));
    }
    return new PolicyTestCase(caseName, request, context, checks);
  }

  private static RequestSpec request(JsonNode node, String at, Path dir) throws UsageException {
    JsonNode inline = node.get("request");
    JsonNode file = node.get("request_file");
    if ((inline == null) == (file == null)) {
      throw new UsageException(at + ": needs exactly one of 'request' (inline) and 'request_file'");
    }
    if (inline != null) {
      return RequestSpec.from(inline, at + ": request");
    }
    if (!file.isTextual() || file.textValue().isEmpty()) {
      throw new UsageException(at + ": request_file must be a path");
    }
    // Relative to the test file, so that the suite runs the same from any working directory.
    return RequestSpec.read(dir.resolve(file.textValue()), at + ": request_file " + file.textValue());
  }

  private static RequestContext context(JsonNode node, String where) throws UsageException {
    if (node == null || node.isNull()) {
      return RequestContext.NONE;
    }
    if (!node.isObject()) {
      throw new UsageException(where + ": must be a mapping of " + String.join(", ", CONTEXT_KEYS));
    }
    List<String> problems = new ArrayList<>();
    unknownKeys(node, CONTEXT_KEYS, where, problems);
    if (!problems.isEmpty()) {
      throw new UsageException(problems.get(0));
    }
    return new RequestContext(text(node, "tenant", where), text(node, "feature", where), text(node, "user", where),
        text(node, "caller", where));
  }

  private static String text(JsonNode node, String key, String where) throws UsageException {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new UsageException(where + "." + key + ": must be a string");
    }
    return v.asText();
  }

  private static void unknownKeys(JsonNode node, List<String> allowed, String where, List<String> problems) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        problems.add(where + ": unknown key '" + key + "'" + DidYouMean.hint(key, allowed)
            + "; allowed: " + String.join(", ", allowed));
      }
    }
  }
}
