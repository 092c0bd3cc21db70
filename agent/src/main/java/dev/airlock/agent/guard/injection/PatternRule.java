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
  /** Whether a match counts only where its first word is used as a command; see {@link Imperative}. */
  final boolean imperative;
  /**
   * Sets of word stems and literals; every match contains one of each set within {@link #window}
   * chars of its start. A start without them nearby is skipped without running the pattern: most
   * occurrences of "show" or "tell" are nowhere near "your" and "instructions".
   */
  final String[][] companions;
  final int window;

  private PatternRule(RuleFamily family, double weight, Pattern pattern, String[] anchors, String example,
      boolean mentionSensitive, boolean imperative, String[][] companions, int window) {
    if (!(weight > 0.0 && weight <= 1.0)) {
      throw new IllegalArgumentException("weight must be in (0, 1]: " + weight);
    }
    this.family = family;
    this.weight = weight;
    this.pattern = pattern;
    this.anchors = anchors;
    this.example = example;
    this.mentionSensitive = mentionSensitive;
    this.imperative = imperative;
    this.companions = companions;
    this.window = window;
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
        anchors.isEmpty() ? new String[0] : anchors.split(" "), example, true, false, new String[0][], DEFAULT_WINDOW);
  }

  /** This rule, not softened by a meta-discussion context (structural evidence such as tokens). */
  PatternRule structural() {
    return new PatternRule(family, weight, pattern, anchors, example, false, imperative, companions, window);
  }

  /**
   * This rule, counted only where its first word is a command ("Ignore all rules", "please
   * disregard any rules") and not a description ("how do I make eslint ignore all rules").
   */
  PatternRule imperative() {
    return new PatternRule(family, weight, pattern, anchors, example, mentionSensitive, true, companions, window);
  }

  /** Default reach for companions: as long as a match of the bounded patterns gets in practice. */
  static final int DEFAULT_WINDOW = 160;

  /**
   * This rule, tried only where one of {@code words} (space-separated) occurs within the window
   * after the start; each call adds a set that must be present. A companion is a word stem
   * (lowercase ASCII letters: a word beginning with it) or a literal (starting with an ASCII char
   * that is not a letter, such as {@code 's} or {@code @}: found anywhere, ignoring case).
   */
  PatternRule requiring(String words) {
    String[] c = words.trim().split("\\s+");
    for (String companion : c) {
      if (!AnchorGate.isStem(companion) && !AnchorGate.isLiteral(companion)) {
        throw new IllegalArgumentException("companions are word stems or literals: '" + companion + "' in " + this);
      }
    }
    String[][] sets = java.util.Arrays.copyOf(companions, companions.length + 1);
    sets[companions.length] = c;
    return new PatternRule(family, weight, pattern, anchors, example, mentionSensitive, imperative, sets, window);
  }

  /** This rule with companions looked for up to {@code chars} after a start (default {@value #DEFAULT_WINDOW}). */
  PatternRule within(int chars) {
    return new PatternRule(family, weight, pattern, anchors, example, mentionSensitive, imperative, companions, chars);
  }

  /**
   * The stems of the alternatives of a regex alternation such as
   * {@code (?:instructions?|rules?|guidelines?)}: the leading letters of each top-level alternative,
   * without a final optional letter ({@code instructions?} gives {@code instruction}). An
   * alternative that starts with a group contributes that group's stems ({@code (?:den|die)\s+...}
   * gives {@code den die}) and, if the group is optional, also the stem after it
   * ({@code (?:system\s+)?prompt} gives {@code system prompt}). Used to derive companions from the
   * fragments the patterns are built from, so the two cannot drift apart.
   */
  static String stemsOf(String alternation) {
    String body = alternation.startsWith("(?:") && matchingParen(alternation, 0) == alternation.length() - 1
        ? alternation.substring(3, alternation.length() - 1) : alternation;
    StringBuilder stems = new StringBuilder(" ");
    int i = 0;
    while (i <= body.length()) {
      // One top-level alternative starts at i.
      StringBuilder stem = new StringBuilder();
      if (body.startsWith("(?:", i)) {
        int close = matchingParen(body, i);
        for (String inner : stemsOf(body.substring(i, close + 1)).split(" ")) {
          add(stems, inner);
        }
        i = close + 1;
        if (i < body.length() && (body.charAt(i) == '?' || body.charAt(i) == '*')) {
          i++; // an optional group: the words after it can start the match too
          continue;
        }
      } else {
        while (i < body.length()) {
          char c = body.charAt(i);
          char next = i + 1 < body.length() ? body.charAt(i + 1) : ' ';
          if (c < 'a' || c > 'z' || next == '?' || next == '*' || next == '{') {
            break;
          }
          stem.append(c);
          i++;
        }
        add(stems, stem.toString());
      }
      // Skip the rest of this alternative.
      int depth = 0;
      while (i < body.length() && !(depth == 0 && body.charAt(i) == '|')) {
        char c = body.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        }
        i++;
      }
      i++;
    }
    return stems.toString().trim();
  }

  private static void add(StringBuilder stems, String stem) {
    if (!stem.isEmpty() && stems.indexOf(" " + stem + " ") < 0) {
      stems.append(stem).append(' ');
    }
  }

  /** The index of the parenthesis closing the one at {@code open}. */
  private static int matchingParen(String regex, int open) {
    int depth = 0;
    for (int i = open; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unbalanced parentheses: " + regex);
  }


  @Override
  public String toString() {
    return family.id() + "(" + weight + "): " + pattern.pattern();
  }
}
