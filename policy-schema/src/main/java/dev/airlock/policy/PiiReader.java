package dev.airlock.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code pii:}. Types must be built-in detectors or custom ones the section defines; custom
 * patterns must compile; per-type actions must name a type the section detects.
 */
final class PiiReader {

  static final List<String> KEYS =
      Arrays.asList("detect", "custom", "action", "actions", "restore", "min_confidence");
  static final List<String> CUSTOM_KEYS =
      Arrays.asList("name", "pattern", "words", "case_sensitive", "context", "confidence");
  static final List<String> ACTIONS = Arrays.asList("mask", "pseudonymize", "block", "detect");

  private static final double DEFAULT_MIN_CONFIDENCE = 0.5;
  private static final double DEFAULT_CUSTOM_CONFIDENCE = 0.9;

  private final Expect expect;

  PiiReader(Expect expect) {
    this.expect = expect;
  }

  PiiPolicy read(PolicyNode node) {
    MappingNode pii = expect.mapping(node);
    if (pii == null) {
      return null;
    }
    expect.onlyKeys(pii, KEYS);
    List<String> detect = readDetect(pii.get("detect"));
    List<PiiPolicy.CustomPii> custom = readCustom(pii.get("custom"));
    List<String> known = new ArrayList<>(detect);
    custom.forEach(c -> known.add(c.name()));
    PiiPolicy.Action action = pii.get("action") == null ? PiiPolicy.Action.MASK : action(pii.get("action"));
    Map<String, PiiPolicy.Action> actions = readActions(pii.get("actions"), known);
    Boolean restore = pii.get("restore") == null ? Boolean.TRUE : expect.bool(pii.get("restore"));
    double minConfidence = DEFAULT_MIN_CONFIDENCE;
    if (pii.get("min_confidence") != null) {
      minConfidence = fraction(pii.get("min_confidence"), DEFAULT_MIN_CONFIDENCE);
    }
    if (detect.isEmpty() && custom.isEmpty()) {
      expect.problems().error(pii, "pii needs 'detect' or 'custom': nothing would be detected");
    }
    return new PiiPolicy(detect, custom, action == null ? PiiPolicy.Action.MASK : action, actions,
        restore == null || restore, minConfidence);
  }

  private List<String> readDetect(PolicyNode node) {
    List<String> types = new ArrayList<>();
    if (node == null) {
      return types;
    }
    SequenceNode list = expect.sequence(node);
    if (list == null) {
      return types;
    }
    for (PolicyNode item : list.items()) {
      String type = expect.oneOf(item, PiiPolicy.BUILT_IN_TYPES);
      if (type != null && !types.contains(type)) {
        types.add(type);
      }
    }
    return types;
  }

  private List<PiiPolicy.CustomPii> readCustom(PolicyNode node) {
    List<PiiPolicy.CustomPii> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    SequenceNode list = expect.sequence(node);
    if (list == null) {
      return out;
    }
    List<String> names = new ArrayList<>();
    for (PolicyNode item : list.items()) {
      MappingNode m = expect.mapping(item);
      if (m == null) {
        continue;
      }
      expect.onlyKeys(m, CUSTOM_KEYS);
      String name = m.get("name") == null ? null : expect.string(m.get("name"));
      if (name == null) {
        if (m.get("name") == null) {
          expect.problems().error(m, "a custom detector needs a 'name' (it becomes the type, e.g. customer_id)");
        }
        continue;
      }
      if (PiiPolicy.BUILT_IN_TYPES.contains(name) || names.contains(name)) {
        expect.problems().error(m.get("name"), "custom detector name '" + name + "' is already taken");
        continue;
      }
      names.add(name);
      String pattern = m.get("pattern") == null ? null : compiled(m.get("pattern"));
      List<String> words = strings(m.get("words"));
      if (m.get("pattern") == null && words.isEmpty()) {
        expect.problems().error(m, "custom detector '" + name + "' needs a 'pattern' or 'words'");
        continue;
      }
      Boolean caseSensitive = m.get("case_sensitive") == null ? Boolean.FALSE : expect.bool(m.get("case_sensitive"));
      double confidence = m.get("confidence") == null ? DEFAULT_CUSTOM_CONFIDENCE
          : fraction(m.get("confidence"), DEFAULT_CUSTOM_CONFIDENCE);
      out.add(new PiiPolicy.CustomPii(name, pattern, words, Boolean.TRUE.equals(caseSensitive),
          strings(m.get("context")), confidence));
    }
    return out;
  }

  private String compiled(PolicyNode node) {
    String regex = expect.string(node);
    if (regex == null) {
      return null;
    }
    try {
      Pattern.compile(regex);
      return regex;
    } catch (PatternSyntaxException e) {
      expect.problems().error(node, "pattern does not compile: " + e.getDescription()
          + " near index " + e.getIndex());
      return null;
    }
  }

  private Map<String, PiiPolicy.Action> readActions(PolicyNode node, List<String> known) {
    Map<String, PiiPolicy.Action> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    MappingNode m = expect.mapping(node);
    if (m == null) {
      return out;
    }
    for (MappingNode.Entry e : m.entries()) {
      if (!known.contains(e.key())) {
        expect.unknownKey(e, known);
        continue;
      }
      PiiPolicy.Action a = action(e.value());
      if (a != null) {
        out.put(e.key(), a);
      }
    }
    return out;
  }

  private PiiPolicy.Action action(PolicyNode node) {
    String id = expect.oneOf(node, ACTIONS);
    return id == null ? null : PiiPolicy.Action.valueOf(id.toUpperCase(Locale.ROOT));
  }

  private List<String> strings(PolicyNode node) {
    List<String> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    SequenceNode list = expect.sequence(node);
    if (list == null) {
      return out;
    }
    for (PolicyNode item : list.items()) {
      String s = expect.string(item);
      if (s != null && !s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private double fraction(PolicyNode node, double fallback) {
    BigDecimal value = expect.nonNegativeNumber(node);
    if (value == null) {
      return fallback;
    }
    if (value.compareTo(BigDecimal.ONE) > 0) {
      expect.problems().error(node, "must be between 0 and 1, got " + value.toPlainString());
      return fallback;
    }
    return value.doubleValue();
  }
}
