package dev.airlock.agent.redact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.guard.injection.ContentSource;
import dev.airlock.agent.guard.injection.InjectionDetector;
import dev.airlock.agent.guard.injection.InjectionScore;
import dev.airlock.agent.guard.json.JsonSchema;
import dev.airlock.agent.pii.Detection;
import dev.airlock.agent.pii.PiiScanner;
import dev.airlock.policy.GuardrailsPolicy;
import dev.airlock.policy.PiiPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The input side of the policy: scores every text part for prompt injection, then finds personal
 * data and masks, pseudonymizes, blocks or records it as the {@code pii:} section says. Built once
 * per policy; thread-safe. Detected values never leave this class except as placeholders kept in
 * the request's {@link Pseudonyms}.
 */
public final class RequestGuard {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PiiPolicy pii;
  private final PiiScanner scanner;
  private final GuardrailsPolicy guardrails;
  private final InjectionDetector injection;
  private final OutputGuard output;
  /** The request scan already yields every value the answer check must not flag: no second scan. */
  private final boolean redactionFindsSentValues;
  /** The scans of long texts seen in recent requests (a conversation's history, a system prompt). */
  private final SeenTexts seen;

  /** Without output rules. */
  public RequestGuard(PiiPolicy pii, PiiScanner scanner, GuardrailsPolicy guardrails, InjectionDetector injection) {
    this(pii, scanner, guardrails, injection, OutputGuard.none());
  }

  /**
   * @param pii the section, or null; {@code scanner} must then be null too
   * @param guardrails the section, or null; {@code injection} is used only when it sets an action
   */
  public RequestGuard(PiiPolicy pii, PiiScanner scanner, GuardrailsPolicy guardrails, InjectionDetector injection,
      OutputGuard output) {
    this.output = output;
    this.pii = pii;
    this.scanner = scanner;
    this.guardrails = guardrails;
    this.injection = guardrails != null && guardrails.injectionAction().isPresent() ? injection : null;
    this.redactionFindsSentValues = scanner != null && output.sentValuesAreFoundBy(pii);
    this.seen = new SeenTexts(scanner, this.injection);
  }

  /** What this guard remembers of recent requests' texts, for tests. */
  SeenTexts seenTexts() {
    return seen;
  }

  /** Whether any check is configured; when not, requests are not even parsed. */
  public boolean isActive() {
    return scanner != null || injection != null || output.isActive();
  }

  public GuardedRequest inspect(Endpoint endpoint, byte[] body) {
    if (!isActive()) {
      return GuardedRequest.untouched(body);
    }
    List<RequestTextSpans.Span> texts = RequestTextSpans.find(endpoint, body);
    if (texts == null) {
      // Not one this reader takes (a repeated member, say): the tree sees it as it always did.
      return inspectTree(endpoint, body);
    }
    boolean jsonRequested = false;
    JsonSchema schema = null;
    if (output.checksJson()) {
      // Only JSON checks need the request's response format and schema, which are read as a tree.
      JsonNode root;
      try {
        root = JSON.readTree(body);
      } catch (IOException e) {
        return GuardedRequest.untouched(body);
      }
      jsonRequested = AnswerTexts.jsonRequested(endpoint, root);
      schema = jsonRequested ? schemaOf(endpoint, root) : null;
    }
    Pass pass = new Pass();
    List<RequestTextSpans.Edit> edits = new ArrayList<>(4);
    for (int k = 0; k < texts.size(); k++) {
      RequestTextSpans.Span span = texts.get(k);
      // The last text is the new message; those before it (system prompt, history) come back.
      List<Replacement> replacements = pass.inspect(span.text, span.role, k < texts.size() - 1);
      if (replacements.isEmpty()) {
        continue;
      }
      if (span.plain()) {
        // Only the detected values' bytes change; the text around them is not re-encoded.
        for (Replacement r : replacements) {
          edits.add(RequestTextSpans.Edit.inside(span, r.start, r.end, r.with));
        }
      } else {
        edits.add(new RequestTextSpans.Edit(span, Replacement.apply(span.text, replacements)));
      }
    }
    return pass.result(endpoint, body, () -> RequestTextSpans.splice(body, edits),
        new AnswerCheck(output, endpoint, pass.sentValues, jsonRequested, schema));
  }

  /**
   * The same inspection on the body read as a tree, written out again when changed: for a body
   * {@link RequestTextSpans} does not take. The forwarded body is then Jackson's rendering of the
   * tree (compact, the last of repeated members kept).
   */
  private GuardedRequest inspectTree(Endpoint endpoint, byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return GuardedRequest.untouched(body);
    }
    Pass pass = new Pass();
    boolean jsonRequested = AnswerTexts.jsonRequested(endpoint, root);
    // Compiled here, before the request is changed: the schema is the app's, placeholders never
    // appear in it (a schema is not a text part).
    JsonSchema schema = jsonRequested && output.checksJson() ? schemaOf(endpoint, root) : null;
    RequestTexts.visit(endpoint, root, (text, role) -> Replacement.apply(text, pass.inspect(text, role, true)));
    return pass.result(endpoint, body, () -> bytesOf(root),
        new AnswerCheck(output, endpoint, pass.sentValues, jsonRequested, schema));
  }

  private static JsonSchema schemaOf(Endpoint endpoint, JsonNode root) {
    JsonNode schema = AnswerTexts.jsonSchema(endpoint, root);
    return schema == null ? null : JsonSchema.compile(schema);
  }

  /** The state of one request's inspection. */
  private final class Pass {
    final Pseudonyms pseudonyms = new Pseudonyms();
    final Map<String, Integer> counts = new LinkedHashMap<>();
    final Map<String, String> actions = new LinkedHashMap<>();
    final java.util.Set<String> sentValues = new java.util.HashSet<>();
    private final List<Replacement> replacements = new ArrayList<>(4);
    boolean changed;
    String blockedType;
    double injectionScore = -1;
    String injectionRule;

    /**
     * Scores and scans one text; returns what to replace in it (a list reused by the next text), in
     * order.
     *
     * @param mayRepeat whether the text may have been seen in an earlier request (a system prompt,
     *     an earlier turn): it is then looked up in {@link #seen} first. A request's last text, the
     *     new message, is scanned without the lookup, which would cost it a hash of its chars for
     *     nothing.
     */
    List<Replacement> inspect(String text, TextRole role, boolean mayRepeat) {
      score(text, role, mayRepeat);
      if (!redactionFindsSentValues) {
        output.collectSentValues(text, sentValues);
      }
      replacements.clear();
      if (scanner != null) {
        redact(text, mayRepeat);
      }
      return replacements;
    }

    private void score(String text, TextRole role, boolean mayRepeat) {
      if (injection == null) {
        return;
      }
      ContentSource source = role == TextRole.USER ? ContentSource.USER
          : role == TextRole.TOOL_RESULT ? ContentSource.TOOL_RESULT : null;
      if (source == null) {
        return;
      }
      InjectionScore score = mayRepeat ? seen.score(text, source) : injection.score(text, source);
      if (score.score() > injectionScore) {
        injectionScore = score.score();
        injectionRule = score.topRule();
      }
    }

    private void redact(String text, boolean mayRepeat) {
      List<Detection> detections = mayRepeat ? seen.detections(text) : scanner.scan(text);
      for (Detection d : detections) {
        PiiPolicy.Action action = pii.actionFor(d.type());
        counts.merge(d.type(), 1, Integer::sum);
        actions.put(d.type(), action.id());
        String value = text.substring(d.start(), d.end());
        sentValues.add(value);
        switch (action) {
          case MASK:
            replacements.add(new Replacement(d.start(), d.end(), "[" + Pseudonyms.label(d.type()) + "]"));
            changed = true;
            break;
          case PSEUDONYMIZE:
            replacements.add(new Replacement(d.start(), d.end(), pseudonyms.placeholderFor(d.type(), value)));
            changed = true;
            break;
          case BLOCK:
            if (blockedType == null) {
              blockedType = d.type();
            }
            break;
          default:
            break;
        }
      }
    }

    /** @param rewritten writes the changed body; called only when the changed body is the one sent */
    GuardedRequest result(Endpoint endpoint, byte[] original, Supplier<byte[]> rewritten, AnswerCheck answerCheck) {
      BlockedAnswer blocked = null;
      boolean flagged = false;
      if (injection != null && injectionScore >= guardrails.injectionThreshold()) {
        if (guardrails.injectionAction().get() == GuardrailsPolicy.InjectionAction.BLOCK) {
          blocked = BlockedAnswer.of(endpoint.format(), "guardrails.prompt_injection",
              String.format(Locale.ROOT, "prompt injection suspected (score %.2f, threshold %.2f, signal %s)",
                  injectionScore, guardrails.injectionThreshold(), injectionRule));
        } else {
          flagged = true;
        }
      }
      if (blocked == null && blockedType != null) {
        blocked = BlockedAnswer.of(endpoint.format(), "pii." + blockedType,
            "the request contains " + blockedType + " data, which this policy does not allow to leave the application");
      }
      byte[] body = changed && blocked == null ? rewritten.get() : original;
      return new GuardedRequest(body, changed && blocked == null, pseudonyms, pii != null && pii.restore(), counts,
          actions, blocked, injectionScore, injectionRule, flagged, answerCheck);
    }
  }

  /** The tree as UTF-8 JSON, written straight to bytes (no intermediate string). */
  private static byte[] bytesOf(JsonNode root) {
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException impossible) {
      // A tree read from JSON always writes back; the caller's failure path forwards the original.
      throw new UncheckedIOException(impossible);
    }
  }

  /** Chars {@code [start, end)} of a text become {@code with}. */
  private static final class Replacement {
    final int start;
    final int end;
    final String with;

    Replacement(int start, int end, String with) {
      this.start = start;
      this.end = end;
      this.with = with;
    }

    /** The text with the replacements (in order, not overlapping) made. */
    static String apply(String text, List<Replacement> replacements) {
      if (replacements.isEmpty()) {
        return text;
      }
      StringBuilder out = new StringBuilder(text.length() + 16 * replacements.size());
      int at = 0;
      for (Replacement r : replacements) {
        out.append(text, at, r.start).append(r.with);
        at = r.end;
      }
      return out.append(text, at, text.length()).toString();
    }
  }
}
