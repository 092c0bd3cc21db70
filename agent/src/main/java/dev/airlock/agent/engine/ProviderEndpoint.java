package dev.airlock.agent.engine;

import dev.airlock.agent.codec.WireFormat;
import java.util.Objects;

/**
 * One place an LLM provider is reached: a host (or a host suffix such as
 * {@code .openai.azure.com}), an optional port, a base path, and the wire format spoken there.
 * Built-in providers and the providers a policy declares both become endpoints.
 */
public final class ProviderEndpoint {

  /** Any port: built-in providers are matched by host alone. */
  public static final int ANY_PORT = -1;

  private final String providerName;
  private final String semconvProviderName;
  private final WireFormat format;
  private final String host;
  private final boolean hostIsSuffix;
  private final int port;
  private final String basePath;
  private final String region;

  private ProviderEndpoint(Builder b) {
    this.providerName = Objects.requireNonNull(b.providerName, "providerName");
    this.semconvProviderName = Objects.requireNonNull(b.semconvProviderName, "semconvProviderName");
    this.format = Objects.requireNonNull(b.format, "format");
    this.host = Objects.requireNonNull(b.host, "host");
    this.hostIsSuffix = b.hostIsSuffix;
    this.port = b.port;
    this.basePath = b.basePath == null ? "" : stripTrailingSlash(b.basePath);
    this.region = b.region;
  }

  public static Builder builder() {
    return new Builder();
  }

  private static String stripTrailingSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** The provider's name in the policy ({@code openai}, {@code eu-llama}). */
  public String providerName() {
    return providerName;
  }

  /** The {@code gen_ai.provider.name} value ({@code openai}, {@code anthropic}, {@code gcp.gemini}). */
  public String semconvProviderName() {
    return semconvProviderName;
  }

  public WireFormat format() {
    return format;
  }

  /** Lower-case host, or the suffix starting with a dot when {@link #hostIsSuffix()}. */
  public String host() {
    return host;
  }

  public boolean hostIsSuffix() {
    return hostIsSuffix;
  }

  /** The port, or {@link #ANY_PORT}. */
  public int port() {
    return port;
  }

  /** The path prefix under which the provider's API lives, without a trailing slash. */
  public String basePath() {
    return basePath;
  }

  /** The region the policy gives the provider, or null. */
  public String region() {
    return region;
  }

  /** A fluent builder; {@code providerName}, {@code semconvProviderName}, {@code format} and {@code host} are required. */
  public static final class Builder {
    private String providerName;
    private String semconvProviderName;
    private WireFormat format;
    private String host;
    private boolean hostIsSuffix;
    private int port = ANY_PORT;
    private String basePath = "";
    private String region;

    private Builder() {}

    public Builder providerName(String providerName) {
      this.providerName = providerName;
      return this;
    }

    public Builder semconvProviderName(String semconvProviderName) {
      this.semconvProviderName = semconvProviderName;
      return this;
    }

    public Builder format(WireFormat format) {
      this.format = format;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      this.hostIsSuffix = false;
      return this;
    }

    public Builder hostSuffix(String suffix) {
      this.host = suffix.startsWith(".") ? suffix : "." + suffix;
      this.hostIsSuffix = true;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder basePath(String basePath) {
      this.basePath = basePath;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public ProviderEndpoint build() {
      return new ProviderEndpoint(this);
    }
  }
}
