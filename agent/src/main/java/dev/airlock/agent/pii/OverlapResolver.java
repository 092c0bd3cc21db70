package dev.airlock.agent.pii;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the candidates of all detectors into the scanner's answer: drops those below the
 * threshold, then keeps a set of non-overlapping detections, preferring the higher confidence,
 * then the longer match, then the earlier one, then the detector that ran first.
 *
 * <p>The threshold is applied first on purpose: a candidate too weak to be reported must not
 * suppress a weaker-typed but reportable one that overlaps it.
 */
final class OverlapResolver {

  /**
   * Higher confidence first, then the longer match, then the earlier one. Written out rather than
   * chained from {@code Comparator.comparingDouble(...).reversed().thenComparing(...)}: sorting
   * runs once per scan over every reportable candidate, and on text dense with numbers the chain's
   * lambdas cost more than the rest of the resolution.
   */
  private static final Comparator<Detection> PREFERENCE =
      new Comparator<Detection>() {
        @Override
        public int compare(Detection a, Detection b) {
          int c = Double.compare(b.confidence(), a.confidence());
          if (c != 0) {
            return c;
          }
          c = Integer.compare(b.length(), a.length());
          return c != 0 ? c : Integer.compare(a.start(), b.start());
        }
      };

  private static final Comparator<Detection> BY_START =
      new Comparator<Detection>() {
        @Override
        public int compare(Detection a, Detection b) {
          return Integer.compare(a.start(), b.start());
        }
      };

  private OverlapResolver() {}

  /** Sorted by start, non-overlapping, each at least {@code minConfidence}. */
  static List<Detection> resolve(List<Detection> candidates, double minConfidence) {
    List<Detection> kept = new ArrayList<>(candidates.size());
    for (Detection d : candidates) {
      if (d.confidence() >= minConfidence) {
        kept.add(d);
      }
    }
    if (kept.size() <= 1) {
      return Collections.unmodifiableList(kept);
    }
    // List.sort is stable, so full ties keep detector order.
    kept.sort(PREFERENCE);
    // The chars taken by the detections accepted so far: a candidate overlaps one of them exactly
    // when one of its own chars is taken (detections are never empty).
    BitSet taken = new BitSet();
    List<Detection> accepted = new ArrayList<>();
    for (Detection d : kept) {
      int firstTaken = taken.nextSetBit(d.start());
      if (firstTaken >= 0 && firstTaken < d.end()) {
        continue;
      }
      taken.set(d.start(), d.end());
      accepted.add(d);
    }
    accepted.sort(BY_START);
    return Collections.unmodifiableList(accepted);
  }
}
