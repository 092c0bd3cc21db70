package dev.airlock.agent.pii;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds personal data in a text with the detectors one policy enables: built-in types, custom
 * patterns and word lists. Built once per policy, then immutable and thread-safe.
 *
 * <p>{@link #scan} runs every detector, drops candidates below the minimum confidence, and keeps a
 * non-overlapping set: on overlap the higher confidence wins, then the longer match. Confidence
 * is what each detector makes of its structure rule (a checksum is stronger than a layout) plus
 * context: a match whose window (40 chars before, 20 after, widened to whole words) holds one of
 * the detector's context words is raised or lowered. Weak forms such as nine bare digits for an
 * SSN or a random token for a secret are reported only when a context word lifts them over the
 * threshold.
 *
 * <p>The per-call path compiles nothing and reflects on nothing; every pattern is compiled when
 * the scanner (or the detector class) is built, and every pattern is linear in the text. The
 * structured detectors read the whole text once between them, for the {@link TextIndex} they
 * share, plus a {@code String.indexOf} for the rare '@' and ':'; everything else runs at
 * candidates.
 */
public final class PiiScanner {

  /** The default minimum confidence for a detection to be reported. */
  public static final double DEFAULT_MIN_CONFIDENCE = 0.5;

  private final Detector[] detectors;
  /** Whether a detector reads the secret anchors, so the shared pass must find them. */
  private final boolean secretAnchors;
  private final double minConfidence;
  private final List<String> types;

  private PiiScanner(List<Detector> detectors, double minConfidence) {
    this.detectors = detectors.toArray(new Detector[0]);
    boolean secrets = false;
    for (Detector d : detectors) {
      secrets |= d instanceof IndexedDetector && ((IndexedDetector) d).needsSecretAnchors();
    }
    this.secretAnchors = secrets;
    this.minConfidence = minConfidence;
    Set<String> t = new LinkedHashSet<>();
    for (Detector d : detectors) {
      t.add(d.type());
    }
    this.types = Collections.unmodifiableList(new ArrayList<>(t));
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The detections in {@code text}, sorted by start, non-overlapping, each at least {@link
   * #minConfidence()}. An empty text or an empty scanner gives an empty list.
   */
  public List<Detection> scan(CharSequence text) {
    return scan(new SharedText(text));
  }

  /**
   * As {@link #scan(CharSequence)}, on a text other scanners read too: the pass over it that the
   * built-in detectors share is made once for all of them.
   */
  public List<Detection> scan(SharedText shared) {
    CharSequence text = shared.text;
    if (detectors.length == 0 || text == null || text.length() == 0) {
      return Collections.emptyList();
    }
    List<Detection> candidates = new ArrayList<>(); // no array until the first candidate
    for (Detector d : detectors) {
      if (d instanceof IndexedDetector) {
        ((IndexedDetector) d).detect(text, shared.index(secretAnchors), candidates);
      } else {
        d.detect(text, candidates);
      }
    }
    return OverlapResolver.resolve(candidates, minConfidence);
  }

  /**
   * A text with the one pass over it that the built-in detectors share, made when a scanner first
   * needs it and kept for the next scanner of the same text (an answer is checked for secrets and
   * for personal data by two scanners). Not thread-safe: one check's.
   */
  public static final class SharedText {
    private final CharSequence text;
    private final TextIndex.Scratch scratch;
    private TextIndex index;
    private boolean indexHasSecretAnchors;

    public SharedText(CharSequence text) {
      this.text = text;
      this.scratch = new TextIndex.Scratch();
    }

    /** As {@link #SharedText(CharSequence)}, with the pass reading through {@code buffers}. */
    public SharedText(CharSequence text, ScanBuffers buffers) {
      this.text = text;
      this.scratch = buffers.scratch;
    }

    /**
     * The pass, with the secret anchors when asked for. A pass made with them also serves a scanner
     * without: the digit runs are found the same way, and the anchors are simply not read.
     */
    TextIndex index(boolean secretAnchors) {
      if (index == null || (secretAnchors && !indexHasSecretAnchors)) {
        index = TextIndex.of(text, secretAnchors, scratch);
        indexHasSecretAnchors = secretAnchors;
      }
      return index;
    }
  }

  /**
   * Working arrays that a caller scanning many short texts one after another on one thread keeps
   * between scans (a streamed answer's check, once per event), so that each scan does not make
   * them again. They hold nothing from one scan to the next. Not thread-safe: one caller's.
   */
  public static final class ScanBuffers {
    final TextIndex.Scratch scratch = new TextIndex.Scratch();
  }

  /** True when no detector is enabled: {@link #scan} always answers an empty list. */
  public boolean isEmpty() {
    return detectors.length == 0;
  }

  public double minConfidence() {
    return minConfidence;
  }

  /** The types this scanner can report, built-in ids first, in the order they run. */
  public List<String> types() {
    return types;
  }

  /** Collects the policy's choices; {@link #build()} may be called more than once. */
  public static final class Builder {
    private final Set<String> builtIns = new LinkedHashSet<>();
    private final List<Detector> custom = new ArrayList<>();
    private double minConfidence = DEFAULT_MIN_CONFIDENCE;

    private Builder() {}

    /**
     * Enables built-in detectors by id ({@link PiiTypes}); repeated ids are harmless.
     *
     * @throws IllegalArgumentException naming the unknown id and listing the valid ones
     */
    public Builder enable(Collection<String> builtInTypes) {
      Objects.requireNonNull(builtInTypes, "builtInTypes");
      for (String id : builtInTypes) {
        if (id == null || BuiltInDetectors.forType(id) == null) {
          throw new IllegalArgumentException(
              "unknown PII type '" + id + "'; built-in types are "
                  + String.join(", ", PiiTypes.builtIn()));
        }
      }
      builtIns.addAll(builtInTypes);
      return this;
    }

    /** Adds a policy pattern; it runs after the built-ins, in the order added. */
    public Builder custom(CustomPattern pattern) {
      custom.add(Objects.requireNonNull(pattern, "pattern"));
      return this;
    }

    /** Adds a policy word list; it runs after the built-ins, in the order added. */
    public Builder wordList(WordList words) {
      custom.add(Objects.requireNonNull(words, "words"));
      return this;
    }

    /**
     * Detections below this confidence are not reported (default {@value
     * #DEFAULT_MIN_CONFIDENCE}).
     *
     * @throws IllegalArgumentException outside [0, 1]
     */
    public Builder minConfidence(double minConfidence) {
      CustomPattern.requireUnit(minConfidence, "minConfidence");
      this.minConfidence = minConfidence;
      return this;
    }

    public PiiScanner build() {
      List<Detector> all = new ArrayList<>();
      // Fixed order, whatever order the policy listed them in: results must not depend on it.
      for (String id : PiiTypes.builtIn()) {
        if (builtIns.contains(id)) {
          all.add(BuiltInDetectors.forType(id));
        }
      }
      all.addAll(custom);
      return new PiiScanner(all, minConfidence);
    }
  }
}
