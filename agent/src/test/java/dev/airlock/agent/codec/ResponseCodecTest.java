package dev.airlock.agent.codec;

import static dev.airlock.agent.codec.Fixtures.bytes;
import static dev.airlock.agent.codec.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseCodecTest {

  @Test
  void openAiChatWithCachedTokensAndTwoChoices() {
    LlmResponse r = ResponseCodec.parse(Endpoint.OPENAI_CHAT, bytes("openai/chat-response.json"));
    assertNotNull(r);
    assertEquals("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", r.id());
    assertEquals("gpt-4o-mini-2024-07-18", r.model());
    assertEquals(Arrays.asList("stop", "length"), r.finishReasons());
    // OpenAI's prompt_tokens already include the cached ones: kept as is.
    assertEquals(Usage.of(1117, 46, 1024, 0, 0), r.usage());
    assertNull(r.errorType());
  }

  @Test
  void openAiChoicesOutOfOrderAreOrderedByIndex() {
    LlmResponse r = ResponseCodec.parse(Endpoint.OPENAI_CHAT, utf8(
        "{\"choices\":[{\"finish_reason\":\"length\",\"index\":1},{\"index\":0,\"finish_reason\":\"stop\"}]}"));
    assertEquals(Arrays.asList("stop", "length"), r.finishReasons());
    assertNull(r.usage());
  }

  @Test
  void openAiReasoningTokens() {
    LlmResponse r = ResponseCodec.parse(Endpoint.OPENAI_CHAT, utf8(
        "{\"id\":\"chatcmpl-1\",\"model\":\"o3-mini-2025-01-31\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":500,\"total_tokens\":520,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":448}}}"));
    assertEquals(Usage.of(20, 500, 0, 0, 448), r.usage());
  }

  @Test
  void openAiResponses() {
    LlmResponse r = ResponseCodec.parse(Endpoint.OPENAI_RESPONSES, bytes("openai/responses-response.json"));
    assertNotNull(r);
    assertEquals("resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b", r.id());
    assertEquals("o4-mini-2025-04-16", r.model());
    assertEquals(Collections.singletonList("completed"), r.finishReasons());
    assertEquals(Usage.of(2048, 300, 1536, 0, 256), r.usage());
  }

  @Test
  void openAiResponsesIncomplete() {
    LlmResponse r = ResponseCodec.parse(Endpoint.OPENAI_RESPONSES, bytes("openai/responses-response-incomplete.json"));
    assertEquals(Collections.singletonList("max_output_tokens"), r.finishReasons());
    assertEquals(512, r.usage().outputTokens());
  }

  @Test
  void openAiEmbeddings() {
    LlmResponse r = ResponseCodec.parse(Endpoint.OPENAI_EMBEDDINGS, bytes("openai/embeddings-response.json"));
    assertNotNull(r);
    assertEquals("text-embedding-3-small", r.model());
    assertNull(r.id());
    assertEquals(Collections.emptyList(), r.finishReasons());
    assertEquals(Usage.of(17, 0, 0, 0, 0), r.usage());
  }

  @Test
  void openAiCompletions() {
    LlmResponse r = ResponseCodec.parse(Endpoint.OPENAI_COMPLETIONS, bytes("openai/completions-response.json"));
    assertEquals("cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7", r.id());
    assertEquals("gpt-3.5-turbo-instruct", r.model());
    assertEquals(Collections.singletonList("length"), r.finishReasons());
    assertEquals(Usage.of(5, 7, 0, 0, 0), r.usage());
  }

  @Test
  void openAiErrorBody() {
    LlmResponse r = ResponseCodec.parse(Endpoint.OPENAI_CHAT, bytes("openai/error-rate-limit.json"));
    assertNotNull(r);
    assertEquals("rate_limit_exceeded", r.errorType());
    assertNull(r.usage());
    assertEquals(Collections.emptyList(), r.finishReasons());
    LlmResponse typeOnly = ResponseCodec.parse(Endpoint.OPENAI_CHAT,
        utf8("{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\",\"param\":\"model\",\"code\":null}}"));
    assertEquals("invalid_request_error", typeOnly.errorType());
  }

  @Test
  void anthropicAddsCacheTokensToInput() {
    LlmResponse r = ResponseCodec.parse(Endpoint.ANTHROPIC_MESSAGES, bytes("anthropic/messages-response.json"));
    assertNotNull(r);
    assertEquals("msg_01XFDUDYJgAACzvnptvVoYEL", r.id());
    assertEquals("claude-sonnet-4-5-20250929", r.model());
    assertEquals(Collections.singletonList("end_turn"), r.finishReasons());
    // input_tokens 21 + cache_read 0 + cache_creation 188086
    assertEquals(Usage.of(188107, 393, 0, 188086, 0), r.usage());
  }

  @Test
  void anthropicCacheReadAndWriteTogether() {
    LlmResponse r = ResponseCodec.parse(Endpoint.ANTHROPIC_MESSAGES, utf8(
        "{\"id\":\"msg_1\",\"type\":\"message\",\"stop_reason\":\"max_tokens\",\"usage\":{\"input_tokens\":10,"
            + "\"cache_read_input_tokens\":300,\"cache_creation_input_tokens\":50,\"output_tokens\":7}}"));
    assertEquals(Usage.of(360, 7, 300, 50, 0), r.usage());
    assertEquals(Collections.singletonList("max_tokens"), r.finishReasons());
  }

  @Test
  void anthropicErrorBody() {
    LlmResponse r = ResponseCodec.parse(Endpoint.ANTHROPIC_MESSAGES, bytes("anthropic/error-overloaded.json"));
    assertEquals("overloaded_error", r.errorType());
    assertNull(r.usage());
  }

  @Test
  void geminiWithCacheAndThoughts() {
    LlmResponse r = ResponseCodec.parse(Endpoint.GEMINI_GENERATE_CONTENT, bytes("gemini/generate-response.json"));
    assertNotNull(r);
    assertEquals("mAitaLmkHPPlz7IPvtfUqQ4", r.id());
    assertEquals("gemini-2.5-flash", r.model());
    assertEquals(Collections.singletonList("STOP"), r.finishReasons());
    // promptTokenCount includes the cached content; thoughts are output.
    assertEquals(Usage.of(4120, 38 + 732, 4096, 0, 732), r.usage());
  }

  @Test
  void geminiToolUsePromptTokensAreInput() {
    LlmResponse r = ResponseCodec.parse(Endpoint.GEMINI_GENERATE_CONTENT, utf8(
        "{\"candidates\":[],\"usageMetadata\":{\"promptTokenCount\":100,\"toolUsePromptTokenCount\":40,"
            + "\"candidatesTokenCount\":5,\"totalTokenCount\":145}}"));
    assertEquals(Usage.of(140, 5, 0, 0, 0), r.usage());
  }

  @Test
  void geminiBlockedPrompt() {
    LlmResponse r = ResponseCodec.parse(Endpoint.GEMINI_GENERATE_CONTENT, utf8(
        "{\"promptFeedback\":{\"blockReason\":\"SAFETY\",\"safetyRatings\":[{\"category\":\"HARM_CATEGORY_DANGEROUS_CONTENT\","
            + "\"probability\":\"HIGH\",\"blocked\":true}]},\"usageMetadata\":{\"promptTokenCount\":12,\"totalTokenCount\":12},"
            + "\"modelVersion\":\"gemini-2.0-flash\",\"responseId\":\"abc\"}"));
    assertEquals(Collections.singletonList("SAFETY"), r.finishReasons());
    assertEquals(Usage.of(12, 0, 0, 0, 0), r.usage());
  }

  @Test
  void geminiErrorBody() {
    LlmResponse r = ResponseCodec.parse(Endpoint.GEMINI_GENERATE_CONTENT, bytes("gemini/error-resource-exhausted.json"));
    assertEquals("RESOURCE_EXHAUSTED", r.errorType());
  }

  @Test
  void geminiStreamAsJsonArrayFoldsLikeTheSseStream() {
    LlmResponse array = ResponseCodec.parse(Endpoint.GEMINI_STREAM_GENERATE_CONTENT, bytes("gemini/stream-array.json"));
    assertNotNull(array);
    assertEquals(Usage.of(9, 24, 0, 0, 0), array.usage());
    assertEquals(Collections.singletonList("STOP"), array.finishReasons());
    assertEquals("gemini-2.0-flash", array.model());
    LlmResponse sse = Fixtures.replay(bytes("gemini/stream.sse"), Endpoint.GEMINI_STREAM_GENERATE_CONTENT, 0, 1 << 20).response;
    assertEquals(sse, array);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "null", "[]", "[{}]", "{\"id\":", "{\"id\":\"x\"} {}", "{\"usage\":{\"prompt_tokens\":1}"})
  void malformedBodiesGiveNull(String body) {
    for (Endpoint e : new Endpoint[] {Endpoint.OPENAI_CHAT, Endpoint.OPENAI_RESPONSES, Endpoint.ANTHROPIC_MESSAGES}) {
      assertNull(ResponseCodec.parse(e, utf8(body)), e + ": " + body);
    }
    assertNull(ResponseCodec.parse(Endpoint.OPENAI_CHAT, null));
    assertNull(ResponseCodec.parse(null, utf8("{}")));
  }

  @Test
  void geminiArrayMustBeComplete() {
    assertNull(ResponseCodec.parse(Endpoint.GEMINI_STREAM_GENERATE_CONTENT, utf8("[{\"candidates\":[]},")));
    assertNull(ResponseCodec.parse(Endpoint.GEMINI_STREAM_GENERATE_CONTENT, utf8("[{\"candidates\":[]}, 1]")));
    assertNotNull(ResponseCodec.parse(Endpoint.GEMINI_STREAM_GENERATE_CONTENT, utf8("[]")));
  }

  @Test
  void emptyObjectIsAResponseWithNothingInIt() {
    LlmResponse r = ResponseCodec.parse(Endpoint.OPENAI_CHAT, utf8("{}"));
    assertEquals(LlmResponse.of(null, null, null, null, null), r);
  }
}
