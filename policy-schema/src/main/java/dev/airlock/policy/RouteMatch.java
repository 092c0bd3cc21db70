package dev.airlock.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The {@code when:} of a route: conditions a request must meet for the route to apply. Keys are
 * AND'ed; the values listed under one key are OR'ed ({@code model: [gpt-4o*, o3*]} matches either).
 * A key that is absent imposes nothing, so an empty match ({@link #isEmpty()}) matches every
 * request.
 *
 * <p>Globs ({@link #models()}, {@link #tenants()}, {@link #features()}, {@link #users()}, {@link
 * #callers()}, {@link #headers()} values) use {@code *} for any run of characters, dots included,
 * and {@code ?} for exactly one; they match the whole value, case-sensitively (see {@link
 * #globMatches(String, String)}).
 *
 * <p>Immutable; build with {@link #builder()}.
 */
public final class RouteMatch {

  /** The API endpoints {@code when.endpoint} can name. */
  public static final List<String> ENDPOINTS =
      Collections.unmodifiableList(
          Arrays.asList(
              "chat", "responses", "embeddings", "messages", "completions", "generate_content"));

  private static final RouteMatch ANY = builder().build();

  private final List<String> providers;
  private final List<String> endpoints;
  private final List<String> models;
  private final List<String> tenants;
  private final List<String> features;
  private final List<String> users;
  private final List<String> callers;
  private final Map<String, String> headers;
  private final Boolean stream;
  private final Long minPromptTokens;
  private final Long maxPromptTokens;
  private final List<String> pii;
  private final Double injectionAtLeast;

  private RouteMatch(Builder b) {
    this.providers = copy(b.providers);
    this.endpoints = copy(b.endpoints);
    this.models = copy(b.models);
    this.tenants = copy(b.tenants);
    this.features = copy(b.features);
    this.users = copy(b.users);
    this.callers = copy(b.callers);
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.stream = b.stream;
    this.minPromptTokens = b.minPromptTokens;
    this.maxPromptTokens = b.maxPromptTokens;
    this.pii = copy(b.pii);
    this.injectionAtLeast = b.injectionAtLeast;
    if (minPromptTokens != null && maxPromptTokens != null && minPromptTokens > maxPromptTokens) {
      throw new IllegalArgumentException(
          "prompt token range is empty: " + minPromptTokens + ".." + maxPromptTokens);
    }
    if (injectionAtLeast != null && !(injectionAtLeast >= 0 && injectionAtLeast <= 1)) {
      throw new IllegalArgumentException("injection score must be from 0 to 1");
    }
  }

  private static List<String> copy(List<String> list) {
    return Collections.unmodifiableList(new ArrayList<>(list));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The empty match: every request. */
  public static RouteMatch any() {
    return ANY;
  }

  /** Key {@code provider}: names of the provider the application addressed. */
  public List<String> providers() {
    return providers;
  }

  /**
   * Key {@code endpoint}: the API called, each one of {@link #ENDPOINTS} ({@code chat} is OpenAI
   * chat completions, {@code messages} Anthropic's, {@code generate_content} Gemini's).
   */
  public List<String> endpoints() {
    return endpoints;
  }

  /** Key {@code model}: globs on the model the application asked for. */
  public List<String> models() {
    return models;
  }

  /** Key {@code tenant}: globs on the tenant (see {@code identity.tenant}). */
  public List<String> tenants() {
    return tenants;
  }

  /** Key {@code feature}: globs on the feature (see {@code identity.feature}). */
  public List<String> features() {
    return features;
  }

  /** Key {@code user}: globs on the end user (see {@code identity.user}). */
  public List<String> users() {
    return users;
  }

  /** Key {@code caller}: globs on the fully qualified name of the application class that called. */
  public List<String> callers() {
    return callers;
  }

  /**
   * Key {@code headers}: header name to a glob on its value; every header listed must match. Names
   * are in lower case (header names are case-insensitive), values as written.
   */
  public Map<String, String> headers() {
    return headers;
  }

  /** Key {@code stream}: whether the request asks for a streamed answer; empty when either. */
  public Optional<Boolean> stream() {
    return Optional.ofNullable(stream);
  }

  /**
   * The smallest estimated prompt size, in tokens, that matches (inclusive): {@code ">8000"} gives
   * 8001, {@code ">=8000"} and {@code "8000..9000"} give 8000. Empty when there is no lower bound.
   */
  public OptionalLong minPromptTokens() {
    return minPromptTokens == null ? OptionalLong.empty() : OptionalLong.of(minPromptTokens);
  }

  /**
   * The largest estimated prompt size, in tokens, that matches (inclusive): {@code "<2000"} gives
   * 1999, {@code "<=2000"} and {@code "1000..2000"} give 2000. Empty when there is no upper bound.
   */
  public OptionalLong maxPromptTokens() {
    return maxPromptTokens == null ? OptionalLong.empty() : OptionalLong.of(maxPromptTokens);
  }

  /**
   * Key {@code pii}: PII types (built-in, or names of {@code pii.custom} detectors); matches when
   * the request contains any of them.
   */
  public List<String> pii() {
    return pii;
  }

  /** Key {@code injection}: matches when the prompt-injection score is at least this (0..1). */
  public OptionalDouble injectionAtLeast() {
    return injectionAtLeast == null ? OptionalDouble.empty() : OptionalDouble.of(injectionAtLeast);
  }

  /** True if no condition is set: the match accepts every request. */
  public boolean isEmpty() {
    return providers.isEmpty()
        && endpoints.isEmpty()
        && models.isEmpty()
        && tenants.isEmpty()
        && features.isEmpty()
        && users.isEmpty()
        && callers.isEmpty()
        && headers.isEmpty()
        && stream == null
        && minPromptTokens == null
        && maxPromptTokens == null
        && pii.isEmpty()
        && injectionAtLeast == null;
  }

  /**
   * Whether {@code value} matches {@code glob} as a whole: {@code *} stands for any run of
   * characters (none included, dots included), {@code ?} for exactly one, and every other character
   * for itself, case-sensitively. {@code com.acme.triage.*} matches {@code com.acme.triage.Bot} and
   * {@code com.acme.triage.a.B}; {@code gpt-4o*} matches {@code gpt-4o} and {@code gpt-4o-mini}.
   * Linear in practice (no regular expression, no backtracking blow-up).
   */
  public static boolean globMatches(String glob, String value) {
    int g = 0;
    int v = 0;
    int star = -1;
    int starValue = 0;
    while (v < value.length()) {
      if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == value.charAt(v))) {
        g++;
        v++;
      } else if (g < glob.length() && glob.charAt(g) == '*') {
        star = g++;
        starValue = v;
      } else if (star >= 0) {
        g = star + 1;
        v = ++starValue;
      } else {
        return false;
      }
    }
    while (g < glob.length() && glob.charAt(g) == '*') {
      g++;
    }
    return g == glob.length();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RouteMatch)) {
      return false;
    }
    RouteMatch m = (RouteMatch) o;
    return providers.equals(m.providers)
        && endpoints.equals(m.endpoints)
        && models.equals(m.models)
        && tenants.equals(m.tenants)
        && features.equals(m.features)
        && users.equals(m.users)
        && callers.equals(m.callers)
        && headers.equals(m.headers)
        && Objects.equals(stream, m.stream)
        && Objects.equals(minPromptTokens, m.minPromptTokens)
        && Objects.equals(maxPromptTokens, m.maxPromptTokens)
        && pii.equals(m.pii)
        && Objects.equals(injectionAtLeast, m.injectionAtLeast);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        providers,
        endpoints,
        models,
        tenants,
        features,
        users,
        callers,
        headers,
        stream,
        minPromptTokens,
        maxPromptTokens,
        pii,
        injectionAtLeast);
  }

  /** The set conditions in policy words, e.g. {@code {feature=[com.acme.*], model=[gpt-4o*]}}. */
  @Override
  public String toString() {
    Map<String, Object> set = new LinkedHashMap<>();
    put(set, "provider", providers);
    put(set, "endpoint", endpoints);
    put(set, "model", models);
    put(set, "tenant", tenants);
    put(set, "feature", features);
    put(set, "user", users);
    put(set, "caller", callers);
    if (!headers.isEmpty()) {
      set.put("headers", headers);
    }
    if (stream != null) {
      set.put("stream", stream);
    }
    if (minPromptTokens != null || maxPromptTokens != null) {
      set.put(
          "prompt_tokens",
          (minPromptTokens == null ? "0" : minPromptTokens)
              + ".."
              + (maxPromptTokens == null ? "" : maxPromptTokens));
    }
    put(set, "pii", pii);
    if (injectionAtLeast != null) {
      set.put("injection", injectionAtLeast);
    }
    return set.toString();
  }

  private static void put(Map<String, Object> set, String key, List<String> values) {
    if (!values.isEmpty()) {
      set.put(key, values);
    }
  }

  /** Builds a {@link RouteMatch}; every condition is optional. */
  public static final class Builder {
    private final List<String> providers = new ArrayList<>();
    private final List<String> endpoints = new ArrayList<>();
    private final List<String> models = new ArrayList<>();
    private final List<String> tenants = new ArrayList<>();
    private final List<String> features = new ArrayList<>();
    private final List<String> users = new ArrayList<>();
    private final List<String> callers = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Boolean stream;
    private Long minPromptTokens;
    private Long maxPromptTokens;
    private final List<String> pii = new ArrayList<>();
    private Double injectionAtLeast;

    private Builder() {}

    public Builder providers(Collection<String> providers) {
      this.providers.addAll(providers);
      return this;
    }

    /** Each one of {@link RouteMatch#ENDPOINTS}. */
    public Builder endpoints(Collection<String> endpoints) {
      for (String e : endpoints) {
        if (!ENDPOINTS.contains(e)) {
          throw new IllegalArgumentException("unknown endpoint '" + e + "'");
        }
      }
      this.endpoints.addAll(endpoints);
      return this;
    }

    public Builder models(Collection<String> globs) {
      this.models.addAll(globs);
      return this;
    }

    public Builder tenants(Collection<String> globs) {
      this.tenants.addAll(globs);
      return this;
    }

    public Builder features(Collection<String> globs) {
      this.features.addAll(globs);
      return this;
    }

    public Builder users(Collection<String> globs) {
      this.users.addAll(globs);
      return this;
    }

    public Builder callers(Collection<String> globs) {
      this.callers.addAll(globs);
      return this;
    }

    /** Adds a header condition; the name is stored in lower case. */
    public Builder header(String name, String glob) {
      headers.put(
          Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT),
          Objects.requireNonNull(glob, "glob"));
      return this;
    }

    public Builder stream(Boolean stream) {
      this.stream = stream;
      return this;
    }

    /** Inclusive lower bound on the estimated prompt tokens; null for none. */
    public Builder minPromptTokens(Long min) {
      this.minPromptTokens = min;
      return this;
    }

    /** Inclusive upper bound on the estimated prompt tokens; null for none. */
    public Builder maxPromptTokens(Long max) {
      this.maxPromptTokens = max;
      return this;
    }

    public Builder pii(Collection<String> types) {
      this.pii.addAll(types);
      return this;
    }

    /** A score from 0 to 1; null for no injection condition. */
    public Builder injectionAtLeast(Double score) {
      this.injectionAtLeast = score;
      return this;
    }

    /**
     * @throws IllegalArgumentException if the prompt range is empty or the score not in 0..1
     */
    public RouteMatch build() {
      return new RouteMatch(this);
    }
  }
}
