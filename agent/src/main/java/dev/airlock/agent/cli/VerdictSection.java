package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.redact.BlockedAnswer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What happens in the end: passed through untouched, sent (where, and how the body changed), or
 * blocked (by the guard, or refused by a route) with the error the application receives instead, in
 * the provider's own format. The redacted body is shown only with {@code --show-body}; the error
 * body always, since it never holds a value.
 */
final class VerdictSection implements ExplanationSection {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DryRunResult result;
  private final ExplainOptions options;

  VerdictSection(DryRunResult result, ExplainOptions options) {
    this.result = result;
    this.options = options;
  }

  @Override
  public String key() {
    return "verdict";
  }

  @Override
  public void writeText(TextReport out) {
    switch (result.verdict()) {
      case NOT_AN_LLM_CALL:
        out.row("verdict", "PASSES UNTOUCHED: not an LLM call");
        showBody(out, "as the application wrote it, unchanged:");
        break;
      case NOT_UNDERSTOOD:
        out.row("verdict", "PASSES UNTOUCHED: the body is not understood, so nothing is checked or recorded");
        showBody(out, "as the application wrote it, unchanged:");
        break;
      case BLOCKED:
        BlockedAnswer blocked = result.blockedAnswer();
        out.row("verdict", "BLOCKED by rule " + blocked.rule() + ": the application gets HTTP " + blocked.status()
            + " (" + BlockedAnswer.RULE_HEADER + ": " + blocked.rule() + ") with");
        out.detail(new String(blocked.body(), StandardCharsets.UTF_8));
        break;
      default:
        out.row("verdict", "SENT to " + destination() + ": " + sentSummary());
        showBody(out, rewrites() ? "after redaction, before the route rewrites it for " + result.route().first().label()
            + " (model or format):" : "as the provider receives it:");
        break;
    }
  }

  private void showBody(TextReport out, String caption) {
    if (options.showBody()) {
      out.subRow("body", caption);
      out.detail(new String(result.outgoing(), StandardCharsets.UTF_8));
    }
  }

  /** The provider the application addressed, or the route's first target. */
  private String destination() {
    if (result.route().matched() == null) {
      return result.match().provider().providerName();
    }
    return result.route().first().label() + " (route " + result.route().routeName() + ")";
  }

  /** Whether the first target is asked for another model, or in another format, than the application's request. */
  private boolean rewrites() {
    ChainTarget first = result.route().first();
    if (result.route().matched() == null || first == null) {
      return false;
    }
    String appModel = result.request().model();
    return !first.provider().equals(result.match().provider().providerName()) || first.translated()
        || first.model() != null && !first.model().equals(appModel);
  }

  private String sentSummary() {
    StringBuilder s = new StringBuilder();
    long redacted = result.findings().stream().filter(PiiFinding::isRedacted).count();
    s.append(result.guarded().changed() ? "body changed, " + redacted + (redacted == 1 ? " value" : " values") + " redacted"
        : "body unchanged");
    if (result.guarded().restores()) {
      s.append("; pseudonyms in the answer are restored before the application sees it");
    }
    if (result.guarded().injectionFlagged()) {
      s.append("; flagged for prompt injection (airlock span attribute)");
    }
    if (result.usageRequested()) {
      s.append("; stream_options.include_usage added so the stream reports usage");
    }
    return s.toString();
  }

  @Override
  public void writeJson(ObjectNode node) {
    node.put("outcome", result.verdict().name().toLowerCase(Locale.ROOT));
    BlockedAnswer blocked = result.blockedAnswer();
    if (blocked != null) {
      node.put("rule", blocked.rule());
      node.put("status", blocked.status());
      node.set("error_body", bodyNode(blocked.body()));
      return;
    }
    if (result.guarded() != null) {
      node.put("target", result.route().first().label());
      node.put("route", result.route().routeName());
      node.put("body_changed", result.guarded().changed());
      node.put("redacted_values", result.findings().stream().filter(PiiFinding::isRedacted).count());
      node.put("restores_answer", result.guarded().restores());
      node.put("injection_flagged", result.guarded().injectionFlagged());
      node.put("usage_requested", result.usageRequested());
    }
    if (options.showBody()) {
      node.set("body", bodyNode(result.outgoing()));
    }
  }

  /** The body as JSON when it is JSON, else as a string. */
  private static JsonNode bodyNode(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
    }
  }
}
