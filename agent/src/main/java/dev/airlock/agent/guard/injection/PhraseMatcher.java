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
    // Channel i: where rule i may start; channel rules + i: where its companions occur.
    List<String[]> channels = new ArrayList<>(2 * rules.size());
    for (PatternRule rule : rules) {
      channels.add(rule.anchors);
    }
    for (PatternRule rule : rules) {
      channels.add(rule.companions);
    }
    this.gate = new AnchorGate(channels);
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
    int[] counts = new int[2 * rules.length];
    int[][] starts = gate.starts(s, counts);
    for (int i = 0; i < rules.length; i++) {
      int count = counts[i];
      if (count == 0) {
        continue;
      }
      PatternRule rule = rules[i];
      boolean needsCompanion = rule.companions.length > 0;
      int[] near = starts[rules.length + i];
      int nearCount = counts[rules.length + i];
      if (needsCompanion && nearCount == 0) {
        continue;
      }
      Matcher m = null;
      int hits = 0;
      int next = 0;
      int c = 0;
      int[] at = starts[i];
      for (int k = 0; k < count && hits < MAX_HITS_PER_RULE; k++) {
        int p = at[k];
        if (p < next) {
          continue; // inside the previous match of this rule
        }
        if (needsCompanion) {
          while (c < nearCount && near[c] < p) {
            c++;
          }
          if (c == nearCount) {
            break; // no companion after this start, so none after any later one
          }
          if (near[c] > p + rule.window) {
            continue;
          }
        }
        if (m == null) {
          m = rule.pattern.matcher(s);
          m.useTransparentBounds(true).useAnchoringBounds(false);
        }
        m.region(p, n);
        if (!m.lookingAt() || (rule.imperative && !Imperative.isCommand(s, m.start()))) {
          continue;
        }
        double w = rule.weight;
        if (rule.mentionSensitive) {
          w *= MentionContext.factor(s, m.start(), m.end());
        }
        out.add(rule.family, i, w, text.originalStart(m.start()), text.originalEnd(m.end()));
        hits++;
        next = Math.max(m.end(), p + 1);
      }
    }
  }
}
