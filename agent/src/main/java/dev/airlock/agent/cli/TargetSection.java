package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where the call goes: the target chain (first choice, then fallbacks). Without routes and
 * resilience in this version the chain is the one target the application chose; routes will put
 * the matched route's {@code to} and fallbacks here.
 */
final class TargetSection implements ExplanationSection {

  private static final String WHY = "the application's own target; no fallback: routes and resilience are "
      + NotConfiguredSection.NOT_CONFIGURED;

  private final DryRunResult result;

  TargetSection(DryRunResult result) {
    this.result = result;
  }

  @Override
  public String key() {
    return "target";
  }

  @Override
  public void writeText(TextReport out) {
    if (result.match() == null) {
      out.row("target", hostPort() + " (not an LLM call; Airlock does not touch it)");
      return;
    }
    out.row("target", providerModel() + " at " + hostPort() + " (" + WHY + ")");
  }

  @Override
  public void writeJson(ObjectNode node) {
    ArrayNode chain = node.putArray("chain");
    ObjectNode first = chain.addObject();
    if (result.match() != null) {
      first.put("provider", result.match().provider().providerName());
      first.put("model", model());
    }
    first.put("host", result.url().getHost());
    first.put("port", result.port());
    node.put("source", "application");
    node.put("note", result.match() == null ? "not an LLM call" : WHY);
  }

  private String providerModel() {
    String model = model();
    return result.match().provider().providerName() + (model == null ? "" : "/" + model);
  }

  private String model() {
    return result.request() == null ? null : result.request().model();
  }

  private String hostPort() {
    return result.url().getHost() + ":" + result.port();
  }
}
