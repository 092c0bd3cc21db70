package dev.airlock.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A Markdown table, padded so it also reads well in a terminal. */
final class Table {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    this.header = Arrays.asList(header);
  }

  Table row(String... cells) {
    rows.add(Arrays.asList(cells));
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String render() {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = Math.max(3, header.get(i).length());
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], i < r.size() ? r.get(i).length() : 0);
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, header, width, true);
    b.append('|');
    for (int i = 0; i < width.length; i++) {
      b.append(i == 0 ? ":" : "").append("-".repeat(width[i] + 1)).append(i == 0 ? "" : ":").append('|');
    }
    b.append('\n');
    for (List<String> r : rows) {
      line(b, r, width, false);
    }
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells, int[] width, boolean header) {
    b.append('|');
    for (int i = 0; i < width.length; i++) {
      String c = i < cells.size() ? cells.get(i) : "";
      String pad = " ".repeat(width[i] - c.length());
      b.append(' ').append(i == 0 || header ? c + pad : pad + c).append(" |");
    }
    b.append('\n');
  }
}
