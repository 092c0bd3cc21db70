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
  /** Whether a digit or symbol that can stand for a letter comes right before a letter ("ign0re"). */
  private final boolean standInBeforeLetter;

  NormalizedText(String text, int originalLength, int[] starts, int[] ends, ObfuscationFindings findings,
      boolean standInBeforeLetter) {
    this.text = text;
    this.originalLength = originalLength;
    this.starts = starts;
    this.ends = ends;
    this.findings = findings;
    this.standInBeforeLetter = standInBeforeLetter;
  }

  /** Text that needed no folding (the identity map), and whether a stand-in for a letter precedes a letter in it. */
  static NormalizedText identity(String text, boolean standInBeforeLetter) {
    return new NormalizedText(text, text.length(), null, null, ObfuscationFindings.NONE, standInBeforeLetter);
  }

  /**
   * Whether a digit or symbol that {@link LeetFolding} may read as a letter comes right before a
   * letter; when not, there is nothing to read and the folding is skipped.
   */
  boolean hasStandInBeforeLetter() {
    return standInBeforeLetter;
  }

  /**
   * This text with its chars replaced one for one by {@code sameLength} (see {@link LeetFolding}):
   * the map back to the original still holds.
   */
  NormalizedText withChars(String sameLength) {
    if (sameLength.length() != text.length()) {
      throw new IllegalArgumentException("a one-for-one replacement keeps the length");
    }
    return new NormalizedText(sameLength, originalLength, starts, ends, findings, false);
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
