package dev.airlock.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenAiChatCompletionsTest {

    // "be nice" (7) + "Hello there my friend" (21) = 28 chars -> 7 tokens
    private static final String BODY = "{\"model\":\"gpt-4o-mini\",\"messages\":["
            + "{\"role\":\"system\",\"content\":\"be nice\"},"
            + "{\"role\":\"assistant\",\"content\":\"\"},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hello there my friend\"}]}]%s}";

    private static MockProvider mock;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        mock = MockProvider.start(0);
        url = mock.baseUrl() + "/v1/chat/completions";
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @Test
    void nonStreamingAnswerIsDeterministicWithRealisticUsage() throws Exception {
        HttpResponse<String> first = TestHttp.post(url, String.format(BODY, ""), "Authorization", "Bearer sk-test");
        HttpResponse<String> second = TestHttp.post(url, String.format(BODY, ""), "Authorization", "Bearer sk-test");
        assertEquals(200, first.statusCode());
        assertEquals(first.body(), second.body(), "same request, same bytes");

        JsonNode r = TestHttp.json(first.body());
        assertTrue(r.get("id").asText().matches("chatcmpl-mock-[0-9a-f]{12}"), r.get("id").asText());
        assertEquals("chat.completion", r.get("object").asText());
        assertEquals(Completion.CREATED_EPOCH_SECONDS, r.get("created").asLong());
        assertEquals("gpt-4o-mini", r.get("model").asText());
        JsonNode choice = r.get("choices").get(0);
        assertEquals("assistant", choice.at("/message/role").asText());
        assertEquals("You said: Hello there my friend", choice.at("/message/content").asText());
        assertEquals("stop", choice.get("finish_reason").asText());
        assertTrue(choice.get("logprobs").isNull());
        JsonNode usage = r.get("usage");
        assertEquals(7, usage.get("prompt_tokens").asInt());
        assertEquals(6, usage.get("completion_tokens").asInt());
        assertEquals(13, usage.get("total_tokens").asInt());
        assertEquals(0, usage.at("/prompt_tokens_details/cached_tokens").asInt());
        assertEquals(0, usage.at("/completion_tokens_details/reasoning_tokens").asInt());
        assertTrue(usage.at("/completion_tokens_details/reasoning_tokens").isInt());
    }

    @Test
    void cachedTokensAreIncludedInPromptTokens() throws Exception {
        HttpResponse<String> response = TestHttp.post(url, String.format(BODY, ""),
                "Authorization", "Bearer k", "x-mock-cached-tokens", "4");
        JsonNode usage = TestHttp.json(response.body()).get("usage");
        assertEquals(7, usage.get("prompt_tokens").asInt());
        assertEquals(4, usage.at("/prompt_tokens_details/cached_tokens").asInt());
        assertEquals(13, usage.get("total_tokens").asInt());
    }

    @Test
    void streamWithoutIncludeUsageHasNoUsageAnywhere() throws Exception {
        TestHttp.SseResult s = TestHttp.stream(url, String.format(BODY, ",\"stream\":true"), "Authorization", "Bearer k");
        assertEquals(200, s.status);
        assertTrue(s.contentType.startsWith("text/event-stream"), s.contentType);
        assertNull(s.failure);
        assertEquals("[DONE]", s.events.get(s.events.size() - 1).data);
        List<JsonNode> chunks = s.jsonEvents();
        // role chunk, 3 content chunks ("You said: ", "Hello there ", "my friend"), finish chunk
        assertEquals(5, chunks.size(), s.events.toString());
        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : chunks) {
            assertEquals("chat.completion.chunk", chunk.get("object").asText());
            assertFalse(chunk.has("usage"), "no usage without include_usage: " + chunk);
            assertTrue(chunk.get("id").asText().startsWith("chatcmpl-mock-"));
            text.append(chunk.at("/choices/0/delta/content").asText(""));
        }
        assertEquals("You said: Hello there my friend", text.toString());
        assertEquals("assistant", chunks.get(0).at("/choices/0/delta/role").asText());
        assertEquals("Hello there ", chunks.get(2).at("/choices/0/delta/content").asText());
        assertEquals("stop", chunks.get(4).at("/choices/0/finish_reason").asText());
        assertTrue(chunks.get(3).at("/choices/0/finish_reason").isNull());
        for (TestHttp.Sse e : s.events) {
            assertNull(e.event, "chat completions SSE has data lines only");
        }
    }

    @Test
    void streamWithIncludeUsageEndsWithUsageChunk() throws Exception {
        TestHttp.SseResult s = TestHttp.stream(url,
                String.format(BODY, ",\"stream\":true,\"stream_options\":{\"include_usage\":true}"),
                "Authorization", "Bearer k", "x-mock-cached-tokens", "2");
        List<JsonNode> chunks = s.jsonEvents();
        assertEquals(6, chunks.size());
        for (int i = 0; i < chunks.size() - 1; i++) {
            assertTrue(chunks.get(i).get("usage").isNull(), "usage is null before the last chunk");
            assertEquals(1, chunks.get(i).get("choices").size());
        }
        JsonNode last = chunks.get(chunks.size() - 1);
        assertEquals(0, last.get("choices").size());
        assertEquals(7, last.at("/usage/prompt_tokens").asInt());
        assertEquals(6, last.at("/usage/completion_tokens").asInt());
        assertEquals(13, last.at("/usage/total_tokens").asInt());
        assertEquals(2, last.at("/usage/prompt_tokens_details/cached_tokens").asInt());
        assertEquals("[DONE]", s.events.get(s.events.size() - 1).data);
    }

    @Test
    void missingBearerIs401InOpenAiFormat() throws Exception {
        HttpResponse<String> response = TestHttp.post(url, String.format(BODY, ""), "x-api-key", "wrong-style");
        assertEquals(401, response.statusCode());
        JsonNode error = TestHttp.json(response.body()).get("error");
        assertEquals("invalid_request_error", error.get("type").asText());
        assertTrue(error.get("param").isNull());
        assertTrue(error.has("code"));
        assertTrue(error.get("message").asText().contains("API key"));
    }

    @Test
    void azureStyleApiKeyIsAccepted() throws Exception {
        assertEquals(200, TestHttp.post(url, String.format(BODY, ""), "api-key", "azure").statusCode());
    }

    @Test
    void malformedJsonIs400InOpenAiFormat() throws Exception {
        HttpResponse<String> response = TestHttp.post(url, "{\"model\": ", "Authorization", "Bearer k");
        assertEquals(400, response.statusCode());
        JsonNode error = TestHttp.json(response.body()).get("error");
        assertEquals("invalid_request_error", error.get("type").asText());
        assertTrue(error.get("message").asText().contains("JSON"), error.toString());
    }

    @Test
    void missingMessagesIs400() throws Exception {
        HttpResponse<String> response = TestHttp.post(url, "{\"model\":\"m\"}", "Authorization", "Bearer k");
        assertEquals(400, response.statusCode());
        assertTrue(TestHttp.json(response.body()).at("/error/message").asText().contains("messages"));
    }
}
