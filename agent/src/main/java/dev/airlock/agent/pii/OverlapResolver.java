package dev.airlock.agent.pii;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the candidates of all detectors into the scanner's answer: drops those below the
 * threshold, then keeps a set of non-overlapping detections, preferring the higher confidence,
 * then the longer match, then the earlier one, then the detector that ran first.
 *
 * <p>The threshold is applied first on purpose: a candidate too weak to be reported must not
 * suppress a weaker-typed but reportable one that overlaps it.
 */
final class OverlapResolver {

  private static final Comparator<Detection> PREFERENCE =
      Comparator.comparingDouble(Detection::confidence)
          .reversed()
          .thenComparing(Comparator.comparingInt(Detection::length).reversed())
          .thenComparingInt(Detection::start);

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
    TreeMap<Integer, Detection> accepted = new TreeMap<>();
    for (Detection d : kept) {
      Map.Entry<Integer, Detection> before = accepted.floorEntry(d.start());
      if (before != null && before.getValue().end() > d.start()) {
        continue;
      }
      Map.Entry<Integer, Detection> after = accepted.ceilingEntry(d.start());
      if (after != null && after.getKey() < d.end()) {
        continue;
      }
      accepted.put(d.start(), d);
    }
    return Collections.unmodifiableList(new ArrayList<>(accepted.values()));
  }
}
