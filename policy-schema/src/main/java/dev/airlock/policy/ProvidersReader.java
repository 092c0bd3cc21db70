package dev.airlock.policy;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads {@code providers:} into {@link ProviderSpec}s. A name that is not built-in needs {@code
 * format} and {@code base_url}; an entry for a built-in only adds facts. API keys are accepted only
 * as {@code ${env:NAME}} or {@code ${file:PATH}}: an inline key would end up in version control,
 * reviews and logs. A reference that cannot be resolved now is a warning, not an error, because the
 * agent resolves it when it is used and the variable may be set by then (or never needed).
 */
final class ProvidersReader {

  static final List<String> KEYS = Arrays.asList("format", "base_url", "api_key", "region");

  /** Routes write {@code provider/model}, so a provider name cannot contain a slash. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final Expect expect;
  private final ProblemCollector problems;
  private final Function<String, String> env;

  ProvidersReader(Expect expect, Function<String, String> env) {
    this.expect = expect;
    this.problems = expect.problems();
    this.env = env;
  }

  /** The valid providers, by name; invalid ones are reported and left out. */
  Map<String, ProviderSpec> read(PolicyNode node) {
    Map<String, ProviderSpec> out = new LinkedHashMap<>();
    MappingNode providers = expect.mapping(node);
    if (providers == null) {
      return out;
    }
    for (MappingNode.Entry entry : providers.entries()) {
      ProviderSpec spec = readProvider(entry);
      if (spec != null) {
        out.put(spec.name(), spec);
      }
    }
    return out;
  }

  private ProviderSpec readProvider(MappingNode.Entry entry) {
    String name = entry.key();
    boolean ok = true;
    if (!NAME.matcher(name).matches()) {
      problems.errorAtKey(
          entry,
          "provider name '"
              + name
              + "' must start with a letter or digit and contain only letters, digits, '.', '_'"
              + " and '-' (routes write provider/model)",
          null);
      ok = false;
    }
    MappingNode spec = expect.mapping(entry.value());
    if (spec == null) {
      return null;
    }
    int before = problems.errorCount();
    expect.onlyKeys(spec, KEYS);
    Optional<BuiltinProvider> builtin = BuiltinProviders.byName(name);

    WireFormat format = null;
    PolicyNode formatNode = spec.get("format");
    if (formatNode != null) {
      String id = expect.oneOf(formatNode, WireFormat.ids());
      format = id == null ? null : WireFormat.fromId(id).orElse(null);
      if (format != null && builtin.isPresent() && builtin.get().format() != format) {
        problems.error(
            formatNode,
            "built-in provider '"
                + name
                + "' speaks "
                + builtin.get().format().id()
                + "; declare a provider under another name to use another format");
        format = null;
      }
    }

    URI baseUrl = null;
    PolicyNode baseUrlNode = spec.get("base_url");
    if (baseUrlNode != null) {
      baseUrl = readBaseUrl(baseUrlNode);
    }

    SecretRef apiKey = null;
    PolicyNode apiKeyNode = spec.get("api_key");
    if (apiKeyNode != null) {
      apiKey = readApiKey(apiKeyNode, name);
    }

    String region = null;
    PolicyNode regionNode = spec.get("region");
    if (regionNode != null) {
      region = expect.string(regionNode);
    }

    if (!builtin.isPresent() && (formatNode == null || baseUrlNode == null)) {
      reportMissingForCustom(entry, formatNode == null, baseUrlNode == null);
    }
    if (!ok || problems.errorCount() != before) {
      return null;
    }
    return ProviderSpec.builder(name)
        .format(format)
        .baseUrl(baseUrl)
        .apiKey(apiKey)
        .region(region)
        .build();
  }

  private void reportMissingForCustom(
      MappingNode.Entry entry, boolean formatMissing, boolean baseUrlMissing) {
    String name = entry.key();
    String needs =
        formatMissing && baseUrlMissing
            ? "'format' and 'base_url'"
            : formatMissing ? "'format'" : "'base_url'";
    String message = "provider '" + name + "' is not built-in, so it needs " + needs;
    String guess = DidYouMean.closest(name, BuiltinProviders.names());
    if (guess != null) {
      problems.errorAtKey(entry, message + " (did you mean the built-in '" + guess + "'?)", guess);
    } else {
      problems.errorAtKey(
          entry,
          message + " (built-ins: " + String.join(", ", BuiltinProviders.names()) + ")",
          null);
    }
  }

  /**
   * An absolute http(s) URL with a host, no credentials and no fragment. The URL is not echoed in
   * messages: a malformed one may carry credentials.
   */
  private URI readBaseUrl(PolicyNode node) {
    String text = expect.string(node);
    if (text == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      problems.error(node, "must be an http or https URL (" + e.getReason() + ")");
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      problems.error(
          node,
          scheme.isEmpty()
              ? "must be an absolute http or https URL, e.g. https://llm.example.com/v1"
              : "must be an http or https URL, got scheme '" + uri.getScheme() + "'");
      return null;
    }
    if (uri.getRawUserInfo() != null) {
      problems.error(
          node,
          "must not contain credentials (user:password@); give the key as api_key:"
              + " ${env:NAME}");
      return null;
    }
    if (uri.getHost() == null) {
      problems.error(node, "must include a host name, e.g. https://llm.example.com/v1");
      return null;
    }
    if (uri.getRawFragment() != null) {
      problems.error(node, "must not contain a fragment ('#...')");
      return null;
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      problems.warning(
          node,
          "plain http to a host that is not loopback: prompts, answers and the API key travel"
              + " unencrypted");
    }
    return uri;
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    // Only literal addresses are checked; a name is never resolved here (no DNS while loading).
    if (h.matches("[0-9.]+") || h.startsWith("[")) {
      try {
        return InetAddress.getByName(h.startsWith("[") ? h.substring(1, h.length() - 1) : h)
            .isLoopbackAddress();
      } catch (java.net.UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  /** Secrets only by reference; the value of a refused inline key is never repeated. */
  private SecretRef readApiKey(PolicyNode node, String providerName) {
    if (Expect.alreadyReported(node)) {
      return null;
    }
    if (!(node instanceof ScalarNode) || !((ScalarNode) node).isString()) {
      problems.error(
          node, "must be a secret reference ${env:NAME} or ${file:PATH}, got " + node.describe());
      return null;
    }
    String text = ((ScalarNode) node).text();
    Optional<SecretRef> ref = SecretRef.parse(text);
    if (!ref.isPresent()) {
      if (SecretRef.looksLikeReference(text.trim())) {
        problems.error(
            node,
            "malformed secret reference; write ${env:NAME} (NAME of letters, digits and '_') or"
                + " ${file:PATH}");
      } else {
        problems.error(
            node,
            "inline API keys are refused: secrets come only from ${env:NAME} or ${file:PATH}"
                + " (the value is not repeated here; if it is a real key, rotate it)");
      }
      return null;
    }
    SecretRef secret = ref.get();
    if (!secret.isAvailable(env)) {
      String where =
          secret.kind() == SecretRef.Kind.ENV
              ? "environment variable " + secret.target() + " is not set"
              : "secret file " + secret.target() + " is not a readable file";
      problems.warning(
          node,
          where
              + "; requests Airlock sends to provider '"
              + providerName
              + "' will fail until it is");
    }
    return secret;
  }
}
