package dev.airlock.policy;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One provider Airlock knows without a {@code providers:} entry: its policy name, wire format,
 * default base URL, the host (or host suffix) its API is served from, and the value it carries as
 * the OpenTelemetry GenAI attribute {@code gen_ai.provider.name}.
 *
 * <p>Instances come from {@link BuiltinProviders}; they are immutable.
 */
public final class BuiltinProvider {

  private final String name;
  private final WireFormat format;
  private final URI defaultBaseUrl;
  private final String host;
  private final boolean hostIsSuffix;
  private final String genAiProviderName;

  private BuiltinProvider(
      String name,
      WireFormat format,
      URI defaultBaseUrl,
      String host,
      boolean hostIsSuffix,
      String genAiProviderName) {
    this.name = name;
    this.format = format;
    this.defaultBaseUrl = defaultBaseUrl;
    this.host = host;
    this.hostIsSuffix = hostIsSuffix;
    this.genAiProviderName = genAiProviderName;
  }

  /** A provider served from exactly {@code host} with a fixed base URL. */
  static BuiltinProvider exact(String name, WireFormat format, String baseUrl, String genAi) {
    URI uri = URI.create(baseUrl);
    return new BuiltinProvider(name, format, uri, uri.getHost(), false, genAi);
  }

  /**
   * A provider served from per-customer hosts ending in {@code suffix} (which starts with a dot),
   * so it has no default base URL: the application's own URL, or the policy's {@code base_url},
   * says which host.
   */
  static BuiltinProvider suffix(String name, WireFormat format, String suffix, String genAi) {
    if (!suffix.startsWith(".")) {
      throw new IllegalArgumentException("host suffix must start with a dot: " + suffix);
    }
    return new BuiltinProvider(name, format, null, suffix, true, genAi);
  }

  /** Policy name, e.g. {@code openai}, {@code azure-openai}. */
  public String name() {
    return name;
  }

  public WireFormat format() {
    return format;
  }

  /**
   * Base URL requests go to when the policy routes to this provider and sets no {@code base_url},
   * e.g. {@code https://api.openai.com/v1}. Empty for providers served from per-customer hosts
   * (azure-openai).
   */
  public Optional<URI> defaultBaseUrl() {
    return Optional.ofNullable(defaultBaseUrl);
  }

  /**
   * The exact host ({@code api.openai.com}) or, when {@link #hostIsSuffix()}, the host suffix
   * including its leading dot ({@code .openai.azure.com}).
   */
  public String host() {
    return host;
  }

  /** True when {@link #host()} is a suffix that any host of this provider ends with. */
  public boolean hostIsSuffix() {
    return hostIsSuffix;
  }

  /** Value for the GenAI semantic-convention attribute {@code gen_ai.provider.name}. */
  public String genAiProviderName() {
    return genAiProviderName;
  }

  /** Whether a request to {@code host} (no port, any case) goes to this provider. */
  public boolean matchesHost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return hostIsSuffix
        ? h.endsWith(this.host) && h.length() > this.host.length()
        : h.equals(this.host);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof BuiltinProvider)) {
      return false;
    }
    BuiltinProvider b = (BuiltinProvider) o;
    return name.equals(b.name)
        && format == b.format
        && Objects.equals(defaultBaseUrl, b.defaultBaseUrl)
        && host.equals(b.host)
        && hostIsSuffix == b.hostIsSuffix
        && genAiProviderName.equals(b.genAiProviderName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, format, defaultBaseUrl, host, hostIsSuffix, genAiProviderName);
  }

  @Override
  public String toString() {
    return "BuiltinProvider["
        + name
        + ", "
        + format.id()
        + ", "
        + (hostIsSuffix ? "*" : "")
        + host
        + "]";
  }
}
