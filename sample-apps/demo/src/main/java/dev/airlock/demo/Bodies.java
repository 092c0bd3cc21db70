package dev.airlock.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.mock.RecordedRequest;
import java.io.IOException;

/** Reads what a provider received out of a recorded request body (OpenAI chat or Anthropic messages). */
final class Bodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Bodies() {}

  /** The text of the last message, whether its content is a string or a list of text blocks. */
  static String lastMessage(RecordedRequest request) throws IOException {
    JsonNode messages = JSON.readTree(request.body()).path("messages");
    JsonNode content = messages.path(messages.size() - 1).path("content");
    if (!content.isArray()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode block : content) {
      text.append(block.path("text").asText());
    }
    return text.toString();
  }

  /** A top-level field of the body as text ("" when absent). */
  static String field(RecordedRequest request, String name) throws IOException {
    return JSON.readTree(request.body()).path(name).asText("");
  }
}
