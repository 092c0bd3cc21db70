package dev.airlock.agent.spend;

import java.time.Duration;
import java.util.Objects;

/**
 * One rate limit of the policy: requests and/or tokens per interval, per scope, e.g. "600 requests
 * and 200k tokens per minute per tenant". Immutable; made with {@link #builder(ScopeKind)}.
 *
 * <pre>{@code
 * RateLimitConfig.builder(ScopeKind.TENANT)
 *     .requests(600, Duration.ofMinutes(1))
 *     .tokens(200_000, Duration.ofMinutes(1))
 *     .reject()                               // or .waitUpTo(Duration.ofSeconds(2))
 *     .build();
 * }</pre>
 *
 * <p>A full allowance may be used at once (a burst of 600 requests), after which it comes back
 * evenly (one request every 100 ms): see {@link RateLimiter}.
 */
public final class RateLimitConfig {

  /** What happens to a call that does not fit now. */
  public enum Mode {
    /** Refused at once, with the time after which it would fit. */
    REJECT,
    /** Held on the calling thread until it fits, up to {@link #maxWait()}; refused if that is not enough. */
    WAIT
  }

  private final ScopeKind scope;
  private final long requests;
  private final Duration requestsPer;
  private final long tokens;
  private final Duration tokensPer;
  private final Mode mode;
  private final Duration maxWait;

  private RateLimitConfig(Builder b) {
    this.scope = b.scope;
    this.requests = b.requests;
    this.requestsPer = b.requestsPer;
    this.tokens = b.tokens;
    this.tokensPer = b.tokensPer;
    this.mode = b.mode;
    this.maxWait = b.maxWait;
  }

  public static Builder builder(ScopeKind scope) {
    return new Builder(scope);
  }

  /** Builds a {@link RateLimitConfig}: at least one of requests and tokens; reject mode unless told. */
  public static final class Builder {
    private final ScopeKind scope;
    private long requests;
    private Duration requestsPer;
    private long tokens;
    private Duration tokensPer;
    private Mode mode = Mode.REJECT;
    private Duration maxWait = Duration.ZERO;

    private Builder(ScopeKind scope) {
      this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** At most {@code count} requests per {@code per}. */
    public Builder requests(long count, Duration per) {
      this.requests = positive(count, "requests");
      this.requestsPer = interval(per);
      return this;
    }

    /** At most {@code count} tokens (input and output) per {@code per}. */
    public Builder tokens(long count, Duration per) {
      this.tokens = positive(count, "tokens");
      this.tokensPer = interval(per);
      return this;
    }

    /** Refuse calls that do not fit now (the default). */
    public Builder reject() {
      this.mode = Mode.REJECT;
      this.maxWait = Duration.ZERO;
      return this;
    }

    /** Hold calls that do not fit for up to {@code maxWait}, and refuse them if that is not enough. */
    public Builder waitUpTo(Duration maxWait) {
      if (maxWait == null || maxWait.isNegative()) {
        throw new IllegalArgumentException("maxWait must not be negative");
      }
      this.mode = Mode.WAIT;
      this.maxWait = maxWait;
      return this;
    }

    /** @throws IllegalStateException if neither requests nor tokens is limited */
    public RateLimitConfig build() {
      if (requestsPer == null && tokensPer == null) {
        throw new IllegalStateException("rate limit per " + scope + ": requests or tokens are required");
      }
      return new RateLimitConfig(this);
    }

    private static long positive(long count, String what) {
      if (count <= 0) {
        throw new IllegalArgumentException(what + " per interval must be positive: " + count);
      }
      return count;
    }

    private static Duration interval(Duration per) {
      if (per == null || per.toMillis() <= 0) {
        throw new IllegalArgumentException("a rate-limit interval must be at least a millisecond");
      }
      return per;
    }
  }

  public ScopeKind scope() {
    return scope;
  }

  /** Requests allowed per {@link #requestsPer()}, or 0 if requests are not limited. */
  public long requests() {
    return requests;
  }

  /** The requests' interval, or null if requests are not limited. */
  public Duration requestsPer() {
    return requestsPer;
  }

  /** Tokens allowed per {@link #tokensPer()}, or 0 if tokens are not limited. */
  public long tokens() {
    return tokens;
  }

  /** The tokens' interval, or null if tokens are not limited. */
  public Duration tokensPer() {
    return tokensPer;
  }

  public Mode mode() {
    return mode;
  }

  /** How long a call may be held in wait mode; zero in reject mode. */
  public Duration maxWait() {
    return maxWait;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RateLimitConfig)) {
      return false;
    }
    RateLimitConfig r = (RateLimitConfig) o;
    return r.scope == scope && r.requests == requests && Objects.equals(r.requestsPer, requestsPer)
        && r.tokens == tokens && Objects.equals(r.tokensPer, tokensPer) && r.mode == mode && r.maxWait.equals(maxWait);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scope, requests, requestsPer, tokens, tokensPer, mode, maxWait);
  }

  /** {@code per tenant 600 requests/60s, 200000 tokens/60s, reject}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("per ").append(scope);
    if (requestsPer != null) {
      b.append(' ').append(requests).append(" requests/").append(Keys.interval(requestsPer));
    }
    if (tokensPer != null) {
      b.append(requestsPer != null ? ", " : " ").append(tokens).append(" tokens/").append(Keys.interval(tokensPer));
    }
    b.append(", ").append(mode == Mode.REJECT ? "reject" : "wait up to " + Keys.interval(maxWait));
    return b.toString();
  }
}
