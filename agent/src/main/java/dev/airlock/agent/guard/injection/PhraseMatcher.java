package dev.airlock.agent.guard.injection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Runs the phrase rules over folded text and reports what they find. Immutable and thread-safe.
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

  /**
   * Reports every rule match in {@code text} to {@code out}, at original-text spans. Each rule is
   * tried only at the start positions its anchors give ({@link AnchorGate}), with
   * {@link Matcher#lookingAt()}; lookbehinds still see the text before the start (transparent
   * bounds), and {@code ^} still means a real line start (no anchoring bounds).
   */
  void match(NormalizedText text, SignalCollector out) {
    String s = text.text();
    int n = s.length();
    int[] counts = new int[rules.length];
    int[][] starts = gate.starts(s, counts);
    for (int i = 0; i < rules.length; i++) {
      int count = counts[i];
      if (count == 0) {
        continue;
      }
      PatternRule rule = rules[i];
      Matcher m = rule.pattern.matcher(s);
      m.useTransparentBounds(true).useAnchoringBounds(false);
      int hits = 0;
      int next = 0;
      int[] at = starts[i];
      for (int k = 0; k < count && hits < MAX_HITS_PER_RULE; k++) {
        int p = at[k];
        if (p < next) {
          continue; // inside the previous match of this rule
        }
        m.region(p, n);
        if (!m.lookingAt()) {
          continue;
        }
        double w = rule.weight;
        if (rule.mentionSensitive) {
          w *= MentionContext.factor(s, m.start(), m.end());
        }
        out.add(rule.family, w, text.originalStart(m.start()), text.originalEnd(m.end()));
        hits++;
        next = Math.max(m.end(), p + 1);
      }
    }
  }
}
