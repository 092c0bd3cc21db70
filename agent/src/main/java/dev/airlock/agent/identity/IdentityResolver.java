package dev.airlock.agent.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.policy.IdentityPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Learns tenant, feature and end user of each call from the sources the policy lists, first
 * answer wins. Built once per policy; thread-safe.
 */
public final class IdentityResolver {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AppStatics SLF4J_MDC = new AppStatics("org.slf4j.MDC", "get");
  private static final AppStatics LOG4J2_CONTEXT = new AppStatics("org.apache.logging.log4j.ThreadContext", "get");
  private static final OtelBaggage OTEL_BAGGAGE = new OtelBaggage();

  private final List<IdentitySource> tenant;
  private final List<IdentitySource> feature;
  private final List<IdentitySource> user;

  private IdentityResolver(List<IdentitySource> tenant, List<IdentitySource> feature, List<IdentitySource> user) {
    this.tenant = tenant;
    this.feature = feature;
    this.user = user;
  }

  public static IdentityResolver none() {
    return new IdentityResolver(List.of(), List.of(), List.of());
  }

  public static IdentityResolver of(IdentityPolicy policy) {
    return new IdentityResolver(sources(policy.sources("tenant")), sources(policy.sources("feature")),
        sources(policy.sources("user")));
  }

  public boolean isEmpty() {
    return tenant.isEmpty() && feature.isEmpty() && user.isEmpty();
  }

  public Identity resolve(CallFacts call) {
    if (isEmpty()) {
      return Identity.UNKNOWN;
    }
    return new Identity(first(tenant, call), first(feature, call), first(user, call));
  }

  private static String first(List<IdentitySource> sources, CallFacts call) {
    for (IdentitySource source : sources) {
      String value = source.lookup(call);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }

  private static List<IdentitySource> sources(List<String> specs) {
    List<IdentitySource> out = new ArrayList<>();
    for (String spec : specs) {
      out.add(source(spec));
    }
    return out;
  }

  /** The loader has checked each spec's form. */
  private static IdentitySource source(String spec) {
    if (spec.equals("caller")) {
      return call -> call.onApplicationThread ? CallerClass.find() : call.caller;
    }
    if (spec.equals("user")) {
      return call -> call.request == null ? null : call.request.user();
    }
    int colon = spec.indexOf(':');
    String kind = spec.substring(0, colon);
    String arg = spec.substring(colon + 1);
    switch (kind) {
      case "header":
        return call -> call.headers == null ? null : call.headers.first(arg);
      case "baggage":
        return call -> {
          String fromHeader = call.headers == null ? null : BaggageHeader.value(call.headers.first("baggage"), arg);
          return fromHeader != null ? fromHeader : OTEL_BAGGAGE.value(arg);
        };
      case "mdc":
        return call -> {
          String slf4j = SLF4J_MDC.call(arg);
          return slf4j != null ? slf4j : LOG4J2_CONTEXT.call(arg);
        };
      case "metadata":
        return call -> metadata(call.body, arg);
      case "static":
        return call -> arg;
      default:
        throw new IllegalArgumentException("unknown identity source " + spec);
    }
  }

  private static String metadata(byte[] body, String key) {
    try {
      JsonNode value = JSON.readTree(body).path("metadata").path(key);
      return value.isValueNode() ? value.asText() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
