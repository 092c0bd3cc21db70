package dev.airlock.policy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code rate_limits:}: requests and/or tokens per period, counted per tenant,
 * feature, user, model or for the whole service. Written {@code {per: tenant, requests: 600/min,
 * tokens: 200k/min}}. A request over the limit is refused ({@code on_limit: reject}, the default)
 * or held until it fits, for at most {@link #maxWait()} ({@code on_limit: wait}).
 *
 * <p>Immutable; build with {@link #builder(String)}.
 */
public final class RateLimitPolicy {

  /** What a rate limit can be counted per: the same scopes as budgets. */
  public static final List<String> SCOPES = BudgetPolicy.SCOPES;

  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

  /** What happens to a request over the limit. */
  public enum Mode {
    /** Refused at once with a rate-limit error in the provider's wire format. The default. */
    REJECT,
    /**
     * Held until the limit allows it, for at most {@link RateLimitPolicy#maxWait()}; then refused.
     */
    WAIT;

    /** {@code reject} or {@code wait}, as the policy writes it. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String per;
  private final Rate requests;
  private final Rate tokens;
  private final Mode mode;
  private final Duration maxWait;

  private RateLimitPolicy(Builder b) {
    this.per = b.per;
    this.requests = b.requests;
    this.tokens = b.tokens;
    this.mode = b.mode;
    this.maxWait = b.maxWait;
    if (!SCOPES.contains(per)) {
      throw new IllegalArgumentException("per must be one of " + SCOPES + ", got '" + per + "'");
    }
    if (requests == null && tokens == null) {
      throw new IllegalArgumentException("a rate limit needs requests, tokens or both");
    }
    if (maxWait.isNegative() || maxWait.isZero()) {
      throw new IllegalArgumentException("max_wait must be longer than zero");
    }
  }

  /** A limit counted per {@code per} (one of {@link #SCOPES}); set requests, tokens or both. */
  public static Builder builder(String per) {
    return new Builder(per);
  }

  /** {@code tenant}, {@code feature}, {@code user}, {@code model} or {@code global}. */
  public String per() {
    return per;
  }

  /** {@code requests}: requests per period, if limited. */
  public Optional<Rate> requests() {
    return Optional.ofNullable(requests);
  }

  /** {@code tokens}: tokens (input and output) per period, if limited. */
  public Optional<Rate> tokens() {
    return Optional.ofNullable(tokens);
  }

  /** {@code on_limit}: {@link Mode#REJECT} unless the policy says {@code wait}. */
  public Mode mode() {
    return mode;
  }

  /** {@code max_wait}: the longest a request is held in {@link Mode#WAIT}. Default 5s. */
  public Duration maxWait() {
    return maxWait;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RateLimitPolicy)) {
      return false;
    }
    RateLimitPolicy r = (RateLimitPolicy) o;
    return per.equals(r.per)
        && Objects.equals(requests, r.requests)
        && Objects.equals(tokens, r.tokens)
        && mode == r.mode
        && maxWait.equals(r.maxWait);
  }

  @Override
  public int hashCode() {
    return Objects.hash(per, requests, tokens, mode, maxWait);
  }

  @Override
  public String toString() {
    return "RateLimit[per="
        + per
        + (requests == null ? "" : ", requests=" + requests)
        + (tokens == null ? "" : ", tokens=" + tokens)
        + ", mode="
        + mode.id()
        + (mode == Mode.WAIT ? ", maxWait=" + maxWait : "")
        + "]";
  }

  /** Builds a {@link RateLimitPolicy}; rejects over the limit unless told to wait. */
  public static final class Builder {
    private final String per;
    private Rate requests;
    private Rate tokens;
    private Mode mode = Mode.REJECT;
    private Duration maxWait = DEFAULT_MAX_WAIT;

    private Builder(String per) {
      this.per = Objects.requireNonNull(per, "per");
    }

    public Builder requests(Rate requests) {
      this.requests = requests;
      return this;
    }

    public Builder tokens(Rate tokens) {
      this.tokens = tokens;
      return this;
    }

    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    public Builder maxWait(Duration maxWait) {
      this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
      return this;
    }

    /**
     * @throws IllegalArgumentException if the scope is unknown, no rate is set, or max_wait is zero
     */
    public RateLimitPolicy build() {
      return new RateLimitPolicy(this);
    }
  }
}
