package dev.airlock.agent.cli;

import dev.airlock.agent.pii.Detection;
import dev.airlock.policy.PiiPolicy;

/**
 * One detected value in one text, and what the policy does with it: the detection (type, span,
 * confidence), the action, and the placeholder that replaces the value in the outgoing body. The
 * value itself is kept only so that {@code --show-values} can print it; everything else prints it
 * masked.
 */
final class PiiFinding {

  private final Detection detection;
  private final PiiPolicy.Action action;
  private final String placeholder;
  private final String value;

  PiiFinding(Detection detection, PiiPolicy.Action action, String placeholder, String value) {
    this.detection = detection;
    this.action = action;
    this.placeholder = placeholder;
    this.value = value;
  }

  String type() {
    return detection.type();
  }

  /** First char, inclusive, in the text it was found in. */
  int start() {
    return detection.start();
  }

  /** Last char, exclusive. */
  int end() {
    return detection.end();
  }

  double confidence() {
    return detection.confidence();
  }

  /** What kind exactly (card brand, secret kind), or null. */
  String detail() {
    return detection.detail();
  }

  PiiPolicy.Action action() {
    return action;
  }

  /** Whether the value is replaced in the outgoing body (masked or pseudonymized). */
  boolean isRedacted() {
    return action == PiiPolicy.Action.MASK || action == PiiPolicy.Action.PSEUDONYMIZE;
  }

  /** {@code [EMAIL]} or {@code <EMAIL_1>}; null when the value stays (detect, block). */
  String placeholder() {
    return placeholder;
  }

  /** The detected value itself: personal data, print only when asked to. */
  String value() {
    return value;
  }
}
