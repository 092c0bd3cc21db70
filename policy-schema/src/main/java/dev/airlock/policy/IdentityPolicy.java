package dev.airlock.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code identity:} section: for each of tenant, feature and user, the sources to ask in
 * order; the first that answers wins. A source is {@code header:NAME}, {@code baggage:KEY},
 * {@code mdc:KEY}, {@code caller}, {@code user} (OpenAI's {@code user} / {@code safety_identifier}),
 * {@code metadata:KEY} (OpenAI's {@code metadata}) or {@code static:VALUE}. Immutable.
 */
public final class IdentityPolicy {

  /** The dimensions, as written in the policy. */
  public static final List<String> DIMENSIONS = List.of("tenant", "feature", "user");

  private final Map<String, List<String>> sources;

  IdentityPolicy(Map<String, List<String>> sources) {
    this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  /** The sources of one dimension, in order; empty when the policy names none. */
  public List<String> sources(String dimension) {
    return sources.getOrDefault(dimension, List.of());
  }
}
