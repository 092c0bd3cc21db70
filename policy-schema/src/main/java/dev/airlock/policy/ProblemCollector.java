package dev.airlock.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Gathers every problem found in one policy source, so that a security team sees all of them in one
 * run rather than fixing them one at a time. Problems come back in document order.
 */
final class ProblemCollector {

  /** Document order; a problem without a position (I/O, size) sorts first. */
  private static final Comparator<PolicyProblem> DOCUMENT_ORDER =
      Comparator.comparingInt(PolicyProblem::line).thenComparingInt(PolicyProblem::column);

  private final String sourceName;
  private final List<PolicyProblem> problems = new ArrayList<>();

  ProblemCollector(String sourceName) {
    this.sourceName = sourceName;
  }

  String sourceName() {
    return sourceName;
  }

  /** Error at a value. */
  void error(PolicyNode node, String message) {
    add(PolicyProblem.Severity.ERROR, node.line(), node.column(), node.path(), message, null);
  }

  /** Error at a value, with the bare replacement its "did you mean" hint proposes. */
  void error(PolicyNode node, String message, String suggestion) {
    add(PolicyProblem.Severity.ERROR, node.line(), node.column(), node.path(), message, suggestion);
  }

  /** Error at a key (unknown key, refused section, missing nested key). */
  void errorAtKey(MappingNode.Entry entry, String message, String suggestion) {
    add(
        PolicyProblem.Severity.ERROR,
        entry.keyLine(),
        entry.keyColumn(),
        entry.value().path(),
        message,
        suggestion);
  }

  /** Warning at a value. */
  void warning(PolicyNode node, String message) {
    add(PolicyProblem.Severity.WARNING, node.line(), node.column(), node.path(), message, null);
  }

  /** Error at an explicit position (syntax errors, duplicate keys, before a node exists). */
  void error(int line, int column, String path, String message) {
    add(PolicyProblem.Severity.ERROR, line, column, path, message, null);
  }

  /** Error about the source as a whole (cannot read it, too large). */
  void documentError(String message) {
    add(PolicyProblem.Severity.ERROR, 0, 0, "", message, null);
  }

  private void add(
      PolicyProblem.Severity severity,
      int line,
      int column,
      String path,
      String message,
      String suggestion) {
    problems.add(
        PolicyProblem.builder(severity, message)
            .sourceName(sourceName)
            .at(Math.max(line, 0), Math.max(column, 0))
            .path(path)
            .suggestion(suggestion)
            .build());
  }

  /** Number of errors so far; readers compare it before and after an entry. */
  int errorCount() {
    int n = 0;
    for (PolicyProblem p : problems) {
      if (p.isError()) {
        n++;
      }
    }
    return n;
  }

  boolean hasErrors() {
    for (PolicyProblem p : problems) {
      if (p.isError()) {
        return true;
      }
    }
    return false;
  }

  List<PolicyProblem> errors() {
    return select(PolicyProblem.Severity.ERROR);
  }

  List<PolicyProblem> warnings() {
    return select(PolicyProblem.Severity.WARNING);
  }

  private List<PolicyProblem> select(PolicyProblem.Severity severity) {
    List<PolicyProblem> out = new ArrayList<>();
    for (PolicyProblem p : problems) {
      if (p.severity() == severity) {
        out.add(p);
      }
    }
    out.sort(DOCUMENT_ORDER); // List.sort is stable: same-position problems keep their order
    return Collections.unmodifiableList(out);
  }
}
