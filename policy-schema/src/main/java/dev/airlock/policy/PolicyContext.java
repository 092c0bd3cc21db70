package dev.airlock.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the readers of {@code routes:} and {@code budgets:} need to know about the rest of the file:
 * which providers exist (built-in, or declared under {@code providers:}), their regions, and the
 * PII types (built-in and {@code pii.custom}). Built from the whole document before those sections
 * are read, so the order of sections in the file does not matter.
 *
 * <p>A provider declared with errors still counts as known (its entry is already reported; saying
 * "unknown provider" on every route that uses it would only add noise), but its region is not
 * checked.
 */
final class PolicyContext {

  private final Expect expect;
  private final Set<String> declared;
  private final Map<String, ProviderSpec> valid;
  private final List<String> customPiiTypes;

  private PolicyContext(
      Expect expect,
      Set<String> declared,
      Map<String, ProviderSpec> valid,
      List<String> customPiiTypes) {
    this.expect = expect;
    this.declared = declared;
    this.valid = valid;
    this.customPiiTypes = customPiiTypes;
  }

  /**
   * @param doc the policy document
   * @param validProviders the providers {@link ProvidersReader} accepted
   */
  static PolicyContext of(
      Expect expect, MappingNode doc, Map<String, ProviderSpec> validProviders) {
    Set<String> declared = new LinkedHashSet<>();
    PolicyNode providers = doc.get("providers");
    if (providers instanceof MappingNode) {
      for (MappingNode.Entry e : ((MappingNode) providers).entries()) {
        declared.add(e.key());
      }
    }
    List<String> custom = new ArrayList<>();
    PolicyNode pii = doc.get("pii");
    if (pii instanceof MappingNode && ((MappingNode) pii).get("custom") instanceof SequenceNode) {
      for (PolicyNode item : ((SequenceNode) ((MappingNode) pii).get("custom")).items()) {
        PolicyNode name = item instanceof MappingNode ? ((MappingNode) item).get("name") : null;
        if (name instanceof ScalarNode && ((ScalarNode) name).isString()) {
          custom.add(((ScalarNode) name).text());
        }
      }
    }
    return new PolicyContext(
        expect,
        declared,
        new LinkedHashMap<>(validProviders),
        Collections.unmodifiableList(custom));
  }

  /** Built-in names, then declared ones: the candidates for "did you mean". */
  List<String> providerNames() {
    Set<String> all = new LinkedHashSet<>(BuiltinProviders.names());
    all.addAll(declared);
    return new ArrayList<>(all);
  }

  boolean isKnownProvider(String name) {
    return BuiltinProviders.isBuiltin(name) || declared.contains(name);
  }

  /**
   * The wire format of a known provider: a declared one's {@code format}, else the built-in's; null
   * for an unknown provider or a declared one with errors (both reported already).
   */
  WireFormat formatOf(String name) {
    if (declared.contains(name)) {
      ProviderSpec spec = valid.get(name);
      if (spec != null) {
        return spec.format();
      }
      return BuiltinProviders.byName(name).map(BuiltinProvider::format).orElse(null);
    }
    return BuiltinProviders.byName(name).map(BuiltinProvider::format).orElse(null);
  }

  /** Built-in PII types, then the file's custom detector names. */
  List<String> piiTypes() {
    List<String> all = new ArrayList<>(PiiPolicy.BUILT_IN_TYPES);
    for (String c : customPiiTypes) {
      if (!all.contains(c)) {
        all.add(c);
      }
    }
    return all;
  }

  /**
   * A target ({@code provider} or {@code provider/model}) at {@code node} whose provider exists;
   * null after reporting a malformed target or an unknown provider.
   */
  TargetRef target(PolicyNode node) {
    TargetRef target = expect.parsed(node, TargetRef::parse);
    if (target == null) {
      return null;
    }
    String model = target.model().map(m -> "/" + m).orElse("");
    return knownProvider(node, target.provider(), model) ? target : null;
  }

  /**
   * True if {@code name} is a provider; else reports it at {@code node}, suggesting the closest
   * name followed by {@code rest} (the model part of a target) as the replacement.
   */
  boolean knownProvider(PolicyNode node, String name, String rest) {
    if (isKnownProvider(name)) {
      return true;
    }
    String guess = DidYouMean.closest(name, providerNames());
    String message = "unknown provider '" + name + "'";
    if (guess != null) {
      expect
          .problems()
          .error(
              node,
              message
                  + " (did you mean '"
                  + guess
                  + "'?); declare it under providers: or use a built-in",
              guess + rest);
    } else {
      expect
          .problems()
          .error(
              node,
              message
                  + "; declare it under providers: or use a built-in ("
                  + String.join(", ", BuiltinProviders.names())
                  + ")");
    }
    return false;
  }

  /**
   * Reports at {@code node} unless provider {@code name} is in {@code region}. Silent for an
   * unknown provider or a declared one with errors (both reported already).
   */
  void checkRegion(PolicyNode node, String name, String region) {
    if (!isKnownProvider(name) || (declared.contains(name) && !valid.containsKey(name))) {
      return;
    }
    ProviderSpec spec = valid.get(name);
    String actual = spec == null ? null : spec.region().orElse(null);
    if (actual == null) {
      expect
          .problems()
          .error(
              node,
              "the route requires region '"
                  + region
                  + "', but the region of provider '"
                  + name
                  + "' is unknown; add region: to providers."
                  + name);
    } else if (!actual.equals(region)) {
      expect
          .problems()
          .error(
              node,
              "the route requires region '"
                  + region
                  + "', but provider '"
                  + name
                  + "' is in region '"
                  + actual
                  + "'");
    }
  }
}
