package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Who the call is attributed to. This version has no {@code identity:} section, so nothing is
 * resolved; the context given on the command line is echoed so that the reader can see it was
 * received and is not (yet) used by any decision.
 */
final class IdentitySection implements ExplanationSection {

  private final RequestContext context;

  IdentitySection(RequestContext context) {
    this.context = context;
  }

  @Override
  public String key() {
    return "identity";
  }

  @Override
  public void writeText(TextReport out) {
    out.row("identity", NotConfiguredSection.NOT_CONFIGURED + ": the call is attributed to no tenant, feature or caller");
    if (!context.isEmpty()) {
      StringBuilder given = new StringBuilder();
      for (Map.Entry<String, String> e : context.given().entrySet()) {
        given.append(given.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
      }
      out.subRow("given", given + " (no decision of this version reads them)");
    }
  }

  @Override
  public void writeJson(ObjectNode node) {
    node.put("configured", false);
    node.put("note", NotConfiguredSection.NOT_CONFIGURED + ": the call is attributed to no tenant, feature or caller");
    ObjectNode given = node.putObject("given");
    context.given().forEach(given::put);
  }
}
