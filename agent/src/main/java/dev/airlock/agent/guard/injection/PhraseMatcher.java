package dev.airlock.agent.guard.injection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Runs the phrase rules over folded text and reports what they find. Only the rules the
 * {@link AnchorGate} wakes are run. Immutable and thread-safe.
 */
final class PhraseMatcher {

  /** Matches of one rule that are reported; more add nothing after the repeat decay. */
  private static final int MAX_HITS_PER_RULE = 8;

  private final PatternRule[] rules;
  private final AnchorGate gate;

  PhraseMatcher(List<PatternRule> rules) {
    this.rules = rules.toArray(new PatternRule[0]);
    List<String[]> anchors = new ArrayList<>(rules.size());
    for (PatternRule rule : rules) {
      anchors.add(rule.anchors);
    }
    this.gate = new AnchorGate(anchors);
  }

  /** The English and European rules. */
  static PhraseMatcher standard() {
    List<PatternRule> all = new ArrayList<>(EnglishRules.all());
    all.addAll(EuropeanRules.all());
    return new PhraseMatcher(all);
  }

  /** The rules, for tests. */
  List<PatternRule> rules() {
    return Collections.unmodifiableList(java.util.Arrays.asList(rules));
  }

  /** Reports every rule match in {@code text} to {@code out}, at original-text spans. */
  void match(NormalizedText text, SignalCollector out) {
    String s = text.text();
    long[] awake = gate.awake(s);
    for (int i = 0; i < rules.length; i++) {
      if (!AnchorGate.isAwake(awake, i)) {
        continue;
      }
      PatternRule rule = rules[i];
      Matcher m = rule.pattern.matcher(s);
      for (int hits = 0; hits < MAX_HITS_PER_RULE && m.find(); hits++) {
        double w = rule.weight;
        if (rule.mentionSensitive) {
          w *= MentionContext.factor(s, m.start(), m.end());
        }
        out.add(rule.family, w, text.originalStart(m.start()), text.originalEnd(m.end()));
      }
    }
  }
}
