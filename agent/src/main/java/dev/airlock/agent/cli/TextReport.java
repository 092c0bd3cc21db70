package dev.airlock.agent.cli;

/**
 * The text layout of an explanation: a label column, then the value; rows belonging to a block
 * indented under it. Sections write rows; this class alone decides the widths, so that every
 * section lines up with the others.
 */
final class TextReport {

  private static final int LABEL_WIDTH = 14;

  private final StringBuilder out = new StringBuilder();

  /** A top-level row: {@code pii           detect email, ...}. */
  TextReport row(String label, String value) {
    return line("", label, value);
  }

  /** A row under the current block, indented by two. */
  TextReport subRow(String label, String value) {
    return line("  ", label, value);
  }

  /** Free text under the current block, indented by four (detections, bodies). */
  TextReport detail(String text) {
    out.append("    ").append(text).append('\n');
    return this;
  }

  private TextReport line(String indent, String label, String value) {
    StringBuilder l = new StringBuilder(indent).append(label);
    l.append(" ");
    while (l.length() < LABEL_WIDTH) {
      l.append(' ');
    }
    out.append(l).append(value).append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
