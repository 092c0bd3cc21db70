package dev.airlock.agent.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.guard.json.JsonSchema;
import dev.airlock.agent.guard.json.StreamingJsonCheck;
import dev.airlock.agent.pii.PiiScanner;
import dev.airlock.policy.GuardrailsPolicy.OutputAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The output rules applied to one call's answer: what was found (types and rules, never values),
 * and, for a whole answer, the body the application gets. Not thread-safe; one per call.
 */
public final class AnswerCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OutputGuard guard;
  private final Endpoint endpoint;
  private final Set<String> sentValues;
  private final boolean jsonRequested;
  private final JsonSchema schema;
  private final Set<String> foundTypes = new LinkedHashSet<>();
  private String blockedRule;
  private boolean jsonFlagged;
  private String jsonProblem;

  AnswerCheck(OutputGuard guard, Endpoint endpoint, Set<String> sentValues, boolean jsonRequested) {
    this(guard, endpoint, sentValues, jsonRequested, null);
  }

  /** @param schema the schema the request gave for the answer, or null (then any JSON passes) */
  AnswerCheck(OutputGuard guard, Endpoint endpoint, Set<String> sentValues, boolean jsonRequested,
      JsonSchema schema) {
    this.guard = guard;
    this.endpoint = endpoint;
    this.sentValues = sentValues;
    this.jsonRequested = jsonRequested;
    this.schema = schema;
  }

  public boolean isActive() {
    return guard.isActive();
  }

  /**
   * Checks a whole answer body (already restored). Returns the body to give the app, or null when a
   * rule blocks it (see {@link #blockedRule()}).
   */
  public byte[] checkWhole(byte[] body) {
    List<RequestTextSpans.Span> texts = AnswerTextSpans.find(endpoint, body);
    if (texts == null) {
      return checkWholeTree(body);
    }
    List<RequestTextSpans.Edit> edits = null;
    for (RequestTextSpans.Span span : texts) {
      String checked = checkWholeText(span.text);
      if (!checked.equals(span.text)) {
        if (edits == null) {
          edits = new ArrayList<>(2);
        }
        edits.add(new RequestTextSpans.Edit(span, checked));
      }
    }
    if (blockedRule != null) {
      return null;
    }
    // Only the masked strings change; every other byte is the provider's.
    return edits == null ? body : RequestTextSpans.splice(body, edits);
  }

  /**
   * {@link #checkWhole} on the answer read as a tree, for a body {@link AnswerTextSpans} does not
   * take; a changed answer is then Jackson's rendering of the tree.
   */
  private byte[] checkWholeTree(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return body;
    }
    if (root == null || !root.isObject()) {
      return body;
    }
    boolean[] changed = {false};
    AnswerTexts.visit(endpoint, root, text -> {
      String checked = checkWholeText(text);
      changed[0] |= !checked.equals(text);
      return checked;
    });
    if (blockedRule != null) {
      return null;
    }
    return changed[0] ? root.toString().getBytes(StandardCharsets.UTF_8) : body;
  }

  /** One text of a whole answer: masked, checked as JSON when asked; the text itself when a rule blocks it. */
  private String checkWholeText(String text) {
    String checked = checkText(text);
    if (checked == null) {
      return text;
    }
    if (checksJson()) {
      String problem = StreamingJsonCheck.check(checked, schema);
      if (problem != null) {
        onJsonViolation(problem);
      }
    }
    return checked;
  }

  /** The text with masks applied, or null when a rule blocks it. */
  String checkText(String text) {
    List<OutputGuard.Finding> findings = guard.check(text, sentValues);
    for (OutputGuard.Finding f : findings) {
      foundTypes.add(f.type());
    }
    OutputGuard.Finding blocking = OutputGuard.blocking(findings);
    if (blocking != null) {
      if (blockedRule == null) {
        blockedRule = blocking.rule();
      }
      return null;
    }
    return OutputGuard.mask(text, findings);
  }

  /** The findings in {@code text}, scanned with {@code buffers} (a stream channel's own). */
  List<OutputGuard.Finding> findings(String text, PiiScanner.ScanBuffers buffers) {
    List<OutputGuard.Finding> findings = guard.check(new PiiScanner.SharedText(text, buffers), text, sentValues);
    for (OutputGuard.Finding f : findings) {
      foundTypes.add(f.type());
    }
    return findings;
  }

  void block(String rule) {
    if (blockedRule == null) {
      blockedRule = rule;
    }
  }

  /** Whether answers are checked as JSON: the request asked for it and the policy checks it. */
  boolean checksJson() {
    return jsonRequested && guard.checksJson();
  }

  /** A checker for one streamed text channel; only when {@link #checksJson()}. */
  StreamingJsonCheck newJsonCheck() {
    return new StreamingJsonCheck(schema);
  }

  /** Records a JSON violation: blocks or flags, as the rule says. Returns whether it blocks. */
  boolean onJsonViolation(String problem) {
    if (jsonProblem == null) {
      jsonProblem = problem;
    }
    if (guard.jsonAction() == OutputAction.BLOCK) {
      block("guardrails.output.json");
      return true;
    }
    jsonFlagged = true;
    return false;
  }

  /**
   * What was wrong with the JSON answer (a JSON path and the rule broken, never a value), or null:
   * for logs and tests.
   */
  public String jsonProblem() {
    return jsonProblem;
  }

  /** Types found in the answer (including {@code deny}), in order of first appearance. */
  public Set<String> foundTypes() {
    return foundTypes;
  }

  /** The output rule that blocked the answer, or null. */
  public String blockedRule() {
    return blockedRule;
  }

  /** The answer was not JSON (or broke the request's schema) though JSON was asked for, and the rule says flag. */
  public boolean jsonFlagged() {
    return jsonFlagged;
  }

  boolean masksText() {
    return guard.masksText();
  }

  /** What a stream of this answer holds back so that the output rules can still act on it. */
  OpenValues openValues() {
    return guard.openValues();
  }
}
