package dev.airlock.agent.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * A detector's two context lists, one that raises its confidence and one that lowers it, checked
 * in one read of the window around a match instead of one read per list.
 *
 * <p>Immutable and thread-safe.
 */
final class ContextPair {

  private static final int POSITIVE = 1;
  private static final int NEGATIVE = 2;

  private final ContextWords positive;
  private final ContextWords negative;
  /** The labels worth reading the window for: the lists with entries and a non-zero delta. */
  private final int wanted;
  private final ContextWindow window;

  ContextPair(ContextWords positive, ContextWords negative) {
    this.positive = positive;
    this.negative = negative;
    List<String> needles = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (String needle : positive.needles()) {
      needles.add(needle);
      labels.add(POSITIVE);
    }
    for (String needle : negative.needles()) {
      needles.add(needle);
      labels.add(NEGATIVE);
    }
    int[] labelArray = new int[labels.size()];
    for (int i = 0; i < labelArray.length; i++) {
      labelArray[i] = labels.get(i);
    }
    this.window = new ContextWindow(needles, labelArray);
    this.wanted = (positive.isEmpty() || positive.delta() == 0.0 ? 0 : POSITIVE)
        | (negative.isEmpty() || negative.delta() == 0.0 ? 0 : NEGATIVE);
  }

  ContextWords positive() {
    return positive;
  }

  ContextWords negative() {
    return negative;
  }

  /**
   * {@code base + positive.adjust(...) + negative.adjust(...)}, added in that order so that the
   * sum is the same double as when the lists were read one after the other.
   */
  double confidence(double base, CharSequence text, int start, int end) {
    int found = wanted == 0 ? 0 : window.labelsAround(text, start, end, wanted);
    double up = (found & POSITIVE) != 0 ? positive.delta() : 0.0;
    double down = (found & NEGATIVE) != 0 ? negative.delta() : 0.0;
    return base + up + down;
  }
}
