package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.LlmRequest;
import dev.airlock.agent.codec.RequestCodec;
import dev.airlock.agent.engine.PipelineState;
import dev.airlock.agent.engine.ProviderMatch;
import dev.airlock.agent.guard.injection.ContentSource;
import dev.airlock.agent.guard.injection.InjectionDetector;
import dev.airlock.agent.guard.injection.InjectionDetectors;
import dev.airlock.agent.guard.injection.InjectionScore;
import dev.airlock.agent.pii.Detection;
import dev.airlock.agent.pii.PiiScanner;
import dev.airlock.agent.policy.PipelineStates;
import dev.airlock.agent.redact.GuardedRequest;
import dev.airlock.agent.redact.PiiScanners;
import dev.airlock.agent.redact.Pseudonyms;
import dev.airlock.agent.redact.RequestTexts;
import dev.airlock.agent.redact.TextRole;
import dev.airlock.policy.PiiPolicy;
import dev.airlock.policy.Policy;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one request through what the agent would do with it, without sending anything: the same
 * {@link PipelineState} ({@link PipelineStates#of}), the same provider match, codec and {@link
 * dev.airlock.agent.redact.RequestGuard}, in the order {@code Pipeline.begin} runs them.
 *
 * <p>The guard reports totals only (counts per type, the highest injection score), by design: the
 * agent must not carry values around. An explanation needs the detail, so the texts are also
 * visited here, value by value, with a scanner and detector built from the same policy, and the
 * placeholders numbered the way the guard numbers them. The verdict and the outgoing body always
 * come from the guard itself; where the detail and the guard's totals differ the result says so
 * ({@link DryRunResult#disagreements()}).
 *
 * <p>Built once per policy and reused for every request (the {@code test} command's cases).
 */
final class DryRun {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Policy policy;
  private final PipelineState state;
  private final PiiPolicy pii;
  private final PiiScanner scanner;
  private final InjectionDetector injection;

  DryRun(Policy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.state = PipelineStates.of(policy);
    this.pii = policy.pii().orElse(null);
    this.scanner = pii == null ? null : PiiScanners.from(pii);
    boolean scoresInjection = policy.guardrails().map(g -> g.injectionAction().isPresent()).orElse(false);
    // The same class loader PipelineStates uses, so that an extension detector is found here too.
    this.injection = scoresInjection ? InjectionDetectors.load(PipelineStates.class.getClassLoader()) : null;
  }

  /**
   * @throws UsageException when the request names a provider the URL does not reach (or an unknown
   *     one): a request file that contradicts itself
   */
  DryRunResult run(RequestSpec spec) throws UsageException {
    URI url = spec.url(policy);
    String host = url.getHost();
    int port = effectivePort(url);
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    ProviderMatch match = state.registry().match(host, port, path);
    if (spec.provider().isPresent()) {
      String reached = match == null ? null : match.provider().providerName();
      if (!spec.provider().get().equals(reached)) {
        throw new UsageException(spec.source() + ": names provider '" + spec.provider().get() + "' but " + url
            + (reached == null ? " is not an LLM API this policy knows" : " goes to provider '" + reached + "'"));
      }
    }
    byte[] body = spec.body();
    List<String> disagreements = new ArrayList<>();
    if (match == null) {
      return new DryRunResult(policy, state, spec, url, port, null, null, List.of(), null, body, false, disagreements);
    }
    Endpoint endpoint = match.endpoint();
    LlmRequest request = RequestCodec.parse(endpoint, path, body);
    if (request == null) {
      return new DryRunResult(policy, state, spec, url, port, match, null, List.of(), null, body, false, disagreements);
    }
    GuardedRequest guarded = state.guard().inspect(endpoint, body);
    List<TextPart> texts = state.guard().isActive() ? texts(endpoint, body) : List.of();
    check(texts, guarded, disagreements);
    byte[] outgoing = guarded.blocked() == null ? guarded.body() : null;
    boolean usageRequested = false;
    // As Pipeline.begin: a stream that does not ask for usage is made to, so that it can be priced.
    if (outgoing != null && endpoint == Endpoint.OPENAI_CHAT && request.stream() && !request.streamIncludeUsage()) {
      byte[] withUsage = RequestCodec.withStreamUsageRequested(outgoing);
      if (withUsage != null && withUsage != outgoing) {
        outgoing = withUsage;
        usageRequested = true;
      }
    }
    return new DryRunResult(policy, state, spec, url, port, match, request, texts, guarded, outgoing, usageRequested,
        disagreements);
  }

  /** The texts with their findings and scores, visited in the guard's order on a private copy of the body. */
  private List<TextPart> texts(Endpoint endpoint, byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return List.of(); // the guard passes such a body through untouched, and so is there nothing to show
    }
    List<TextPart> texts = new ArrayList<>();
    Pseudonyms pseudonyms = new Pseudonyms();
    RequestTexts.visit(endpoint, root, (text, role) -> {
      texts.add(new TextPart(texts.size() + 1, role, text.length(), findings(text, pseudonyms), score(text, role)));
      return text;
    });
    return texts;
  }

  private List<PiiFinding> findings(String text, Pseudonyms pseudonyms) {
    List<PiiFinding> findings = new ArrayList<>();
    if (scanner == null) {
      return findings;
    }
    for (Detection d : scanner.scan(text)) {
      PiiPolicy.Action action = pii.actionFor(d.type());
      String value = d.text(text);
      String placeholder;
      switch (action) {
        case MASK:
          placeholder = "[" + Pseudonyms.label(d.type()) + "]";
          break;
        case PSEUDONYMIZE:
          placeholder = pseudonyms.placeholderFor(d.type(), value);
          break;
        default:
          placeholder = null; // detect and block leave the value where it is
          break;
      }
      findings.add(new PiiFinding(d, action, placeholder, value));
    }
    return findings;
  }

  /** Scores as the guard does: the end user's text and tool results; system and assistant text is trusted. */
  private InjectionScore score(String text, TextRole role) {
    if (injection == null) {
      return null;
    }
    ContentSource source = role == TextRole.USER ? ContentSource.USER
        : role == TextRole.TOOL_RESULT ? ContentSource.TOOL_RESULT : null;
    return source == null ? null : injection.score(text, source);
  }

  /** Compares the per-text account with the guard's totals. */
  private static void check(List<TextPart> texts, GuardedRequest guarded, List<String> disagreements) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, String> placeholders = new LinkedHashMap<>();
    double maxScore = -1;
    for (TextPart t : texts) {
      for (PiiFinding f : t.findings()) {
        counts.merge(f.type(), 1, Integer::sum);
        if (f.action() == PiiPolicy.Action.PSEUDONYMIZE) {
          placeholders.put(f.placeholder(), f.value());
        }
      }
      if (t.injection() != null) {
        maxScore = Math.max(maxScore, t.injection().score());
      }
    }
    if (!counts.equals(guarded.piiCounts())) {
      disagreements.add("detections per type: explained " + counts + ", the guard counted " + guarded.piiCounts());
    }
    if (!placeholders.equals(guarded.restorations())) {
      disagreements.add("pseudonyms: explained " + placeholders.keySet() + ", the guard made "
          + guarded.restorations().keySet());
    }
    if (Double.compare(maxScore, guarded.injectionScore()) != 0) {
      disagreements.add(String.format(Locale.ROOT, "injection score: explained %.3f, the guard scored %.3f",
          maxScore, guarded.injectionScore()));
    }
  }

  private static int effectivePort(URI url) {
    if (url.getPort() != -1) {
      return url.getPort();
    }
    return "http".equalsIgnoreCase(url.getScheme()) ? 80 : 443;
  }
}
