package dev.airlock.agent.redact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.WireFormat;
import java.nio.charset.StandardCharsets;

/**
 * The answer to a request the policy blocks: an HTTP 400 in the provider's own error format, so the
 * SDK raises its usual "bad request" error (not retried), with a message naming the rule.
 */
public final class BlockedAnswer {

  /** SDKs do not retry 400, and providers use it for their own content-policy refusals. */
  public static final int STATUS = 400;
  public static final String CONTENT_TYPE = "application/json";
  public static final String RULE_HEADER = "x-airlock-blocked";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Too many requests or spend over a budget: the status providers use for quota and rate limits. */
  public static final int LIMITED = 429;

  private final String rule;
  private final byte[] body;
  private final int status;

  private BlockedAnswer(String rule, byte[] body, int status) {
    this.rule = rule;
    this.body = body;
    this.status = status;
  }

  /**
   * @param rule the policy rule, e.g. {@code pii.credit_card} or {@code guardrails.prompt_injection}
   * @param reason why, for a person reading the app's logs; never the detected value
   */
  public static BlockedAnswer of(WireFormat format, String rule, String reason) {
    return of(format, rule, reason, STATUS);
  }

  /**
   * A refusal with another status: {@link #LIMITED} for a rate limit or a spent budget, written as
   * the provider's own rate-limit error.
   */
  public static BlockedAnswer of(WireFormat format, String rule, String reason, int status) {
    boolean limited = status == LIMITED;
    String message = "Blocked by Airlock policy rule '" + rule + "': " + reason;
    ObjectNode root = JSON.createObjectNode();
    switch (format) {
      case ANTHROPIC:
        root.put("type", "error");
        root.putObject("error").put("type", limited ? "rate_limit_error" : "invalid_request_error")
            .put("message", message);
        break;
      case GEMINI:
        root.putObject("error").put("code", status).put("message", message)
            .put("status", limited ? "RESOURCE_EXHAUSTED" : "INVALID_ARGUMENT");
        break;
      default:
        ObjectNode error = root.putObject("error");
        error.put("message", message).put("type", limited ? "rate_limit_exceeded" : "invalid_request_error")
            .putNull("param");
        error.put("code", limited ? "airlock_limit_exceeded" : "airlock_policy_violation");
        break;
    }
    return new BlockedAnswer(rule, root.toString().getBytes(StandardCharsets.UTF_8), status);
  }

  public String rule() {
    return rule;
  }

  public int status() {
    return status;
  }

  public byte[] body() {
    return body.clone();
  }
}
