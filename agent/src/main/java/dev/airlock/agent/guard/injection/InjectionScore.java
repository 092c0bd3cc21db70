package dev.airlock.agent.guard.injection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The verdict of an {@link InjectionDetector} on one piece of text: a score in [0, 1] (how likely
 * the text is an injection attempt) and the signals behind it. The policy compares the score with
 * its {@code threshold} and flags or blocks. Immutable and thread-safe.
 */
public final class InjectionScore {

  private static final InjectionScore NONE = new InjectionScore(0.0, Collections.emptyList());

  private final double score;
  private final List<InjectionSignal> signals;

  private InjectionScore(double score, List<InjectionSignal> signals) {
    this.score = score;
    this.signals = signals;
  }

  /** The score of text with no evidence: 0 and no signals. */
  public static InjectionScore none() {
    return NONE;
  }

  /**
   * A score with its evidence; for detectors other than the heuristic one (a model-based detector
   * may return a score with no signals, or one signal naming the model).
   *
   * @param score in [0, 1]
   * @param signals the evidence, copied; in the order the detector wants them reported
   * @throws IllegalArgumentException for a score outside [0, 1] (or NaN)
   */
  public static InjectionScore of(double score, List<InjectionSignal> signals) {
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be in [0, 1], got " + score);
    }
    List<InjectionSignal> copy = new ArrayList<>(signals.size());
    for (InjectionSignal s : signals) {
      copy.add(Objects.requireNonNull(s, "signal"));
    }
    if (score == 0.0 && copy.isEmpty()) {
      return NONE;
    }
    return new InjectionScore(score, Collections.unmodifiableList(copy));
  }

  /** How likely the text is an injection attempt, in [0, 1]; 0 for no evidence. */
  public double score() {
    return score;
  }

  /** The evidence (unmodifiable); the heuristic detector lists it in text order. */
  public List<InjectionSignal> signals() {
    return signals;
  }

  /**
   * The rule of the strongest signal (the first one on a tie), for a log line or a span
   * attribute; {@code null} when there are no signals.
   */
  public String topRule() {
    InjectionSignal top = null;
    for (InjectionSignal s : signals) {
      if (top == null || s.weight() > top.weight()) {
        top = s;
      }
    }
    return top == null ? null : top.rule();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof InjectionScore)) {
      return false;
    }
    InjectionScore other = (InjectionScore) o;
    return Double.compare(score, other.score) == 0 && signals.equals(other.signals);
  }

  @Override
  public int hashCode() {
    return Objects.hash(score, signals);
  }

  @Override
  public String toString() {
    return "InjectionScore{" + score + ", " + signals + "}";
  }
}
