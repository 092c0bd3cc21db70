package dev.airlock.agent.redact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the request guard made of one request. Immutable once built. */
public final class GuardedRequest {

  private static final Map<String, Integer> NONE = Collections.emptyMap();

  private final byte[] body;
  private final boolean changed;
  private final Pseudonyms pseudonyms;
  private final boolean restore;
  private final Map<String, Integer> piiCounts;
  private final Map<String, String> piiActions;
  private final BlockedAnswer blocked;
  private final double injectionScore;
  private final String injectionRule;
  private final boolean injectionFlagged;
  private final AnswerCheck answerCheck;

  GuardedRequest(byte[] body, boolean changed, Pseudonyms pseudonyms, boolean restore, Map<String, Integer> piiCounts,
      Map<String, String> piiActions, BlockedAnswer blocked, double injectionScore, String injectionRule,
      boolean injectionFlagged, AnswerCheck answerCheck) {
    this.body = body;
    this.changed = changed;
    this.pseudonyms = pseudonyms;
    this.restore = restore;
    this.piiCounts = Collections.unmodifiableMap(new LinkedHashMap<>(piiCounts));
    this.piiActions = Collections.unmodifiableMap(new LinkedHashMap<>(piiActions));
    this.blocked = blocked;
    this.injectionScore = injectionScore;
    this.injectionRule = injectionRule;
    this.injectionFlagged = injectionFlagged;
    this.answerCheck = answerCheck;
  }

  /** Nothing to guard: the body goes as the app wrote it. */
  public static GuardedRequest untouched(byte[] body) {
    return new GuardedRequest(body, false, new Pseudonyms(), false, NONE, Collections.emptyMap(), null, -1, null,
        false, null);
  }

  /** The body to send. */
  public byte[] body() {
    return body;
  }

  public boolean changed() {
    return changed;
  }

  /** Whether the answer must have placeholders turned back into values. */
  public boolean restores() {
    return restore && !pseudonyms.isEmpty();
  }

  public Map<String, String> restorations() {
    return pseudonyms.restorations();
  }

  /** Detections by type (never the values). */
  public Map<String, Integer> piiCounts() {
    return piiCounts;
  }

  /** The action taken per detected type. */
  public Map<String, String> piiActions() {
    return piiActions;
  }

  /** The answer to give instead of sending, or null. */
  public BlockedAnswer blocked() {
    return blocked;
  }

  /** The highest injection score over the request's texts, or -1 when not scored. */
  public double injectionScore() {
    return injectionScore;
  }

  public String injectionRule() {
    return injectionRule;
  }

  /** The output rules for this call's answer, or null when the policy has none. */
  public AnswerCheck answerCheck() {
    return answerCheck != null && answerCheck.isActive() ? answerCheck : null;
  }

  /** Scored at or above the threshold, with the action {@code flag}. */
  public boolean injectionFlagged() {
    return injectionFlagged;
  }
}
