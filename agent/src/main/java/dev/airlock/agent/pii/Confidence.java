package dev.airlock.agent.pii;

/**
 * Turns a base confidence plus context adjustments into the value a {@link Detection} carries.
 */
final class Confidence {

  private Confidence() {}

  /**
   * Clamps to [0, 1] and rounds to three decimals, so that sums such as 0.35 + 0.25 compare equal
   * to 0.6 when the scanner breaks ties and applies its threshold.
   */
  static double of(double value) {
    double clamped = Math.max(0.0, Math.min(1.0, value));
    return Math.round(clamped * 1000.0) / 1000.0;
  }
}
