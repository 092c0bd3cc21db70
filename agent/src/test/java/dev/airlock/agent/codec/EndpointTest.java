package dev.airlock.agent.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {

  @ParameterizedTest
  @CsvSource({
    "/v1/chat/completions, OPENAI_CHAT",
    "/openai/v1/chat/completions, OPENAI_CHAT",
    "/openai/deployments/my-gpt4o/chat/completions?api-version=2024-10-21, OPENAI_CHAT",
    "v1/chat/completions/, OPENAI_CHAT",
    "/api/v1/chat/completions#frag, OPENAI_CHAT",
    "/v1/responses, OPENAI_RESPONSES",
    "/openai/v1/responses?api-version=preview, OPENAI_RESPONSES",
    "/v1/embeddings, OPENAI_EMBEDDINGS",
    "/openai/deployments/emb/embeddings?api-version=2024-10-21, OPENAI_EMBEDDINGS",
    "/v1/completions, OPENAI_COMPLETIONS",
  })
  void recognizesOpenAiPaths(String path, Endpoint expected) {
    assertEquals(expected, Endpoint.recognize(WireFormat.OPENAI, path));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "/v1/models", "/health", "/", "", "/v1/chat/completions/chatcmpl-123", "/v1/responses/resp_123",
    "/v1/responses/resp_123/input_items", "/v1/files", "/v1/messages", "/v1/audio/speech", "/v1/chat",
    "/v1/mycompletions", "/v1/threads/thread_1/messages", "/v1/images/generations"
  })
  void refusesOtherOpenAiPaths(String path) {
    assertNull(Endpoint.recognize(WireFormat.OPENAI, path));
  }

  @ParameterizedTest
  @CsvSource({
    "/v1/messages, ANTHROPIC_MESSAGES",
    "/v1/messages?beta=true, ANTHROPIC_MESSAGES",
    "/anthropic/v1/messages/, ANTHROPIC_MESSAGES",
    // Anthropic's OpenAI SDK compatibility endpoint speaks the OpenAI dialect.
    "/v1/chat/completions, OPENAI_CHAT",
  })
  void recognizesAnthropicPaths(String path, Endpoint expected) {
    assertEquals(expected, Endpoint.recognize(WireFormat.ANTHROPIC, path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/messages/count_tokens", "/v1/messages/batches", "/v1/complete", "/v1/models", "/health"})
  void refusesOtherAnthropicPaths(String path) {
    assertNull(Endpoint.recognize(WireFormat.ANTHROPIC, path));
  }

  @ParameterizedTest
  @CsvSource({
    "/v1beta/models/gemini-2.0-flash:generateContent, GEMINI_GENERATE_CONTENT",
    "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse, GEMINI_STREAM_GENERATE_CONTENT",
    "/v1/models/gemini-2.5-pro:streamGenerateContent, GEMINI_STREAM_GENERATE_CONTENT",
    "/v1/projects/p1/locations/us-central1/publishers/google/models/gemini-2.0-flash-001:generateContent, GEMINI_GENERATE_CONTENT",
    "/v1beta/tunedModels/my-tuned-model:generateContent, GEMINI_GENERATE_CONTENT",
    "/v1beta/openai/chat/completions, OPENAI_CHAT",
    "/v1beta/openai/embeddings, OPENAI_EMBEDDINGS",
  })
  void recognizesGeminiPaths(String path, Endpoint expected) {
    assertEquals(expected, Endpoint.recognize(WireFormat.GEMINI, path));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "/v1beta/models/gemini-2.0-flash:countTokens", "/v1beta/models/text-embedding-004:embedContent",
    "/v1beta/models/gemini-2.0-flash:batchEmbedContents", "/v1beta/models", "/v1beta/models/gemini-2.0-flash",
    "/v1beta/models/:generateContent", ":generateContent", "/health"
  })
  void refusesOtherGeminiPaths(String path) {
    assertNull(Endpoint.recognize(WireFormat.GEMINI, path));
  }

  @Test
  void nullsGiveNull() {
    assertNull(Endpoint.recognize(null, "/v1/chat/completions"));
    assertNull(Endpoint.recognize(WireFormat.OPENAI, null));
  }

  @Test
  void formatsAndOperations() {
    assertEquals(WireFormat.OPENAI, Endpoint.OPENAI_RESPONSES.format());
    assertEquals(Operation.CHAT, Endpoint.OPENAI_RESPONSES.operation());
    assertEquals(Operation.CHAT, Endpoint.OPENAI_CHAT.operation());
    assertEquals(Operation.EMBEDDINGS, Endpoint.OPENAI_EMBEDDINGS.operation());
    assertEquals(Operation.TEXT_COMPLETION, Endpoint.OPENAI_COMPLETIONS.operation());
    assertEquals(WireFormat.ANTHROPIC, Endpoint.ANTHROPIC_MESSAGES.format());
    assertEquals(Operation.CHAT, Endpoint.ANTHROPIC_MESSAGES.operation());
    assertEquals(WireFormat.GEMINI, Endpoint.GEMINI_STREAM_GENERATE_CONTENT.format());
    assertEquals(Operation.GENERATE_CONTENT, Endpoint.GEMINI_GENERATE_CONTENT.operation());
    assertEquals(Operation.GENERATE_CONTENT, Endpoint.GEMINI_STREAM_GENERATE_CONTENT.operation());
  }

  @Test
  void semconvNames() {
    assertEquals("chat", Operation.CHAT.semconvName());
    assertEquals("embeddings", Operation.EMBEDDINGS.semconvName());
    assertEquals("generate_content", Operation.GENERATE_CONTENT.semconvName());
    assertEquals("text_completion", Operation.TEXT_COMPLETION.semconvName());
  }
}
