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
  /**
   * Folded index of the first digit or symbol that can stand for a letter right before a letter
   * ("ign0re"), or -1.
   */
  private final int firstStandIn;
  /** Folded index of the last such stand-in, or -1. */
  private final int lastStandIn;

  NormalizedText(String text, int originalLength, int[] starts, int[] ends, ObfuscationFindings findings,
      int firstStandIn, int lastStandIn) {
    this.text = text;
    this.originalLength = originalLength;
    this.starts = starts;
    this.ends = ends;
    this.findings = findings;
    this.firstStandIn = firstStandIn;
    this.lastStandIn = lastStandIn;
  }

  /**
   * Text that needed no folding (the identity map), and the indices of its first and last
   * stand-ins for a letter right before a letter (-1 for none).
   */
  static NormalizedText identity(String text, int firstStandIn, int lastStandIn) {
    return new NormalizedText(text, text.length(), null, null, ObfuscationFindings.NONE, firstStandIn, lastStandIn);
  }

  /**
   * Where the first digit or symbol that {@link LeetFolding} may read as a letter comes right
   * before a letter, or -1: then there is nothing to read and the folding is skipped. Noted by
   * the normalizer in its own pass, so the folding starts there instead of finding it again.
   */
  int firstStandInBeforeLetter() {
    return firstStandIn;
  }

  /**
   * Where the last such stand-in is, or -1: the folding's search for the next one stops there
   * instead of reading the rest of the text (an e-mail address near the start of a long message
   * would otherwise cost a pass over all of it).
   */
  int lastStandInBeforeLetter() {
    return lastStandIn;
  }

  /**
   * This text with its chars replaced one for one by {@code sameLength} (see {@link LeetFolding}):
   * the map back to the original still holds.
   */
  NormalizedText withChars(String sameLength) {
    if (sameLength.length() != text.length()) {
      throw new IllegalArgumentException("a one-for-one replacement keeps the length");
    }
    return new NormalizedText(sameLength, originalLength, starts, ends, findings, -1, -1);
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
