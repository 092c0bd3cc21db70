package dev.airlock.policy;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider as the policy describes it: an entry under {@code providers:}, or a built-in that the
 * policy did not mention (see {@link Policy#provider(String)}).
 *
 * <p>For a built-in, the entry only adds facts (a region, a key, another base URL); whatever it
 * leaves out comes from {@link BuiltinProviders}, so {@link #format()} is always known and {@link
 * #baseUrl()} is known for every provider except {@code azure-openai} without a {@code base_url}
 * (its hosts are per customer; the application's own URL says which).
 *
 * <p>Immutable; build with {@link #builder(String)}.
 */
public final class ProviderSpec {

  private final String name;
  private final WireFormat format;
  private final URI baseUrl;
  private final SecretRef apiKey;
  private final String region;
  private final BuiltinProvider builtin;

  private ProviderSpec(Builder b) {
    this.name = b.name;
    this.builtin = BuiltinProviders.byName(b.name).orElse(null);
    if (b.format != null) {
      this.format = b.format;
    } else if (builtin != null) {
      this.format = builtin.format();
    } else {
      throw new IllegalStateException(
          "provider '" + b.name + "' is not built-in and needs a format");
    }
    if (b.baseUrl != null) {
      this.baseUrl = b.baseUrl;
    } else if (builtin != null) {
      this.baseUrl = builtin.defaultBaseUrl().orElse(null);
    } else {
      throw new IllegalStateException(
          "provider '" + b.name + "' is not built-in and needs a base URL");
    }
    this.apiKey = b.apiKey;
    this.region = b.region;
  }

  /** Starts a provider called {@code name} (the key under {@code providers:}). */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The spec of a built-in that the policy does not mention: all defaults. */
  public static ProviderSpec ofBuiltin(BuiltinProvider builtin) {
    return builder(builtin.name()).build();
  }

  /** The provider's name, used in routes as {@code name/model}. */
  public String name() {
    return name;
  }

  /** Wire format: as declared, else the built-in's. */
  public WireFormat format() {
    return format;
  }

  /**
   * Where requests routed to this provider go: the declared {@code base_url}, else the built-in's
   * default. Empty only for {@code azure-openai} without a {@code base_url}.
   */
  public Optional<URI> baseUrl() {
    return Optional.ofNullable(baseUrl);
  }

  /**
   * Credentials Airlock sends when it re-targets a request to this provider. Empty means the policy
   * gave none: the application's own credentials apply to its own provider only.
   */
  public Optional<SecretRef> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  /** A free-form region label ({@code eu}, {@code us}) that routes can require. */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  /** The built-in of the same name, if this is one. */
  public Optional<BuiltinProvider> builtin() {
    return Optional.ofNullable(builtin);
  }

  public boolean isBuiltin() {
    return builtin != null;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ProviderSpec)) {
      return false;
    }
    ProviderSpec p = (ProviderSpec) o;
    return name.equals(p.name)
        && format == p.format
        && Objects.equals(baseUrl, p.baseUrl)
        && Objects.equals(apiKey, p.apiKey)
        && Objects.equals(region, p.region);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, format, baseUrl, apiKey, region);
  }

  /** Safe to log: the key is shown as its reference, never a value. */
  @Override
  public String toString() {
    return "ProviderSpec[name="
        + name
        + ", format="
        + format.id()
        + ", baseUrl="
        + baseUrl
        + ", apiKey="
        + apiKey
        + ", region="
        + region
        + "]";
  }

  /**
   * Builds a {@link ProviderSpec}; format and base URL are required unless the name is built-in.
   */
  public static final class Builder {
    private final String name;
    private WireFormat format;
    private URI baseUrl;
    private SecretRef apiKey;
    private String region;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder format(WireFormat format) {
      this.format = format;
      return this;
    }

    /** An absolute http or https URL. */
    public Builder baseUrl(URI baseUrl) {
      if (baseUrl != null) {
        String scheme = baseUrl.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
            || baseUrl.getHost() == null) {
          throw new IllegalArgumentException(
              "base URL must be an absolute http(s) URL with a host");
        }
      }
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder apiKey(SecretRef apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * @throws IllegalStateException if the name is not built-in and format or base URL is missing
     */
    public ProviderSpec build() {
      return new ProviderSpec(this);
    }
  }
}
