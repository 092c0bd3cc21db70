package dev.airlock.agent.redact;

import dev.airlock.agent.pii.CustomPattern;
import dev.airlock.agent.pii.PiiScanner;
import dev.airlock.agent.pii.WordList;
import dev.airlock.policy.PiiPolicy;

/** Builds the scanner a {@code pii:} section describes; once per policy, never per call. */
public final class PiiScanners {

  /** How much a context word near a custom match adds to its confidence. */
  static final double CONTEXT_BOOST = 0.2;

  private PiiScanners() {}

  public static PiiScanner from(PiiPolicy pii) {
    PiiScanner.Builder builder = PiiScanner.builder()
        .enable(pii.detect())
        .minConfidence(pii.minConfidence());
    for (PiiPolicy.CustomPii custom : pii.custom()) {
      if (custom.pattern() != null) {
        builder.custom(CustomPattern.of(custom.name(), custom.pattern())
            .withConfidence(custom.confidence())
            .withContext(custom.context(), CONTEXT_BOOST));
      }
      if (!custom.words().isEmpty()) {
        builder.wordList(WordList.of(custom.name(), custom.words(), custom.caseSensitive()));
      }
    }
    return builder.build();
  }
}
