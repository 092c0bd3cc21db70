package dev.airlock.agent.translate;

/**
 * Why generation stopped, in the canonical model, with the mapping to and from each format's
 * vocabulary: the one place stop reasons are translated.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>canonical</th><th>OpenAI finish_reason</th><th>Anthropic stop_reason</th><th>Gemini finishReason</th></tr>
 *   <tr><td>STOP</td><td>stop</td><td>end_turn (pause_turn read as such)</td><td>STOP</td></tr>
 *   <tr><td>STOP_SEQUENCE</td><td>stop</td><td>stop_sequence</td><td>STOP</td></tr>
 *   <tr><td>LENGTH</td><td>length</td><td>max_tokens (model_context_window_exceeded read as such)</td><td>MAX_TOKENS</td></tr>
 *   <tr><td>TOOL_CALLS</td><td>tool_calls (legacy function_call read as such)</td><td>tool_use</td><td>STOP with functionCall parts</td></tr>
 *   <tr><td>CONTENT_FILTER</td><td>content_filter</td><td>refusal</td><td>SAFETY (read: SAFETY, RECITATION, BLOCKLIST, PROHIBITED_CONTENT, SPII, IMAGE_*; a blocked prompt)</td></tr>
 *   <tr><td>OTHER</td><td>stop</td><td>end_turn</td><td>OTHER (read: OTHER, LANGUAGE, MALFORMED_FUNCTION_CALL, ...)</td></tr>
 * </table>
 *
 * <p>Gemini has no tool-call stop reason: it says {@code STOP} and the candidate holds {@code
 * functionCall} parts, so its readers pass {@code sawToolCall}. OpenAI and Gemini do not tell a
 * stop sequence from a natural stop, so STOP_SEQUENCE only ever comes from Anthropic.
 */
enum FinishReason {
  STOP,
  STOP_SEQUENCE,
  LENGTH,
  TOOL_CALLS,
  CONTENT_FILTER,
  OTHER;

  static FinishReason fromOpenAi(String reason) {
    if (reason == null) {
      return null;
    }
    switch (reason) {
      case "length":
        return LENGTH;
      case "tool_calls":
      case "function_call":
        return TOOL_CALLS;
      case "content_filter":
        return CONTENT_FILTER;
      default:
        return STOP;
    }
  }

  static FinishReason fromAnthropic(String reason) {
    if (reason == null) {
      return null;
    }
    switch (reason) {
      case "max_tokens":
      case "model_context_window_exceeded":
        return LENGTH;
      case "tool_use":
        return TOOL_CALLS;
      case "stop_sequence":
        return STOP_SEQUENCE;
      case "refusal":
        return CONTENT_FILTER;
      default:
        // end_turn; pause_turn only happens with server tools, which are never translated.
        return STOP;
    }
  }

  /**
   * @param sawToolCall whether the candidate holds functionCall parts: Gemini reports {@code STOP}
   *     for a turn that ends in tool calls
   */
  static FinishReason fromGemini(String reason, boolean sawToolCall) {
    if (reason == null) {
      return null;
    }
    switch (reason) {
      case "STOP":
        return sawToolCall ? TOOL_CALLS : STOP;
      case "MAX_TOKENS":
        return LENGTH;
      case "SAFETY":
      case "RECITATION":
      case "BLOCKLIST":
      case "PROHIBITED_CONTENT":
      case "SPII":
      case "IMAGE_SAFETY":
      case "IMAGE_PROHIBITED_CONTENT":
      case "IMAGE_RECITATION":
        return CONTENT_FILTER;
      default:
        return sawToolCall ? TOOL_CALLS : OTHER;
    }
  }

  static String toOpenAi(FinishReason r) {
    if (r == null) {
      return "stop";
    }
    switch (r) {
      case LENGTH:
        return "length";
      case TOOL_CALLS:
        return "tool_calls";
      case CONTENT_FILTER:
        return "content_filter";
      default:
        return "stop";
    }
  }

  static String toAnthropic(FinishReason r) {
    if (r == null) {
      return "end_turn";
    }
    switch (r) {
      case LENGTH:
        return "max_tokens";
      case TOOL_CALLS:
        return "tool_use";
      case STOP_SEQUENCE:
        return "stop_sequence";
      case CONTENT_FILTER:
        return "refusal";
      default:
        return "end_turn";
    }
  }

  static String toGemini(FinishReason r) {
    if (r == null) {
      return "STOP";
    }
    switch (r) {
      case LENGTH:
        return "MAX_TOKENS";
      case CONTENT_FILTER:
        return "SAFETY";
      case OTHER:
        return "OTHER";
      default:
        return "STOP";
    }
  }
}
