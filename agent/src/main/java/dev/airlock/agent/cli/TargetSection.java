package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where the call goes, in one line: the first target of the chain (the route's, or the one the
 * application chose) and how many fallbacks follow. The routes section says why, target by target.
 */
final class TargetSection implements ExplanationSection {

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
    if (!result.route().applied()) {
      out.row("target", result.match().provider().providerName() + " at " + hostPort()
          + " (the application's own target: the body is not understood, so no route applies)");
      return;
    }
    if (result.route().denial() != null) {
      out.row("target", "none: route " + result.route().routeName() + " refuses the request (see routes)");
      return;
    }
    ChainTarget first = result.route().first();
    int fallbacks = result.route().chain().size() - 1;
    out.row("target", first.label() + (first.host() == null ? "" : " at " + first.host() + ":" + first.port()) + " ("
        + (result.route().matched() == null ? "the application's own target; no route applies"
            : "route " + result.route().routeName())
        + ", " + (fallbacks == 0 ? "no fallback" : fallbacks + (fallbacks == 1 ? " fallback" : " fallbacks")) + ")");
  }

  @Override
  public void writeJson(ObjectNode node) {
    ArrayNode chain = node.putArray("chain");
    if (result.route().applied()) {
      for (ChainTarget t : result.route().chain()) {
        ObjectNode o = chain.addObject();
        o.put("provider", t.provider());
        o.put("model", t.model());
        o.put("host", t.host());
        if (t.host() != null) {
          o.put("port", t.port());
        }
      }
    } else {
      ObjectNode only = chain.addObject();
      if (result.match() != null) {
        only.put("provider", result.match().provider().providerName());
      }
      only.put("host", result.url().getHost());
      only.put("port", result.port());
    }
    node.put("source", result.route().matched() == null ? "application" : "route");
    node.put("route", result.route().routeName());
    node.put("note", result.match() == null ? "not an LLM call"
        : !result.route().applied() ? "the body is not understood: no route applies"
        : result.route().denial() != null ? "denied by the route: nothing is sent" : null);
  }

  private String hostPort() {
    return result.url().getHost() + ":" + result.port();
  }
}
