package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.WireFormat;
import dev.airlock.agent.route.RouteTarget;
import dev.airlock.agent.translate.Translation;
import dev.airlock.agent.translate.TranslationException;
import dev.airlock.policy.BuiltinProviders;
import dev.airlock.policy.Policy;
import dev.airlock.policy.ProviderSpec;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * One target of a route's chain as an explanation shows it: provider and the model it is asked
 * for, its wire format (and whether the call is translated to it, or cannot be), where it lives,
 * its region, and whose key it receives. Keys are never read: the policy says where a key comes
 * from ({@code ${env:EU_LLM_KEY}}), and that is all that is printed.
 *
 * <p>The rules are the engine's ({@code TargetRequests}): a call that stays with the provider the
 * application addressed keeps the application's own headers; a call sent anywhere else loses the
 * application's credentials and carries the target's key from the policy instead (a built-in
 * provider without {@code api_key} reads its SDK's variable, e.g. {@code OPENAI_API_KEY}).
 */
final class ChainTarget {

  /** Whose credentials the target receives. */
  enum Credentials {
    /** The application's own headers: the call stays with the provider it addressed. */
    APPLICATION,
    /** The application's credentials are removed and the target's key from the policy is sent. */
    TARGET_KEY,
    /** The application's credentials are removed and the policy gives the target no key. */
    NONE
  }

  private final String provider;
  private final String model;
  private final boolean appModel;
  private final WireFormat format;
  private final WireFormat appFormat;
  private final String unfit;
  private final String host;
  private final int port;
  private final String region;
  private final Credentials credentials;
  private final String keySource;

  private ChainTarget(RouteTarget target, String model, WireFormat appFormat, String unfit, String host, int port,
      Credentials credentials, String keySource) {
    this.provider = target.provider();
    this.model = model;
    this.appModel = target.model() == null;
    this.format = target.format();
    this.appFormat = appFormat;
    this.unfit = unfit;
    this.host = host;
    this.port = port;
    this.region = target.region();
    this.credentials = credentials;
    this.keySource = keySource;
  }

  /**
   * @param appProvider the provider the application addressed
   * @param appEndpoint the endpoint it called
   * @param appUrl its URL, and {@code appPort} the effective port
   * @param appModel the model it asked for, or null
   * @param sentBody the body the agent would send (redacted), or null when nothing is sent; used to
   *     check that a translation can express the request
   */
  static ChainTarget of(RouteTarget target, Policy policy, String appProvider, Endpoint appEndpoint, URI appUrl,
      int appPort, String appModel, byte[] sentBody) {
    String model = target.model() != null ? target.model() : appModel;
    boolean appOwn = target.provider().equals(appProvider);
    String host = appOwn ? appUrl.getHost() : target.host();
    int port = appOwn ? appPort : target.port();
    String unfit = unfitness(target, appOwn, appEndpoint, appUrl, model, sentBody);
    if (appOwn) {
      return new ChainTarget(target, model, appEndpoint.format(), unfit, host, port, Credentials.APPLICATION, null);
    }
    String source = keySource(policy, target.provider());
    return new ChainTarget(target, model, appEndpoint.format(), unfit, host, port,
        source == null ? Credentials.NONE : Credentials.TARGET_KEY, source);
  }

  /** Why the engine would skip this target for this call (and try the next), or null when it can take it. */
  private static String unfitness(RouteTarget target, boolean appOwn, Endpoint appEndpoint, URI appUrl, String model,
      byte[] sentBody) {
    if (target.format() == appEndpoint.format()) {
      return appOwn || target.host() != null ? null : "provider " + target.provider() + " has no base_url to send calls to";
    }
    if (!Translation.supports(appEndpoint, target.format())) {
      return "a " + RequestSpec.name(appEndpoint) + " call has no translation to the " + lower(target.format())
          + " format";
    }
    if (model == null) {
      return "needs a model: write " + target.provider() + "/<model> in the route";
    }
    if (target.host() == null) {
      return "provider " + target.provider() + " has no base_url to send calls to";
    }
    if (sentBody != null) {
      try {
        Translation.request(appEndpoint, appUrl.getRawPath(), sentBody, target.format(), model);
      } catch (TranslationException | IllegalArgumentException e) {
        return "the request cannot be translated: " + e.getMessage();
      }
    }
    return null;
  }

  /** Where the policy takes the target's key from, e.g. {@code api_key ${env:EU_LLM_KEY}}; null for none. */
  private static String keySource(Policy policy, String provider) {
    Optional<ProviderSpec> spec = policy.provider(provider);
    if (spec.isPresent() && spec.get().apiKey().isPresent()) {
      return "api_key " + spec.get().apiKey().get();
    }
    if (!BuiltinProviders.isBuiltin(provider)) {
      return null;
    }
    // As RouteTargets reads it: the variable the provider's own SDKs use.
    return "gemini".equals(provider) ? "$GEMINI_API_KEY or $GOOGLE_API_KEY"
        : "$" + provider.toUpperCase(Locale.ROOT).replace('-', '_') + "_API_KEY";
  }

  String provider() {
    return provider;
  }

  /** The model it is asked for, or null when neither the route nor the application names one. */
  String model() {
    return model;
  }

  /** {@code provider/model}, the model being the one this target is asked for. */
  String label() {
    return model == null ? provider : provider + "/" + model;
  }

  /** Whether the call is translated to another wire format for this target. */
  boolean translated() {
    return format != appFormat && unfit == null;
  }

  String region() {
    return region;
  }

  /** The host the call goes to, or null when the target has no address. */
  String host() {
    return host;
  }

  int port() {
    return port;
  }

  /** One line: {@code anthropic/claude-3-5-haiku-latest at api.anthropic.com:443, format anthropic (translated ...), ...}. */
  String describe() {
    StringBuilder s = new StringBuilder(label());
    if (appModel && model != null) {
      s.append(" (the model the application asked for)");
    }
    s.append(host == null ? ", no address" : " at " + host + ":" + port);
    s.append(", format ").append(lower(format));
    if (unfit != null) {
      s.append(": cannot take this call, skipped (").append(unfit).append(')');
      return s.toString();
    }
    if (format != appFormat) {
      s.append(" (translated from ").append(lower(appFormat)).append(" to ").append(lower(format)).append(')');
    }
    s.append(", region ").append(region == null ? "not declared" : region);
    switch (credentials) {
      case APPLICATION:
        s.append(", the application's own key");
        break;
      case TARGET_KEY:
        s.append(", the application's key replaced by ").append(provider).append("'s (").append(keySource).append(')');
        break;
      default:
        s.append(", the application's key removed; the policy gives ").append(provider).append(" none");
        break;
    }
    return s.toString();
  }

  void writeJson(ObjectNode node) {
    node.put("provider", provider);
    node.put("model", model);
    node.put("model_from_application", appModel);
    node.put("format", lower(format));
    if (format != appFormat && unfit == null) {
      node.put("translated_from", lower(appFormat));
    }
    node.put("unfit", unfit);
    node.put("host", host);
    if (host != null) {
      node.put("port", port);
    }
    node.put("region", region);
    node.put("credentials", credentials.name().toLowerCase(Locale.ROOT));
    if (keySource != null) {
      node.put("key_source", keySource);
    }
  }

  private static String lower(WireFormat format) {
    return format.name().toLowerCase(Locale.ROOT);
  }
}
