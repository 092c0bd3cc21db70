package dev.airlock.agent.spend;

import dev.airlock.agent.state.RateGrant;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The rate limiter's answer for one call, from {@link RateLimiter#acquire}. An allowed permit that
 * drew on a token limit should be {@link #settle settled} with the tokens the call really used, so
 * that the limit counts real usage rather than the estimate.
 */
public final class Permit {

  /** What the rate limits decided. */
  public enum Outcome {
    /** The call may go now (after {@link #waited()}, in wait mode). */
    ALLOWED,
    /** A limit has no room: the call must not be sent; {@link #retryAfter()} says when it would fit. */
    REJECTED,
    /** The shared state is unreachable and configured to fail closed: the call must not be sent. */
    UNAVAILABLE
  }

  /** A permit that drew on nothing: no rate limit applies. */
  static final Permit UNLIMITED = new Permit(null, null, null, Outcome.ALLOWED, null, null, Duration.ZERO, Duration.ZERO);

  /** What an unavailable state suggests as retry-after: about when a reconnection may have happened. */
  static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(1);

  private static final AtomicIntegerFieldUpdater<Permit> SETTLED =
      AtomicIntegerFieldUpdater.newUpdater(Permit.class, "settled");

  private final RateLimiter owner;
  private final RateGrant grant;
  private final long[] costs;
  private final Outcome outcome;
  private final RateLimitConfig limitedBy;
  private final ScopeKey scope;
  private final Duration retryAfter;
  private final Duration waited;
  private volatile int settled;

  Permit(RateLimiter owner, RateGrant grant, long[] costs, Outcome outcome, RateLimitConfig limitedBy, ScopeKey scope,
      Duration retryAfter, Duration waited) {
    this.owner = owner;
    this.grant = grant;
    this.costs = costs;
    this.outcome = outcome;
    this.limitedBy = limitedBy;
    this.scope = scope;
    this.retryAfter = retryAfter;
    this.waited = waited;
  }

  public Outcome outcome() {
    return outcome;
  }

  public boolean allowed() {
    return outcome == Outcome.ALLOWED;
  }

  /** When refused: how long until the call would fit (for a {@code Retry-After} header); zero when allowed. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** How long acquiring held the calling thread (wait mode); zero otherwise. */
  public Duration waited() {
    return waited;
  }

  /** The limit that refused the call, or null. */
  public RateLimitConfig limitedBy() {
    return limitedBy;
  }

  /** The scope whose limit refused the call, e.g. {@code tenant:acme}, or null. */
  public ScopeKey limitedScope() {
    return scope;
  }

  /**
   * Replaces the estimated tokens with {@code actualTokens} in every token limit the call drew on:
   * room an over-estimate took is given back, an under-estimate is charged. The request itself still
   * counts. Call at most once (later calls do nothing); never throws.
   */
  public void settle(long actualTokens) {
    if (grant != null && grant.admitted() && SETTLED.compareAndSet(this, 0, 1)) {
      owner.settle(grant, costs, actualTokens);
    }
  }

  /** E.g. {@code REJECTED by per tenant 600 requests/60s, reject (tenant:acme), retry after PT0.1S}. */
  @Override
  public String toString() {
    if (outcome == Outcome.ALLOWED) {
      return waited.isZero() ? "ALLOWED" : "ALLOWED after " + waited;
    }
    return outcome + (limitedBy == null ? "" : " by " + limitedBy + " (" + scope + ")") + ", retry after " + retryAfter;
  }
}
