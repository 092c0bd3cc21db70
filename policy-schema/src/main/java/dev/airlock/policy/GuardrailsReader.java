package dev.airlock.policy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads {@code guardrails:}: the prompt-injection rule and the output rules. */
final class GuardrailsReader {

  static final List<String> KEYS = Arrays.asList("prompt_injection", "output");
  static final List<String> INJECTION_KEYS = Arrays.asList("action", "threshold");
  /** {@code detect} is read as {@code flag}: both mean "record, do not block". */
  static final List<String> INJECTION_ACTIONS = Arrays.asList("block", "flag", "detect");
  static final List<String> OUTPUT_KEYS = Arrays.asList("pii", "secrets", "deny", "json");
  static final List<String> OUTPUT_ACTIONS = Arrays.asList("mask", "block", "detect");
  static final List<String> JSON_ACTIONS = Arrays.asList("flag", "block");
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
    GuardrailsPolicy.OutputAction pii = null;
    GuardrailsPolicy.OutputAction secrets = null;
    GuardrailsPolicy.OutputAction json = null;
    List<String> deny = new java.util.ArrayList<>();
    PolicyNode outputNode = guardrails.get("output");
    if (outputNode != null) {
      MappingNode output = expect.mapping(outputNode);
      if (output != null) {
        expect.onlyKeys(output, OUTPUT_KEYS);
        pii = outputAction(output.get("pii"), OUTPUT_ACTIONS);
        secrets = outputAction(output.get("secrets"), OUTPUT_ACTIONS);
        json = outputAction(output.get("json"), JSON_ACTIONS);
        deny = denyPatterns(output.get("deny"));
      }
    }
    return new GuardrailsPolicy(action, threshold, pii, secrets, deny, json);
  }

  private GuardrailsPolicy.OutputAction outputAction(PolicyNode node, List<String> allowed) {
    if (node == null) {
      return null;
    }
    String id = expect.oneOf(node, allowed);
    return id == null ? null : GuardrailsPolicy.OutputAction.valueOf(id.toUpperCase(Locale.ROOT));
  }

  private List<String> denyPatterns(PolicyNode node) {
    List<String> out = new java.util.ArrayList<>();
    if (node == null) {
      return out;
    }
    SequenceNode list = expect.sequence(node);
    if (list == null) {
      return out;
    }
    for (PolicyNode item : list.items()) {
      String regex = expect.string(item);
      if (regex == null) {
        continue;
      }
      try {
        java.util.regex.Pattern.compile(regex);
        out.add(regex);
      } catch (java.util.regex.PatternSyntaxException e) {
        expect.problems().error(item, "pattern does not compile: " + e.getDescription() + " near index " + e.getIndex());
      }
    }
    return out;
  }
}
