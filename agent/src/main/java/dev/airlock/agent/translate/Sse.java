package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;

/**
 * Writes Server-Sent Events the way each provider frames them: OpenAI {@code data: ...\n\n},
 * Anthropic {@code event: ...\ndata: ...\n\n}, Gemini ({@code alt=sse}) {@code data: ...\r\n\r\n}.
 * Compact JSON never contains a raw line break, so each event's data is one line.
 */
final class Sse {

  private static final byte[] DATA = JsonUtil.utf8("data: ");
  private static final byte[] EVENT = JsonUtil.utf8("event: ");
  private static final byte[] LF = {'\n'};
  private static final byte[] LF_LF = {'\n', '\n'};
  private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};
  private static final byte[] DONE = JsonUtil.utf8("data: [DONE]\n\n");

  private Sse() {}

  /** {@code data: <json>\n\n} (OpenAI). */
  static void data(ByteArrayOutputStream out, JsonNode json) {
    out.writeBytes(DATA);
    out.writeBytes(JsonUtil.bytes(json));
    out.writeBytes(LF_LF);
  }

  /** {@code event: <name>\ndata: <json>\n\n} (Anthropic). */
  static void event(ByteArrayOutputStream out, String name, JsonNode json) {
    out.writeBytes(EVENT);
    out.writeBytes(JsonUtil.utf8(name));
    out.writeBytes(LF);
    data(out, json);
  }

  /** {@code data: <json>\r\n\r\n} (Gemini). */
  static void geminiData(ByteArrayOutputStream out, JsonNode json) {
    out.writeBytes(DATA);
    out.writeBytes(JsonUtil.bytes(json));
    out.writeBytes(CRLF_CRLF);
  }

  /** {@code data: [DONE]\n\n} (OpenAI's end of stream). */
  static void done(ByteArrayOutputStream out) {
    out.writeBytes(DONE);
  }
}
