package dev.airlock.agent.pii;

import java.util.ArrayList;
import java.util.Arrays;
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

  // The preference packed into one long per candidate, so that the sort is a primitive sort
  // (on text dense with numbers the comparator sort was most of the resolution): from the top,
  // the confidence in thousandths inverted, the length inverted, the start, the candidate's
  // position (so that keys are unique and full ties keep detector order, as a stable sort would).
  private static final int POSITION_BITS = 13;
  private static final int START_BITS = 24;
  private static final int LENGTH_BITS = 16;
  private static final int CONFIDENCE_SHIFT = POSITION_BITS + START_BITS + LENGTH_BITS;

  /** Sorted by start, non-overlapping, each at least {@code minConfidence}. */
  static List<Detection> resolve(List<Detection> candidates, double minConfidence) {
    if (candidates.isEmpty()) {
      return Collections.emptyList(); // most texts: nothing to copy or wrap
    }
    List<Detection> kept = new ArrayList<>(candidates.size());
    for (Detection d : candidates) {
      if (d.confidence() >= minConfidence) {
        kept.add(d);
      }
    }
    if (kept.size() <= 1) {
      return Collections.unmodifiableList(kept);
    }
    long[] keys = preferenceKeys(kept);
    return keys == null ? resolveByComparator(kept) : resolveByKeys(kept, keys);
  }

  /**
   * One key per candidate that orders as {@link #PREFERENCE} and then by position, or null when a
   * candidate does not fit the fields (a confidence not in thousandths, a match of 64 K chars or
   * more, a start past 16 M, more than 8 K candidates): those take the comparator sort.
   */
  private static long[] preferenceKeys(List<Detection> kept) {
    if (kept.size() >= 1 << POSITION_BITS) {
      return null;
    }
    long[] keys = new long[kept.size()];
    for (int p = 0; p < keys.length; p++) {
      Detection d = kept.get(p);
      long thousandths = Math.round(d.confidence() * 1000.0);
      // Double.compare, not ==: -0.0 must not pass for 0.0, which the comparator tells apart.
      if (thousandths < 0 || thousandths > 1000
          || Double.compare(thousandths / 1000.0, d.confidence()) != 0
          || d.length() >= 1 << LENGTH_BITS || d.start() >= 1 << START_BITS) {
        return null;
      }
      keys[p] = (1000 - thousandths) << CONFIDENCE_SHIFT
          | (long) ((1 << LENGTH_BITS) - 1 - d.length()) << (POSITION_BITS + START_BITS)
          | (long) d.start() << POSITION_BITS
          | p;
    }
    return keys;
  }

  private static List<Detection> resolveByKeys(List<Detection> kept, long[] keys) {
    Arrays.sort(keys);
    int positionMask = (1 << POSITION_BITS) - 1;
    Taken taken = new Taken(kept);
    // Accepted detections never overlap, so their starts are distinct: start and position
    // packed the same way sort them by start.
    long[] accepted = new long[keys.length];
    int count = 0;
    for (long key : keys) {
      Detection d = kept.get((int) key & positionMask);
      if (!taken.claim(d)) {
        continue;
      }
      accepted[count++] = (long) d.start() << POSITION_BITS | (key & positionMask);
    }
    Arrays.sort(accepted, 0, count);
    List<Detection> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      out.add(kept.get((int) accepted[k] & positionMask));
    }
    return Collections.unmodifiableList(out);
  }

  private static List<Detection> resolveByComparator(List<Detection> kept) {
    // List.sort is stable, so full ties keep detector order.
    kept.sort(PREFERENCE);
    Taken taken = new Taken(kept);
    List<Detection> accepted = new ArrayList<>();
    for (Detection d : kept) {
      if (taken.claim(d)) {
        accepted.add(d);
      }
    }
    accepted.sort(BY_START);
    return Collections.unmodifiableList(accepted);
  }

  /**
   * The chars taken by the detections accepted so far, one bit each from the first candidate's
   * start to the last one's end: a candidate overlaps an accepted detection exactly when one of
   * its own chars is taken (detections are never empty).
   *
   * <p>Why not {@link java.util.BitSet}: its {@code nextSetBit} has no upper bound, so asking
   * whether a candidate's chars are free read every word up to the next taken char, which for
   * candidates visited in preference order (not text order) is most of the text; on the
   * evaluation corpora that made the resolution cost about as much as a detector. Here a
   * candidate's test reads only the words its own chars are in.
   */
  private static final class Taken {
    private final int origin;
    private final long[] words;

    Taken(List<Detection> candidates) {
      int from = Integer.MAX_VALUE;
      int to = 0;
      for (Detection d : candidates) {
        from = Math.min(from, d.start());
        to = Math.max(to, d.end());
      }
      origin = from;
      words = new long[((to - from) >> 6) + 1];
    }

    /** Takes the chars of {@code d} when none of them is taken yet; false (and no change) else. */
    boolean claim(Detection d) {
      int start = d.start() - origin;
      int last = d.end() - 1 - origin;
      int first = start >> 6;
      int end = last >> 6;
      // Shifts use the low six bits of the index: ~0L << start keeps bits start%64.. of its word.
      long firstMask = -1L << start;
      long lastMask = -1L >>> (63 - (last & 63));
      if (first == end) {
        long mask = firstMask & lastMask;
        if ((words[first] & mask) != 0) {
          return false;
        }
        words[first] |= mask;
        return true;
      }
      if ((words[first] & firstMask) != 0 || (words[end] & lastMask) != 0) {
        return false;
      }
      for (int w = first + 1; w < end; w++) {
        if (words[w] != 0) {
          return false;
        }
      }
      words[first] |= firstMask;
      for (int w = first + 1; w < end; w++) {
        words[w] = -1L;
      }
      words[end] |= lastMask;
      return true;
    }
  }
}
