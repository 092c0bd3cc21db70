package dev.airlock.agent.spend;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.state.Charge;
import dev.airlock.agent.state.Counter;
import dev.airlock.agent.state.CounterState;
import dev.airlock.agent.state.MemoryState;
import dev.airlock.agent.state.Reservation;
import dev.airlock.agent.state.StateUnavailableException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The policy's budgets at work: before a call, {@link #admit} reserves its estimated cost against
 * every budget; after it, the {@link Admission} settles the real cost.
 *
 * <p><b>The rule.</b> Every budget applies to every call, under the call's key for the budget's
 * scope ({@code tenant:acme}, or {@code tenant:(none)} when the call has no tenant). A blocking
 * budget admits a call only if {@code spent + reserved + estimate <= limit} for the current window,
 * where {@code spent} is the settled cost of earlier calls and {@code reserved} the estimates of calls
 * still in flight; the check and the reservation are one atomic step, against all the call's budgets
 * at once (all reserved, or none). Alert and downgrade budgets run the same check, but reserve and
 * count the call whether or not it fits: they flag calls instead of refusing them.
 *
 * <p><b>The bound.</b> For a blocking budget, at the end of a window
 * <pre>
 *   spent - limit  &lt;=  sum over F of (actual - estimate)
 * </pre>
 * where F is the set of calls that held a reservation just after the last call admitted in that
 * window (that call included). Proof: right after that admission, {@code spent + reserved <= limit};
 * afterwards nothing else is admitted, and each call of F, as it settles, adds its actual cost to
 * {@code spent} and removes its estimate from {@code reserved} (a release removes the estimate only).
 * So the overshoot is at most the sum over all admitted calls of {@code max(0, actual - estimate)},
 * and it is <b>zero if estimates are upper bounds</b> of the real cost (e.g. the price of the
 * request's {@code max_tokens}). It does not grow with concurrency: only under-estimates overshoot.
 * The bound holds per counter, with shared state across every JVM using it (while the state answers;
 * see {@code ResilientState} for outages).
 *
 * <p><b>Alerts.</b> When a settle takes {@code spent} across an alert fraction of the limit, the
 * listener hears it once per budget, scope and window (spend only grows within a window, so exactly
 * one settle crosses each fraction). A call that a budget cannot afford is reported too, every time.
 *
 * <p><b>Windows</b> are UTC calendar windows read from the clock; a call counts in the window in
 * which it was admitted, even if it settles after the window ended.
 *
 * <p>Thread-safe. Budgets do not own the state: close it elsewhere.
 */
public final class Budgets {

  private final Budget[] budgets;
  private final CounterState state;
  private final Clock clock;
  private final BudgetListener listener;

  private Budgets(Builder b) {
    this.state = b.state == null ? new MemoryState() : b.state;
    this.clock = b.clock;
    this.listener = b.listener;
    List<Budget> list = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (BudgetConfig c : b.configs) {
      String shape = c.scope().id() + "/" + c.unit().id() + "/" + c.window().id();
      int ordinal = seen.merge(shape, 1, Integer::sum);
      list.add(new Budget(c, ordinal));
    }
    this.budgets = list.toArray(new Budget[0]);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Budgets}: the configs, and where their counters live (memory unless told). */
  public static final class Builder {
    private final List<BudgetConfig> configs = new ArrayList<>();
    private CounterState state;
    private Clock clock = Clock.systemUTC();
    private BudgetListener listener = BudgetListener.NONE;

    private Builder() {}

    public Builder add(BudgetConfig config) {
      configs.add(Objects.requireNonNull(config, "config"));
      return this;
    }

    public Builder addAll(Collection<BudgetConfig> configs) {
      configs.forEach(this::add);
      return this;
    }

    /** Where counters live; a fresh {@link MemoryState} if not set. */
    public Builder state(CounterState state) {
      this.state = Objects.requireNonNull(state, "state");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder listener(BudgetListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Budgets build() {
      return new Budgets(this);
    }
  }

  /**
   * Reserves the call's estimated cost against every budget and says whether it may go ahead.
   *
   * <p>Amounts are converted per budget: USD budgets take {@code estimatedMicroUsd}, token budgets
   * {@code estimatedTokens}; negative estimates count as zero. If the state is unreachable and fails
   * closed, the outcome is {@code UNAVAILABLE}; no other state trouble reaches the caller (a fail-open
   * {@code ResilientState} answers from local counters).
   */
  public Admission admit(CallScope scope, long estimatedMicroUsd, long estimatedTokens) {
    int n = budgets.length;
    if (n == 0) {
      return Admission.UNLIMITED;
    }
    long now = clock.millis();
    ScopeKey[] keys = new ScopeKey[n];
    List<Charge> charges = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Budget b = budgets[i];
      keys[i] = scope.key(b.config.scope());
      charges.add(b.charge(keys[i], b.amount(estimatedMicroUsd, estimatedTokens), now));
    }
    Reservation r;
    try {
      r = state.reserve(charges, now);
    } catch (StateUnavailableException e) {
      return new Admission(this, null, keys, Admission.Outcome.UNAVAILABLE, -1, e.getMessage());
    }
    if (!r.admitted()) {
      int i = r.refusedIndex();
      exceeded(i, keys[i], r);
      return new Admission(this, r, keys, Admission.Outcome.BLOCKED, i, null);
    }
    int decisive = -1;
    for (int i = 0; i < n; i++) {
      if (!budgets[i].hard && !r.fits(i)) {
        exceeded(i, keys[i], r);
        // Downgrade outranks alert: it changes what happens to the call; among equals the first wins.
        if (decisive < 0 || (severity(i) > severity(decisive))) {
          decisive = i;
        }
      }
    }
    Admission.Outcome outcome = decisive < 0 ? Admission.Outcome.ALLOWED
        : severity(decisive) == 2 ? Admission.Outcome.DOWNGRADED : Admission.Outcome.ALERTED;
    return new Admission(this, r, keys, outcome, decisive, null);
  }

  /**
   * What is left of {@code budget} for {@code key} in the current window:
   * {@code max(0, limit - spent - reserved)}; empty if the state cannot answer.
   *
   * @throws IllegalArgumentException if {@code budget} is not one of these budgets, or {@code key}
   *     is not of its scope
   */
  public OptionalLong remaining(BudgetConfig budget, ScopeKey key) {
    for (Budget b : budgets) {
      if (b.config.equals(budget)) {
        return remaining(b, key);
      }
    }
    throw new IllegalArgumentException("not one of these budgets: " + budget);
  }

  /** What is left, per budget of {@code key}'s scope, for a gauge; budgets whose state cannot answer are left out. */
  public Map<BudgetConfig, Long> remaining(ScopeKey key) {
    Map<BudgetConfig, Long> out = new LinkedHashMap<>();
    for (Budget b : budgets) {
      if (b.config.scope() == key.kind()) {
        OptionalLong left = remaining(b, key);
        if (left.isPresent()) {
          out.putIfAbsent(b.config, left.getAsLong());
        }
      }
    }
    return out;
  }

  /** The budgets, in policy order. */
  public List<BudgetConfig> configs() {
    List<BudgetConfig> out = new ArrayList<>(budgets.length);
    for (Budget b : budgets) {
      out.add(b.config);
    }
    return Collections.unmodifiableList(out);
  }

  public boolean isEmpty() {
    return budgets.length == 0;
  }

  BudgetConfig config(int i) {
    return budgets[i].config;
  }

  void settle(Reservation r, ScopeKey[] keys, long microUsd, long tokens) {
    int n = budgets.length;
    long[] actual = new long[n];
    for (int i = 0; i < n; i++) {
      actual[i] = budgets[i].amount(microUsd, tokens);
    }
    long[] after;
    try {
      after = state.settle(r, actual, clock.millis());
    } catch (RuntimeException e) {
      // The call is over; failing it now would help nobody. The reservation expires with its window.
      AgentLog.debug("budgets: settle failed", e);
      return;
    }
    for (int i = 0; i < n; i++) {
      try {
        budgets[i].crossed(keys[i], after[i] - actual[i], after[i], listener);
      } catch (RuntimeException e) {
        AgentLog.debug("budgets: listener failed", e);
      }
    }
  }

  void release(Reservation r) {
    try {
      state.release(r, clock.millis());
    } catch (RuntimeException e) {
      AgentLog.debug("budgets: release failed", e);
    }
  }

  private OptionalLong remaining(Budget b, ScopeKey key) {
    if (key.kind() != b.config.scope()) {
      throw new IllegalArgumentException(key + " is not a " + b.config.scope() + " key");
    }
    long now = clock.millis();
    try {
      Counter c = state.read(b.charge(key, 0, now).key(), now);
      return OptionalLong.of(Math.max(0, b.config.limit() - c.spent() - c.reserved()));
    } catch (StateUnavailableException e) {
      return OptionalLong.empty();
    }
  }

  private void exceeded(int i, ScopeKey key, Reservation r) {
    try {
      Charge c = r.charge(i);
      listener.onExceeded(budgets[i].config, key, r.spentBefore(i), r.reservedBefore(i), c.amount(), c.limit());
    } catch (RuntimeException e) {
      AgentLog.debug("budgets: listener failed", e);
    }
  }

  private int severity(int i) {
    return budgets[i].config.onExceed().action() == OnExceed.Action.DOWNGRADE ? 2 : 1;
  }

  @Override
  public String toString() {
    return configs().toString();
  }
}
