package dev.airlock.agent.policy;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.engine.SpendControls;
import dev.airlock.agent.route.RouteTarget;
import dev.airlock.agent.route.RouteTargets;
import dev.airlock.agent.spend.BudgetConfig;
import dev.airlock.agent.spend.BudgetListener;
import dev.airlock.agent.spend.Budgets;
import dev.airlock.agent.spend.OnExceed;
import dev.airlock.agent.spend.RateLimitConfig;
import dev.airlock.agent.spend.RateLimiter;
import dev.airlock.agent.spend.ScopeKind;
import dev.airlock.agent.spend.Window;
import dev.airlock.agent.state.CounterState;
import dev.airlock.agent.state.MemoryState;
import dev.airlock.agent.state.RedisState;
import dev.airlock.agent.state.ResilientState;
import dev.airlock.policy.BudgetLimit;
import dev.airlock.policy.BudgetPolicy;
import dev.airlock.policy.OnInternalError;
import dev.airlock.policy.Policy;
import dev.airlock.policy.RateLimitPolicy;
import dev.airlock.policy.StatePolicy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns a policy's {@code budgets:}, {@code rate_limits:} and {@code state:} into the engine's
 * {@link SpendControls}. Counter states are kept per {@code state:} value for the life of the JVM,
 * so reloading the policy keeps what was spent.
 */
final class SpendPolicies {

  private static final Map<String, CounterState> STATES = new ConcurrentHashMap<>();

  private SpendPolicies() {}

  static SpendControls of(Policy policy, BudgetListener listener, Function<String, String> env) {
    if (policy.budgets().isEmpty() && policy.rateLimits().isEmpty()) {
      return SpendControls.NONE;
    }
    CounterState state = stateOf(policy.state(), policy.onInternalError() == OnInternalError.BLOCK);
    Budgets.Builder budgets = Budgets.builder().state(state).listener(listener);
    Map<String, RouteTarget> downgrades = new HashMap<>();
    for (BudgetPolicy budget : policy.budgets()) {
      budgets.add(budgetOf(budget));
      budget.onExceed().downgradeTo().ifPresent(target ->
          downgrades.put(target.toString(), RouteTargets.resolve(policy, target, env)));
    }
    RateLimiter.Builder limits = RateLimiter.builder().state(state);
    for (RateLimitPolicy limit : policy.rateLimits()) {
      limits.add(rateLimitOf(limit));
    }
    return new SpendControls(budgets.build(), limits.build(), downgrades);
  }

  static BudgetConfig budgetOf(BudgetPolicy budget) {
    BudgetLimit limit = budget.limit();
    BudgetConfig.Builder config = BudgetConfig.builder(ScopeKind.of(budget.per()))
        .window(Window.of(limit.window().id()));
    if (limit.unit() == BudgetLimit.Unit.USD) {
      config.limitUsd(limit.amount().doubleValue());
    } else {
      config.limitTokens(limit.amount().longValue());
    }
    switch (budget.onExceed().kind()) {
      case DOWNGRADE:
        config.onExceed(OnExceed.downgrade(budget.onExceed().downgradeTo().get().toString()));
        break;
      case ALERT:
        config.onExceed(OnExceed.alert());
        break;
      default:
        config.onExceed(OnExceed.block());
        break;
    }
    double[] alerts = budget.alertAt().stream().mapToDouble(Double::doubleValue).toArray();
    if (alerts.length > 0) {
      config.alertAt(alerts);
    }
    return config.build();
  }

  static RateLimitConfig rateLimitOf(RateLimitPolicy limit) {
    RateLimitConfig.Builder config = RateLimitConfig.builder(ScopeKind.of(limit.per()));
    limit.requests().ifPresent(rate -> config.requests(rate.amount(), rate.per()));
    limit.tokens().ifPresent(rate -> config.tokens(rate.amount(), rate.per()));
    if (limit.mode() == RateLimitPolicy.Mode.WAIT) {
      config.waitUpTo(limit.maxWait());
    } else {
      config.reject();
    }
    return config.build();
  }

  /** One state per {@code state:} value and fail mode, shared by every policy that names it. */
  private static CounterState stateOf(StatePolicy state, boolean failClosed) {
    if (state.kind() == StatePolicy.Kind.MEMORY) {
      return STATES.computeIfAbsent("memory", k -> new MemoryState());
    }
    String uri = state.redisUri().get().toString();
    return STATES.computeIfAbsent(uri + (failClosed ? "#closed" : "#open"), k -> {
      AgentLog.banner("state: sharing budgets and rate limits through " + state.redisUri().get().getHost());
      return ResilientState.builder(RedisState.builder(state.redisUri().get().toString()).build())
          .failClosed(failClosed)
          .connectInBackground(true)
          .build();
    });
  }
}
