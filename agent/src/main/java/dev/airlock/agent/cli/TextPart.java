package dev.airlock.agent.cli;

import dev.airlock.agent.guard.injection.InjectionScore;
import dev.airlock.agent.redact.TextRole;
import java.util.Collections;
import java.util.List;

/**
 * One text of a request, in the order the agent visits them: who wrote it, how long it is, the
 * personal data found in it, and its injection score. The text itself is not kept: an explanation
 * is often pasted into tickets, and the prompt has no place there.
 */
final class TextPart {

  private final int index;
  private final TextRole role;
  private final int length;
  private final List<PiiFinding> findings;
  private final InjectionScore injection;

  /**
   * @param index 1-based position among the request's texts
   * @param injection the score, or null when the text is not scored (guardrail off, or trusted text)
   */
  TextPart(int index, TextRole role, int length, List<PiiFinding> findings, InjectionScore injection) {
    this.index = index;
    this.role = role;
    this.length = length;
    this.findings = Collections.unmodifiableList(findings);
    this.injection = injection;
  }

  int index() {
    return index;
  }

  TextRole role() {
    return role;
  }

  /** Length in UTF-16 chars, the unit of the findings' spans. */
  int length() {
    return length;
  }

  List<PiiFinding> findings() {
    return findings;
  }

  /** The injection score, or null when this text is not scored. */
  InjectionScore injection() {
    return injection;
  }
}
