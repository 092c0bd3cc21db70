package dev.airlock.agent.guard.injection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every phrase rule fires on its own example through the full path (folding, anchors, anchored
 * pattern): catches a rule whose anchors no longer cover where its pattern starts, which would
 * otherwise silently never fire.
 */
class RuleExamplesTest {

  @Test
  void everyRuleMatchesItsExample() {
    PhraseMatcher matcher = HeuristicInjectionDetector.create().phrases();
    List<String> failures = new ArrayList<>();
    for (PatternRule rule : matcher.rules()) {
      NormalizedText text = TextNormalizer.normalize(rule.example);
      SignalCollector out = new SignalCollector(ContentSource.TOOL_RESULT);
      // Run only this rule, through its own anchors, as the matcher does.
      new PhraseMatcher(java.util.Collections.singletonList(rule)).match(text, out);
      if (out.isEmpty()) {
        failures.add(rule.example + "  <-  " + rule);
      }
    }
    assertTrue(failures.isEmpty(), "rules that miss their example:\n" + String.join("\n", failures));
  }

  @Test
  void everyRuleHasAnchors() {
    for (PatternRule rule : HeuristicInjectionDetector.create().phrases().rules()) {
      assertTrue(rule.anchors.length > 0, "a rule without anchors never runs: " + rule);
      for (String anchor : rule.anchors) {
        assertFalse(anchor.isEmpty(), rule.toString());
      }
    }
  }
}
