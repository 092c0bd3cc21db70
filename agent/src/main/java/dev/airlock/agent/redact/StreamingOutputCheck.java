package dev.airlock.agent.redact;

import dev.airlock.agent.guard.json.StreamingJsonCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * The output rules on one text channel of a stream. A value cannot be masked once it has reached
 * the app, and one split across deltas is only seen whole, so the last {@link #WINDOW} characters
 * (cut back to a word boundary, and to the start of any finding that straddles the cut) are held
 * until more text or the end arrives. That delay applies only when the policy has output rules.
 *
 * <p>When the request asked for JSON and the policy checks it, the channel's text is also checked
 * as JSON (against the request's schema, if any) as it arrives; see {@link StreamingJsonCheck}.
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
  /** The channel's JSON, checked as it arrives; null when JSON is not checked or already failed. */
  private StreamingJsonCheck json;

  StreamingOutputCheck(AnswerCheck check) {
    this.check = check;
    this.json = check.checksJson() ? check.newJsonCheck() : null;
  }

  /**
   * @param last whether everything held is released now (the channel's final text, or another
   *     event must go out first)
   * @return the checked, masked text that can go to the app now
   * @throws Blocked when a rule blocks the answer
   */
  String feed(String text, boolean last) {
    return feed(text, last, false);
  }

  /**
   * As {@link #feed(String, boolean)}; {@code end} says the channel's text is complete, so the
   * JSON check (if any) gives its final verdict before anything more is released.
   */
  String feed(String text, boolean last, boolean end) {
    checkJson(text, end);
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

  /**
   * Feeds the new text to the JSON check before any of it is released: a violation the text
   * proves (a syntax error, a forbidden property, a wrong type, a value out of bounds) blocks the
   * answer, with the rest of it never sent, or flags it once.
   */
  private void checkJson(String text, boolean end) {
    if (json == null) {
      return;
    }
    String problem = json.feed(text);
    if (problem == null && end) {
      problem = json.finish();
    }
    if (problem == null) {
      return;
    }
    json = null;
    if (check.onJsonViolation(problem)) {
      throw new Blocked("guardrails.output.json");
    }
  }

  /**
   * The channel's text is complete (the stream ended): the JSON check gives its final verdict.
   *
   * @throws Blocked when the text so far is not a complete, conforming JSON value and the rule blocks
   */
  void end() {
    checkJson("", true);
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
