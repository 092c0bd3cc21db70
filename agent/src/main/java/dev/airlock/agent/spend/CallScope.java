package dev.airlock.agent.spend;

/**
 * Who and what one call is for, as far as budgets and rate limits care: tenant, feature, user and
 * model, each null when unknown. Immutable; its {@link ScopeKey}s are built on first use and kept.
 */
public final class CallScope {

  /** A call about which nothing is known: every scope is "(none)". */
  public static final CallScope NONE = new CallScope(null, null, null, null);

  private final String tenant;
  private final String feature;
  private final String user;
  private final String model;
  /** Indexed by {@link ScopeKind#ordinal()}. A racing first use builds equal keys twice, which is harmless. */
  private final ScopeKey[] keys = new ScopeKey[ScopeKind.values().length];

  private CallScope(String tenant, String feature, String user, String model) {
    this.tenant = tenant;
    this.feature = feature;
    this.user = user;
    this.model = model;
  }

  /** The scope of a call; any argument may be null (unknown). */
  public static CallScope of(String tenant, String feature, String user, String model) {
    return new CallScope(tenant, feature, user, model);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CallScope}; unset values are unknown. */
  public static final class Builder {
    private String tenant;
    private String feature;
    private String user;
    private String model;

    private Builder() {}

    public Builder tenant(String tenant) {
      this.tenant = tenant;
      return this;
    }

    public Builder feature(String feature) {
      this.feature = feature;
      return this;
    }

    public Builder user(String user) {
      this.user = user;
      return this;
    }

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    public CallScope build() {
      return new CallScope(tenant, feature, user, model);
    }
  }

  public String tenant() {
    return tenant;
  }

  public String feature() {
    return feature;
  }

  public String user() {
    return user;
  }

  public String model() {
    return model;
  }

  /** This call's key for {@code kind}, e.g. {@code tenant:acme} or {@code tenant:(none)}. */
  public ScopeKey key(ScopeKind kind) {
    ScopeKey k = keys[kind.ordinal()];
    if (k == null) {
      k = ScopeKey.of(kind, value(kind));
      keys[kind.ordinal()] = k;
    }
    return k;
  }

  private String value(ScopeKind kind) {
    switch (kind) {
      case TENANT:
        return tenant;
      case FEATURE:
        return feature;
      case USER:
        return user;
      case MODEL:
        return model;
      default:
        return null;
    }
  }

  @Override
  public String toString() {
    return "tenant=" + tenant + ", feature=" + feature + ", user=" + user + ", model=" + model;
  }
}
