package dev.airlock.agent.cli;

import dev.airlock.policy.CanaryPolicy;

/**
 * Whether this request goes to its route's canary. The engine's choice is sticky: a hash of the
 * tenant (or, with {@code sticky_by: user}, the user; each falls back to the other) puts the same
 * caller on the same side every time, so for a given {@code --tenant} the answer is fixed. Only a
 * call with neither is decided at random, per call; the explanation then says so instead of
 * reporting one roll of the dice.
 */
final class CanaryChoice {

  /** Which side of the canary split this request is on. */
  enum Side {
    /** The canary is first in the chain for this caller. */
    CANARY,
    /** This caller stays on the route's own targets. */
    ROUTE,
    /** No tenant or user is known: each call is a fresh random draw. */
    RANDOM
  }

  private final CanaryPolicy policy;
  private final String target;
  private final Side side;
  private final String keyDimension;

  /**
   * @param target the canary's label, {@code provider/model}
   * @param keyDimension {@code tenant} or {@code user}: what the split was keyed on; null for {@link Side#RANDOM}
   */
  CanaryChoice(CanaryPolicy policy, String target, Side side, String keyDimension) {
    this.policy = policy;
    this.target = target;
    this.side = side;
    this.keyDimension = keyDimension;
  }

  CanaryPolicy policy() {
    return policy;
  }

  String target() {
    return target;
  }

  Side side() {
    return side;
  }

  /** {@code tenant} or {@code user}, or null when the choice is random. */
  String keyDimension() {
    return keyDimension;
  }

  /** {@code openai/gpt-4.1-mini for 5% of tenants (this tenant: yes); rolled back at error rate 0.2 ...}. */
  String describe() {
    String of = "user".equals(policy.stickyBy()) ? "users" : "tenants";
    StringBuilder s = new StringBuilder(target).append(" for ").append(Units.percent(policy.percent())).append(" of ")
        .append(of);
    switch (side) {
      case RANDOM:
        s.append(" (no tenant or user known: each call goes there with probability ")
            .append(Units.percent(policy.percent())).append("; give --tenant for the sticky answer)");
        break;
      default:
        s.append(" (this ").append(keyDimension).append(": ").append(side == Side.CANARY ? "yes" : "no").append(')');
        break;
    }
    if (policy.rollbackErrorRate().isPresent()) {
      s.append("; rolled back when its error rate reaches ").append(policy.rollbackErrorRate().getAsDouble())
          .append(" over at least ").append(policy.rollbackMinimumCalls()).append(" calls in ")
          .append(Units.duration(policy.rollbackWindow()));
    } else {
      s.append("; never rolled back automatically");
    }
    return s.toString();
  }
}
