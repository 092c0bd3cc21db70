package dev.airlock.agent.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import java.util.Arrays;
import java.util.List;

/**
 * The tracer and the metric instruments of LLM calls, created once: the GenAI client metrics
 * (with the bucket boundaries the conventions advise) and Airlock's cost counter.
 */
public final class LlmInstruments {

  static final String SCOPE = "dev.airlock";

  private static final List<Long> TOKEN_BUCKETS = Arrays.asList(
      1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L, 1048576L, 4194304L, 16777216L, 67108864L);
  private static final List<Double> SECONDS_BUCKETS = Arrays.asList(
      0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
  private static final List<Double> FIRST_CHUNK_BUCKETS = Arrays.asList(
      0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

  private final Tracer tracer;
  private final LongHistogram tokenUsage;
  private final DoubleHistogram operationDuration;
  private final DoubleHistogram timeToFirstChunk;
  private final DoubleCounter cost;
  private final LongCounter piiDetections;
  private final LongCounter blocked;
  private final DoubleCounter cacheSaved;
  private final LongCounter budgetAlerts;
  private final Meter meter;
  private final LongCounter retries;
  private final LongCounter fallbacks;
  private final LongCounter breakerTransitions;
  private final LongCounter degraded;
  private final LongCounter canaryRollbacks;
  private final LongCounter shadowCalls;
  private final DoubleHistogram shadowSimilarity;
  private final AttributeSets attributeSets = new AttributeSets();

  public LlmInstruments(OpenTelemetry openTelemetry, String agentVersion) {
    this.tracer = openTelemetry.getTracer(SCOPE, agentVersion);
    Meter meter = openTelemetry.getMeter(SCOPE);
    this.tokenUsage = meter.histogramBuilder("gen_ai.client.token.usage")
        .ofLongs()
        .setUnit("{token}")
        .setDescription("Number of input and output tokens used.")
        .setExplicitBucketBoundariesAdvice(TOKEN_BUCKETS)
        .build();
    this.operationDuration = meter.histogramBuilder("gen_ai.client.operation.duration")
        .setUnit("s")
        .setDescription("GenAI operation duration.")
        .setExplicitBucketBoundariesAdvice(SECONDS_BUCKETS)
        .build();
    this.timeToFirstChunk = meter.histogramBuilder("gen_ai.client.operation.time_to_first_chunk")
        .setUnit("s")
        .setDescription("Time to receive the first chunk of a streamed response.")
        .setExplicitBucketBoundariesAdvice(FIRST_CHUNK_BUCKETS)
        .build();
    this.cost = meter.counterBuilder("airlock.cost")
        .ofDoubles()
        .setUnit("USD")
        .setDescription("Cost of LLM calls in US dollars, from the price table and the policy's models.")
        .build();
    this.piiDetections = meter.counterBuilder("airlock.pii.detections")
        .setUnit("{detection}")
        .setDescription("Personal data found in requests, by type and the action taken.")
        .build();
    this.blocked = meter.counterBuilder("airlock.blocked")
        .setUnit("{call}")
        .setDescription("LLM calls the policy refused, by rule.")
        .build();
    this.meter = meter;
    this.budgetAlerts = meter.counterBuilder("airlock.budget.alerts")
        .setUnit("{alert}")
        .setDescription("Budget thresholds crossed (alert_at) and budgets exceeded (threshold 1.0), by budget and scope.")
        .build();
    this.cacheSaved = meter.counterBuilder("airlock.cache.saved")
        .ofDoubles()
        .setUnit("USD")
        .setDescription("What calls answered from the exact cache would have cost at the provider.")
        .build();
    this.retries = meter.counterBuilder("airlock.route.retries")
        .setUnit("{attempt}")
        .setDescription("Attempts repeated on the same target after a transient failure, by target.")
        .build();
    this.fallbacks = meter.counterBuilder("airlock.route.fallbacks")
        .setUnit("{call}")
        .setDescription("Calls moved on to the next target of their chain, by the target given up on.")
        .build();
    this.breakerTransitions = meter.counterBuilder("airlock.route.breaker.transitions")
        .setUnit("{transition}")
        .setDescription("Circuit breaker state changes, by target and new state.")
        .build();
    this.degraded = meter.counterBuilder("airlock.route.degraded")
        .setUnit("{call}")
        .setDescription("Calls answered with the policy's degraded answer because every target failed, by route.")
        .build();
    this.canaryRollbacks = meter.counterBuilder("airlock.route.canary.rollbacks")
        .setUnit("{rollback}")
        .setDescription("Canaries taken out of a route because their error rate crossed the limit.")
        .build();
    this.shadowCalls = meter.counterBuilder("airlock.route.shadow.calls")
        .setUnit("{call}")
        .setDescription("Copies of calls sent to a shadow target, by target and outcome.")
        .build();
    this.shadowSimilarity = meter.histogramBuilder("airlock.route.shadow.similarity")
        .setUnit("1")
        .setDescription("Similarity (0..1) of a shadow target's answer to the answer the application got.")
        .setExplicitBucketBoundariesAdvice(Arrays.asList(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99))
        .build();
  }

  public LongCounter budgetAlerts() {
    return budgetAlerts;
  }

  /** For instruments whose values are read when exported (the remaining-budget gauge). */
  public Meter meter() {
    return meter;
  }

  public DoubleCounter cacheSaved() {
    return cacheSaved;
  }

  public LongCounter retries() {
    return retries;
  }

  public LongCounter fallbacks() {
    return fallbacks;
  }

  public LongCounter breakerTransitions() {
    return breakerTransitions;
  }

  public LongCounter degraded() {
    return degraded;
  }

  public LongCounter canaryRollbacks() {
    return canaryRollbacks;
  }

  public LongCounter shadowCalls() {
    return shadowCalls;
  }

  public DoubleHistogram shadowSimilarity() {
    return shadowSimilarity;
  }

  public LongCounter piiDetections() {
    return piiDetections;
  }

  public LongCounter blocked() {
    return blocked;
  }

  /** The per-call metrics' attribute sets, reused from call to call. */
  public AttributeSets attributeSets() {
    return attributeSets;
  }

  public Tracer tracer() {
    return tracer;
  }

  public LongHistogram tokenUsage() {
    return tokenUsage;
  }

  public DoubleHistogram operationDuration() {
    return operationDuration;
  }

  public DoubleHistogram timeToFirstChunk() {
    return timeToFirstChunk;
  }

  public DoubleCounter cost() {
    return cost;
  }
}
