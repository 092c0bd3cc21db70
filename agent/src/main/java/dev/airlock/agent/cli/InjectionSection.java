package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.guard.injection.InjectionScore;
import dev.airlock.agent.guard.injection.InjectionSignal;
import dev.airlock.policy.GuardrailsPolicy;
import java.util.Locale;

/**
 * The {@code guardrails.prompt_injection} decision: the request's highest score and where it came
 * from (which text, which signal, at which span), against the threshold and the action. Only the
 * end user's text and tool results are scored; system and assistant text is the application's own.
 */
final class InjectionSection implements ExplanationSection {

  private final DryRunResult result;

  InjectionSection(DryRunResult result) {
    this.result = result;
  }

  @Override
  public String key() {
    return "injection";
  }

  @Override
  public void writeText(TextReport out) {
    GuardrailsPolicy g = result.injectionGuardrail();
    if (g == null) {
      out.row("injection", "the policy sets no prompt-injection guardrail: nothing is scored");
      return;
    }
    String rule = String.format(Locale.ROOT, "%s at score >= %.2f", g.injectionAction().get().id(), g.injectionThreshold());
    if (result.guarded() == null) {
      out.row("injection", rule + "; not applied: the request passes untouched (see request)");
      return;
    }
    TextPart top = topText();
    if (top == null) {
      out.row("injection", rule + "; nothing scored: no user or tool-result text");
      return;
    }
    InjectionSignal signal = topSignal(top.injection());
    out.row("injection", rule + String.format(Locale.ROOT, "; score %.2f in text %d (%s)", top.injection().score(),
        top.index(), PiiSection.role(top.role()))
        + (signal == null ? "" : ", top signal " + signal.rule() + " [" + signal.start() + "," + signal.end() + ")")
        + ": " + consequence(g));
    for (TextPart t : result.texts()) {
      if (t.injection() != null) {
        String r = t.injection().topRule();
        out.subRow("text " + t.index(), String.format(Locale.ROOT, "%s, score %.2f%s", PiiSection.role(t.role()),
            t.injection().score(), r == null ? "" : " (" + r + ")"));
      }
    }
  }

  private String consequence(GuardrailsPolicy g) {
    if (!result.injectionTriggered()) {
      return "below the threshold, no action";
    }
    return g.injectionAction().get() == GuardrailsPolicy.InjectionAction.BLOCK
        ? "at or above the threshold, the request is blocked"
        : "at or above the threshold, the call is flagged on its span and sent";
  }

  @Override
  public void writeJson(ObjectNode node) {
    GuardrailsPolicy g = result.injectionGuardrail();
    node.put("configured", g != null);
    if (g == null) {
      return;
    }
    node.put("action", g.injectionAction().get().id());
    node.put("threshold", g.injectionThreshold());
    node.put("applied", result.guarded() != null);
    if (result.guarded() == null) {
      return;
    }
    TextPart top = topText();
    if (top == null) {
      node.putNull("score");
    } else {
      node.put("score", top.injection().score());
      node.put("text", top.index());
      InjectionSignal signal = topSignal(top.injection());
      if (signal != null) {
        ObjectNode s = node.putObject("top_signal");
        s.put("rule", signal.rule());
        s.put("weight", signal.weight());
        s.put("start", signal.start());
        s.put("end", signal.end());
      }
    }
    node.put("triggered", result.injectionTriggered());
    ArrayNode texts = node.putArray("texts");
    for (TextPart t : result.texts()) {
      if (t.injection() != null) {
        ObjectNode o = texts.addObject();
        o.put("index", t.index());
        o.put("role", PiiSection.role(t.role()));
        o.put("score", t.injection().score());
        o.put("top_rule", t.injection().topRule());
      }
    }
  }

  /** The scored text with the highest score, the first one on a tie (as the guard keeps it). */
  private TextPart topText() {
    TextPart top = null;
    for (TextPart t : result.texts()) {
      if (t.injection() != null && (top == null || t.injection().score() > top.injection().score())) {
        top = t;
      }
    }
    return top;
  }

  /** The strongest signal, the first on a tie: the one {@link InjectionScore#topRule()} names. */
  private static InjectionSignal topSignal(InjectionScore score) {
    InjectionSignal top = null;
    for (InjectionSignal s : score.signals()) {
      if (top == null || s.weight() > top.weight()) {
        top = s;
      }
    }
    return top;
  }
}
