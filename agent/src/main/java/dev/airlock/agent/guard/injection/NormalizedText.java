package dev.airlock.agent.guard.injection;

/**
 * Text folded for matching (see {@link TextNormalizer}) with the map back to the original, so a
 * signal found in the folded text is reported at the right place in the text that was scored.
 * Immutable once built.
 */
final class NormalizedText {

  private final String text;
  private final int originalLength;
  /** Original index of the code point each folded char came from; null when folding was identity. */
  private final int[] starts;
  /** Original index just after that code point. */
  private final int[] ends;
  private final ObfuscationFindings findings;

  NormalizedText(String text, int originalLength, int[] starts, int[] ends, ObfuscationFindings findings) {
    this.text = text;
    this.originalLength = originalLength;
    this.starts = starts;
    this.ends = ends;
    this.findings = findings;
  }

  /** Text that needed no folding: the identity map. */
  static NormalizedText identity(String text) {
    return new NormalizedText(text, text.length(), null, null, ObfuscationFindings.NONE);
  }

  /** The folded text the rules run on. */
  String text() {
    return text;
  }

  /** What folding removed or replaced. */
  ObfuscationFindings findings() {
    return findings;
  }

  /** The original index of folded index {@code i} (the original length for {@code i == length}). */
  int originalStart(int i) {
    if (starts == null) {
      return i;
    }
    return i < text.length() ? starts[i] : originalLength;
  }

  /** The original index after the folded chars before {@code endExclusive}. */
  int originalEnd(int endExclusive) {
    if (starts == null) {
      return endExclusive;
    }
    return endExclusive <= 0 ? 0 : ends[Math.min(endExclusive, text.length()) - 1];
  }
}
