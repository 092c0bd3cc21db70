package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.policy.Policy;

/** Which policy decided: name, version and the sha256 that every span of the agent carries too. */
final class PolicySection implements ExplanationSection {

  private final Policy policy;

  PolicySection(Policy policy) {
    this.policy = policy;
  }

  @Override
  public String key() {
    return "policy";
  }

  @Override
  public void writeText(TextReport out) {
    out.row("policy", policy.name() + policy.version().map(v -> " " + v).orElse("") + ", sha256 " + policy.sha256()
        + (policy.sourceName().isEmpty() ? "" : " (" + policy.sourceName() + ")"));
  }

  @Override
  public void writeJson(ObjectNode node) {
    node.put("name", policy.name());
    if (policy.version().isPresent()) {
      node.put("version", policy.version().get());
    } else {
      node.putNull("version");
    }
    node.put("sha256", policy.sha256());
    node.put("file", policy.sourceName());
  }
}
