package dev.airlock.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's own logic (not a benchmark): dropping refused policy sections, percentiles, request sizes. */
class PolicySectionsTest {

  private static final String POLICY = String.join("\n",
      "airlock: 1",
      "name: p",
      "",
      "guardrails:",
      "  prompt_injection: {action: block, threshold: 0.8}",
      "  output:",
      "    pii: mask   # the answer's own PII",
      "    secrets: block",
      "",
      "routes:",
      "  - name: default",
      "    to: [openai]",
      "",
      "cache:",
      "  exact: {ttl: 1h}",
      "on_internal_error: pass_through",
      "");

  @Test
  void readsTheRefusedPathsFromValidateOutput() {
    String out = "p.yaml:6:3: error: guardrails.output: 'guardrails.output' is not enforced by this version of Airlock; refusing\n"
        + "p.yaml:10:1: error: routes: section 'routes' is not enforced by this version of Airlock; refusing\n"
        + "p.yaml:8:14: warning: providers.x.api_key: environment variable X is not set\n"
        + "p.yaml: invalid: 2 error(s)\n";
    assertEquals(List.of("guardrails.output", "routes"), PolicySections.unenforcedPaths(out));
  }

  @Test
  void removesATopLevelSectionAndANestedKey() {
    String y = PolicySections.remove(POLICY, "routes");
    assertFalse(y.contains("routes:"));
    assertFalse(y.contains("to: [openai]"));
    assertTrue(y.contains("cache:\n  exact: {ttl: 1h}"));
    y = PolicySections.remove(y, "guardrails.output");
    assertTrue(y.contains("guardrails:\n  prompt_injection: {action: block, threshold: 0.8}"));
    assertFalse(y.contains("output:"));
    assertFalse(y.contains("secrets: block"));
    assertTrue(y.endsWith("on_internal_error: pass_through\n"));
  }

  @Test
  void aParentLeftEmptyGoesToo() {
    String y = PolicySections.remove(POLICY, "cache.exact");
    assertFalse(y.contains("cache:"));
    assertTrue(y.contains("on_internal_error: pass_through"));
  }

  @Test
  void anAbsentPathChangesNothing() {
    assertEquals(POLICY, PolicySections.remove(POLICY, "budgets"));
    assertEquals(POLICY, PolicySections.remove(POLICY, "guardrails.nothing"));
  }

  @Test
  void percentilesAreNearestRank() {
    long[] v = new long[1000];
    for (int i = 0; i < v.length; i++) {
      v[i] = i + 1;
    }
    assertEquals(500, Stats.percentile(v, 50));
    assertEquals(990, Stats.percentile(v, 99));
    assertEquals(999, Stats.percentile(v, 99.9));
  }

  @Test
  void requestsHaveTheAskedSize() {
    assertEquals(2048, ChatRequests.chat("m", false, false, 2048, false).length);
    assertEquals(2048, ChatRequests.chat("m", true, false, 2048, true).length);
  }
}
