package dev.airlock.agent.spend;

import java.util.Objects;

/** What happens to a call that a budget cannot afford: the policy's {@code on_exceed}. */
public final class OnExceed {

  /** The three reactions. */
  public enum Action {
    /** The call is refused. The limit is hard: see {@link Budgets} for the overshoot bound. */
    BLOCK,
    /** The call goes ahead on a cheaper target; its spend still counts against the budget. */
    DOWNGRADE,
    /** The call goes ahead and is flagged; its spend still counts. */
    ALERT
  }

  private static final OnExceed BLOCK = new OnExceed(Action.BLOCK, null);
  private static final OnExceed ALERT = new OnExceed(Action.ALERT, null);

  private final Action action;
  private final String target;

  private OnExceed(Action action, String target) {
    this.action = action;
    this.target = target;
  }

  public static OnExceed block() {
    return BLOCK;
  }

  public static OnExceed alert() {
    return ALERT;
  }

  /** Send the call to {@code target} instead, e.g. {@code openai/gpt-4o-mini} (the router interprets it). */
  public static OnExceed downgrade(String target) {
    if (target == null || target.trim().isEmpty()) {
      throw new IllegalArgumentException("downgrade needs a target");
    }
    return new OnExceed(Action.DOWNGRADE, target);
  }

  public Action action() {
    return action;
  }

  /** The downgrade target, or null for block and alert. */
  public String target() {
    return target;
  }

  /** True for {@link Action#BLOCK}: the only reaction that refuses calls. */
  public boolean refuses() {
    return action == Action.BLOCK;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OnExceed && ((OnExceed) o).action == action && Objects.equals(((OnExceed) o).target, target);
  }

  @Override
  public int hashCode() {
    return action.hashCode() * 31 + Objects.hashCode(target);
  }

  /** {@code block}, {@code alert}, {@code downgrade to openai/gpt-4o-mini}. */
  @Override
  public String toString() {
    return action == Action.DOWNGRADE ? "downgrade to " + target : action.name().toLowerCase(java.util.Locale.ROOT);
  }
}
