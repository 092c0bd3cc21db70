package dev.airlock.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded, valid policy: the sections this version of Airlock enforces (see {@link
 * EnforcedSections}), plus the facts that identify the file in every span and audit line ({@link
 * #name()}, {@link #version()}, {@link #sha256()}).
 *
 * <p>Immutable. {@link PolicyLoader} builds it from a file; tests and tools can use {@link
 * #builder()}.
 */
public final class Policy {

  /** The only policy format version this module reads ({@code airlock: 1}). */
  public static final int FORMAT_VERSION = 1;

  private final int formatVersion;
  private final String name;
  private final String version;
  private final String sha256;
  private final String sourceName;
  private final Map<String, ProviderSpec> providers;
  private final Map<String, ModelPrice> models;
  private final PiiPolicy pii;
  private final GuardrailsPolicy guardrails;
  private final IdentityPolicy identity;
  private final List<RoutePolicy> routes;
  private final ResiliencePolicy resilience;
  private final CachePolicy cache;
  private final List<BudgetPolicy> budgets;
  private final List<RateLimitPolicy> rateLimits;
  private final StatePolicy state;
  private final AuditPolicy audit;
  private final boolean captureContent;
  private final OnInternalError onInternalError;

  private Policy(Builder b) {
    this.formatVersion = b.formatVersion;
    this.name = Objects.requireNonNull(b.name, "name");
    this.version = b.version;
    this.sha256 = b.sha256 == null ? "" : b.sha256;
    this.sourceName = b.sourceName == null ? "" : b.sourceName;
    this.providers = Collections.unmodifiableMap(new LinkedHashMap<>(b.providers));
    this.models = Collections.unmodifiableMap(new LinkedHashMap<>(b.models));
    this.pii = b.pii;
    this.guardrails = b.guardrails;
    this.identity = b.identity;
    this.routes = Collections.unmodifiableList(new ArrayList<>(b.routes));
    this.resilience = b.resilience;
    this.cache = b.cache;
    this.budgets = Collections.unmodifiableList(new ArrayList<>(b.budgets));
    this.rateLimits = Collections.unmodifiableList(new ArrayList<>(b.rateLimits));
    this.state = b.state;
    this.audit = b.audit;
    this.captureContent = b.captureContent;
    this.onInternalError = b.onInternalError;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The {@code airlock:} key: the policy format version (always {@link #FORMAT_VERSION}). */
  public int formatVersion() {
    return formatVersion;
  }

  /** The {@code name:} key. */
  public String name() {
    return name;
  }

  /** The {@code version:} key, as written. */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /** Lower-case hex SHA-256 of the file's bytes exactly as read; empty if built in code. */
  public String sha256() {
    return sha256;
  }

  /** Where the policy came from, usually its path; empty if built in code. */
  public String sourceName() {
    return sourceName;
  }

  /**
   * The providers the file declares under {@code providers:}, by name, in file order. Built-ins the
   * file does not mention are not in this map; use {@link #provider(String)} to look up either.
   */
  public Map<String, ProviderSpec> providers() {
    return providers;
  }

  /**
   * The provider called {@code name}: the file's entry if it has one, else the built-in's defaults,
   * else empty.
   */
  public Optional<ProviderSpec> provider(String name) {
    ProviderSpec declared = providers.get(name);
    if (declared != null) {
      return Optional.of(declared);
    }
    return BuiltinProviders.byName(name).map(ProviderSpec::ofBuiltin);
  }

  /** Prices the file declares under {@code models:}, by model id, in file order. */
  public Map<String, ModelPrice> models() {
    return models;
  }

  /** The file's price for {@code modelId} (exact match), if any. */
  public Optional<ModelPrice> modelPrice(String modelId) {
    return Optional.ofNullable(models.get(modelId));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Policy)) {
      return false;
    }
    Policy p = (Policy) o;
    return formatVersion == p.formatVersion
        && name.equals(p.name)
        && Objects.equals(version, p.version)
        && sha256.equals(p.sha256)
        && sourceName.equals(p.sourceName)
        && providers.equals(p.providers)
        && models.equals(p.models);
  }

  @Override
  public int hashCode() {
    return Objects.hash(formatVersion, name, version, sha256, sourceName, providers, models);
  }

  /** Identifies the policy; holds no secret values (there are none in the model). */
  @Override
  public String toString() {
    return "Policy[name="
        + name
        + (version == null ? "" : ", version=" + version)
        + ", sha256="
        + sha256
        + ", source="
        + sourceName
        + ", providers="
        + providers.keySet()
        + ", models="
        + models.keySet()
        + "]";
  }

  /** The {@code pii:} section, or empty when the policy has none. */
  public Optional<PiiPolicy> pii() {
    return Optional.ofNullable(pii);
  }

  /** The {@code identity:} section, or empty when the policy has none. */
  public Optional<IdentityPolicy> identity() {
    return Optional.ofNullable(identity);
  }

  /** The {@code guardrails:} section, or empty when the policy has none. */
  public Optional<GuardrailsPolicy> guardrails() {
    return Optional.ofNullable(guardrails);
  }

  /**
   * The {@code routes:} section in file order (first match wins); empty when the policy has none,
   * and then every request goes where the application addressed it.
   */
  public List<RoutePolicy> routes() {
    return routes;
  }

  /** The {@code resilience:} section, or empty when the policy has none. */
  public Optional<ResiliencePolicy> resilience() {
    return Optional.ofNullable(resilience);
  }

  /** The {@code cache:} section, or empty when the policy has none (nothing is cached). */
  public Optional<CachePolicy> cache() {
    return Optional.ofNullable(cache);
  }

  /** The {@code budgets:} section in file order; empty when the policy has none. */
  public List<BudgetPolicy> budgets() {
    return budgets;
  }

  /** The {@code rate_limits:} section in file order; empty when the policy has none. */
  public List<RateLimitPolicy> rateLimits() {
    return rateLimits;
  }

  /** The {@code state:} setting; {@link StatePolicy#memory()} when the policy has none. */
  public StatePolicy state() {
    return state;
  }

  /** The {@code audit:} section, or empty when the policy has none (no audit log is written). */
  public Optional<AuditPolicy> audit() {
    return Optional.ofNullable(audit);
  }

  /**
   * {@code telemetry.capture_content}: whether prompts and answers go into the call's span, always
   * redacted; false when absent.
   */
  public boolean captureContent() {
    return captureContent;
  }

  /** The {@code on_internal_error:} setting; {@link OnInternalError#PASS_THROUGH} when absent. */
  public OnInternalError onInternalError() {
    return onInternalError;
  }

  /** Builds a {@link Policy}; only {@link #name(String)} is required. */
  public static final class Builder {
    private int formatVersion = FORMAT_VERSION;
    private String name;
    private String version;
    private String sha256;
    private String sourceName;
    private final Map<String, ProviderSpec> providers = new LinkedHashMap<>();
    private final Map<String, ModelPrice> models = new LinkedHashMap<>();
    private PiiPolicy pii;
    private GuardrailsPolicy guardrails;
    private IdentityPolicy identity;
    private final List<RoutePolicy> routes = new ArrayList<>();
    private ResiliencePolicy resilience;
    private CachePolicy cache;
    private final List<BudgetPolicy> budgets = new ArrayList<>();
    private final List<RateLimitPolicy> rateLimits = new ArrayList<>();
    private StatePolicy state = StatePolicy.memory();
    private AuditPolicy audit;
    private boolean captureContent;
    private OnInternalError onInternalError = OnInternalError.PASS_THROUGH;

    private Builder() {}

    public Builder formatVersion(int formatVersion) {
      this.formatVersion = formatVersion;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /** Lower-case hex SHA-256 of the source bytes. */
    public Builder sha256(String sha256) {
      this.sha256 = sha256;
      return this;
    }

    public Builder sourceName(String sourceName) {
      this.sourceName = sourceName;
      return this;
    }

    /** Adds or replaces the provider of the same name. */
    public Builder provider(ProviderSpec provider) {
      providers.put(provider.name(), provider);
      return this;
    }

    /** Adds or replaces the price of {@code modelId}. */
    public Builder model(String modelId, ModelPrice price) {
      models.put(
          Objects.requireNonNull(modelId, "modelId"), Objects.requireNonNull(price, "price"));
      return this;
    }

    public Builder pii(PiiPolicy pii) {
      this.pii = pii;
      return this;
    }

    public Builder identity(IdentityPolicy identity) {
      this.identity = identity;
      return this;
    }

    public Builder guardrails(GuardrailsPolicy guardrails) {
      this.guardrails = guardrails;
      return this;
    }

    /** Appends a route (routes are tried in the order they are added). */
    public Builder route(RoutePolicy route) {
      routes.add(Objects.requireNonNull(route, "route"));
      return this;
    }

    public Builder resilience(ResiliencePolicy resilience) {
      this.resilience = resilience;
      return this;
    }

    public Builder cache(CachePolicy cache) {
      this.cache = cache;
      return this;
    }

    /** Appends a budget. */
    public Builder budget(BudgetPolicy budget) {
      budgets.add(Objects.requireNonNull(budget, "budget"));
      return this;
    }

    /** Appends a rate limit. */
    public Builder rateLimit(RateLimitPolicy rateLimit) {
      rateLimits.add(Objects.requireNonNull(rateLimit, "rateLimit"));
      return this;
    }

    public Builder state(StatePolicy state) {
      this.state = Objects.requireNonNull(state, "state");
      return this;
    }

    public Builder audit(AuditPolicy audit) {
      this.audit = audit;
      return this;
    }

    /** {@code telemetry.capture_content}. */
    public Builder captureContent(boolean captureContent) {
      this.captureContent = captureContent;
      return this;
    }

    public Builder onInternalError(OnInternalError onInternalError) {
      this.onInternalError = Objects.requireNonNull(onInternalError, "onInternalError");
      return this;
    }

    public Policy build() {
      return new Policy(this);
    }
  }
}
