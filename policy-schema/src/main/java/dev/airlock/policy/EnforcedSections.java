package dev.airlock.policy;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which top-level sections of the policy language this version of Airlock enforces: the one place
 * to change when a capability lands. To switch a section on, add it to {@link #ENFORCED} and give
 * {@code PolicyReader} a reader for it.
 *
 * <p>A policy that uses a section the agent does not enforce is refused, by name: loading it while
 * ignoring the section would let a security team believe a control is in force when it is not, so
 * failing loudly is the only safe answer. Today every section of the language is enforced; the
 * refusal stays for the sections a later language version adds before the agent reads them.
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
                  "telemetry",
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

  /** Reports section {@code entry} (a known, unenforced section) as refused. */
  static void checkUnenforced(MappingNode.Entry entry, Expect expect) {
    expect
        .problems()
        .errorAtKey(
            entry,
            "section '" + entry.key() + "'" + REFUSAL + " (remove the section to load it)",
            null);
  }
}
