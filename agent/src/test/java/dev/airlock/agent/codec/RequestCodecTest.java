package dev.airlock.agent.codec;

import static dev.airlock.agent.codec.Fixtures.bytes;
import static dev.airlock.agent.codec.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestCodecTest {

  private static final String CHAT = "/v1/chat/completions";

  @Test
  void openAiChatWithEveryParameter() {
    LlmRequest r = RequestCodec.parse(Endpoint.OPENAI_CHAT, CHAT, bytes("openai/chat-request.json"));
    assertNotNull(r);
    assertEquals(Endpoint.OPENAI_CHAT, r.endpoint());
    assertEquals("gpt-4o-mini", r.model());
    assertFalse(r.stream());
    assertFalse(r.streamIncludeUsage());
    assertEquals(0.2, r.temperature());
    assertEquals(0.9, r.topP());
    assertEquals(300L, r.maxTokens(), "max_completion_tokens supersedes max_tokens");
    assertEquals(42L, r.seed());
    assertEquals(0.5, r.frequencyPenalty());
    assertEquals(-0.25, r.presencePenalty());
    assertEquals(Arrays.asList("\n\n", "END"), r.stopSequences());
    assertEquals(2L, r.choiceCount());
    assertNull(r.topK());
    assertEquals("user-1234", r.user());
    assertEquals(
        "You are Airlock's test assistant. Answer in one short sentence.\nNever reveal internal ticket numbers.",
        r.systemPrompt());
  }

  @Test
  void openAiChatWithContentBeforeRole() {
    // openai-java writes "content" before "role"; the system text must still be found.
    LlmRequest r = RequestCodec.parse(Endpoint.OPENAI_CHAT, CHAT, bytes("openai/chat-request-content-first.json"));
    assertNotNull(r);
    assertEquals("Content-first system text.\nSecond instruction", r.systemPrompt());
    assertEquals("gpt-4.1-nano", r.model());
    assertTrue(r.stream());
    assertTrue(r.streamIncludeUsage());
    assertEquals(1.0, r.temperature());
    assertNull(r.maxTokens());
  }

  @Test
  void openAiChatMinimal() {
    LlmRequest r = RequestCodec.parse(Endpoint.OPENAI_CHAT, CHAT,
        utf8("{\"model\":\"gpt-4o\",\"max_tokens\":64,\"stop\":\"###\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
    assertNotNull(r);
    assertEquals(64L, r.maxTokens());
    assertEquals(Collections.singletonList("###"), r.stopSequences());
    assertTrue(r.stream());
    assertFalse(r.streamIncludeUsage());
    assertNull(r.systemPrompt());
    assertNull(r.temperature());
    assertNull(r.seed());
    assertNull(r.user());
  }

  @Test
  void wrongTypesAreIgnoredNotFatal() {
    LlmRequest r = RequestCodec.parse(Endpoint.OPENAI_CHAT, CHAT,
        utf8("{\"model\":42,\"temperature\":\"hot\",\"max_tokens\":12.5,\"n\":3.0,\"stream\":\"yes\","
            + "\"stream_options\":{\"include_usage\":1},\"messages\":{\"role\":\"system\"}}"));
    assertNotNull(r);
    assertNull(r.model());
    assertNull(r.temperature());
    assertNull(r.maxTokens());
    assertEquals(3L, r.choiceCount());
    assertFalse(r.stream());
    assertFalse(r.streamIncludeUsage());
    assertNull(r.systemPrompt());
  }

  @Test
  void openAiResponses() {
    LlmRequest r = RequestCodec.parse(Endpoint.OPENAI_RESPONSES, "/v1/responses", bytes("openai/responses-request.json"));
    assertNotNull(r);
    assertEquals("o4-mini", r.model());
    assertTrue(r.stream());
    assertEquals(512L, r.maxTokens());
    assertEquals(1.0, r.temperature());
    assertEquals(1.0, r.topP());
    assertEquals("user-1234", r.user());
    // "instructions" comes first even though the body has it after "input".
    assertEquals("You are a terse release-notes writer.\nUse British spelling.", r.systemPrompt());
  }

  @Test
  void openAiResponsesWithStringInput() {
    LlmRequest r = RequestCodec.parse(Endpoint.OPENAI_RESPONSES, "/v1/responses",
        utf8("{\"model\":\"gpt-5\",\"input\":\"Tell me a joke\"}"));
    assertNotNull(r);
    assertNull(r.systemPrompt());
    assertFalse(r.stream());
  }

  @Test
  void openAiEmbeddings() {
    LlmRequest r = RequestCodec.parse(Endpoint.OPENAI_EMBEDDINGS, "/v1/embeddings", bytes("openai/embeddings-request.json"));
    assertNotNull(r);
    assertEquals("text-embedding-3-small", r.model());
    assertEquals("user-1234", r.user());
    assertNull(r.systemPrompt());
    assertFalse(r.stream());
    assertNull(r.maxTokens());
  }

  @Test
  void openAiCompletions() {
    LlmRequest r = RequestCodec.parse(Endpoint.OPENAI_COMPLETIONS, "/v1/completions", bytes("openai/completions-request.json"));
    assertNotNull(r);
    assertEquals("gpt-3.5-turbo-instruct", r.model());
    assertTrue(r.stream());
    assertFalse(r.streamIncludeUsage());
    assertEquals(7L, r.maxTokens());
    assertEquals(0.0, r.temperature());
    assertEquals(1.0, r.topP());
    assertEquals(1L, r.choiceCount());
    assertEquals(Collections.singletonList("\n"), r.stopSequences());
    assertEquals(7L, r.seed());
    assertEquals(0.0, r.frequencyPenalty());
    assertEquals(0.0, r.presencePenalty());
    assertNull(r.systemPrompt());
  }

  @Test
  void azureDeploymentNamesTheModelWhenTheBodyDoesNot() {
    String path = "/openai/deployments/prod-gpt4o/chat/completions?api-version=2024-10-21";
    LlmRequest r = RequestCodec.parse(Endpoint.OPENAI_CHAT, path, utf8("{\"messages\":[]}"));
    assertNotNull(r);
    assertEquals("prod-gpt4o", r.model());
    LlmRequest withModel = RequestCodec.parse(Endpoint.OPENAI_CHAT, path, utf8("{\"model\":\"gpt-4o\",\"messages\":[]}"));
    assertEquals("gpt-4o", withModel.model());
    assertNull(RequestCodec.parse(Endpoint.OPENAI_CHAT, CHAT, utf8("{}")).model());
  }

  @Test
  void anthropicWithSystemBlocksAndEveryParameter() {
    LlmRequest r = RequestCodec.parse(Endpoint.ANTHROPIC_MESSAGES, "/v1/messages", bytes("anthropic/messages-request.json"));
    assertNotNull(r);
    assertEquals("claude-sonnet-4-5-20250929", r.model());
    assertFalse(r.stream());
    assertEquals(1024L, r.maxTokens());
    assertEquals(0.3, r.temperature());
    assertEquals(0.95, r.topP());
    assertEquals(40L, r.topK());
    assertEquals(Arrays.asList("</answer>", "\n\nHuman:"), r.stopSequences());
    assertNull(r.seed());
    assertNull(r.choiceCount());
    assertNull(r.user());
    assertEquals(
        "You are Airlock's support bot. Be brief.\n"
            + "<manual>Policies are YAML files with models:, budgets: and redaction: sections …</manual>",
        r.systemPrompt());
  }

  @Test
  void anthropicWithSystemString() {
    LlmRequest r = RequestCodec.parse(Endpoint.ANTHROPIC_MESSAGES, "/v1/messages", bytes("anthropic/messages-request-system-string.json"));
    assertNotNull(r);
    assertEquals("claude-3-5-haiku-latest", r.model());
    assertTrue(r.stream());
    assertEquals(256L, r.maxTokens());
    assertEquals("Reply in haiku.", r.systemPrompt());
  }

  @Test
  void geminiModelFromPathAndGenerationConfig() {
    LlmRequest r = RequestCodec.parse(Endpoint.GEMINI_GENERATE_CONTENT,
        "/v1beta/models/gemini-2.5-flash:generateContent", bytes("gemini/generate-request.json"));
    assertNotNull(r);
    assertEquals("gemini-2.5-flash", r.model());
    assertFalse(r.stream());
    assertEquals(0.7, r.temperature());
    assertEquals(0.95, r.topP());
    assertEquals(64L, r.topK());
    assertEquals(2048L, r.maxTokens());
    assertEquals(1L, r.choiceCount());
    assertEquals(Collections.singletonList("###"), r.stopSequences());
    assertEquals(1234L, r.seed());
    assertEquals(0.1, r.presencePenalty());
    assertEquals(0.2, r.frequencyPenalty());
    assertEquals("You are a precise technical writer.\nAnswer in German.", r.systemPrompt());
  }

  @Test
  void geminiStreamingEndpointOnVertex() {
    String path = "/v1/projects/acme/locations/europe-west4/publishers/google/models/gemini-2.0-flash-001:streamGenerateContent?alt=sse";
    LlmRequest r = RequestCodec.parse(Endpoint.GEMINI_STREAM_GENERATE_CONTENT, path, bytes("gemini/generate-request.json"));
    assertNotNull(r);
    assertEquals("gemini-2.0-flash-001", r.model());
    assertTrue(r.stream());
  }

  @Test
  void geminiSnakeCaseAndLonePartObject() {
    LlmRequest r = RequestCodec.parse(Endpoint.GEMINI_GENERATE_CONTENT,
        "/v1beta/models/gemini-2.0-flash:generateContent", bytes("gemini/generate-request-snake-case.json"));
    assertNotNull(r);
    assertEquals("Be brief.", r.systemPrompt());
    assertEquals(0.0, r.temperature());
    assertEquals(0.5, r.topP());
    assertEquals(1L, r.topK());
    assertEquals(64L, r.maxTokens());
    assertEquals(2L, r.choiceCount());
    assertEquals(Collections.singletonList("END"), r.stopSequences());
  }

  @Test
  void geminiWithoutModelInPath() {
    LlmRequest r = RequestCodec.parse(Endpoint.GEMINI_GENERATE_CONTENT, null, utf8("{\"contents\":[]}"));
    assertNotNull(r);
    assertNull(r.model());
    assertNull(r.systemPrompt());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "   ", "not json", "null", "42", "\"string\"", "[1,2]", "[]", "{\"model\": ", "{\"model\":\"x\"} trailing",
    "{\"model\":\"x\"}{\"model\":\"y\"}", "{'model':'x'}", "{\"a\":1,}", "{\"messages\":[{\"role\":\"system\",\"content\":\"x\"}"
  })
  void malformedBodiesGiveNull(String body) {
    for (Endpoint e : Endpoint.values()) {
      assertNull(RequestCodec.parse(e, "/v1beta/models/m:generateContent", utf8(body)), e + ": " + body);
    }
  }

  @Test
  void binaryAndNullBodiesGiveNull() {
    assertNull(RequestCodec.parse(Endpoint.OPENAI_CHAT, CHAT, new byte[] {(byte) 0x1f, (byte) 0x8b, 8, 0, 0}));
    assertNull(RequestCodec.parse(Endpoint.OPENAI_CHAT, CHAT, null));
    assertNull(RequestCodec.parse(null, CHAT, utf8("{}")));
  }

  @Test
  void toStringDoesNotLeakTheSystemPrompt() {
    LlmRequest r = RequestCodec.parse(Endpoint.OPENAI_CHAT, CHAT, bytes("openai/chat-request.json"));
    assertFalse(r.toString().contains("ticket numbers"));
  }
}
