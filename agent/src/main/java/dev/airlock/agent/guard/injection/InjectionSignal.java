package dev.airlock.agent.guard.injection;

import java.util.Objects;

/**
 * One piece of evidence for prompt injection: which rule fired, how strongly, and where.
 * Immutable and thread-safe.
 *
 * <p>The heuristic detector uses these rule ids:
 * {@code instruction_override}, {@code new_instructions}, {@code system_prompt_extraction},
 * {@code secret_extraction}, {@code harmful_request}, {@code roleplay_jailbreak}, {@code authority_claim},
 * {@code social_engineering},
 * {@code fake_role}, {@code delimiter_injection}, {@code assistant_directive},
 * {@code encoded_payload}, {@code invisible_unicode}, {@code homoglyph_obfuscation}, {@code repeated_token}.
 * A model-based detector may use its own ids.
 */
public final class InjectionSignal {

  private final String rule;
  private final double weight;
  private final int start;
  private final int end;

  /**
   * @param rule the id of the rule (family) that fired, e.g. {@code instruction_override}
   * @param weight the evidence strength in [0, 1], already adjusted for the content source
   * @param start index of the first char of the evidence in the scored text
   * @param end index after the last char of the evidence ({@code start <= end})
   * @throws IllegalArgumentException for an empty rule, a weight outside [0, 1] or a bad span
   */
  public InjectionSignal(String rule, double weight, int start, int end) {
    Objects.requireNonNull(rule, "rule");
    if (rule.isEmpty()) {
      throw new IllegalArgumentException("rule must not be empty");
    }
    if (!(weight >= 0.0 && weight <= 1.0)) {
      throw new IllegalArgumentException("weight must be in [0, 1], got " + weight);
    }
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
    this.rule = rule;
    this.weight = weight;
    this.start = start;
    this.end = end;
  }

  /** The rule id, e.g. {@code instruction_override}. */
  public String rule() {
    return rule;
  }

  /** Evidence strength in [0, 1], after the content source's weighting. */
  public double weight() {
    return weight;
  }

  /**
   * Index (in UTF-16 chars) of the first char of the evidence in the text that was scored. For
   * evidence found inside a decoded payload or hidden characters, the span of the whole payload.
   */
  public int start() {
    return start;
  }

  /** Index after the last char of the evidence in the text that was scored. */
  public int end() {
    return end;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof InjectionSignal)) {
      return false;
    }
    InjectionSignal other = (InjectionSignal) o;
    return rule.equals(other.rule)
        && Double.compare(weight, other.weight) == 0
        && start == other.start
        && end == other.end;
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule, weight, start, end);
  }

  @Override
  public String toString() {
    return rule + "(" + weight + ")@[" + start + "," + end + ")";
  }
}
