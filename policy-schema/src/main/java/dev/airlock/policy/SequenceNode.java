package dev.airlock.policy;

import java.util.Collections;
import java.util.List;

/** A YAML sequence or JSON array, items in file order. */
final class SequenceNode extends PolicyNode {

  private final List<PolicyNode> items;

  SequenceNode(int line, int column, String path, List<PolicyNode> items) {
    super(line, column, path);
    this.items = Collections.unmodifiableList(items);
  }

  List<PolicyNode> items() {
    return items;
  }

  @Override
  String describe() {
    return "a sequence";
  }
}
