package dev.airlock.agent.guard.injection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every phrase rule fires on its own example through the full path (folding, anchor gate,
 * pattern): catches a rule whose anchor stems no longer cover its pattern, which would otherwise
 * silently never run.
 */
class RuleExamplesTest {

  @Test
  void everyRuleMatchesItsExample() {
    PhraseMatcher matcher = HeuristicInjectionDetector.create().phrases();
    List<String> failures = new ArrayList<>();
    for (PatternRule rule : matcher.rules()) {
      NormalizedText text = TextNormalizer.normalize(rule.example);
      SignalCollector out = new SignalCollector(ContentSource.TOOL_RESULT);
      // Run only this rule, but through its own gate, as the matcher does.
      new PhraseMatcher(java.util.Collections.singletonList(rule)).match(text, out);
      if (out.isEmpty()) {
        failures.add(rule.example + "  <-  " + rule);
      }
    }
    assertTrue(failures.isEmpty(), "rules that miss their example:\n" + String.join("\n", failures));
  }

  @Test
  void everyRuleHasAnchorsOrIsDeliberatelyUngated() {
    for (PatternRule rule : HeuristicInjectionDetector.create().phrases().rules()) {
      for (String stem : rule.anchors) {
        assertFalse(stem.isEmpty(), rule.toString());
        assertTrue(stem.chars().allMatch(c -> c >= 'a' && c <= 'z'), "stem '" + stem + "' of " + rule);
      }
    }
  }
}
