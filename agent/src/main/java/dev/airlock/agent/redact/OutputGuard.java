package dev.airlock.agent.redact;

import dev.airlock.agent.guard.json.JsonSchema;
import dev.airlock.agent.guard.json.StreamingJsonCheck;
import dev.airlock.agent.pii.Detection;
import dev.airlock.agent.pii.PiiScanner;
import dev.airlock.agent.pii.PiiTypes;
import dev.airlock.policy.GuardrailsPolicy;
import dev.airlock.policy.GuardrailsPolicy.OutputAction;
import dev.airlock.policy.PiiPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The output side of the policy ({@code guardrails.output}): personal data in the answer that the
 * application did not send, secrets, deny patterns, and, when JSON was asked for, that the answer is
 * JSON conforming to the request's schema if it gave one.
 * Built once per policy; thread-safe.
 */
public final class OutputGuard {

  private final OutputAction piiAction;
  private final OutputAction secretsAction;
  private final OutputAction jsonAction;
  private final PiiScanner piiScanner;
  private final PiiScanner secretScanner;
  private final List<Pattern> deny;
  /** The {@code pii:} section whose detectors {@link #piiScanner} runs, or null for the built-in set. */
  private final PiiPolicy scannedPii;
  /** What a stream holds back so that these rules can still act on it. */
  private final OpenValues openValues;

  private OutputGuard(GuardrailsPolicy policy, PiiScanner piiScanner, PiiScanner secretScanner, PiiPolicy scannedPii) {
    this.scannedPii = scannedPii;
    this.piiAction = policy == null ? null : policy.outputPii().orElse(null);
    this.secretsAction = policy == null ? null : policy.outputSecrets().orElse(null);
    this.jsonAction = policy == null ? null : policy.outputJson().orElse(null);
    this.piiScanner = piiAction == null ? null : piiScanner;
    this.secretScanner = secretsAction == null ? null : secretScanner;
    List<Pattern> patterns = new ArrayList<>();
    if (policy != null) {
      for (String regex : policy.outputDeny()) {
        patterns.add(Pattern.compile(regex));
      }
    }
    this.deny = patterns;
    this.openValues = buildOpenValues();
  }

  /** The hold rules for the detectors and patterns these rules run (see {@link OpenValues}). */
  private OpenValues buildOpenValues() {
    List<String> types = piiScanner == null ? List.of() : piiScanner.types();
    boolean iban = types.contains(PiiTypes.IBAN);
    boolean nino = types.contains(PiiTypes.UK_NINO);
    boolean ip = types.contains(PiiTypes.IP_ADDRESS);
    boolean digitRuns = iban || nino || ip || types.contains(PiiTypes.PHONE)
        || types.contains(PiiTypes.CREDIT_CARD) || types.contains(PiiTypes.US_SSN)
        || types.contains(PiiTypes.DE_TAX_ID) || types.contains(PiiTypes.ES_NIF);
    OpenValues.Families families =
        new OpenValues.Families(digitRuns, iban, nino, ip, secretScanner != null);
    List<OpenValues.Phrases> phrases = new ArrayList<>();
    List<OpenValues.Regex> regexes = new ArrayList<>();
    if (piiScanner != null && scannedPii != null) {
      for (PiiPolicy.CustomPii custom : scannedPii.custom()) {
        if (custom.pattern() != null) {
          regexes.add(new OpenValues.Regex(Pattern.compile(custom.pattern()), !custom.context().isEmpty()));
        }
        if (!custom.words().isEmpty()) {
          phrases.add(new OpenValues.Phrases(custom.words(), custom.caseSensitive()));
        }
      }
    }
    for (Pattern p : deny) {
      regexes.add(new OpenValues.Regex(p, false));
    }
    OpenValues.SecretProbe probe = secretScanner == null ? null : (text, index) -> {
      for (Detection d : secretScanner.scan(text)) {
        if (d.start() <= index && index < d.end()) {
          return true;
        }
      }
      return false;
    };
    return new OpenValues(families, phrases, regexes, probe);
  }

  /** The types the answer's PII scan runs (the secret scanner's not among them when it runs). */
  List<String> piiScanTypes() {
    return piiScanner == null ? List.of() : piiScanner.types();
  }

  /** What a stream of the answer holds back so that these rules can still act on it. */
  OpenValues openValues() {
    return openValues;
  }

  /** No output rules. */
  public static OutputGuard none() {
    return new OutputGuard(null, null, null, null);
  }

  /**
   * @param pii the policy's {@code pii:} section, whose types (and custom detectors) the answer is
   *     checked for; without one, every built-in type but secrets
   */
  public static OutputGuard of(GuardrailsPolicy guardrails, PiiPolicy pii) {
    if (guardrails == null || !guardrails.checksOutput()) {
      return none();
    }
    // When secrets are checked, the secret scanner runs the secret detectors on every answer text
    // anyway, and a PII finding inside a secret it reports is dropped (see check): the PII scan
    // need not run them a second time. Without a secrets rule they stay in it, where they keep
    // the digits of a key from being reported as a phone number.
    boolean secretsChecked = guardrails.outputSecrets().isPresent();
    PiiScanner piiScanner = pii != null ? PiiScanners.from(pii, secretsChecked ? PiiTypes.SECRET : null)
        : PiiScanner.builder().enable(withoutSecrets(PiiTypes.builtIn())).build();
    PiiScanner secrets = PiiScanner.builder().enable(List.of(PiiTypes.SECRET)).build();
    return new OutputGuard(guardrails, piiScanner, secrets, pii);
  }

  /** With the given scanners as they are; for tests that compare scanner set-ups. */
  static OutputGuard withScanners(GuardrailsPolicy guardrails, PiiScanner piiScanner, PiiPolicy pii) {
    return new OutputGuard(guardrails, piiScanner, PiiScanner.builder().enable(List.of(PiiTypes.SECRET)).build(), pii);
  }

  private static List<String> withoutSecrets(List<String> types) {
    List<String> out = new ArrayList<>(types);
    out.remove(PiiTypes.SECRET);
    return out;
  }

  public boolean isActive() {
    return piiScanner != null || secretScanner != null || !deny.isEmpty() || jsonAction != null;
  }

  /** Whether stream text must be held back a little so that values can be masked before release. */
  public boolean masksText() {
    return piiAction == OutputAction.MASK || secretsAction == OutputAction.MASK;
  }

  /** One rule that fired on a text: where, which type, and what the policy does about it. */
  public static final class Finding {
    final String rule;
    final String type;
    final int start;
    final int end;
    final OutputAction action;

    Finding(String rule, String type, int start, int end, OutputAction action) {
      this.rule = rule;
      this.type = type;
      this.start = start;
      this.end = end;
      this.action = action;
    }

    public String rule() {
      return rule;
    }

    public String type() {
      return type;
    }

    public OutputAction action() {
      return action;
    }
  }

  /**
   * Whether the values the app sent are exactly what a request scan with {@code pii}'s detectors
   * finds, so the request guard can collect them from its own scan instead of scanning twice: true
   * when the answer is not checked for PII at all, or is checked with that very section.
   */
  boolean sentValuesAreFoundBy(PiiPolicy pii) {
    return piiScanner == null || (pii != null && pii == scannedPii);
  }

  /** Adds the personal data in a request text to {@code values}: the app's own values are not findings in its answer. */
  void collectSentValues(String text, Set<String> values) {
    if (piiScanner == null) {
      return;
    }
    for (Detection d : piiScanner.scan(text)) {
      values.add(text.substring(d.start(), d.end()));
    }
  }

  /** Every finding in {@code text}, in order of position. Values the app itself sent are not PII findings. */
  public List<Finding> check(String text, Set<String> sentValues) {
    return check(new PiiScanner.SharedText(text), text, sentValues);
  }

  /** As {@link #check(String, Set)}, on {@code text} shared with the caller's scan buffers. */
  List<Finding> check(PiiScanner.SharedText shared, String text, Set<String> sentValues) {
    List<Finding> findings = new ArrayList<>();
    if (secretScanner != null) {
      for (Detection d : secretScanner.scan(shared)) {
        findings.add(new Finding("guardrails.output.secrets", d.type(), d.start(), d.end(), secretsAction));
      }
    }
    if (piiScanner != null) {
      for (Detection d : piiScanner.scan(shared)) {
        if (!PiiTypes.SECRET.equals(d.type()) && !sentValues.contains(text.substring(d.start(), d.end()))
            && !overlapsAny(findings, d.start(), d.end())) {
          findings.add(new Finding("guardrails.output.pii", d.type(), d.start(), d.end(), piiAction));
        }
      }
    }
    for (Pattern p : deny) {
      java.util.regex.Matcher m = p.matcher(text);
      if (m.find()) {
        findings.add(new Finding("guardrails.output.deny", "deny", m.start(), m.end(), OutputAction.BLOCK));
      }
    }
    findings.sort((a, b) -> Integer.compare(a.start, b.start));
    return findings;
  }

  private static boolean overlapsAny(List<Finding> findings, int start, int end) {
    for (Finding f : findings) {
      if (f.start < end && start < f.end) {
        return true;
      }
    }
    return false;
  }

  /** The text with every masking finding replaced by {@code [TYPE]}. */
  static String mask(String text, List<Finding> findings) {
    if (findings.isEmpty()) {
      return text; // most of a stream's events: no copy
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Finding f : findings) {
      if (f.action != OutputAction.MASK || f.start < at) {
        continue;
      }
      out.append(text, at, f.start).append('[').append(Pseudonyms.label(f.type)).append(']');
      at = f.end;
    }
    return out.append(text, at, text.length()).toString();
  }

  /** The first finding that blocks the answer, or null. */
  static Finding blocking(List<Finding> findings) {
    for (Finding f : findings) {
      if (f.action == OutputAction.BLOCK) {
        return f;
      }
    }
    return null;
  }

  /** Whether the policy checks JSON answers ({@code guardrails.output.json} is set). */
  public boolean checksJson() {
    return jsonAction != null;
  }

  /** What {@code guardrails.output.json} does with an answer that breaks it; null when not set. */
  OutputAction jsonAction() {
    return jsonAction;
  }

  /** When JSON was asked for: null if the text is JSON (or not checked), else the json rule's action. */
  public OutputAction jsonViolation(String text) {
    return jsonViolation(text, null);
  }

  /**
   * When JSON was asked for: null if the text is one JSON value conforming to {@code schema} (null:
   * any JSON), or if JSON is not checked; else the json rule's action. Whole answers and streams
   * get the same verdict (see {@link StreamingJsonCheck}).
   */
  public OutputAction jsonViolation(String text, JsonSchema schema) {
    if (jsonAction == null) {
      return null;
    }
    return StreamingJsonCheck.check(text, schema) == null ? null : jsonAction;
  }
}
