package dev.airlock.agent.cli;

import dev.airlock.policy.DidYouMean;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.WireFormat;
import dev.airlock.policy.BuiltinProviders;
import dev.airlock.policy.Policy;
import dev.airlock.policy.ProviderSpec;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the application would send it, written down for {@code explain} and {@code
 * test}:
 *
 * <pre>
 * {"url": "https://api.openai.com/v1/chat/completions",     (or "provider" + optional "endpoint")
 *  "headers": {"x-tenant": "acme"},                           (optional; values are never printed)
 *  "body": {"model": "gpt-4o-mini", "messages": [...]}}      (the provider's JSON, or a string sent as is)
 * </pre>
 *
 * <p>The URL is what decides the provider and API, exactly as in the agent. Writing {@code
 * provider} (a policy or built-in provider name) instead spares typing the URL: the provider's base
 * URL plus the endpoint's usual path ({@code endpoint} defaults to the format's chat API). With both,
 * the provider must be the one the URL reaches; a request file that contradicts itself is refused
 * rather than explained one way or the other.
 */
final class RequestSpec {

  static final List<String> KEYS = Collections.unmodifiableList(Arrays.asList("provider", "url", "endpoint", "headers", "body"));

  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final ObjectMapper YAML = new YAMLMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final String source;
  private final String provider;
  private final URI url;
  private final Endpoint endpoint;
  private final Map<String, String> headers;
  private final byte[] body;

  private RequestSpec(String source, String provider, URI url, Endpoint endpoint, Map<String, String> headers,
      byte[] body) {
    this.source = source;
    this.provider = provider;
    this.url = url;
    this.endpoint = endpoint;
    this.headers = headers;
    this.body = body;
  }

  /** Reads a request file: JSON, or YAML when the name ends in {@code .yaml}/{@code .yml}. */
  static RequestSpec read(Path file) throws UsageException {
    return read(file, file.toString());
  }

  /**
   * @param name how to name the file in messages, e.g. {@code tests.yaml: tests[2] 'x': request_file card.json}
   */
  static RequestSpec read(Path file, String name) throws UsageException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UsageException(name + ": no such file");
    } catch (IOException e) {
      throw new UsageException(name + ": cannot read: " + e.getMessage());
    }
    String lower = file.toString().toLowerCase(Locale.ROOT);
    boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
    JsonNode root;
    try {
      root = (yaml ? YAML : JSON).readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new UsageException(name + location(e) + ": not valid " + (yaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UsageException(name + ": cannot read: " + e.getMessage());
    }
    return from(root, name);
  }

  /**
   * Reads the request shape from an already parsed node (a file's root, or a test case's inline
   * {@code request:}).
   *
   * @param source how to name the node in messages, e.g. {@code tests.yaml: tests[2].request}
   */
  static RequestSpec from(JsonNode node, String source) throws UsageException {
    if (node == null || !node.isObject()) {
      throw new UsageException(source + ": must be an object with 'url' (or 'provider') and 'body'");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new UsageException(source + ": unknown key '" + key + "'" + DidYouMean.hint(key, KEYS)
            + "; a request has " + String.join(", ", KEYS));
      }
    }
    String provider = text(node, "provider", source);
    String urlText = text(node, "url", source);
    String endpointText = text(node, "endpoint", source);
    if (provider == null && urlText == null) {
      throw new UsageException(source + ": needs 'url' (where the application sends the request) or 'provider'");
    }
    URI url = urlText == null ? null : parseUrl(urlText, source);
    Endpoint endpoint = endpointText == null ? null : endpoint(endpointText, source);
    if (endpoint != null && url != null) {
      throw new UsageException(source + ": give 'endpoint' only with 'provider' and no 'url' (the URL's path already says which API)");
    }
    JsonNode body = node.get("body");
    if (body == null || body.isNull()) {
      throw new UsageException(source + ": needs 'body' (the provider's JSON, as the application sends it)");
    }
    byte[] bytes;
    try {
      // A string is sent as written: that is how to explain a body the agent cannot parse.
      bytes = body.isTextual() ? body.textValue().getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UsageException(source + ": body: " + e.getOriginalMessage());
    }
    return new RequestSpec(source, provider, url, endpoint, headers(node.get("headers"), source), bytes);
  }

  /** How the request is named in messages. */
  String source() {
    return source;
  }

  /** The provider the file names, if it names one. */
  Optional<String> provider() {
    return Optional.ofNullable(provider);
  }

  /** Header names, lower-cased, to their values. Values may be credentials: never print them. */
  Map<String, String> headers() {
    return headers;
  }

  /** The body bytes the application would send. */
  byte[] body() {
    return body.clone();
  }

  /**
   * The URL the request goes to: the file's {@code url}, or the named provider's base URL with the
   * endpoint's usual path.
   *
   * @throws UsageException when the provider is unknown, has no fixed base URL, or cannot serve the endpoint
   */
  URI url(Policy policy) throws UsageException {
    if (url != null) {
      return url;
    }
    Optional<ProviderSpec> spec = policy.provider(provider);
    if (!spec.isPresent()) {
      List<String> known = new ArrayList<>(policy.providers().keySet());
      known.addAll(BuiltinProviders.names());
      throw new UsageException(source + ": provider '" + provider + "' is neither declared by the policy nor built in"
          + DidYouMean.hint(provider, known));
    }
    // The policy module has its own enum of the same formats; the agent's engine converts by name too.
    WireFormat format = WireFormat.valueOf(spec.get().format().name());
    Optional<URI> base = spec.get().baseUrl();
    if (!base.isPresent()) {
      throw new UsageException(source + ": provider '" + provider + "' has no fixed base URL (it is served from"
          + " per-customer hosts); give the request's 'url' instead");
    }
    Endpoint chosen = endpoint != null ? endpoint : defaultEndpoint(format);
    if (chosen == null || chosen.format() == WireFormat.GEMINI) {
      throw new UsageException(source + ": Gemini puts the model in the path; give the request's 'url' instead of"
          + " 'provider' (e.g. https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent)");
    }
    if (chosen.format() != WireFormat.OPENAI && chosen.format() != format) {
      throw new UsageException(source + ": endpoint " + name(chosen) + " is not an API of provider '" + provider
          + "' (format " + format.name().toLowerCase(Locale.ROOT) + ")");
    }
    String baseUrl = base.get().toString().replaceAll("/+$", "");
    String basePath = base.get().getRawPath() == null ? "" : base.get().getRawPath().replaceAll("/+$", "");
    return parseUrl(baseUrl + pathOf(chosen, basePath), source);
  }

  /** {@code openai_chat}: how endpoints are written in request files, test expectations and output. */
  static String name(Endpoint endpoint) {
    return endpoint.name().toLowerCase(Locale.ROOT);
  }

  /** The endpoint called {@code text} ({@code openai_chat}, ...), with a suggestion when misspelt. */
  static Endpoint endpoint(String text, String source) throws UsageException {
    List<String> names = new ArrayList<>();
    for (Endpoint e : Endpoint.values()) {
      names.add(name(e));
      if (name(e).equals(text)) {
        return e;
      }
    }
    throw new UsageException(source + ": unknown endpoint '" + text + "'" + DidYouMean.hint(text, names)
        + "; endpoints are " + String.join(", ", names));
  }

  private static Endpoint defaultEndpoint(WireFormat format) {
    switch (format) {
      case ANTHROPIC:
        return Endpoint.ANTHROPIC_MESSAGES;
      case GEMINI:
        return null;
      default:
        return Endpoint.OPENAI_CHAT;
    }
  }

  /** The path an SDK appends to the provider's base URL for this API. */
  private static String pathOf(Endpoint endpoint, String basePath) {
    switch (endpoint) {
      case OPENAI_RESPONSES:
        return "/responses";
      case OPENAI_EMBEDDINGS:
        return "/embeddings";
      case OPENAI_COMPLETIONS:
        return "/completions";
      case ANTHROPIC_MESSAGES:
        // Anthropic's base URL has no version; a self-hosted one often ends in /v1 already.
        return basePath.endsWith("/v1") ? "/messages" : "/v1/messages";
      default:
        return "/chat/completions";
    }
  }

  private static URI parseUrl(String text, String source) throws UsageException {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new UsageException(source + ": url must be an absolute http(s) URL with a host, got '" + text + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException(source + ": url is not a URL: " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String key, String source) throws UsageException {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.textValue().trim().isEmpty()) {
      throw new UsageException(source + ": '" + key + "' must be a non-empty string");
    }
    return value.textValue().trim();
  }

  private static Map<String, String> headers(JsonNode node, String source) throws UsageException {
    Map<String, String> headers = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return Collections.unmodifiableMap(headers);
    }
    if (!node.isObject()) {
      throw new UsageException(source + ": 'headers' must be an object of header names to values");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new UsageException(source + ": headers." + e.getKey() + " must be a string");
      }
      headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText());
    }
    return Collections.unmodifiableMap(headers);
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
  }
}
