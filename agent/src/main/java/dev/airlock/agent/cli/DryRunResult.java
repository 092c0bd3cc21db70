package dev.airlock.agent.cli;

import dev.airlock.agent.codec.LlmRequest;
import dev.airlock.agent.engine.PipelineState;
import dev.airlock.agent.engine.ProviderMatch;
import dev.airlock.agent.redact.BlockedAnswer;
import dev.airlock.agent.redact.GuardedRequest;
import dev.airlock.policy.GuardrailsPolicy;
import dev.airlock.policy.Policy;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the agent would decide about one request under one policy, as {@link DryRun} found
 * it. {@code explain} prints it; {@code test} checks expectations against it. Immutable.
 */
final class DryRunResult {

  /** What happens to the request in the end. */
  enum Verdict {
    /** No provider endpoint matches the URL: the agent lets the call go untouched and records nothing. */
    NOT_AN_LLM_CALL,
    /** A provider endpoint matches but the body is not one the codecs read: passed through untouched. */
    NOT_UNDERSTOOD,
    /** Sent to the provider, possibly with values redacted. */
    SENT,
    /** Answered by the agent with a provider-format error: {@link DryRunResult#blockedAnswer()}. */
    BLOCKED
  }

  private final Policy policy;
  private final PipelineState state;
  private final RequestSpec spec;
  private final URI url;
  private final int port;
  private final ProviderMatch match;
  private final LlmRequest request;
  private final CallIdentity identity;
  private final List<TextPart> texts;
  private final GuardedRequest guarded;
  private final RouteDecision route;
  private final byte[] outgoing;
  private final boolean usageRequested;
  private final List<String> disagreements;

  DryRunResult(Policy policy, PipelineState state, RequestSpec spec, URI url, int port, ProviderMatch match,
      LlmRequest request, CallIdentity identity, List<TextPart> texts, GuardedRequest guarded, RouteDecision route,
      byte[] outgoing, boolean usageRequested, List<String> disagreements) {
    this.policy = policy;
    this.state = state;
    this.spec = spec;
    this.url = url;
    this.port = port;
    this.match = match;
    this.request = request;
    this.identity = identity;
    this.texts = Collections.unmodifiableList(new ArrayList<>(texts));
    this.guarded = guarded;
    this.route = route;
    this.outgoing = outgoing;
    this.usageRequested = usageRequested;
    this.disagreements = Collections.unmodifiableList(new ArrayList<>(disagreements));
  }

  Policy policy() {
    return policy;
  }

  /** The state the agent would run on for this policy (registry, prices, guard). */
  PipelineState state() {
    return state;
  }

  RequestSpec spec() {
    return spec;
  }

  /** The URL the request goes to. */
  URI url() {
    return url;
  }

  /** The effective port: the URL's, else the scheme's default, as the doors compute it. */
  int port() {
    return port;
  }

  /** The provider endpoint and API the URL matched, or null when it is not an LLM call. */
  ProviderMatch match() {
    return match;
  }

  /** What the codec read from the body, or null when there is no match or the body is not understood. */
  LlmRequest request() {
    return request;
  }

  /** Who the call is attributed to: the request's identity, else the given context. */
  CallIdentity identity() {
    return identity;
  }

  /** Where the routes send the request; {@link RouteDecision#NOT_APPLIED} when it is not routed at all. */
  RouteDecision route() {
    return route;
  }

  /** The request's texts in visiting order; empty when the guard has nothing to check. */
  List<TextPart> texts() {
    return texts;
  }

  /**
   * The guard's outcome, or null when the request never reaches the guard. When the matched route
   * sets its own PII action, this is that guard's outcome, as in the agent.
   */
  GuardedRequest guarded() {
    return guarded;
  }

  /**
   * The body the provider would receive, after redaction and before a route changes its model or
   * translates it; null when nothing is sent (blocked or denied).
   */
  byte[] outgoing() {
    return outgoing == null ? null : outgoing.clone();
  }

  /** Whether the agent adds {@code stream_options.include_usage} so that the stream reports usage. */
  boolean usageRequested() {
    return usageRequested;
  }

  /**
   * Places where the per-text account (computed here, value by value) and the guard's own totals
   * differ. Empty unless the guard changed without the CLI following; shown so that an explanation
   * never silently contradicts what the agent does.
   */
  List<String> disagreements() {
    return disagreements;
  }

  Verdict verdict() {
    if (match == null) {
      return Verdict.NOT_AN_LLM_CALL;
    }
    if (request == null) {
      return Verdict.NOT_UNDERSTOOD;
    }
    return blockedAnswer() != null ? Verdict.BLOCKED : Verdict.SENT;
  }

  /**
   * What the application gets instead of an answer, or null when the request is sent: a route's
   * refusal first (as the agent answers it), else the guard's block.
   */
  BlockedAnswer blockedAnswer() {
    if (route.denied() != null) {
      return route.denied();
    }
    return guarded == null ? null : guarded.blocked();
  }

  /** The rule that blocked the request ({@code pii.credit_card}, {@code route:NAME}), or null. */
  String blockedRule() {
    BlockedAnswer blocked = blockedAnswer();
    return blocked == null ? null : blocked.rule();
  }

  /** Every finding of every text, in order. */
  List<PiiFinding> findings() {
    List<PiiFinding> all = new ArrayList<>();
    for (TextPart t : texts) {
      all.addAll(t.findings());
    }
    return all;
  }

  /** The types detected, whatever the action, in order of first appearance. */
  Set<String> detectedTypes() {
    Set<String> types = new LinkedHashSet<>();
    for (PiiFinding f : findings()) {
      types.add(f.type());
    }
    return types;
  }

  /** The types masked or pseudonymized at least once. */
  Set<String> redactedTypes() {
    Set<String> types = new LinkedHashSet<>();
    for (PiiFinding f : findings()) {
      if (f.isRedacted()) {
        types.add(f.type());
      }
    }
    return types;
  }

  /** The injection guardrail of the policy, or null when it sets none. */
  GuardrailsPolicy injectionGuardrail() {
    GuardrailsPolicy g = policy.guardrails().orElse(null);
    return g != null && g.injectionAction().isPresent() ? g : null;
  }

  /** The request's highest injection score, or -1 when nothing was scored. */
  double injectionScore() {
    return guarded == null ? -1 : guarded.injectionScore();
  }

  /** Whether the score reached the threshold, so that the guardrail's action (flag or block) fired. */
  boolean injectionTriggered() {
    GuardrailsPolicy g = injectionGuardrail();
    return g != null && injectionScore() >= 0 && injectionScore() >= g.injectionThreshold();
  }
}
