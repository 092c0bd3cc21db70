package dev.airlock.agent.engine;

import dev.airlock.agent.audit.AuditLog;
import dev.airlock.agent.cache.ExactCache;
import dev.airlock.agent.cache.semantic.SemanticCaching;
import dev.airlock.agent.cost.PriceTable;
import dev.airlock.agent.identity.IdentityResolver;
import dev.airlock.agent.redact.RequestGuard;
import dev.airlock.agent.route.Breakers;
import dev.airlock.agent.route.ResilienceSettings;
import dev.airlock.agent.route.Routing;
import dev.airlock.agent.telemetry.BudgetEvents;
import dev.airlock.agent.telemetry.LlmInstruments;
import dev.airlock.agent.telemetry.content.ContentCapture;
import java.util.Map;

/**
 * Everything a call needs from the policy in force, swapped as one immutable unit so that a call
 * finishes under the policy it started with.
 */
public final class PipelineState {
  private final ProviderRegistry registry;
  private final PriceTable prices;
  private final PolicyIdentity policy;
  private final RequestGuard guard;
  private final IdentityResolver identity;
  private final Routing routing;
  private final Map<String, RequestGuard> routeGuards;
  private final ExactCache exactCache;
  private final SemanticCaching semanticCache;
  private final SpendControls spend;
  private final BudgetEvents budgetEvents;
  private final boolean failClosed;
  private final String refusal;
  private final AuditLog audit;
  /** Null unless the policy says {@code telemetry.capture_content: true}. */
  private final ContentCapture contentCapture;

  public PipelineState(ProviderRegistry registry, PriceTable prices, PolicyIdentity policy, RequestGuard guard) {
    this(registry, prices, policy, guard, IdentityResolver.none());
  }

  public PipelineState(ProviderRegistry registry, PriceTable prices, PolicyIdentity policy, RequestGuard guard,
      IdentityResolver identity) {
    this.registry = registry;
    this.prices = prices;
    this.policy = policy;
    this.guard = guard;
    this.identity = identity;
    this.routing = Routing.NONE;
    this.routeGuards = Map.of();
    this.exactCache = null;
    this.semanticCache = null;
    this.spend = SpendControls.NONE;
    this.budgetEvents = null;
    this.failClosed = false;
    this.refusal = null;
    this.audit = null;
    this.contentCapture = null;
  }

  private PipelineState(PipelineState base, Routing routing, Map<String, RequestGuard> routeGuards,
      ExactCache exactCache, SemanticCaching semanticCache, SpendControls spend, BudgetEvents budgetEvents,
      boolean failClosed, String refusal, AuditLog audit) {
    this.registry = base.registry;
    this.prices = base.prices;
    this.policy = base.policy;
    this.guard = base.guard;
    this.identity = base.identity;
    this.routing = routing;
    this.routeGuards = Map.copyOf(routeGuards);
    this.exactCache = exactCache;
    this.semanticCache = semanticCache;
    this.spend = spend;
    this.budgetEvents = budgetEvents;
    this.failClosed = failClosed;
    this.refusal = refusal;
    this.audit = audit;
    this.contentCapture = base.contentCapture;
  }

  private PipelineState(PipelineState base, ContentCapture contentCapture) {
    this.registry = base.registry;
    this.prices = base.prices;
    this.policy = base.policy;
    this.guard = base.guard;
    this.identity = base.identity;
    this.routing = base.routing;
    this.routeGuards = base.routeGuards;
    this.exactCache = base.exactCache;
    this.semanticCache = base.semanticCache;
    this.spend = base.spend;
    this.budgetEvents = base.budgetEvents;
    this.failClosed = base.failClosed;
    this.refusal = base.refusal;
    this.audit = base.audit;
    this.contentCapture = contentCapture;
  }

  /** This state putting redacted prompts and answers on spans ({@code telemetry.capture_content: true}). */
  public PipelineState withContentCapture(ContentCapture capture) {
    return new PipelineState(this, capture);
  }

  /** What records content on spans, or null when the policy leaves it out (the default). */
  public ContentCapture contentCapture() {
    return contentCapture;
  }

  /**
   * This state failing closed ({@code on_internal_error: block}): an internal failure of the agent
   * refuses the call instead of forwarding it.
   */
  public PipelineState failingClosed() {
    return new PipelineState(this, routing, routeGuards, exactCache, semanticCache, spend, budgetEvents, true, refusal,
        audit);
  }

  /**
   * A state that refuses every LLM call, saying why: what a fail-closed agent does when the policy
   * it was given cannot be applied (a bad signature, an invalid file).
   */
  public PipelineState refusingAll(String reason) {
    return new PipelineState(this, routing, routeGuards, exactCache, semanticCache, spend, budgetEvents, true, reason,
        audit);
  }

  /** Whether an internal failure refuses the call rather than forwarding it. */
  public boolean failClosed() {
    return failClosed;
  }

  /** Why every LLM call is refused, or null in normal operation. */
  public String refusal() {
    return refusal;
  }

  /** This state with budgets and rate limits; {@code events} hears their thresholds. */
  public PipelineState withSpend(SpendControls controls, BudgetEvents events) {
    return new PipelineState(this, routing, routeGuards, exactCache, semanticCache, controls, events, failClosed,
        refusal, audit);
  }

  /** Budgets and rate limits; {@link SpendControls#NONE} when the policy has neither. */
  public SpendControls spend() {
    return spend;
  }

  /** Attaches the metrics of everything in this state that reports outside a call. */
  void attach(LlmInstruments instruments) {
    routing.attach(instruments);
    if (audit != null) {
      audit.attach(instruments.meter());
    }
    if (budgetEvents != null) {
      budgetEvents.attach(instruments);
    }
  }

  /** This state writing an audit line per call to {@code log}. */
  public PipelineState withAudit(AuditLog log) {
    return new PipelineState(this, routing, routeGuards, exactCache, semanticCache, spend, budgetEvents, failClosed,
        refusal, log);
  }

  /** The audit log, or null when the policy has no {@code audit:} section (nothing is recorded). */
  public AuditLog audit() {
    return audit;
  }

  /** This state with an exact response cache. */
  public PipelineState withExactCache(ExactCache cache) {
    return new PipelineState(this, routing, routeGuards, cache, semanticCache, spend, budgetEvents, failClosed,
        refusal, audit);
  }

  /** The exact response cache, or null when the policy has none. */
  public ExactCache exactCache() {
    return exactCache;
  }

  /** This state with a semantic response cache and its embedder. */
  public PipelineState withSemanticCache(SemanticCaching semantic) {
    return new PipelineState(this, routing, routeGuards, exactCache, semantic, spend, budgetEvents, failClosed,
        refusal, audit);
  }

  /** The semantic response cache, or null when the policy has none or no embedder is available. */
  public SemanticCaching semanticCache() {
    return semanticCache;
  }

  /**
   * This state with routes and resilience.
   *
   * @param routeGuards the guard of each route that sets its own PII action, by route name
   */
  public PipelineState withRouting(Routing routing, Map<String, RequestGuard> routeGuards) {
    return new PipelineState(this, routing, routeGuards, exactCache, semanticCache, spend, budgetEvents, failClosed,
        refusal, audit);
  }

  /** Routes, resilience and their state; {@link Routing#NONE} when the policy has neither. */
  public Routing routing() {
    return routing;
  }

  /** The guard of a route that sets its own PII action, or null. */
  public RequestGuard routeGuard(String routeName) {
    return routeName == null ? null : routeGuards.get(routeName);
  }

  public ResilienceSettings resilience() {
    return routing.resilience();
  }

  public Breakers breakers() {
    return routing.breakers();
  }

  /** How tenant, feature and user are learned (nothing when the policy has no identity section). */
  public IdentityResolver identity() {
    return identity;
  }

  /** The input guardrails and PII handling of the policy (inactive when it has none). */
  public RequestGuard guard() {
    return guard;
  }

  public ProviderRegistry registry() {
    return registry;
  }

  public PriceTable prices() {
    return prices;
  }

  public PolicyIdentity policy() {
    return policy;
  }
}
