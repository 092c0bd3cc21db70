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

  private final InjectionAction injectionAction;
  private final double injectionThreshold;

  GuardrailsPolicy(InjectionAction injectionAction, double injectionThreshold) {
    this.injectionAction = injectionAction;
    this.injectionThreshold = injectionThreshold;
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
