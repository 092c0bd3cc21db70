package dev.airlock.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnthropicMessagesTest {

    // system "You are terse" (13) + "Earlier" (7) + "Tell me a joke please" (21) = 41 chars -> 11 tokens
    private static final String BODY = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,"
            + "\"system\":[{\"type\":\"text\",\"text\":\"You are terse\"}],\"messages\":["
            + "{\"role\":\"user\",\"content\":\"Earlier\"},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Tell me a joke please\"}]}]%s}";
    private static final String ANSWER = "You said: Tell me a joke please"; // 7 words

    private static MockProvider mock;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        mock = MockProvider.start(0);
        url = mock.baseUrl() + "/v1/messages";
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @Test
    void nonStreamingMessage() throws Exception {
        HttpResponse<String> response = TestHttp.post(url, String.format(BODY, ""),
                "x-api-key", "k", "anthropic-version", "2023-06-01");
        assertEquals(200, response.statusCode());
        JsonNode m = TestHttp.json(response.body());
        assertTrue(m.get("id").asText().matches("msg_mock[0-9a-f]{24}"));
        assertEquals("message", m.get("type").asText());
        assertEquals("assistant", m.get("role").asText());
        assertEquals("claude-sonnet-4-5", m.get("model").asText());
        assertEquals("text", m.at("/content/0/type").asText());
        assertEquals(ANSWER, m.at("/content/0/text").asText());
        assertEquals("end_turn", m.get("stop_reason").asText());
        assertTrue(m.get("stop_sequence").isNull());
        assertEquals(11, m.at("/usage/input_tokens").asInt());
        assertEquals(0, m.at("/usage/cache_read_input_tokens").asInt());
        assertEquals(0, m.at("/usage/cache_creation_input_tokens").asInt());
        assertEquals(7, m.at("/usage/output_tokens").asInt());
    }

    @Test
    void cacheReadsAndWritesAreExcludedFromInputTokens() throws Exception {
        HttpResponse<String> response = TestHttp.post(url, String.format(BODY, ""), "x-api-key", "k",
                "x-mock-cached-tokens", "6", "x-mock-cache-creation-tokens", "2");
        JsonNode usage = TestHttp.json(response.body()).get("usage");
        assertEquals(11 - 6 - 2, usage.get("input_tokens").asInt());
        assertEquals(6, usage.get("cache_read_input_tokens").asInt());
        assertEquals(2, usage.get("cache_creation_input_tokens").asInt());
    }

    @Test
    void cachedPrefixLargerThanThePromptGrowsThePrompt() throws Exception {
        HttpResponse<String> response = TestHttp.post(url, String.format(BODY, ""), "x-api-key", "k",
                "x-mock-cached-tokens", "1000");
        JsonNode usage = TestHttp.json(response.body()).get("usage");
        assertEquals(1000, usage.get("cache_read_input_tokens").asInt());
        assertEquals(0, usage.get("input_tokens").asInt());
    }

    @Test
    void streamFollowsTheRealEventSequence() throws Exception {
        TestHttp.SseResult s = TestHttp.stream(url, String.format(BODY, ",\"stream\":true"),
                "x-api-key", "k", "x-mock-cached-tokens", "4");
        assertEquals(200, s.status);
        assertNull(s.failure);
        List<String> expected = Arrays.asList("message_start", "content_block_start", "ping",
                "content_block_delta", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        assertEquals(expected, s.eventNames());
        List<JsonNode> events = s.jsonEvents();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            assertEquals(expected.get(i), events.get(i).get("type").asText());
            if (expected.get(i).equals("content_block_delta")) {
                assertEquals("text_delta", events.get(i).at("/delta/type").asText());
                text.append(events.get(i).at("/delta/text").asText());
            }
        }
        assertEquals(ANSWER, text.toString());
        JsonNode start = events.get(0).get("message");
        assertEquals(0, start.get("content").size());
        assertTrue(start.get("stop_reason").isNull());
        assertEquals(11 - 4, start.at("/usage/input_tokens").asInt());
        assertEquals(4, start.at("/usage/cache_read_input_tokens").asInt());
        assertEquals(0, start.at("/usage/cache_creation_input_tokens").asInt());
        assertEquals(1, start.at("/usage/output_tokens").asInt());
        assertEquals("text", events.get(1).at("/content_block/type").asText());
        JsonNode delta = events.get(8);
        assertEquals("end_turn", delta.at("/delta/stop_reason").asText());
        assertEquals(7, delta.at("/usage/output_tokens").asInt());
    }

    @Test
    void missingApiKeyIs401InAnthropicFormat() throws Exception {
        HttpResponse<String> response = TestHttp.post(url, String.format(BODY, ""), "Authorization", "Basic x");
        assertEquals(401, response.statusCode());
        JsonNode body = TestHttp.json(response.body());
        assertEquals("error", body.get("type").asText());
        assertEquals("authentication_error", body.at("/error/type").asText());
        assertTrue(body.at("/error/message").asText().contains("x-api-key"));
    }

    @Test
    void malformedJsonIs400InAnthropicFormat() throws Exception {
        HttpResponse<String> response = TestHttp.post(url, "{nope", "x-api-key", "k");
        assertEquals(400, response.statusCode());
        JsonNode body = TestHttp.json(response.body());
        assertEquals("error", body.get("type").asText());
        assertEquals("invalid_request_error", body.at("/error/type").asText());
    }
}
