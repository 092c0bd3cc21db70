package dev.airlock.agent.route;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.codec.WireFormat;
import dev.airlock.policy.BuiltinProvider;
import dev.airlock.policy.BuiltinProviders;
import dev.airlock.policy.Policy;
import dev.airlock.policy.ProviderSpec;
import dev.airlock.policy.TargetRef;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves a policy's {@code provider[/model]} into a {@link RouteTarget}: address from the
 * provider's {@code base_url} (or the built-in's), region from the policy, and the key.
 *
 * <p>Keys: the provider's {@code api_key} when the policy gives one (from the environment or a
 * file, never inline); for a built-in without one, the conventional variable of its SDKs
 * ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}, {@code GEMINI_API_KEY}, otherwise
 * {@code <NAME>_API_KEY}); else none.
 */
public final class RouteTargets {

  private RouteTargets() {}

  public static RouteTarget resolve(Policy policy, TargetRef ref, Function<String, String> env) {
    String name = ref.provider();
    Optional<ProviderSpec> spec = policy.provider(name);
    Optional<BuiltinProvider> builtin = BuiltinProviders.byName(name);
    WireFormat format = spec.map(s -> WireFormat.valueOf(s.format().name()))
        .orElseGet(() -> builtin.map(b -> WireFormat.valueOf(b.format().name())).orElse(WireFormat.OPENAI));
    RouteTarget.Builder target = RouteTarget.builder(name, format).model(ref.model().orElse(null));
    Optional<URI> base = spec.flatMap(ProviderSpec::baseUrl);
    if (base.isEmpty()) {
      base = builtin.flatMap(BuiltinProvider::defaultBaseUrl);
    }
    base.ifPresent(url -> target.address(url.getScheme(), url.getHost().toLowerCase(Locale.ROOT), portOf(url),
        url.getRawPath() == null ? "" : url.getRawPath()));
    spec.flatMap(ProviderSpec::region).ifPresent(target::region);
    target.apiKey(keyOf(name, spec, builtin.isPresent(), env));
    return target.build();
  }

  /** The target for "where the application sent it": the provider it addressed, its own URL and headers. */
  public static RouteTarget appOwn(String provider, WireFormat format, String region) {
    return RouteTarget.builder(provider, format).region(region).build();
  }

  private static String keyOf(String name, Optional<ProviderSpec> spec, boolean builtin, Function<String, String> env) {
    if (spec.isPresent() && spec.get().apiKey().isPresent()) {
      try {
        return spec.get().apiKey().get().resolve(env);
      } catch (RuntimeException missing) {
        AgentLog.warn("provider " + name + ": its api_key is not available (" + missing.getMessage()
            + "); calls routed there carry no key");
        return null;
      }
    }
    if (!builtin) {
      return null;
    }
    String variable;
    switch (name) {
      case "gemini":
        String gemini = env.apply("GEMINI_API_KEY");
        return gemini != null ? gemini : env.apply("GOOGLE_API_KEY");
      default:
        variable = name.toUpperCase(Locale.ROOT).replace('-', '_') + "_API_KEY";
        return env.apply(variable);
    }
  }

  private static int portOf(URI url) {
    if (url.getPort() != -1) {
      return url.getPort();
    }
    return "http".equalsIgnoreCase(url.getScheme()) ? 80 : 443;
  }
}
