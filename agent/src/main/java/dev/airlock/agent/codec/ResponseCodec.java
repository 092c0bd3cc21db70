package dev.airlock.agent.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads {@link LlmResponse}s from whole (non-streamed) response bodies, including error bodies.
 * Stateless and thread-safe; streamed responses go through {@link StreamAccumulator} instead.
 */
public final class ResponseCodec {

  private ResponseCodec() {}

  /**
   * Reads a complete response body.
   *
   * <p>Error bodies ({@code {"error": {...}}} for OpenAI and Gemini, {@code {"type": "error", ...}}
   * for Anthropic) give a response whose {@link LlmResponse#errorType()} is set. For {@link
   * Endpoint#GEMINI_STREAM_GENERATE_CONTENT} called without {@code alt=sse}, Gemini answers with a
   * JSON array of chunks; such a body is accepted whole and its chunks folded as a stream would be.
   *
   * @param endpoint the endpoint the request went to (decides the dialect)
   * @param body the response body, UTF-8 JSON
   * @return the response, or null when the body is not valid JSON of the expected shape
   */
  public static LlmResponse parse(Endpoint endpoint, byte[] body) {
    if (endpoint == null || body == null) {
      return null;
    }
    try (JsonParser p = Json.parser(body)) {
      JsonToken first = p.nextToken();
      ResponseState s = new ResponseState();
      if (first == JsonToken.START_ARRAY && endpoint.format() == WireFormat.GEMINI) {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
          ResponseReaders.gemini(p, s);
        }
        if (t != JsonToken.END_ARRAY) {
          return null;
        }
      } else if (first == JsonToken.START_OBJECT) {
        read(endpoint, p, s);
      } else {
        return null;
      }
      if (p.nextToken() != null) {
        return null;
      }
      return s.toResponse();
    } catch (IOException | RuntimeException e) {
      // A body Airlock cannot read is still the application's answer: report nothing, break nothing.
      return null;
    }
  }

  private static void read(Endpoint endpoint, JsonParser p, ResponseState s) throws IOException {
    switch (endpoint) {
      case OPENAI_RESPONSES:
        ResponseReaders.responses(p, s);
        break;
      case ANTHROPIC_MESSAGES:
        ResponseReaders.anthropic(p, s);
        break;
      case GEMINI_GENERATE_CONTENT:
      case GEMINI_STREAM_GENERATE_CONTENT:
        ResponseReaders.gemini(p, s);
        break;
      default:
        ResponseReaders.openAi(p, s);
        break;
    }
  }
}
