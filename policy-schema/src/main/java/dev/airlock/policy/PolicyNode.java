package dev.airlock.policy;

/**
 * A node of the located tree that {@link LocatedParser} builds from YAML or JSON: a mapping, a
 * sequence or a scalar, each remembering where it starts in the file and its document path, so that
 * every later check can report {@code file:line:col} and {@code providers.x.format} without
 * threading positions around.
 *
 * <p>Jackson's own tree model ({@code JsonNode}) drops positions, which is why this small tree
 * exists.
 */
abstract class PolicyNode {

  private final int line;
  private final int column;
  private final String path;

  PolicyNode(int line, int column, String path) {
    this.line = line;
    this.column = column;
    this.path = path;
  }

  /** 1-based line where the node's value starts. */
  final int line() {
    return line;
  }

  /** 1-based column where the node's value starts. */
  final int column() {
    return column;
  }

  /** Document path of this node, see {@link PolicyProblem#path()}. */
  final String path() {
    return path;
  }

  /** Noun with article for messages: "a mapping", "a sequence", "a string", ... */
  abstract String describe();
}
