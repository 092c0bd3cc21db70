package dev.airlock.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML mapping or JSON object. Keys are unique (the parser reports duplicates and keeps the
 * first) and keep their file order, so problems come out in the order a reader meets them.
 */
final class MappingNode extends PolicyNode {

  /** One {@code key: value} pair; the key keeps its own position for "unknown key" errors. */
  static final class Entry {
    private final String key;
    private final int keyLine;
    private final int keyColumn;
    private final PolicyNode value;

    Entry(String key, int keyLine, int keyColumn, PolicyNode value) {
      this.key = key;
      this.keyLine = keyLine;
      this.keyColumn = keyColumn;
      this.value = value;
    }

    String key() {
      return key;
    }

    int keyLine() {
      return keyLine;
    }

    int keyColumn() {
      return keyColumn;
    }

    PolicyNode value() {
      return value;
    }
  }

  private final Map<String, Entry> entries;

  MappingNode(int line, int column, String path, List<Entry> entries) {
    super(line, column, path);
    Map<String, Entry> m = new LinkedHashMap<>();
    for (Entry e : entries) {
      m.putIfAbsent(e.key(), e);
    }
    this.entries = Collections.unmodifiableMap(m);
  }

  /** Entries in file order. */
  List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }

  /** The entry for {@code key}, or null. */
  Entry entry(String key) {
    return entries.get(key);
  }

  /** The value for {@code key}, or null when the key is absent. */
  PolicyNode get(String key) {
    Entry e = entries.get(key);
    return e == null ? null : e.value();
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  String describe() {
    return "a mapping";
  }
}
