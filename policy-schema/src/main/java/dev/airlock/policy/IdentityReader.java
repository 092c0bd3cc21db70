package dev.airlock.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code identity:}: each dimension a list of sources, each checked for its form. */
final class IdentityReader {

  static final List<String> SOURCE_KINDS = Arrays.asList("header", "baggage", "mdc", "metadata", "static");
  static final List<String> BARE_SOURCES = Arrays.asList("caller", "user");

  private final Expect expect;

  IdentityReader(Expect expect) {
    this.expect = expect;
  }

  IdentityPolicy read(PolicyNode node) {
    MappingNode identity = expect.mapping(node);
    Map<String, List<String>> sources = new LinkedHashMap<>();
    if (identity == null) {
      return new IdentityPolicy(sources);
    }
    expect.onlyKeys(identity, IdentityPolicy.DIMENSIONS);
    for (String dimension : IdentityPolicy.DIMENSIONS) {
      PolicyNode value = identity.get(dimension);
      if (value == null) {
        continue;
      }
      // One source, or a list of them tried in order.
      List<PolicyNode> items = value instanceof ScalarNode ? List.of(value) : itemsOf(value);
      List<String> out = new ArrayList<>();
      for (PolicyNode item : items) {
        String source = expect.string(item);
        if (source != null && valid(item, source)) {
          out.add(source);
        }
      }
      sources.put(dimension, out);
    }
    return new IdentityPolicy(sources);
  }

  private List<PolicyNode> itemsOf(PolicyNode value) {
    SequenceNode list = expect.sequence(value);
    return list == null ? List.of() : list.items();
  }

  private boolean valid(PolicyNode node, String source) {
    if (BARE_SOURCES.contains(source)) {
      return true;
    }
    int colon = source.indexOf(':');
    String kind = colon < 0 ? source : source.substring(0, colon);
    if (!SOURCE_KINDS.contains(kind) || colon < 0 || colon == source.length() - 1) {
      String guess = DidYouMean.closest(kind, concat(SOURCE_KINDS, BARE_SOURCES));
      expect.problems().error(node, "unknown identity source '" + source + "'; write header:NAME, baggage:KEY,"
          + " mdc:KEY, metadata:KEY, static:VALUE, caller or user"
          + (guess == null ? "" : " (did you mean '" + guess + "'?)"));
      return false;
    }
    return true;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
