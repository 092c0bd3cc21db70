package dev.airlock.agent.guard.injection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the normalizer removed or replaced on its way to matchable text, with spans in the original
 * text. Written only by {@link TextNormalizer} while it builds a {@link NormalizedText}, read
 * afterwards; never shared between calls.
 */
final class ObfuscationFindings {

  /** Findings of text that had nothing to remove (all ASCII). */
  static final ObfuscationFindings NONE = new ObfuscationFindings();

  /** Zero-width characters between two Latin letters: a split trigger word. */
  int zeroWidthInWord;
  /** The longest run of consecutive zero-width characters (binary steganography uses long runs). */
  int longestZeroWidthRun;
  int longestRunStart = -1;
  int longestRunEnd = -1;
  int zeroWidthStart = -1;
  int zeroWidthEnd = -1;

  /** Bidi embeddings/overrides/isolates, and bidi marks inside Latin words. */
  int bidiControls;
  int bidiStart = -1;
  int bidiEnd = -1;

  /** Variation selectors from the supplement (U+E0100..E01EF), which can encode hidden bytes. */
  int supplementVariationSelectors;
  int variationStart = -1;
  int variationEnd = -1;

  /** Latin words with a Cyrillic or Greek look-alike letter inside. */
  int mixedScriptWords;
  int mixedStart = -1;
  int mixedEnd = -1;

  private List<TagRun> tagRuns = Collections.emptyList();

  /** Runs of Unicode tag characters, decoded to the ASCII they spell. */
  List<TagRun> tagRuns() {
    return tagRuns;
  }

  void addTagRun(TagRun run) {
    if (tagRuns.isEmpty()) {
      tagRuns = new ArrayList<>(2);
    }
    tagRuns.add(run);
  }

  /** A run of consecutive tag characters. */
  static final class TagRun {
    final int start;
    final int end;
    /** The ASCII the run spells (tag U+E00xx is ASCII xx). */
    final String hidden;
    /**
     * Whether the run is an emoji flag's subdivision tag sequence (black flag, a lowercase region
     * code, cancel tag: the flags of England, Scotland, Wales), the one legitimate use.
     */
    final boolean flagSequence;

    TagRun(int start, int end, String hidden, boolean flagSequence) {
      this.start = start;
      this.end = end;
      this.hidden = hidden;
      this.flagSequence = flagSequence;
    }
  }
}
