package dev.airlock.agent.pii;

import java.util.List;

/**
 * A built-in detector that visits only the candidates of a shared {@link TextIndex}, so that the
 * scanner reads the whole text once for all of them rather than once per detector.
 */
interface IndexedDetector extends Detector {

  /** As {@link #detect(CharSequence, List)}, with the text's index already built. */
  void detect(CharSequence text, TextIndex index, List<Detection> out);

  /**
   * Whether the detector reads what the index finds only with its secret anchors on (see {@link
   * TextIndex#of}): the long tokens, the assignment separators or the "bearer"s.
   */
  default boolean needsSecretAnchors() {
    return false;
  }

  /** Standalone use (tests, a single detector): builds the index for this one call. */
  @Override
  default void detect(CharSequence text, List<Detection> out) {
    detect(text, TextIndex.of(text, needsSecretAnchors()), out);
  }
}
