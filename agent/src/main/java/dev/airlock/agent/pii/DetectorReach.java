package dev.airlock.agent.pii;

/**
 * How far the built-in detectors read around and into a value. The detectors use these bounds,
 * and a streamed answer's check ({@code redact.OpenValues}) holds text back by the same bounds, so
 * that a value whose context or end has not arrived yet is not released early; one definition
 * keeps the two in step.
 */
public final class DetectorReach {

  /** Chars read after a match for context words ("Z8078221M en mi NIE"). */
  public static final int CONTEXT_AFTER = 20;
  /** How far a context window edge may move outward to finish a word it cut in two. */
  public static final int CONTEXT_WORD_SLACK = 24;
  /** The shortest token the high-entropy secret detector reports. */
  public static final int MIN_RANDOM_TOKEN = 20;
  /** The longest credential value an assignment ({@code password: "..."}) is read for. */
  public static final int MAX_CREDENTIAL_VALUE = 200;
  /** The longest END line of a private-key block ({@code -----END ... PRIVATE KEY-----}). */
  public static final int MAX_KEY_END_LINE = 80;

  private DetectorReach() {}
}
