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

  private final String rule;
  private final byte[] body;

  private BlockedAnswer(String rule, byte[] body) {
    this.rule = rule;
    this.body = body;
  }

  /**
   * @param rule the policy rule, e.g. {@code pii.credit_card} or {@code guardrails.prompt_injection}
   * @param reason why, for a person reading the app's logs; never the detected value
   */
  public static BlockedAnswer of(WireFormat format, String rule, String reason) {
    String message = "Blocked by Airlock policy rule '" + rule + "': " + reason;
    ObjectNode root = JSON.createObjectNode();
    switch (format) {
      case ANTHROPIC:
        root.put("type", "error");
        root.putObject("error").put("type", "invalid_request_error").put("message", message);
        break;
      case GEMINI:
        root.putObject("error").put("code", STATUS).put("message", message).put("status", "INVALID_ARGUMENT");
        break;
      default:
        ObjectNode error = root.putObject("error");
        error.put("message", message).put("type", "invalid_request_error").putNull("param");
        error.put("code", "airlock_policy_violation");
        break;
    }
    return new BlockedAnswer(rule, root.toString().getBytes(StandardCharsets.UTF_8));
  }

  public String rule() {
    return rule;
  }

  public int status() {
    return STATUS;
  }

  public byte[] body() {
    return body.clone();
  }
}
