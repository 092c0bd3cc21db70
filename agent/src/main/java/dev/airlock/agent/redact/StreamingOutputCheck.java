package dev.airlock.agent.redact;

import dev.airlock.agent.guard.json.StreamingJsonCheck;
import dev.airlock.agent.pii.PiiScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The output rules on one text channel of a stream. A value cannot be masked once it has reached
 * the app, and one split across deltas is only seen whole, so what could still turn into (part
 * of) a finding is held until more text or the end arrives: the unfinished last token, a number
 * or IBAN whose groups may go on, a value whose context words may still follow, an open key block
 * or phrase (see {@link OpenValues}). Everything before that goes out as soon as it arrives, so
 * plain prose reaches the app word by word. That delay applies only when the policy has output
 * rules.
 *
 * <p>The last {@value #CONTEXT} released chars are kept, unmasked, as look-behind: the held text
 * is checked after them, so that a context word ("password:", "SSN") or the start of a number
 * released before still counts. A finding that lies wholly in that released text is not reported
 * again, and released text is never sent again.
 *
 * <p>When the request asked for JSON and the policy checks it, the channel's text is also checked
 * as JSON (against the request's schema, if any) as it arrives; see {@link StreamingJsonCheck}.
 */
final class StreamingOutputCheck {

  /**
   * Released chars kept as look-behind: more than the detectors read before a value (40 chars of
   * context words widened by up to 24 to a whole word; a credential name of up to ~45 chars with
   * its suffix, quote and separator before its value).
   */
  static final int CONTEXT = 128;
  /**
   * Most chars held: past this, held text (a very long token, say) is released in part rather
   * than held without bound, though never from inside a finding.
   */
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
  private final OpenValues open;
  /** The last released text, unmasked: read by the detectors, never sent again. */
  private final StringBuilder released = new StringBuilder();
  private final StringBuilder held = new StringBuilder();
  /** Where the released look-behind and the held text are joined for a check: one copy per event. */
  private final StringBuilder window = new StringBuilder();
  /** The open-value rules' pattern matchers, this channel's own. */
  private final Matcher[] matchers;
  /** The PII scan's working arrays, this channel's own: the scan runs once per event. */
  private final PiiScanner.ScanBuffers scanBuffers = new PiiScanner.ScanBuffers();
  /** The channel's JSON, checked as it arrives; null when JSON is not checked or already failed. */
  private StreamingJsonCheck json;

  StreamingOutputCheck(AnswerCheck check) {
    this.check = check;
    this.open = check.openValues();
    this.matchers = open.newMatchers();
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
    if (held.length() == 0) {
      return "";
    }
    int base = released.length();
    window.setLength(0);
    String all = window.append(released).append(held).toString();
    List<OutputGuard.Finding> findings = new ArrayList<>();
    for (OutputGuard.Finding f : check.findings(all, scanBuffers)) {
      // Wholly in released text: judged when it was released (or not a finding then).
      if (f.end > base) {
        findings.add(f);
      }
    }
    OutputGuard.Finding blocking = OutputGuard.blocking(findings);
    if (blocking != null) {
      check.block(blocking.rule());
      throw new Blocked(blocking.rule());
    }
    int cut = last ? all.length() : releasePoint(all, base, findings);
    if (cut <= base) {
      return "";
    }
    List<OutputGuard.Finding> before = new ArrayList<>();
    for (OutputGuard.Finding f : findings) {
      if (f.end <= cut) {
        // A finding that began in released text (only when a bound forced a release): that part
        // is gone, so only its held part is masked.
        before.add(new OutputGuard.Finding(f.rule, f.type, Math.max(f.start, base) - base, f.end - base,
            f.action));
      }
    }
    String out = OutputGuard.mask(all.substring(base, cut), before);
    released.append(all, base, cut);
    if (released.length() > CONTEXT) {
      released.delete(0, released.length() - CONTEXT);
    }
    held.delete(0, cut - base);
    return out;
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

  /**
   * Where the held text is cut: before whatever could still become a finding, at most {@link
   * #MAX_HELD} chars back from the end, and never inside a finding (that would release half a
   * value unmasked).
   */
  private int releasePoint(String all, int base, List<OutputGuard.Finding> findings) {
    int cut = open.holdFrom(all, base, matchers);
    if (all.length() - cut > MAX_HELD) {
      cut = all.length() - MAX_HELD;
    }
    // From the last finding back: moving the cut to one's start may put it inside an earlier one.
    for (int i = findings.size() - 1; i >= 0; i--) {
      OutputGuard.Finding f = findings.get(i);
      if (f.start < cut && f.end > cut) {
        cut = Math.max(base, f.start);
      }
    }
    return cut;
  }
}
