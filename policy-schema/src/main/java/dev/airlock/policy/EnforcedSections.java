package dev.airlock.policy;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which top-level sections of the policy language this version of Airlock enforces: the one place
 * to change when a capability lands. To switch a section on, add it to {@link #ENFORCED} and give
 * {@code PolicyReader} a reader for it (and drop any special case from {@link #checkUnenforced}).
 *
 * <p>A policy that uses a section the agent does not enforce is refused, by name. Loading it while
 * ignoring, say, {@code telemetry: {capture_content: true}} would let a security team believe prompts
 * are captured (redacted) when they are not; failing loudly is the only safe answer. One setting is accepted anyway because it
 * describes what the agent already does: {@code telemetry: {capture_content: false}} (content never
 * goes into spans).
 */
public final class EnforcedSections {

  /** Every top-level key of the language, in the order the reference policy writes them. */
  private static final List<String> ALL =
      Collections.unmodifiableList(
          Arrays.asList(
              "airlock",
              "name",
              "version",
              "providers",
              "models",
              "identity",
              "pii",
              "guardrails",
              "routes",
              "resilience",
              "cache",
              "budgets",
              "rate_limits",
              "state",
              "telemetry",
              "audit",
              "on_internal_error"));

  /** The sections read into {@link Policy}. */
  private static final Set<String> ENFORCED =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(
              Arrays.asList(
                  "airlock",
                  "name",
                  "version",
                  "providers",
                  "models",
                  "identity",
                  "pii",
                  "guardrails",
                  "routes",
                  "resilience",
                  "cache",
                  "budgets",
                  "rate_limits",
                  "state",
                  "audit",
                  "on_internal_error")));

  private static final String REFUSAL =
      " is not enforced by this version of Airlock; refusing the policy rather than silently"
          + " ignoring a control";

  private EnforcedSections() {}

  /** Every top-level key of the policy language, enforced or not. */
  public static List<String> all() {
    return ALL;
  }

  /** The top-level keys this version reads and enforces. */
  public static Set<String> enforced() {
    return ENFORCED;
  }

  /** True if {@code key} is a top-level key of the language (enforced or not). */
  public static boolean isSection(String key) {
    return ALL.contains(key);
  }

  /** True if this version enforces section {@code key}. */
  public static boolean isEnforced(String key) {
    return ENFORCED.contains(key);
  }

  /**
   * Reports section {@code entry} (a known, unenforced section) as refused, unless its content asks
   * for exactly what the agent does anyway.
   */
  static void checkUnenforced(MappingNode.Entry entry, Expect expect) {
    switch (entry.key()) {
      case "telemetry":
        checkTelemetry(entry, expect);
        return;
      default:
        expect
            .problems()
            .errorAtKey(
                entry,
                "section '" + entry.key() + "'" + REFUSAL + " (remove the section to load it)",
                null);
    }
  }

  /** Only {@code capture_content: false}: the agent never puts prompts or answers in spans. */
  private static void checkTelemetry(MappingNode.Entry entry, Expect expect) {
    PolicyNode value = entry.value();
    if (value instanceof ScalarNode && ((ScalarNode) value).isNull()) {
      return; // "telemetry:" with nothing under it asks for nothing
    }
    MappingNode telemetry = expect.mapping(value);
    if (telemetry == null) {
      return;
    }
    for (MappingNode.Entry e : telemetry.entries()) {
      if (!"capture_content".equals(e.key())) {
        expect.unknownKey(e, Collections.singletonList("capture_content"));
        continue;
      }
      Boolean capture = expect.bool(e.value());
      if (Boolean.TRUE.equals(capture)) {
        expect
            .problems()
            .errorAtKey(
                e,
                "'telemetry.capture_content: true'"
                    + REFUSAL
                    + " (prompts and answers are never captured; remove the key or set it to"
                    + " false to load)",
                null);
      }
    }
  }
}
