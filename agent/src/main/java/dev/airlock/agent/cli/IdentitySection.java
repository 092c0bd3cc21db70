package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.policy.IdentityPolicy;
import java.util.Optional;

/**
 * Who the call is attributed to: each dimension resolved from the policy's {@code identity:}
 * sources as the agent would, using the request's headers and body. What only the running
 * application has (the MDC, its OpenTelemetry context, the calling class) comes from
 * {@code --tenant}, {@code --feature}, {@code --user} and {@code --caller} when the request itself
 * does not answer (see {@link CallIdentity}); routes, the cache key, budgets and rate limits use the
 * same values.
 */
final class IdentitySection implements ExplanationSection {

  private static final String[] DIMENSIONS = {"tenant", "feature", "user"};

  private final DryRunResult result;

  IdentitySection(DryRunResult result) {
    this.result = result;
  }

  @Override
  public String key() {
    return "identity";
  }

  private Optional<IdentityPolicy> policy() {
    return result.policy().identity();
  }

  @Override
  public void writeText(TextReport out) {
    if (policy().isEmpty()) {
      out.row("identity", "the policy has no identity section: the call is attributed to no tenant, feature or user");
      return;
    }
    out.row("identity", "sources tried in order, first answer wins");
    for (String dimension : DIMENSIONS) {
      writeDimension(out, dimension);
    }
  }

  private void writeDimension(TextReport out, String dimension) {
    String value = result.identity().value(dimension);
    boolean fromRequest = result.identity().fromRequest(dimension) != null;
    String sources = String.join(", ", policy().get().sources(dimension));
    out.subRow(dimension, (value == null ? "(none)" : value) + (sources.isEmpty() ? "" : "   [" + sources + "]")
        + (!fromRequest && value != null ? " (given on the command line)" : ""));
  }

  @Override
  public void writeJson(ObjectNode node) {
    node.put("configured", policy().isPresent());
    if (policy().isEmpty()) {
      return;
    }
    for (String dimension : DIMENSIONS) {
      ObjectNode dim = node.putObject(dimension);
      String value = result.identity().value(dimension);
      if (value == null) {
        dim.putNull("value");
      } else {
        dim.put("value", value);
      }
      dim.put("from_request", result.identity().fromRequest(dimension) != null);
      policy().get().sources(dimension).forEach(dim.putArray("sources")::add);
    }
  }
}
