package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.policy.RoutePolicy;
import dev.airlock.policy.ShadowPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code routes:} decision (see {@link RouteDecision}): which route matched, with its line in
 * the policy, or that none did; for each route before it, the first condition that failed; the
 * target chain in order, each with its format (translated or not), region and whose key it gets;
 * the canary and shadow; what {@code require_region} removed; the refusal of a denying route; and
 * the route's own PII action.
 */
final class RouteSection implements ExplanationSection {

  private final DryRunResult result;

  RouteSection(DryRunResult result) {
    this.result = result;
  }

  @Override
  public String key() {
    return "routes";
  }

  private RouteDecision route() {
    return result.route();
  }

  @Override
  public void writeText(TextReport out) {
    if (result.policy().routes().isEmpty()) {
      out.row("routes", "the policy has no routes: " + (route().applied()
          ? "sent where the application addressed it" : "not applied, the request passes untouched (see request)"));
      writeChain(out);
      return;
    }
    if (!route().applied()) {
      out.row("routes", "not applied: the request passes untouched (see request)");
      return;
    }
    RoutePolicy matched = route().matched();
    int n = result.policy().routes().size();
    out.row("routes", matched == null
        ? "no route matched: sent where the application addressed it (" + n + (n == 1 ? " route" : " routes") + " tried)"
        : "matched " + RouteCheck.title(matched) + ", first match wins");
    int i = 1;
    for (RouteCheck check : route().checks()) {
      out.subRow("route " + i++, RouteCheck.title(check.route()) + ": " + outcome(check));
    }
    if (route().denial() != null) {
      out.subRow("denied", "\"" + route().denial() + "\"; nothing is sent, the application gets the error under verdict");
    }
    writeChain(out);
    if (matched == null) {
      return;
    }
    if (route().canary() != null) {
      out.subRow("canary", route().canary().describe());
    }
    if (matched.shadow().isPresent() && route().denial() == null) {
      out.subRow("shadow", shadow(matched.shadow().get()));
    }
    if (matched.requireRegion().isPresent()) {
      out.subRow("region", "require_region " + matched.requireRegion().get() + ": " + removed());
    }
    if (matched.piiAction().isPresent()) {
      out.subRow("pii", "action " + matched.piiAction().get().id() + " for this route"
          + (result.policy().pii().isPresent() ? " (instead of the pii section's actions)" : " (no pii section: nothing is detected)"));
    }
  }

  private void writeChain(TextReport out) {
    List<ChainTarget> chain = route().chain();
    if (chain.isEmpty()) {
      return;
    }
    out.subRow("chain", chain.size() == 1 ? "one target, no fallback" : chain.size() + " targets, tried in order");
    int i = 1;
    for (ChainTarget target : chain) {
      out.detail(i++ + ". " + target.describe());
    }
  }

  private static String outcome(RouteCheck check) {
    switch (check.outcome()) {
      case MATCHED:
        return "matched";
      case NOT_MATCHED:
        return "no match: " + check.reason();
      default:
        return "not tried (an earlier route matched)";
    }
  }

  private static String shadow(ShadowPolicy shadow) {
    return "a copy of " + Units.percent(shadow.percent()) + " of calls to " + shadow.to()
        + " (chosen at random per call; its answer is recorded, never returned)";
  }

  private String removed() {
    List<String> removed = new ArrayList<>();
    for (ChainTarget t : route().removedByRegion()) {
      removed.add(t.label() + " (region " + (t.region() == null ? "not declared" : t.region()) + ")");
    }
    return removed.isEmpty() ? "every target is in it" : "removed " + String.join(", ", removed);
  }

  @Override
  public void writeJson(ObjectNode node) {
    node.put("configured", !result.policy().routes().isEmpty());
    node.put("applied", route().applied());
    RoutePolicy matched = route().matched();
    if (matched == null) {
      node.putNull("matched");
    } else {
      ObjectNode m = node.putObject("matched");
      m.put("name", matched.name());
      m.put("line", matched.line());
    }
    ArrayNode checks = node.putArray("checks");
    for (RouteCheck check : route().checks()) {
      ObjectNode c = checks.addObject();
      c.put("name", check.route().name());
      c.put("line", check.route().line());
      c.put("outcome", check.outcome().name().toLowerCase(Locale.ROOT));
      if (check.reason() != null) {
        c.put("reason", check.reason());
      }
    }
    ArrayNode chain = node.putArray("chain");
    route().chain().forEach(t -> t.writeJson(chain.addObject()));
    node.put("denied", route().denial() != null);
    if (route().denial() != null) {
      node.put("denial", route().denial());
      node.put("rule", route().denied().rule());
    }
    if (matched == null) {
      return;
    }
    CanaryChoice canary = route().canary();
    if (canary == null) {
      node.putNull("canary");
    } else {
      ObjectNode c = node.putObject("canary");
      c.put("target", canary.target());
      c.put("percent", canary.policy().percent());
      c.put("sticky_by", canary.policy().stickyBy());
      c.put("this_call", canary.side().name().toLowerCase(Locale.ROOT));
      c.put("keyed_on", canary.keyDimension());
      if (canary.policy().rollbackErrorRate().isPresent()) {
        c.put("rollback_error_rate", canary.policy().rollbackErrorRate().getAsDouble());
      }
    }
    if (matched.shadow().isPresent() && route().denial() == null) {
      ObjectNode s = node.putObject("shadow");
      s.put("target", matched.shadow().get().to().toString());
      s.put("percent", matched.shadow().get().percent());
    } else {
      node.putNull("shadow");
    }
    node.put("require_region", matched.requireRegion().orElse(null));
    ArrayNode removed = node.putArray("removed_by_region");
    route().removedByRegion().forEach(t -> t.writeJson(removed.addObject()));
    node.put("pii_action", matched.piiAction().map(a -> a.id()).orElse(null));
  }
}
