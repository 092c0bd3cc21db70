package dev.airlock.agent.route;

import dev.airlock.agent.codec.WireFormat;
import java.util.Objects;

/**
 * A place a route can send a call: a provider (built in or declared in the policy), optionally a
 * model to ask it for, and everything needed to reach it. Immutable; the credential is resolved
 * once, when the policy is loaded, and never printed.
 */
public final class RouteTarget {

  private final String provider;
  private final String model;
  private final WireFormat format;
  private final String scheme;
  private final String host;
  private final int port;
  private final String basePath;
  private final String region;
  private final String apiKey;

  private RouteTarget(Builder b) {
    this.provider = Objects.requireNonNull(b.provider, "provider");
    this.model = b.model;
    this.format = Objects.requireNonNull(b.format, "format");
    this.scheme = b.scheme;
    this.host = b.host;
    this.port = b.port;
    this.basePath = b.basePath == null ? "" : stripTrailingSlash(b.basePath);
    this.region = b.region;
    this.apiKey = b.apiKey;
  }

  public static Builder builder(String provider, WireFormat format) {
    return new Builder(provider, format);
  }

  /** The provider's name as the policy writes it. */
  public String provider() {
    return provider;
  }

  /** The model to ask for, or null for the one the application asked for. */
  public String model() {
    return model;
  }

  public WireFormat format() {
    return format;
  }

  /** Null when the provider has no fixed address (e.g. Azure without a base_url): only the app's own calls can go there. */
  public String host() {
    return host;
  }

  public String scheme() {
    return scheme;
  }

  public int port() {
    return port;
  }

  /** The path of the provider's base URL, without a trailing slash ({@code /v1}, or empty). */
  public String basePath() {
    return basePath;
  }

  /** The provider's region as the policy declares it, or null when unknown. */
  public String region() {
    return region;
  }

  /** The credential to send, or null when the target takes none (or the policy gave none). */
  String apiKey() {
    return apiKey;
  }

  /** This target with the given model. */
  public RouteTarget withModel(String newModel) {
    Builder b = toBuilder();
    b.model = newModel;
    return b.build();
  }

  /** {@code provider} or {@code provider/model}: the name spans, metrics and errors use. */
  public String label() {
    return model == null ? provider : provider + "/" + model;
  }

  private Builder toBuilder() {
    Builder b = new Builder(provider, format);
    b.model = model;
    b.scheme = scheme;
    b.host = host;
    b.port = port;
    b.basePath = basePath;
    b.region = region;
    b.apiKey = apiKey;
    return b;
  }

  private static String stripTrailingSlash(String path) {
    String p = path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RouteTarget)) {
      return false;
    }
    RouteTarget t = (RouteTarget) o;
    return provider.equals(t.provider) && Objects.equals(model, t.model);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, model);
  }

  @Override
  public String toString() {
    return label();
  }

  /** Builds a {@link RouteTarget}. */
  public static final class Builder {
    private final String provider;
    private final WireFormat format;
    private String model;
    private String scheme = "https";
    private String host;
    private int port = 443;
    private String basePath = "";
    private String region;
    private String apiKey;

    private Builder(String provider, WireFormat format) {
      this.provider = provider;
      this.format = format;
    }

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /** Where the provider lives: scheme, host, port and base path of its base URL. */
    public Builder address(String scheme, String host, int port, String basePath) {
      this.scheme = scheme;
      this.host = host;
      this.port = port;
      this.basePath = basePath;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey == null || apiKey.isEmpty() ? null : apiKey;
      return this;
    }

    public RouteTarget build() {
      return new RouteTarget(this);
    }
  }
}
