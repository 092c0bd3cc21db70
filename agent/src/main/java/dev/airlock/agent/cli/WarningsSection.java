package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Where the explanation's detail and the agent's own outcome disagree (see {@link
 * DryRunResult#disagreements()}). Present only when there is something to say; the verdict shown is
 * always the agent's.
 */
final class WarningsSection implements ExplanationSection {

  private final List<String> warnings;

  WarningsSection(List<String> warnings) {
    this.warnings = warnings;
  }

  @Override
  public String key() {
    return "warnings";
  }

  @Override
  public void writeText(TextReport out) {
    for (String w : warnings) {
      out.row("warning", w + " (the verdict above is the agent's; please report this)");
    }
  }

  @Override
  public void writeJson(ObjectNode node) {
    ArrayNode list = node.putArray("items");
    warnings.forEach(list::add);
  }
}
