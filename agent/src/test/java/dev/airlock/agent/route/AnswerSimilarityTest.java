package dev.airlock.agent.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnswerSimilarityTest {

  @Test
  void theSameWordsScoreOneWhateverCaseAndPunctuation() {
    assertEquals(1.0, AnswerSimilarity.of("Your parcel ships today.", "your PARCEL ships, today"), 1e-9);
  }

  @Test
  void unrelatedAnswersScoreZeroAndCloseOnesInBetween() {
    assertEquals(0.0, AnswerSimilarity.of("Your parcel ships today", "Bonjour tout le monde"), 1e-9);
    double close = AnswerSimilarity.of("Your parcel ships today", "Your parcel ships tomorrow");
    assertTrue(close > 0.5 && close < 1.0, "score " + close);
  }

  @Test
  void emptyAnswers() {
    assertEquals(1.0, AnswerSimilarity.of("", null), 1e-9);
    assertEquals(0.0, AnswerSimilarity.of("something", ""), 1e-9);
  }
}
