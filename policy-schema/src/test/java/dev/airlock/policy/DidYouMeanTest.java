package dev.airlock.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

  private static final List<String> RESILIENCE =
      Arrays.asList("timeout", "idle_timeout", "retry", "circuit_breaker", "degrade");

  @Test
  void suggestsWithinTwoEdits() {
    assertEquals("timeout", DidYouMean.closest("timout", RESILIENCE));
    assertEquals("retry", DidYouMean.closest("rerty", RESILIENCE)); // a swap is one edit
    assertEquals("timeout", DidYouMean.closest("Timeout", RESILIENCE));
    assertEquals("base_url", DidYouMean.closest("baseurl", Arrays.asList("format", "base_url")));
    assertNull(DidYouMean.closest("timeoutz_x", RESILIENCE));
    assertNull(DidYouMean.closest("x", Collections.singletonList("pii")));
  }

  @Test
  void unknownKeyMessageMatchesTheLanguageGuide() {
    ProblemCollector problems = new ProblemCollector("policy.yaml");
    ScalarNode value =
        new ScalarNode(4, 12, "resilience.timout", ScalarNode.Type.STRING, "30s", null);
    new Expect(problems).unknownKey(new MappingNode.Entry("timout", 4, 3, value), RESILIENCE);
    assertEquals(
        "policy.yaml:4:3: error: resilience.timout: unknown key 'timout', did you mean 'timeout'?",
        problems.errors().get(0).toString());
  }

  @Test
  void distance() {
    assertEquals(0, DidYouMean.distance("abc", "abc"));
    assertEquals(1, DidYouMean.distance("abc", "acb"));
    assertEquals(1, DidYouMean.distance("opnai", "openai"));
    assertEquals(3, DidYouMean.distance("abc", "xyz"));
  }
}
