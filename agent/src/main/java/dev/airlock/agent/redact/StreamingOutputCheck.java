package dev.airlock.agent.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * The output rules on one text channel of a stream. A value cannot be masked once it has reached
 * the app, and one split across deltas is only seen whole, so the last {@link #WINDOW} characters
 * (cut back to a word boundary, and to the start of any finding that straddles the cut) are held
 * until more text or the end arrives. That delay applies only when the policy has output rules.
 */
final class StreamingOutputCheck {

  /** Characters held back: longer than an email, a card number or an IBAN written with spaces. */
  static final int WINDOW = 64;
  /** A word longer than this (a long key, say) is released in part rather than held without bound. */
  static final int MAX_HELD = 512;

  /** A rule blocked the rest of the answer. */
  static final class Blocked extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String rule;

    Blocked(String rule) {
      super(rule, null, false, false);
      this.rule = rule;
    }
  }

  private final AnswerCheck check;
  private final StringBuilder held = new StringBuilder();

  StreamingOutputCheck(AnswerCheck check) {
    this.check = check;
  }

  /**
   * @param last whether this is the channel's final text (everything is released)
   * @return the checked, masked text that can go to the app now
   * @throws Blocked when a rule blocks the answer
   */
  String feed(String text, boolean last) {
    held.append(text);
    String all = held.toString();
    List<OutputGuard.Finding> findings = check.findings(all);
    OutputGuard.Finding blocking = OutputGuard.blocking(findings);
    if (blocking != null) {
      check.block(blocking.rule());
      throw new Blocked(blocking.rule());
    }
    int cut = last ? all.length() : releasePoint(all, findings);
    if (cut <= 0) {
      return "";
    }
    List<OutputGuard.Finding> before = new ArrayList<>();
    for (OutputGuard.Finding f : findings) {
      if (f.end <= cut) {
        before.add(f);
      }
    }
    held.delete(0, cut);
    return OutputGuard.mask(all.substring(0, cut), before);
  }

  boolean hasPending() {
    return held.length() > 0;
  }

  private static int releasePoint(String all, List<OutputGuard.Finding> findings) {
    int cut = all.length() - WINDOW;
    if (cut <= 0) {
      return 0;
    }
    int boundary = cut;
    while (boundary > 0 && !Character.isWhitespace(all.charAt(boundary - 1))) {
      boundary--;
    }
    if (boundary > 0 || all.length() <= MAX_HELD) {
      cut = boundary;
    }
    for (OutputGuard.Finding f : findings) {
      if (f.start < cut && f.end > cut) {
        cut = f.start;
      }
    }
    return cut;
  }
}
