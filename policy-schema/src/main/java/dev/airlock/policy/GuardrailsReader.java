package dev.airlock.policy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code guardrails:}. This version enforces {@code prompt_injection}; {@code output} is
 * refused by name until the output guardrails are enforced.
 */
final class GuardrailsReader {

  static final List<String> KEYS = Arrays.asList("prompt_injection", "output");
  static final List<String> INJECTION_KEYS = Arrays.asList("action", "threshold");
  /** {@code detect} is read as {@code flag}: both mean "record, do not block". */
  static final List<String> INJECTION_ACTIONS = Arrays.asList("block", "flag", "detect");
  private static final double DEFAULT_THRESHOLD = 0.8;

  private final Expect expect;

  GuardrailsReader(Expect expect) {
    this.expect = expect;
  }

  GuardrailsPolicy read(PolicyNode node) {
    MappingNode guardrails = expect.mapping(node);
    if (guardrails == null) {
      return null;
    }
    expect.onlyKeys(guardrails, KEYS);
    MappingNode.Entry output = guardrails.entry("output");
    if (output != null) {
      expect.problems().errorAtKey(output, "'guardrails.output' is not enforced by this version of Airlock;"
          + " refusing the policy rather than silently ignoring a control (remove it to load the policy)", null);
    }
    GuardrailsPolicy.InjectionAction action = null;
    double threshold = DEFAULT_THRESHOLD;
    PolicyNode injectionNode = guardrails.get("prompt_injection");
    if (injectionNode != null) {
      MappingNode injection = expect.mapping(injectionNode);
      if (injection != null) {
        expect.onlyKeys(injection, INJECTION_KEYS);
        String id = injection.get("action") == null ? "flag" : expect.oneOf(injection.get("action"), INJECTION_ACTIONS);
        if (id != null) {
          action = "detect".equals(id) ? GuardrailsPolicy.InjectionAction.FLAG
              : GuardrailsPolicy.InjectionAction.valueOf(id.toUpperCase(Locale.ROOT));
        }
        if (injection.get("threshold") != null) {
          BigDecimal t = expect.nonNegativeNumber(injection.get("threshold"));
          if (t != null && t.compareTo(BigDecimal.ONE) > 0) {
            expect.problems().error(injection.get("threshold"), "must be between 0 and 1, got " + t.toPlainString());
          } else if (t != null) {
            threshold = t.doubleValue();
          }
        }
      }
    }
    return new GuardrailsPolicy(action, threshold);
  }
}
