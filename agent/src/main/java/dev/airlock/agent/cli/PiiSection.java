package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.redact.TextRole;
import dev.airlock.policy.PiiPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code pii:} decisions, text by text: each detection's type, char span {@code [start,end)}
 * in that text, confidence, the action the policy takes for its type, and the placeholder that
 * replaces it. Values are masked unless {@code --show-values}; the texts themselves are never
 * printed, only their role and length. When the matched route sets its own PII action, that action
 * is the one applied (as in the agent), and the section says so.
 */
final class PiiSection implements ExplanationSection {

  private final DryRunResult result;
  private final ExplainOptions options;

  PiiSection(DryRunResult result, ExplainOptions options) {
    this.result = result;
    this.options = options;
  }

  @Override
  public String key() {
    return "pii";
  }

  @Override
  public void writeText(TextReport out) {
    PiiPolicy pii = result.policy().pii().orElse(null);
    if (pii == null) {
      out.row("pii", "the policy has no pii section: nothing is detected or redacted");
      return;
    }
    out.row("pii", summary(pii));
    String route = routeAction();
    if (route != null && result.guarded() != null) {
      out.subRow("route", "route " + result.route().routeName() + " sets action " + route
          + " for this request, instead of the actions above");
    }
    if (result.guarded() == null) {
      out.subRow("applied", "no: the request passes untouched (see request)");
      return;
    }
    for (TextPart text : result.texts()) {
      int n = text.findings().size();
      out.subRow("text " + text.index(), role(text.role()) + ", " + text.length() + " chars: "
          + (n == 0 ? "nothing detected" : n + (n == 1 ? " detection" : " detections")));
      for (PiiFinding f : text.findings()) {
        out.detail(line(f));
      }
    }
    if (result.texts().isEmpty()) {
      out.subRow("texts", "none: the body has no text this API carries");
    }
  }

  private String line(PiiFinding f) {
    String type = f.type() + (f.detail() == null ? "" : " (" + f.detail() + ")");
    String outcome;
    switch (f.action()) {
      case MASK:
      case PSEUDONYMIZE:
        outcome = f.action().id() + " -> " + f.placeholder();
        break;
      case BLOCK:
        outcome = "block: the request is not sent";
        break;
      default:
        outcome = "detect: recorded, sent as is";
        break;
    }
    return String.format(Locale.ROOT, "%-20s %-10s confidence %.2f  %-32s value %s", type, "[" + f.start() + "," + f.end() + ")",
        f.confidence(), outcome, options.value(f.value()));
  }

  @Override
  public void writeJson(ObjectNode node) {
    PiiPolicy pii = result.policy().pii().orElse(null);
    node.put("configured", pii != null);
    if (pii == null) {
      return;
    }
    ArrayNode detect = node.putArray("detect");
    pii.detect().forEach(detect::add);
    ArrayNode custom = node.putArray("custom");
    pii.custom().forEach(c -> custom.add(c.name()));
    node.put("action", pii.action().id());
    ObjectNode actions = node.putObject("actions");
    pii.actions().forEach((type, action) -> actions.put(type, action.id()));
    node.put("min_confidence", pii.minConfidence());
    node.put("restore", pii.restore());
    node.put("route_action", routeAction());
    node.put("applied", result.guarded() != null);
    if (result.guarded() == null) {
      return;
    }
    ArrayNode texts = node.putArray("texts");
    for (TextPart text : result.texts()) {
      ObjectNode t = texts.addObject();
      t.put("index", text.index());
      t.put("role", role(text.role()));
      t.put("length", text.length());
      ArrayNode detections = t.putArray("detections");
      for (PiiFinding f : text.findings()) {
        ObjectNode d = detections.addObject();
        d.put("type", f.type());
        if (f.detail() != null) {
          d.put("detail", f.detail());
        }
        d.put("start", f.start());
        d.put("end", f.end());
        d.put("confidence", f.confidence());
        d.put("action", f.action().id());
        if (f.placeholder() != null) {
          d.put("placeholder", f.placeholder());
        } else {
          d.putNull("placeholder");
        }
        d.put("value", options.value(f.value()));
        d.put("value_masked", !options.showValues());
      }
    }
    ObjectNode counts = node.putObject("counts");
    result.guarded().piiCounts().forEach(counts::put);
  }

  /** The PII action of the matched route, which replaces the section's for this request; null when it sets none. */
  private String routeAction() {
    return result.route().matched() == null ? null
        : result.route().matched().piiAction().map(PiiPolicy.Action::id).orElse(null);
  }

  /** {@code detect email, credit_card + custom customer_id; action mask (credit_card: block); ...}. */
  private static String summary(PiiPolicy pii) {
    List<String> parts = new ArrayList<>();
    StringBuilder detect = new StringBuilder("detect ");
    detect.append(pii.detect().isEmpty() ? "no built-in type" : String.join(", ", pii.detect()));
    if (!pii.custom().isEmpty()) {
      List<String> names = new ArrayList<>();
      pii.custom().forEach(c -> names.add(c.name()));
      detect.append(" + custom ").append(String.join(", ", names));
    }
    parts.add(detect.toString());
    StringBuilder action = new StringBuilder("action ").append(pii.action().id());
    if (!pii.actions().isEmpty()) {
      List<String> per = new ArrayList<>();
      for (Map.Entry<String, PiiPolicy.Action> e : pii.actions().entrySet()) {
        per.add(e.getKey() + ": " + e.getValue().id());
      }
      action.append(" (").append(String.join(", ", per)).append(')');
    }
    parts.add(action.toString());
    parts.add(String.format(Locale.ROOT, "min confidence %.2f", pii.minConfidence()));
    parts.add("restore " + (pii.restore() ? "on" : "off"));
    return String.join("; ", parts);
  }

  static String role(TextRole role) {
    return role.name().toLowerCase(Locale.ROOT);
  }
}
