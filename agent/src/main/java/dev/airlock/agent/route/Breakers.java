package dev.airlock.agent.route;

import dev.failsafe.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One circuit breaker per target (provider and model), shared by every call under one policy.
 * A breaker opens when, over at least {@code minimum_calls} attempts within a minute, the share of
 * transient failures reaches {@code failure_rate}; it stays open for {@code open_for}, then lets
 * {@code half_open_calls} probes through, and closes when they succeed.
 */
public final class Breakers {

  /** Told of every state change, for the transition metric and log. */
  public interface Listener {
    void onTransition(String target, String from, String to);
  }

  /** The window over which the failure rate is measured. */
  private static final Duration RATE_PERIOD = Duration.ofMinutes(1);

  private final ResilienceSettings settings;
  private final Listener listener;
  private final ConcurrentMap<String, CircuitBreaker<Object>> byTarget = new ConcurrentHashMap<>();

  public Breakers(ResilienceSettings settings, Listener listener) {
    this.settings = settings;
    this.listener = listener;
  }

  /** The target's breaker, or null when the policy has none. */
  CircuitBreaker<Object> of(RouteTarget target) {
    if (!settings.hasBreaker()) {
      return null;
    }
    return byTarget.computeIfAbsent(target.label(), this::newBreaker);
  }

  /** {@code closed}, {@code open} or {@code half_open}; {@code none} without a breaker. */
  String stateOf(RouteTarget target) {
    CircuitBreaker<Object> breaker = of(target);
    return breaker == null ? "none" : breaker.getState().name().toLowerCase(java.util.Locale.ROOT);
  }

  private CircuitBreaker<Object> newBreaker(String target) {
    int percent = (int) Math.max(1, Math.min(100, Math.round(settings.breakerFailureRate() * 100)));
    return CircuitBreaker.builder()
        .withFailureRateThreshold(percent, Math.max(1, settings.breakerMinimumCalls()), RATE_PERIOD)
        .withDelay(settings.breakerOpenFor())
        .withSuccessThreshold(Math.max(1, settings.breakerHalfOpenCalls()))
        .onOpen(e -> listener.onTransition(target, stateName(e.getPreviousState()), "open"))
        .onHalfOpen(e -> listener.onTransition(target, stateName(e.getPreviousState()), "half_open"))
        .onClose(e -> listener.onTransition(target, stateName(e.getPreviousState()), "closed"))
        .build();
  }

  private static String stateName(CircuitBreaker.State state) {
    return state.name().toLowerCase(java.util.Locale.ROOT);
  }
}
