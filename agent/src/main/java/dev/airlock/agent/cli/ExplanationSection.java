package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One block of an explanation (the policy, the PII decisions, the verdict...), rendered both as
 * text and as JSON so that the two never drift apart. Each capability of the agent owns one
 * section; a capability this version does not have yet is a {@link NotConfiguredSection} until it
 * arrives and replaces it under the same {@link #key()}.
 */
interface ExplanationSection {

  /** The section's member name in the JSON document ({@code pii}, {@code rate_limits}); stable. */
  String key();

  /** Appends the section's lines. */
  void writeText(TextReport out);

  /** Fills {@code node}, the section's JSON object. */
  void writeJson(ObjectNode node);
}
