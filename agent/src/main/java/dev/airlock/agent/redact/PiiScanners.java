package dev.airlock.agent.redact;

import dev.airlock.agent.pii.CustomPattern;
import dev.airlock.agent.pii.PiiScanner;
import dev.airlock.agent.pii.PiiTypes;
import dev.airlock.agent.pii.WordList;
import dev.airlock.policy.PiiPolicy;
import java.util.ArrayList;
import java.util.List;

/** Builds the scanner a {@code pii:} section describes; once per policy, never per call. */
public final class PiiScanners {

  /** How much a context word near a custom match adds to its confidence. */
  static final double CONTEXT_BOOST = 0.2;

  private PiiScanners() {}

  public static PiiScanner from(PiiPolicy pii) {
    return from(pii, null);
  }

  /**
   * As {@link #from(PiiPolicy)}, without the built-in type {@code leaveOut} (null: none): for a
   * check whose other scanner already runs that detector on the same text.
   */
  static PiiScanner from(PiiPolicy pii, String leaveOut) {
    List<String> types = new ArrayList<>(pii.detect());
    types.remove(leaveOut);
    return build(pii, types);
  }

  /**
   * Every built-in detector plus the section's custom patterns and word lists: for text that must
   * not carry any personal data the agent can recognize (captured content), whichever types the
   * section chose to act on.
   */
  public static PiiScanner withEveryBuiltIn(PiiPolicy pii) {
    return build(pii, PiiTypes.builtIn());
  }

  private static PiiScanner build(PiiPolicy pii, List<String> types) {
    PiiScanner.Builder builder = PiiScanner.builder()
        .enable(types)
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
