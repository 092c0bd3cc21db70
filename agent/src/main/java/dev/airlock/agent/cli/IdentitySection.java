package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.identity.CallFacts;
import dev.airlock.agent.identity.Identity;
import dev.airlock.policy.IdentityPolicy;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who the call is attributed to: each dimension resolved from the policy's {@code identity:}
 * sources as the agent would, using the request's headers and body. What only the running
 * application has (the MDC, its OpenTelemetry context, the calling class) comes from
 * {@code --tenant}, {@code --feature} and {@code --caller} when the request itself does not answer.
 */
final class IdentitySection implements ExplanationSection {

  private final DryRunResult result;
  private final RequestContext context;

  IdentitySection(DryRunResult result, RequestContext context) {
    this.result = result;
    this.context = context;
  }

  @Override
  public String key() {
    return "identity";
  }

  private Optional<IdentityPolicy> policy() {
    return result.policy().identity();
  }

  private Identity resolved() {
    Map<String, String> headers = result.spec().headers();
    CallFacts facts = CallFacts.described(name -> headerValue(headers, name), result.request(), result.spec().body(),
        context.given().get("caller"));
    return result.state().identity().resolve(facts);
  }

  private static String headerValue(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The request's own answer, else what the command line gives (standing in for the running app). */
  private String value(String dimension, String fromRequest) {
    if (fromRequest != null) {
      return fromRequest;
    }
    return context.given().get(dimension);
  }

  @Override
  public void writeText(TextReport out) {
    if (policy().isEmpty()) {
      out.row("identity", "the policy has no identity section: the call is attributed to no tenant, feature or user");
      return;
    }
    Identity identity = resolved();
    out.row("identity", "sources tried in order, first answer wins");
    writeDimension(out, "tenant", identity.tenant());
    writeDimension(out, "feature", identity.feature());
    writeDimension(out, "user", identity.user());
  }

  private void writeDimension(TextReport out, String dimension, String fromRequest) {
    String value = value(dimension, fromRequest);
    String sources = String.join(", ", policy().get().sources(dimension));
    out.subRow(dimension, (value == null ? "(none)" : value) + (sources.isEmpty() ? "" : "   [" + sources + "]")
        + (fromRequest == null && value != null ? " (given on the command line)" : ""));
  }

  @Override
  public void writeJson(ObjectNode node) {
    node.put("configured", policy().isPresent());
    if (policy().isEmpty()) {
      return;
    }
    Identity identity = resolved();
    String[][] dimensions = {{"tenant", identity.tenant()}, {"feature", identity.feature()}, {"user", identity.user()}};
    for (String[] d : dimensions) {
      ObjectNode dim = node.putObject(d[0].toLowerCase(Locale.ROOT));
      String value = value(d[0], d[1]);
      if (value == null) {
        dim.putNull("value");
      } else {
        dim.put("value", value);
      }
      dim.put("from_request", d[1] != null);
      policy().get().sources(d[0]).forEach(dim.putArray("sources")::add);
    }
  }
}
