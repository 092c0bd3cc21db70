package dev.airlock.agent.translate;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers in the application's format for things the target names differently or not at all.
 *
 * <p>Response ids keep the target's id as a suffix when there is one ({@code
 * chatcmpl-airlock-msg_01XF...}): the application sees its own provider's id shape, and a person
 * correlating with the target provider's logs still finds the call. The {@code airlock} marker
 * tells anyone reading the application's logs that the answer was translated.
 */
final class Ids {

  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private Ids() {}

  /** An OpenAI chat completion id: {@code chatcmpl-airlock-<target id or random>}. */
  static String openAiCompletion(String targetId) {
    return "chatcmpl-airlock-" + suffix(targetId);
  }

  /** An Anthropic message id: {@code msg_airlock_<target id or random>}. */
  static String anthropicMessage(String targetId) {
    return "msg_airlock_" + suffix(targetId);
  }

  /** A Gemini {@code responseId}: {@code airlock-<target id or random>}. */
  static String geminiResponse(String targetId) {
    return "airlock-" + suffix(targetId);
  }

  /** An OpenAI tool call id for a call the target gave none (Gemini): {@code call_airlock_<random>}. */
  static String openAiToolCall() {
    return "call_airlock_" + random(24);
  }

  /** An Anthropic tool_use id for a call the target gave none (Gemini): {@code toolu_airlock_<random>}. */
  static String anthropicToolUse() {
    return "toolu_airlock_" + random(24);
  }

  /**
   * A tool call id for a Gemini {@code functionCall} without one in a request's history. It is
   * derived from the call's position, so the same history always yields the same ids, and it fits
   * both OpenAI's and Anthropic's id rules ({@code ^[a-zA-Z0-9_-]+$}).
   */
  static String geminiHistoryCall(int contentIndex, int partIndex) {
    return "call_airlock_" + contentIndex + "_" + partIndex;
  }

  private static String suffix(String targetId) {
    if (targetId == null || targetId.isEmpty()) {
      return random(24);
    }
    StringBuilder sb = new StringBuilder(Math.min(targetId.length(), 64));
    for (int i = 0; i < targetId.length() && sb.length() < 64; i++) {
      char c = targetId.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
        sb.append(c);
      }
    }
    return sb.length() == 0 ? random(24) : sb.toString();
  }

  static String random(int length) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALPHABET[r.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }
}
