package dev.airlock.policy;

import java.util.Locale;
import java.util.Optional;

/** The {@code guardrails:} section. Immutable. */
public final class GuardrailsPolicy {

  /** What happens to a request whose injection score reaches the threshold. */
  public enum InjectionAction {
    /** Refused with an error in the provider's format naming the rule. */
    BLOCK,
    /** Sent, and marked on the span. */
    FLAG;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What happens to an answer that breaks an output rule. */
  public enum OutputAction {
    /** The offending values are replaced ({@code [EMAIL]}) before the app sees the answer. */
    MASK,
    /** The app gets an error in the provider's format naming the rule instead of the answer. */
    BLOCK,
    /** Recorded on the span only. */
    DETECT,
    /** Like detect: recorded on the span (the word the json rule uses). */
    FLAG;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final InjectionAction injectionAction;
  private final double injectionThreshold;
  private final OutputAction outputPii;
  private final OutputAction outputSecrets;
  private final java.util.List<String> outputDeny;
  private final OutputAction outputJson;

  GuardrailsPolicy(InjectionAction injectionAction, double injectionThreshold, OutputAction outputPii,
      OutputAction outputSecrets, java.util.List<String> outputDeny, OutputAction outputJson) {
    this.injectionAction = injectionAction;
    this.injectionThreshold = injectionThreshold;
    this.outputPii = outputPii;
    this.outputSecrets = outputSecrets;
    this.outputDeny = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(outputDeny));
    this.outputJson = outputJson;
  }

  /** For personal data in the answer that the application did not send; empty when not checked. */
  public Optional<OutputAction> outputPii() {
    return Optional.ofNullable(outputPii);
  }

  /** For secrets (keys, tokens) in the answer; empty when not checked. */
  public Optional<OutputAction> outputSecrets() {
    return Optional.ofNullable(outputSecrets);
  }

  /** Regular expressions (checked to compile) that no answer may match; a match blocks it. */
  public java.util.List<String> outputDeny() {
    return outputDeny;
  }

  /** When the request asked for JSON, for an answer that is not JSON: flag or block; empty when not checked. */
  public Optional<OutputAction> outputJson() {
    return Optional.ofNullable(outputJson);
  }

  /** Whether any output rule is set. */
  public boolean checksOutput() {
    return outputPii != null || outputSecrets != null || !outputDeny.isEmpty() || outputJson != null;
  }

  /** The prompt-injection action, or empty when the policy sets no injection guardrail. */
  public Optional<InjectionAction> injectionAction() {
    return Optional.ofNullable(injectionAction);
  }

  /** Scores at or above this (0..1) trigger the action. */
  public double injectionThreshold() {
    return injectionThreshold;
  }
}
