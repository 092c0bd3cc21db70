package dev.airlock.agent.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link OverlapResolver} sorts packed keys instead of detections; this compares it with the rule
 * it implements, written out naively: a stable sort by confidence (higher first), length (longer
 * first) and start, then a greedy pass keeping what overlaps nothing kept, answered by start.
 */
class OverlapResolverTest {

  private static List<Detection> reference(List<Detection> candidates, double minConfidence) {
    List<Detection> kept = new ArrayList<>();
    for (Detection d : candidates) {
      if (d.confidence() >= minConfidence) {
        kept.add(d);
      }
    }
    kept.sort(Comparator.comparingDouble(Detection::confidence).reversed()
        .thenComparing(Comparator.comparingInt(Detection::length).reversed())
        .thenComparingInt(Detection::start));
    BitSet taken = new BitSet();
    List<Detection> accepted = new ArrayList<>();
    for (Detection d : kept) {
      if (taken.get(d.start(), d.end()).isEmpty()) {
        taken.set(d.start(), d.end());
        accepted.add(d);
      }
    }
    accepted.sort(Comparator.comparingInt(Detection::start));
    return accepted;
  }

  @Test
  void answersAsTheNaiveRuleOnRandomCandidates() {
    Random random = new Random(7);
    String[] types = {"a", "b", "c"};
    for (int round = 0; round < 3000; round++) {
      List<Detection> candidates = new ArrayList<>();
      int count = random.nextInt(40);
      for (int i = 0; i < count; i++) {
        int start = random.nextInt(60);
        int end = start + 1 + random.nextInt(12);
        // Thousandths as detectors give them, few distinct values so that ties are common, and
        // now and then a confidence that is not in thousandths (the comparator path).
        double confidence = random.nextInt(60) == 0 ? random.nextDouble()
            : Confidence.of(0.3 + 0.05 * random.nextInt(10));
        candidates.add(new Detection(types[random.nextInt(types.length)], start, end, confidence,
            "#" + i));
      }
      assertEquals(reference(candidates, 0.5), OverlapResolver.resolve(candidates, 0.5),
          "round " + round);
    }
  }

  /**
   * Candidates spread over a longer text, long and short, so that the taken chars a candidate is
   * tested against start and end anywhere in their 64-bit words and span several of them.
   */
  @Test
  void answersAsTheNaiveRuleWhenCandidatesSpanManyWords() {
    Random random = new Random(11);
    for (int round = 0; round < 3000; round++) {
      List<Detection> candidates = new ArrayList<>();
      int count = 1 + random.nextInt(60);
      int offset = random.nextInt(1000);
      for (int i = 0; i < count; i++) {
        int start = offset + random.nextInt(600);
        int end = start + 1 + (random.nextBoolean() ? random.nextInt(8) : random.nextInt(300));
        double confidence = Confidence.of(0.5 + 0.05 * random.nextInt(6));
        candidates.add(new Detection("t", start, end, confidence, "#" + i));
      }
      assertEquals(reference(candidates, 0.5), OverlapResolver.resolve(candidates, 0.5),
          "round " + round);
    }
  }

  @Test
  void fullTiesKeepTheDetectorThatRanFirst() {
    List<Detection> candidates = new ArrayList<>();
    candidates.add(new Detection("first", 3, 9, 0.6, null));
    candidates.add(new Detection("second", 3, 9, 0.6, null));
    assertEquals("first", OverlapResolver.resolve(candidates, 0.5).get(0).type());
  }

  @Test
  void longMatchesAndFarStartsTakeTheComparatorAndAnswerTheSame() {
    List<Detection> candidates = new ArrayList<>();
    candidates.add(new Detection("long", 0, 70_000, 0.6, null));
    candidates.add(new Detection("short", 10, 20, 0.9, null));
    candidates.add(new Detection("far", 20_000_000, 20_000_010, 0.7, null));
    assertEquals(reference(candidates, 0.5), OverlapResolver.resolve(candidates, 0.5));
  }
}
