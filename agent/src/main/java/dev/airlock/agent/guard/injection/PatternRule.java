package dev.airlock.agent.guard.injection;

import java.util.regex.Pattern;

/**
 * One phrase rule: a precompiled pattern over folded text, the family it is evidence for, its base
 * weight (for user text; {@link SourceWeights} adjusts it per source), the anchors at which every
 * match starts (see {@link AnchorGate}), and an example it must match (checked by a unit test, so a
 * rule whose anchors and pattern drift apart is caught). Immutable.
 *
 * <p>The contract a pattern must keep: every match starts at one of its anchors. Context before
 * the anchor is checked with lookbehind, never consumed.
 */
final class PatternRule {

  final RuleFamily family;
  final double weight;
  final Pattern pattern;
  final String[] anchors;
  final String example;
  /** Whether a meta-discussion context ("what does 'X' mean") lowers the weight; see {@link MentionContext}. */
  final boolean mentionSensitive;

  private PatternRule(RuleFamily family, double weight, Pattern pattern, String[] anchors, String example,
      boolean mentionSensitive) {
    if (!(weight > 0.0 && weight <= 1.0)) {
      throw new IllegalArgumentException("weight must be in (0, 1]: " + weight);
    }
    this.family = family;
    this.weight = weight;
    this.pattern = pattern;
    this.anchors = anchors;
    this.example = example;
    this.mentionSensitive = mentionSensitive;
  }

  /**
   * A rule whose pattern is matched case-insensitively (ASCII: the text is folded first).
   *
   * @param anchors space-separated anchors, at one of which every match starts: word stems
   *     (lowercase ASCII letters) or literals (any other token, e.g. {@code <|})
   * @param regex the pattern; {@code (?-i:...)} where case matters
   * @param example text the rule must fire on
   */
  static PatternRule of(RuleFamily family, double weight, String anchors, String regex, String example) {
    return new PatternRule(family, weight, Pattern.compile(regex, Pattern.CASE_INSENSITIVE),
        anchors.isEmpty() ? new String[0] : anchors.split(" "), example, true);
  }

  /** This rule, not softened by a meta-discussion context (structural evidence such as tokens). */
  PatternRule structural() {
    return new PatternRule(family, weight, pattern, anchors, example, false);
  }

  @Override
  public String toString() {
    return family.id() + "(" + weight + "): " + pattern.pattern();
  }
}
