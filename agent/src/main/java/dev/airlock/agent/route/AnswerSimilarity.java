package dev.airlock.agent.route;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How alike two answers read, from 0 (no word in common) to 1 (the same words as often): the
 * cosine of their word-count vectors, case and punctuation ignored. Cheap, deterministic and good
 * enough to tell "the shadow model answers the same question" from "it answers something else";
 * not a judge of quality.
 */
final class AnswerSimilarity {

  private AnswerSimilarity() {}

  static double of(String a, String b) {
    Map<String, Integer> left = words(a);
    Map<String, Integer> right = words(b);
    if (left.isEmpty() && right.isEmpty()) {
      return 1.0;
    }
    if (left.isEmpty() || right.isEmpty()) {
      return 0.0;
    }
    double dot = 0;
    for (Map.Entry<String, Integer> word : left.entrySet()) {
      Integer other = right.get(word.getKey());
      if (other != null) {
        dot += (double) word.getValue() * other;
      }
    }
    return dot / (norm(left) * norm(right));
  }

  private static Map<String, Integer> words(String text) {
    Map<String, Integer> counts = new HashMap<>();
    if (text == null) {
      return counts;
    }
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        counts.merge(word, 1, Integer::sum);
      }
    }
    return counts;
  }

  private static double norm(Map<String, Integer> counts) {
    double sum = 0;
    for (int c : counts.values()) {
      sum += (double) c * c;
    }
    return Math.sqrt(sum);
  }
}
