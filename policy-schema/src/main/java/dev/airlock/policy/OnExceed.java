package dev.airlock.policy;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a budget does once its limit is reached: {@code on_exceed: block}, {@code on_exceed: alert},
 * or {@code on_exceed: {downgrade: openai/gpt-4o-mini}}. Immutable.
 */
public final class OnExceed {

  /** The three reactions. */
  public enum Kind {
    /** Refuse further requests with an error in the provider's wire format. The default. */
    BLOCK,
    /**
     * Send further requests to {@link OnExceed#downgradeTo()} instead (usually a cheaper model).
     */
    DOWNGRADE,
    /** Let requests through and emit an alert. */
    ALERT;

    /** {@code block}, {@code downgrade} or {@code alert}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final OnExceed BLOCK = new OnExceed(Kind.BLOCK, null);
  private static final OnExceed ALERT = new OnExceed(Kind.ALERT, null);

  private final Kind kind;
  private final TargetRef downgradeTo;

  private OnExceed(Kind kind, TargetRef downgradeTo) {
    this.kind = kind;
    this.downgradeTo = downgradeTo;
  }

  public static OnExceed block() {
    return BLOCK;
  }

  public static OnExceed alert() {
    return ALERT;
  }

  /** Downgrade to {@code target}. */
  public static OnExceed downgrade(TargetRef target) {
    return new OnExceed(Kind.DOWNGRADE, Objects.requireNonNull(target, "target"));
  }

  public Kind kind() {
    return kind;
  }

  /** The target of a {@link Kind#DOWNGRADE}; empty for the other kinds. */
  public Optional<TargetRef> downgradeTo() {
    return Optional.ofNullable(downgradeTo);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof OnExceed)) {
      return false;
    }
    OnExceed e = (OnExceed) o;
    return kind == e.kind && Objects.equals(downgradeTo, e.downgradeTo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, downgradeTo);
  }

  /** {@code block}, {@code alert} or {@code downgrade:openai/gpt-4o-mini}. */
  @Override
  public String toString() {
    return downgradeTo == null ? kind.id() : kind.id() + ":" + downgradeTo;
  }
}
