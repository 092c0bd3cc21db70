package dev.airlock.policy;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code pii:} section: which personal data to look for in requests, and what to do with it.
 * Immutable.
 */
public final class PiiPolicy {

  /** What happens to a detected value. */
  public enum Action {
    /** Replaced by its type in brackets, {@code [EMAIL]}; not restored. */
    MASK,
    /** Replaced by a placeholder consistent within the request, {@code <EMAIL_1>}; restorable. */
    PSEUDONYMIZE,
    /** The request is refused with an error in the provider's format naming the rule. */
    BLOCK,
    /** Recorded only; the request is sent as it is. */
    DETECT;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The built-in detector ids, as written in {@code detect:}. */
  public static final List<String> BUILT_IN_TYPES = Collections.unmodifiableList(Arrays.asList(
      "email", "phone", "credit_card", "iban", "us_ssn", "ip_address", "secret",
      "uk_nino", "de_tax_id", "es_nif", "it_fiscal_code"));

  private final List<String> detect;
  private final List<CustomPii> custom;
  private final Action action;
  private final Map<String, Action> actions;
  private final boolean restore;
  private final double minConfidence;

  PiiPolicy(List<String> detect, List<CustomPii> custom, Action action, Map<String, Action> actions,
      boolean restore, double minConfidence) {
    this.detect = Collections.unmodifiableList(detect);
    this.custom = Collections.unmodifiableList(custom);
    this.action = Objects.requireNonNull(action);
    this.actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
    this.restore = restore;
    this.minConfidence = minConfidence;
  }

  /**
   * The same detection with one action for every type (per-type actions dropped): what a route's
   * {@code pii: {action: ...}} puts in force for the calls it takes.
   */
  public PiiPolicy withAction(Action newAction) {
    return new PiiPolicy(detect, custom, newAction, Collections.emptyMap(), restore, minConfidence);
  }

  /** Built-in types to detect. */
  public List<String> detect() {
    return detect;
  }

  /** Detectors the policy defines: patterns and word lists. */
  public List<CustomPii> custom() {
    return custom;
  }

  /** The action for every type without its own entry in {@link #actions()}. */
  public Action action() {
    return action;
  }

  /** Per-type actions ({@code actions: {credit_card: block}}). */
  public Map<String, Action> actions() {
    return actions;
  }

  public Action actionFor(String type) {
    return actions.getOrDefault(type, action);
  }

  /** Whether pseudonyms in the answer are replaced by the real values before the app sees it. */
  public boolean restore() {
    return restore;
  }

  /** Detections below this confidence are ignored. */
  public double minConfidence() {
    return minConfidence;
  }

  /** A detector the policy defines: a regular expression, a word list, or both. */
  public static final class CustomPii {
    private final String name;
    private final String pattern;
    private final List<String> words;
    private final boolean caseSensitive;
    private final List<String> context;
    private final double confidence;

    CustomPii(String name, String pattern, List<String> words, boolean caseSensitive, List<String> context,
        double confidence) {
      this.name = name;
      this.pattern = pattern;
      this.words = Collections.unmodifiableList(words);
      this.caseSensitive = caseSensitive;
      this.context = Collections.unmodifiableList(context);
      this.confidence = confidence;
    }

    public String name() {
      return name;
    }

    /** A Java regular expression (checked to compile at load), or null. */
    public String pattern() {
      return pattern;
    }

    /** Whole words or phrases to find; empty when the detector is a pattern. */
    public List<String> words() {
      return words;
    }

    public boolean caseSensitive() {
      return caseSensitive;
    }

    /** Words that, near a match, raise its confidence. */
    public List<String> context() {
      return context;
    }

    /** The confidence of a match without context. */
    public double confidence() {
      return confidence;
    }
  }
}
