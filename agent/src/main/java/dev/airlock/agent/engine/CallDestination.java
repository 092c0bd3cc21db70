package dev.airlock.agent.engine;

import dev.airlock.agent.route.RouteTarget;
import java.util.Objects;

/**
 * Where a call went, as telemetry names it: provider (policy name and semantic-convention name),
 * model and server. For a call the agent sent as the application wrote it, that is what the
 * application addressed; for a routed call, the target that answered, so that cost, tokens and
 * latency are counted against the provider and model that served them.
 */
final class CallDestination {

  final String providerName;
  final String semconvProviderName;
  final String model;
  final String host;
  /** The policy's region of the provider, or null when it gives none. */
  final String region;
  /** The target's port, or -1 when the destination is the one the application addressed. */
  final int port;
  /** Whether a route moved the call to another provider, model or server. */
  final boolean movedByRoute;

  private CallDestination(String providerName, String semconvProviderName, String model, String host, String region,
      int port, boolean movedByRoute) {
    this.providerName = providerName;
    this.semconvProviderName = semconvProviderName;
    this.model = model;
    this.host = host;
    this.region = region;
    this.port = port;
    this.movedByRoute = movedByRoute;
  }

  /** The provider, model and host the application addressed. */
  static CallDestination asAddressed(ProviderMatch match, String requestModel, String host) {
    return new CallDestination(match.provider().providerName(), match.provider().semconvProviderName(), requestModel,
        host, match.provider().region(), -1, false);
  }

  /**
   * The target that answered a routed call; {@code addressed} when it is the same provider, model
   * and server.
   */
  static CallDestination answeredBy(RouteTarget target, CallDestination addressed, ProviderRegistry registry) {
    String model = target.model() != null ? target.model() : addressed.model;
    // A target without an address (Azure without a base_url) only takes the application's own calls.
    String host = target.host() != null ? target.host() : addressed.host;
    boolean sameProvider = target.provider().equals(addressed.providerName);
    if (sameProvider && Objects.equals(model, addressed.model) && host.equalsIgnoreCase(addressed.host)) {
      return addressed;
    }
    String semconv;
    if (sameProvider) {
      semconv = addressed.semconvProviderName;
    } else {
      ProviderEndpoint endpoint = registry.named(target.provider());
      // Every target names a provider of the policy; the policy name is the fallback, never the app's provider.
      semconv = endpoint != null ? endpoint.semconvProviderName() : target.provider();
    }
    return new CallDestination(target.provider(), semconv, model, host, target.region(),
        target.host() != null ? target.port() : -1, true);
  }
}
