package dev.airlock.policy;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

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
