package dev.airlock.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Typed reads from the located tree that report what is wrong instead of throwing: each method
 * returns the value, or null after recording an error at the node. Callers carry on with the rest
 * of the document, which is how one run reports every problem.
 */
final class Expect {

  private final ProblemCollector problems;

  Expect(ProblemCollector problems) {
    this.problems = problems;
  }

  ProblemCollector problems() {
    return problems;
  }

  /** True if the parser already reported this value; checks then stay silent about it. */
  static boolean alreadyReported(PolicyNode node) {
    return node instanceof ScalarNode && ((ScalarNode) node).isInvalid();
  }

  MappingNode mapping(PolicyNode node) {
    if (alreadyReported(node)) {
      return null;
    }
    if (node instanceof MappingNode) {
      return (MappingNode) node;
    }
    problems.error(node, "must be a mapping, got " + node.describe());
    return null;
  }

  SequenceNode sequence(PolicyNode node) {
    if (alreadyReported(node)) {
      return null;
    }
    if (node instanceof SequenceNode) {
      return (SequenceNode) node;
    }
    problems.error(node, "must be a sequence, got " + node.describe());
    return null;
  }

  /** A non-empty string. Numbers are refused rather than coerced, with a hint to quote them. */
  String string(PolicyNode node) {
    if (alreadyReported(node)) {
      return null;
    }
    if (node instanceof ScalarNode) {
      ScalarNode s = (ScalarNode) node;
      if (s.isString()) {
        if (s.text().trim().isEmpty()) {
          problems.error(node, "must not be empty");
          return null;
        }
        return s.text();
      }
      if (s.isNumber() || s.type() == ScalarNode.Type.BOOLEAN) {
        problems.error(
            node, "must be a string, got " + s.describe() + " (quote it: \"" + s.text() + "\")");
        return null;
      }
    }
    problems.error(node, "must be a string, got " + node.describe());
    return null;
  }

  /** A finite number that is zero or more. */
  BigDecimal nonNegativeNumber(PolicyNode node) {
    if (alreadyReported(node)) {
      return null;
    }
    if (!(node instanceof ScalarNode) || !((ScalarNode) node).isNumber()) {
      problems.error(node, "must be a number, got " + node.describe());
      return null;
    }
    ScalarNode s = (ScalarNode) node;
    if (s.number() == null) {
      problems.error(node, "must be a finite number, got '" + s.text() + "'");
      return null;
    }
    if (s.number().signum() < 0) {
      problems.error(node, "must not be negative, got " + s.text());
      return null;
    }
    return s.number();
  }

  Boolean bool(PolicyNode node) {
    if (alreadyReported(node)) {
      return null;
    }
    if (node instanceof ScalarNode && ((ScalarNode) node).type() == ScalarNode.Type.BOOLEAN) {
      return ((ScalarNode) node).booleanValue();
    }
    problems.error(node, "must be true or false, got " + node.describe());
    return null;
  }

  /**
   * One of {@code allowed}: {@code must be one of openai, anthropic, gemini, got 'opnai' (did you
   * mean 'openai'?)}.
   */
  String oneOf(PolicyNode node, List<String> allowed) {
    if (alreadyReported(node)) {
      return null;
    }
    String choices = String.join(", ", allowed);
    if (!(node instanceof ScalarNode) || ((ScalarNode) node).isNull()) {
      problems.error(node, "must be one of " + choices + ", got " + node.describe());
      return null;
    }
    String text = ((ScalarNode) node).text();
    if (((ScalarNode) node).isString() && allowed.contains(text)) {
      return text;
    }
    String guess = DidYouMean.closest(text, allowed);
    String message = "must be one of " + choices + ", got '" + text + "'";
    if (guess != null) {
      problems.error(node, message + " (did you mean '" + guess + "'?)", guess);
    } else {
      problems.error(node, message);
    }
    return null;
  }

  /**
   * A value in one of the notations of {@link PolicyValues} (or any parser that throws {@link
   * IllegalArgumentException} with a reason): the scalar's text goes to {@code parser}, and its
   * reason becomes the problem. Numbers and booleans are passed as written, so {@code timeout: 30}
   * is told what a duration looks like rather than to quote the number.
   */
  <T> T parsed(PolicyNode node, Function<String, T> parser) {
    if (alreadyReported(node)) {
      return null;
    }
    if (!(node instanceof ScalarNode) || ((ScalarNode) node).isNull()) {
      problems.error(node, "must be a single value, got " + node.describe());
      return null;
    }
    try {
      return parser.apply(((ScalarNode) node).text());
    } catch (IllegalArgumentException e) {
      problems.error(node, e.getMessage());
      return null;
    }
  }

  /** A duration longer than zero ({@code 30s}; see {@link PolicyValues#duration(String)}). */
  Duration positiveDuration(PolicyNode node) {
    Duration d = parsed(node, PolicyValues::duration);
    if (d != null && d.isZero()) {
      problems.error(node, "must be longer than zero, got '" + ((ScalarNode) node).text() + "'");
      return null;
    }
    return d;
  }

  /** A whole number of at least {@code min}. */
  Integer integer(PolicyNode node, int min) {
    if (alreadyReported(node)) {
      return null;
    }
    if (!(node instanceof ScalarNode) || ((ScalarNode) node).type() != ScalarNode.Type.INTEGER) {
      if (node instanceof ScalarNode && ((ScalarNode) node).type() == ScalarNode.Type.DECIMAL) {
        problems.error(node, "must be a whole number, got " + ((ScalarNode) node).text());
      } else {
        problems.error(node, "must be a whole number, got " + node.describe());
      }
      return null;
    }
    BigDecimal n = ((ScalarNode) node).number();
    if (n.compareTo(BigDecimal.valueOf(min)) < 0) {
      problems.error(node, "must be at least " + min + ", got " + ((ScalarNode) node).text());
      return null;
    }
    if (n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      problems.error(node, "is too large, got " + ((ScalarNode) node).text());
      return null;
    }
    return n.intValueExact();
  }

  /**
   * A number in a range, each end inclusive or not: {@code must be a number more than 0 and at most
   * 100, got 0}.
   */
  Double numberIn(
      PolicyNode node, double min, boolean minInclusive, double max, boolean maxInclusive) {
    if (alreadyReported(node)) {
      return null;
    }
    String range = range(min, minInclusive, max, maxInclusive);
    if (!(node instanceof ScalarNode) || !((ScalarNode) node).isNumber()) {
      problems.error(node, "must be a number " + range + ", got " + node.describe());
      return null;
    }
    ScalarNode s = (ScalarNode) node;
    if (s.number() == null) {
      problems.error(node, "must be a finite number " + range + ", got '" + s.text() + "'");
      return null;
    }
    double v = s.number().doubleValue();
    boolean aboveMin = minInclusive ? v >= min : v > min;
    boolean belowMax = maxInclusive ? v <= max : v < max;
    if (!aboveMin || !belowMax) {
      problems.error(node, "must be " + range + ", got " + s.text());
      return null;
    }
    return v;
  }

  private static String range(double min, boolean minInclusive, double max, boolean maxInclusive) {
    String lo = plain(min);
    String hi = plain(max);
    if (minInclusive && maxInclusive) {
      return "from " + lo + " to " + hi;
    }
    if (!minInclusive && maxInclusive) {
      return "more than " + lo + " and at most " + hi;
    }
    if (minInclusive) {
      return "at least " + lo + " and less than " + hi;
    }
    return "between " + lo + " and " + hi + " (both excluded)";
  }

  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /**
   * One value or a list of them: a scalar is a list of one. An empty list is an error (it would
   * match nothing, or mean nothing), reported here; the result is then empty.
   */
  List<PolicyNode> oneOrMore(PolicyNode node) {
    if (alreadyReported(node)) {
      return Collections.emptyList();
    }
    if (node instanceof ScalarNode) {
      return Collections.singletonList(node);
    }
    if (node instanceof SequenceNode) {
      List<PolicyNode> items = ((SequenceNode) node).items();
      if (items.isEmpty()) {
        problems.error(node, "must not be an empty list");
      }
      return items;
    }
    problems.error(node, "must be a value or a list of values, got " + node.describe());
    return Collections.emptyList();
  }

  /** Error at {@code mapping} unless it has {@code key}; true when present. */
  boolean require(MappingNode mapping, String key, String what) {
    if (mapping.get(key) != null) {
      return true;
    }
    problems.error(mapping, "missing required key '" + key + "' (" + what + ")");
    return false;
  }

  /** Reports every key of {@code mapping} that is not in {@code allowed}. */
  void onlyKeys(MappingNode mapping, List<String> allowed) {
    for (MappingNode.Entry e : mapping.entries()) {
      if (!allowed.contains(e.key())) {
        unknownKey(e, allowed);
      }
    }
  }

  /** {@code unknown key 'timout', did you mean 'timeout'?} or a list of the allowed keys. */
  void unknownKey(MappingNode.Entry entry, Collection<String> allowed) {
    String guess = DidYouMean.closest(entry.key(), allowed);
    if (guess != null) {
      problems.errorAtKey(
          entry, "unknown key '" + entry.key() + "', did you mean '" + guess + "'?", guess);
    } else {
      problems.errorAtKey(
          entry,
          "unknown key '" + entry.key() + "'; allowed here: " + String.join(", ", allowed),
          null);
    }
  }
}
