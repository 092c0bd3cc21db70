package dev.airlock.agent.pii;

import java.util.List;

/**
 * Finds one type of personal data in a text.
 *
 * <p>Implementations are immutable and thread-safe: one instance serves every call. They report
 * every candidate that passes their structure rules, with a confidence that may be below the
 * scanner's threshold (context words can lift it); the {@link PiiScanner} filters by confidence
 * and resolves overlaps, so a detector does neither.
 */
public interface Detector {

  /** The type id written on every detection ({@link PiiTypes} or a custom name). */
  String type();

  /**
   * Appends the candidates found in {@code text} to {@code out}, in any order.
   *
   * <p>Must run in time linear in the length of the text (no pattern that can backtrack
   * catastrophically) and must not keep references to {@code text}.
   */
  void detect(CharSequence text, List<Detection> out);
}
