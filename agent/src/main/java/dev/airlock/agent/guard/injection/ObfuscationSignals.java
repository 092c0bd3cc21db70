package dev.airlock.agent.guard.injection;

import java.util.function.Function;

/**
 * Turns {@link ObfuscationFindings} into signals. Hidden characters are evidence in their own
 * right, whatever the visible text says: ordinary text has no reason to split a word with a
 * zero-width space, to spell a message in tag characters, or to write a Latin word with a
 * Cyrillic "о". Stateless.
 */
final class ObfuscationSignals {

  private ObfuscationSignals() {}

  /**
   * Reports the findings to {@code out}.
   *
   * @param hiddenScorer scores the ASCII that tag characters spell, or returns null when the
   *     nesting depth is exhausted
   */
  static void emit(ObfuscationFindings f, SignalCollector out, Function<String, InjectionScore> hiddenScorer) {
    if (f == ObfuscationFindings.NONE) {
      return;
    }
    if (f.zeroWidthInWord > 0) {
      // One zero-width space inside a word happens in pasted web text; several is deliberate.
      int n = f.zeroWidthInWord;
      double w = n >= 6 ? 0.7 : n >= 3 ? 0.55 : n == 2 ? 0.4 : 0.25;
      out.add(RuleFamily.INVISIBLE_UNICODE, w, f.zeroWidthStart, f.zeroWidthEnd);
    }
    if (f.longestZeroWidthRun >= 8) {
      // Long runs of zero-width characters encode bits (zero-width steganography).
      out.add(RuleFamily.INVISIBLE_UNICODE, 0.5, f.longestRunStart, f.longestRunEnd);
    }
    if (f.bidiControls > 0) {
      out.add(RuleFamily.INVISIBLE_UNICODE, f.bidiControls >= 3 ? 0.5 : 0.4, f.bidiStart, f.bidiEnd);
    }
    if (f.supplementVariationSelectors >= 4) {
      // Bytes smuggled as variation selectors after an emoji.
      out.add(RuleFamily.INVISIBLE_UNICODE, 0.55, f.variationStart, f.variationEnd);
    }
    for (ObfuscationFindings.TagRun run : f.tagRuns()) {
      if (run.flagSequence) {
        continue; // the flags of England, Scotland, Wales
      }
      double w = 0.85;
      if (!run.hidden.trim().isEmpty()) {
        InjectionScore inner = hiddenScorer.apply(run.hidden);
        if (inner != null) {
          w = Math.max(w, 0.6 + 0.4 * inner.score());
        }
      }
      out.add(RuleFamily.INVISIBLE_UNICODE, w, run.start, run.end);
    }
    if (f.mixedScriptWords > 0) {
      int n = f.mixedScriptWords;
      double w = n >= 4 ? 0.65 : n >= 2 ? 0.5 : 0.3;
      out.add(RuleFamily.HOMOGLYPH_OBFUSCATION, w, f.mixedStart, f.mixedEnd);
    }
  }
}
