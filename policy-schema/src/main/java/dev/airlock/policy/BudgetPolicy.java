package dev.airlock.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code budgets:}: a spend or token ceiling counted per tenant, feature, user, model
 * or for the whole service, and what happens past it. Written {@code {per: tenant, limit: 50
 * USD/day, on_exceed: block, alert_at: [0.5, 0.8]}}.
 *
 * <p>Immutable; build with {@link #builder(String, BudgetLimit)}.
 */
public final class BudgetPolicy {

  /** What a budget or rate limit can be counted per; {@code global} is one counter for all. */
  public static final List<String> SCOPES =
      Collections.unmodifiableList(Arrays.asList("tenant", "feature", "user", "model", "global"));

  private final String per;
  private final BudgetLimit limit;
  private final OnExceed onExceed;
  private final List<Double> alertAt;

  private BudgetPolicy(Builder b) {
    this.per = b.per;
    this.limit = b.limit;
    this.onExceed = b.onExceed;
    this.alertAt = Collections.unmodifiableList(new ArrayList<>(b.alertAt));
    if (!SCOPES.contains(per)) {
      throw new IllegalArgumentException("per must be one of " + SCOPES + ", got '" + per + "'");
    }
    for (Double a : alertAt) {
      if (!(a > 0 && a < 1)) {
        throw new IllegalArgumentException("alert_at values must be between 0 and 1, got " + a);
      }
    }
  }

  /** A budget counted per {@code per} (one of {@link #SCOPES}) with ceiling {@code limit}. */
  public static Builder builder(String per, BudgetLimit limit) {
    return new Builder(per, limit);
  }

  /** {@code tenant}, {@code feature}, {@code user}, {@code model} or {@code global}. */
  public String per() {
    return per;
  }

  /** The ceiling per window. */
  public BudgetLimit limit() {
    return limit;
  }

  /** {@code on_exceed}; {@link OnExceed#block()} when the policy does not say. */
  public OnExceed onExceed() {
    return onExceed;
  }

  /**
   * {@code alert_at}: fractions of the limit (each between 0 and 1, exclusive) at which an alert is
   * emitted, in the policy's order; empty for none.
   */
  public List<Double> alertAt() {
    return alertAt;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof BudgetPolicy)) {
      return false;
    }
    BudgetPolicy b = (BudgetPolicy) o;
    return per.equals(b.per)
        && limit.equals(b.limit)
        && onExceed.equals(b.onExceed)
        && alertAt.equals(b.alertAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(per, limit, onExceed, alertAt);
  }

  @Override
  public String toString() {
    return "Budget[per="
        + per
        + ", limit="
        + limit
        + ", onExceed="
        + onExceed
        + (alertAt.isEmpty() ? "" : ", alertAt=" + alertAt)
        + "]";
  }

  /** Builds a {@link BudgetPolicy}; blocks past the limit and has no alerts unless told. */
  public static final class Builder {
    private final String per;
    private final BudgetLimit limit;
    private OnExceed onExceed = OnExceed.block();
    private final List<Double> alertAt = new ArrayList<>();

    private Builder(String per, BudgetLimit limit) {
      this.per = Objects.requireNonNull(per, "per");
      this.limit = Objects.requireNonNull(limit, "limit");
    }

    public Builder onExceed(OnExceed onExceed) {
      this.onExceed = Objects.requireNonNull(onExceed, "onExceed");
      return this;
    }

    /** Appends alert fractions. */
    public Builder alertAt(Collection<Double> fractions) {
      for (Double f : fractions) {
        alertAt.add(Objects.requireNonNull(f, "fraction"));
      }
      return this;
    }

    /**
     * @throws IllegalArgumentException if the scope or an alert fraction is not valid
     */
    public BudgetPolicy build() {
      return new BudgetPolicy(this);
    }
  }
}
