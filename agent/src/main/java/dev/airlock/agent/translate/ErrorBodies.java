package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Error bodies and error stream events, read from any format and written in any format.
 *
 * <p>The HTTP status is what SDKs act on (retry 429 and 5xx, raise a typed exception per status),
 * so it is kept as is and the written error type is derived from it; the target's message is kept
 * verbatim, since it is the one thing a person debugging the call needs.
 */
final class ErrorBodies {

  /** An error in canonical form. */
  static final class Info {
    /** The HTTP status (for a stream error event, the one its type implies). */
    final int status;
    /** The target's own code or type ({@code rate_limit_exceeded}, {@code overloaded_error}, {@code RESOURCE_EXHAUSTED}), or null. */
    final String type;
    final String message;

    Info(int status, String type, String message) {
      this.status = status;
      this.type = type;
      this.message = message;
    }

    @Override
    public String toString() {
      return status + " " + type + ": " + message;
    }
  }

  private ErrorBodies() {}

  /**
   * Reads an error body of the target. Never fails: a body that is not the provider's error JSON
   * (an HTML page from a proxy, an empty body) becomes a message naming the status and quoting the
   * start of the body.
   */
  static Info read(WireFormat format, int status, byte[] body) {
    ObjectNode root = null;
    if (body != null && body.length > 0) {
      try {
        JsonNode node = JsonUtil.MAPPER.readTree(body);
        root = node != null && node.isObject() ? (ObjectNode) node : null;
      } catch (IOException e) {
        root = null;
      }
    }
    Info info = root == null ? null : readObject(root, status);
    if (info != null) {
      return info;
    }
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).trim();
    String message = "HTTP " + status + " from the " + name(format) + " endpoint"
        + (text.isEmpty() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
    return new Info(status, null, message);
  }

  /**
   * Reads the error of a stream event or chunk, in whichever format: OpenAI and Gemini {@code
   * {"error": {...}}}, Anthropic {@code {"type": "error", "error": {...}}}. Returns null when the
   * object is not an error.
   */
  static Info readEvent(ObjectNode event) {
    if (!event.has("error") || !event.get("error").isObject()) {
      return null;
    }
    return readObject(event, 0);
  }

  /** @param status the HTTP status, or 0 to derive it from the error's type or code */
  private static Info readObject(ObjectNode root, int status) {
    JsonNode error = root.get("error");
    if (error == null || !error.isObject()) {
      return null;
    }
    String message = JsonUtil.string(error, "message");
    // Gemini: numeric code + status string; OpenAI: code (string) else type; Anthropic: type.
    String type = JsonUtil.string(error, "status");
    Long geminiCode = JsonUtil.get(error, "code") != null && error.get("code").isNumber() ? error.get("code").asLong() : null;
    if (type == null) {
      type = JsonUtil.string(error, "code");
    }
    if (type == null) {
      type = JsonUtil.string(error, "type");
    }
    int s = status;
    if (s <= 0) {
      s = geminiCode != null ? geminiCode.intValue() : statusOf(type);
    }
    return new Info(s, type, message != null ? message : (type != null ? type : "error"));
  }

  /** The status an error type implies, for stream error events, which carry no HTTP status. */
  static int statusOf(String type) {
    if (type == null) {
      return 500;
    }
    switch (type) {
      case "invalid_request_error":
      case "INVALID_ARGUMENT":
      case "FAILED_PRECONDITION":
        return 400;
      case "authentication_error":
      case "invalid_api_key":
      case "UNAUTHENTICATED":
        return 401;
      case "permission_error":
      case "PERMISSION_DENIED":
        return 403;
      case "not_found_error":
      case "model_not_found":
      case "NOT_FOUND":
        return 404;
      case "request_too_large":
        return 413;
      case "rate_limit_error":
      case "rate_limit_exceeded":
      case "insufficient_quota":
      case "RESOURCE_EXHAUSTED":
        return 429;
      case "overloaded_error":
        return 529;
      case "UNAVAILABLE":
        return 503;
      case "timeout_error":
      case "DEADLINE_EXCEEDED":
        return 504;
      default:
        return 500;
    }
  }

  /** The error as a body of the application's format. */
  static ObjectNode write(WireFormat format, Info info) {
    ObjectNode root = JsonUtil.object();
    switch (format) {
      case ANTHROPIC:
        root.put("type", "error");
        root.putObject("error").put("type", anthropicType(info.status)).put("message", info.message);
        break;
      case GEMINI:
        root.putObject("error").put("code", info.status).put("message", info.message).put("status", geminiStatus(info.status));
        break;
      default:
        ObjectNode e = root.putObject("error");
        e.put("message", info.message).put("type", openAiType(info.status)).putNull("param");
        if (info.status == 429) {
          e.put("code", "rate_limit_exceeded");
        } else {
          e.putNull("code");
        }
        break;
    }
    return root;
  }

  static String openAiType(int status) {
    switch (status) {
      case 401:
        return "authentication_error";
      case 403:
        return "permission_error";
      case 429:
        return "rate_limit_error";
      default:
        return status >= 500 ? "server_error" : "invalid_request_error";
    }
  }

  static String anthropicType(int status) {
    switch (status) {
      case 401:
        return "authentication_error";
      case 402:
        return "billing_error";
      case 403:
        return "permission_error";
      case 404:
        return "not_found_error";
      case 413:
        return "request_too_large";
      case 429:
        return "rate_limit_error";
      case 503:
      case 529:
        return "overloaded_error";
      case 504:
        return "timeout_error";
      default:
        return status >= 500 ? "api_error" : "invalid_request_error";
    }
  }

  static String geminiStatus(int status) {
    switch (status) {
      case 400:
      case 413:
      case 422:
        return "INVALID_ARGUMENT";
      case 401:
        return "UNAUTHENTICATED";
      case 403:
        return "PERMISSION_DENIED";
      case 404:
        return "NOT_FOUND";
      case 409:
        return "ABORTED";
      case 429:
        return "RESOURCE_EXHAUSTED";
      case 499:
        return "CANCELLED";
      case 501:
        return "UNIMPLEMENTED";
      case 503:
      case 529:
        return "UNAVAILABLE";
      case 504:
        return "DEADLINE_EXCEEDED";
      default:
        return status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
    }
  }

  static String name(WireFormat format) {
    switch (format) {
      case ANTHROPIC:
        return "Anthropic Messages";
      case GEMINI:
        return "Gemini generateContent";
      default:
        return "OpenAI chat completions";
    }
  }
}
