package dev.airlock.agent.telemetry;

import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.api.common.AttributeKey.booleanKey;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * Attribute names: the OpenTelemetry GenAI semantic conventions (Development stability, as of
 * 2026-11), the HTTP/server ones they reuse, and Airlock's own under {@code airlock.*}.
 */
public final class GenAiAttributes {

  public static final AttributeKey<String> OPERATION_NAME = stringKey("gen_ai.operation.name");
  public static final AttributeKey<String> PROVIDER_NAME = stringKey("gen_ai.provider.name");
  public static final AttributeKey<String> REQUEST_MODEL = stringKey("gen_ai.request.model");
  public static final AttributeKey<Double> REQUEST_TEMPERATURE = doubleKey("gen_ai.request.temperature");
  public static final AttributeKey<Double> REQUEST_TOP_P = doubleKey("gen_ai.request.top_p");
  public static final AttributeKey<Long> REQUEST_TOP_K = longKey("gen_ai.request.top_k");
  public static final AttributeKey<Long> REQUEST_MAX_TOKENS = longKey("gen_ai.request.max_tokens");
  public static final AttributeKey<Long> REQUEST_SEED = longKey("gen_ai.request.seed");
  public static final AttributeKey<Double> REQUEST_FREQUENCY_PENALTY = doubleKey("gen_ai.request.frequency_penalty");
  public static final AttributeKey<Double> REQUEST_PRESENCE_PENALTY = doubleKey("gen_ai.request.presence_penalty");
  public static final AttributeKey<List<String>> REQUEST_STOP_SEQUENCES = stringArrayKey("gen_ai.request.stop_sequences");
  public static final AttributeKey<Long> REQUEST_CHOICE_COUNT = longKey("gen_ai.request.choice.count");
  public static final AttributeKey<Boolean> REQUEST_STREAM = booleanKey("gen_ai.request.stream");
  public static final AttributeKey<String> RESPONSE_MODEL = stringKey("gen_ai.response.model");
  public static final AttributeKey<String> RESPONSE_ID = stringKey("gen_ai.response.id");
  public static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS = stringArrayKey("gen_ai.response.finish_reasons");
  public static final AttributeKey<Double> RESPONSE_TIME_TO_FIRST_CHUNK = doubleKey("gen_ai.response.time_to_first_chunk");
  public static final AttributeKey<Long> USAGE_INPUT_TOKENS = longKey("gen_ai.usage.input_tokens");
  public static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = longKey("gen_ai.usage.output_tokens");
  public static final AttributeKey<Long> USAGE_CACHE_READ_INPUT_TOKENS = longKey("gen_ai.usage.cache_read.input_tokens");
  public static final AttributeKey<Long> USAGE_CACHE_CREATION_INPUT_TOKENS = longKey("gen_ai.usage.cache_creation.input_tokens");
  public static final AttributeKey<Long> USAGE_REASONING_OUTPUT_TOKENS = longKey("gen_ai.usage.reasoning.output_tokens");
  public static final AttributeKey<String> TOKEN_TYPE = stringKey("gen_ai.token.type");
  public static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
  public static final AttributeKey<Long> SERVER_PORT = longKey("server.port");
  public static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");
  public static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = longKey("http.response.status_code");
  /**
   * Content, only with {@code telemetry.capture_content: true}, always redacted: JSON strings of the
   * conventions' input, output and system-instruction schemas (the Java SDK has no structured values).
   */
  public static final AttributeKey<String> INPUT_MESSAGES = stringKey("gen_ai.input.messages");
  public static final AttributeKey<String> OUTPUT_MESSAGES = stringKey("gen_ai.output.messages");
  public static final AttributeKey<String> SYSTEM_INSTRUCTIONS = stringKey("gen_ai.system_instructions");

  public static final AttributeKey<Double> AIRLOCK_COST_USD = doubleKey("airlock.cost.usd");
  public static final AttributeKey<String> AIRLOCK_PROVIDER = stringKey("airlock.provider");
  public static final AttributeKey<String> AIRLOCK_ENDPOINT = stringKey("airlock.endpoint");
  public static final AttributeKey<String> AIRLOCK_SYSTEM_PROMPT_FINGERPRINT = stringKey("airlock.system_prompt.fingerprint");
  public static final AttributeKey<String> AIRLOCK_POLICY_NAME = stringKey("airlock.policy.name");
  public static final AttributeKey<String> AIRLOCK_POLICY_VERSION = stringKey("airlock.policy.version");
  public static final AttributeKey<String> AIRLOCK_POLICY_SHA256 = stringKey("airlock.policy.sha256");
  public static final AttributeKey<Boolean> AIRLOCK_USAGE_REQUESTED = booleanKey("airlock.stream.usage_requested");
  public static final AttributeKey<String> AIRLOCK_TENANT = stringKey("airlock.tenant");
  public static final AttributeKey<String> AIRLOCK_FEATURE = stringKey("airlock.feature");
  public static final AttributeKey<String> AIRLOCK_USER = stringKey("airlock.user");
  public static final AttributeKey<String> AIRLOCK_TRANSPORT = stringKey("airlock.transport");
  public static final AttributeKey<String> AIRLOCK_OUTCOME = stringKey("airlock.outcome");

  public static final AttributeKey<List<String>> AIRLOCK_PII_TYPES = stringArrayKey("airlock.pii.types");
  public static final AttributeKey<Long> AIRLOCK_PII_COUNT = longKey("airlock.pii.count");
  public static final AttributeKey<String> AIRLOCK_PII_TYPE = stringKey("airlock.pii.type");
  public static final AttributeKey<String> AIRLOCK_PII_ACTION = stringKey("airlock.pii.action");
  public static final AttributeKey<Double> AIRLOCK_INJECTION_SCORE = doubleKey("airlock.injection.score");
  public static final AttributeKey<String> AIRLOCK_INJECTION_SIGNAL = stringKey("airlock.injection.signal");
  public static final AttributeKey<Boolean> AIRLOCK_INJECTION_FLAGGED = booleanKey("airlock.injection.flagged");
  public static final AttributeKey<String> AIRLOCK_BLOCKED_RULE = stringKey("airlock.blocked.rule");
  public static final AttributeKey<List<String>> AIRLOCK_OUTPUT_TYPES = stringArrayKey("airlock.output.types");
  public static final AttributeKey<String> AIRLOCK_BUDGET = stringKey("airlock.budget");
  public static final AttributeKey<String> AIRLOCK_SCOPE = stringKey("airlock.scope");
  public static final AttributeKey<Double> AIRLOCK_BUDGET_THRESHOLD = doubleKey("airlock.budget.threshold");
  public static final AttributeKey<Double> AIRLOCK_BUDGET_ESTIMATE_USD = doubleKey("airlock.budget.estimate_usd");
  public static final AttributeKey<String> AIRLOCK_BUDGET_OUTCOME = stringKey("airlock.budget.outcome");
  public static final AttributeKey<String> AIRLOCK_CACHE = stringKey("airlock.cache");
  public static final AttributeKey<Double> AIRLOCK_CACHE_SAVED_USD = doubleKey("airlock.cache.saved_usd");
  /** The semantic cache's outcome: hit, miss, bypass_pii, not_cacheable or error. */
  public static final AttributeKey<String> AIRLOCK_CACHE_SEMANTIC = stringKey("airlock.cache.semantic");
  /** The best cosine similarity the semantic cache found in the request's scope, hit or miss. */
  public static final AttributeKey<Double> AIRLOCK_CACHE_SIMILARITY = doubleKey("airlock.cache.similarity");
  /** How long embedding the request's question took, in milliseconds. */
  public static final AttributeKey<Double> AIRLOCK_CACHE_EMBEDDING_MS = doubleKey("airlock.cache.embedding_ms");
  public static final AttributeKey<String> AIRLOCK_ROUTE = stringKey("airlock.route");
  public static final AttributeKey<String> AIRLOCK_TARGET = stringKey("airlock.target");
  public static final AttributeKey<String> AIRLOCK_REGION = stringKey("airlock.region");
  /** On a call routed away from it: the provider the application addressed. */
  public static final AttributeKey<String> AIRLOCK_APP_PROVIDER = stringKey("airlock.app.provider");
  /** On a call routed away from it: the model the application asked for. */
  public static final AttributeKey<String> AIRLOCK_APP_MODEL = stringKey("airlock.app.model");
  public static final AttributeKey<Long> AIRLOCK_FALLBACKS = longKey("airlock.fallbacks");
  public static final AttributeKey<Long> AIRLOCK_ATTEMPTS = longKey("airlock.attempts");
  public static final AttributeKey<Boolean> AIRLOCK_DEGRADED = booleanKey("airlock.degraded");
  public static final AttributeKey<Boolean> AIRLOCK_CANARY = booleanKey("airlock.canary");
  public static final AttributeKey<Long> AIRLOCK_ATTEMPT_NUMBER = longKey("airlock.attempt.number");
  public static final AttributeKey<Long> AIRLOCK_ATTEMPT_RETRY = longKey("airlock.attempt.retry");
  public static final AttributeKey<String> AIRLOCK_ATTEMPT_OUTCOME = stringKey("airlock.attempt.outcome");
  public static final AttributeKey<String> AIRLOCK_BREAKER_STATE = stringKey("airlock.breaker.state");
  public static final AttributeKey<String> AIRLOCK_BREAKER_FROM = stringKey("airlock.breaker.from");
  public static final AttributeKey<Double> AIRLOCK_SHADOW_SIMILARITY = doubleKey("airlock.shadow.similarity");
  public static final AttributeKey<Boolean> AIRLOCK_OUTPUT_JSON_INVALID = booleanKey("airlock.output.json_invalid");
  /**
   * Why the answer failed the JSON or JSON Schema check (flagged or blocked): the JSON path and the
   * rule it broke, never a value from the answer.
   */
  public static final AttributeKey<String> AIRLOCK_OUTPUT_JSON_PROBLEM = stringKey("airlock.output.json_problem");

  private GenAiAttributes() {}
}
