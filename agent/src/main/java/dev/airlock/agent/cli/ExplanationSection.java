package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One block of an explanation (the policy, the PII decisions, the verdict...), rendered both as
 * text and as JSON so that the two never drift apart. Each capability of the agent owns one
 * section, under a {@link #key()} that never changes; a section whose part of the policy is absent
 * says so, and what that means for the request, rather than staying silent.
 */
interface ExplanationSection {

  /** The section's member name in the JSON document ({@code pii}, {@code rate_limits}); stable. */
  String key();

  /** Appends the section's lines. */
  void writeText(TextReport out);

  /** Fills {@code node}, the section's JSON object. */
  void writeJson(ObjectNode node);
}
