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

class AnthropicToolCallsTest {

    private static final String TOOLS = "\"tools\":["
            + "{\"name\":\"lookup_order\",\"description\":\"Finds an order\",\"input_schema\":{\"type\":\"object\","
            + "\"properties\":{\"query\":{\"type\":\"string\"}},\"required\":[\"query\"]}},"
            + "{\"name\":\"cancel_order\",\"input_schema\":{\"type\":\"object\"}}]";
    // "Where is my order 42?" = 21 chars -> 6 tokens
    private static final String ASK = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":["
            + "{\"role\":\"user\",\"content\":\"Where is my order 42?\"}]," + TOOLS + "%s}";
    private static final String ARGUMENTS = "{\"query\":\"Where is my order 42?\"}"; // 5 words
    // 21 + "order 42 shipped" (16) = 37 chars -> 10 tokens
    private static final String RESULT = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":["
            + "{\"role\":\"user\",\"content\":\"Where is my order 42?\"},"
            + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\","
            + "\"name\":\"lookup_order\",\"input\":{\"query\":\"Where is my order 42?\"}}]},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\","
            + "\"content\":%s}]}],"
            + TOOLS + "%s}";

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
    void toolsAndAUserMessageGetAToolUseBlock() throws Exception {
        HttpResponse<String> response = TestHttp.post(url, String.format(ASK, ""), "x-api-key", "k");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode m = TestHttp.json(response.body());
        assertEquals("message", m.get("type").asText());
        assertEquals("claude-sonnet-4-5", m.get("model").asText());
        assertEquals("tool_use", m.get("stop_reason").asText());
        assertEquals(1, m.get("content").size());
        JsonNode block = m.at("/content/0");
        assertEquals("tool_use", block.get("type").asText());
        assertTrue(block.get("id").asText().matches("toolu_mock[0-9a-f]{16}"), block.toString());
        assertEquals("lookup_order", block.get("name").asText());
        assertTrue(block.get("input").isObject(), "input is a JSON object, not a string: " + block);
        assertEquals(TestHttp.json(ARGUMENTS), block.get("input"));
        assertEquals(6, m.at("/usage/input_tokens").asInt());
        assertEquals(5, m.at("/usage/output_tokens").asInt());
    }

    @Test
    void streamedToolUseFollowsTheRealEventSequence() throws Exception {
        TestHttp.SseResult s = TestHttp.stream(url, String.format(ASK, ",\"stream\":true"), "x-api-key", "k");
        assertEquals(200, s.status);
        assertNull(s.failure);
        List<String> expected = Arrays.asList("message_start", "content_block_start", "ping",
                "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        assertEquals(expected, s.eventNames());
        List<JsonNode> events = s.jsonEvents();

        JsonNode start = events.get(0).get("message");
        assertEquals(0, start.get("content").size());
        assertTrue(start.get("stop_reason").isNull());
        assertEquals(6, start.at("/usage/input_tokens").asInt());

        JsonNode blockStart = events.get(1);
        assertEquals(0, blockStart.get("index").asInt());
        JsonNode block = blockStart.get("content_block");
        assertEquals("tool_use", block.get("type").asText());
        assertTrue(block.get("id").asText().matches("toolu_mock[0-9a-f]{16}"), block.toString());
        assertEquals("lookup_order", block.get("name").asText());
        assertTrue(block.get("input").isObject() && block.get("input").size() == 0, block.toString());

        StringBuilder json = new StringBuilder();
        for (int i = 3; i <= 5; i++) {
            JsonNode delta = events.get(i);
            assertEquals(0, delta.get("index").asInt());
            assertEquals("input_json_delta", delta.at("/delta/type").asText());
            json.append(delta.at("/delta/partial_json").asText());
        }
        assertEquals(ARGUMENTS, json.toString());
        assertEquals(0, events.get(6).get("index").asInt());
        JsonNode messageDelta = events.get(7);
        assertEquals("tool_use", messageDelta.at("/delta/stop_reason").asText());
        assertEquals(5, messageDelta.at("/usage/output_tokens").asInt());
    }

    @Test
    void aToolResultIsAnsweredWithText() throws Exception {
        HttpResponse<String> response = TestHttp.post(url, String.format(RESULT, "\"order 42 shipped\"", ""),
                "x-api-key", "k");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode m = TestHttp.json(response.body());
        assertEquals("end_turn", m.get("stop_reason").asText());
        assertEquals("text", m.at("/content/0/type").asText());
        assertEquals("Tool said: order 42 shipped", m.at("/content/0/text").asText());
        assertEquals(10, m.at("/usage/input_tokens").asInt());
        assertEquals(5, m.at("/usage/output_tokens").asInt());
    }

    @Test
    void aToolResultWithContentBlocksIsStreamedAsText() throws Exception {
        TestHttp.SseResult s = TestHttp.stream(url,
                String.format(RESULT, "[{\"type\":\"text\",\"text\":\"order 42 shipped\"}]", ",\"stream\":true"),
                "x-api-key", "k");
        List<JsonNode> events = s.jsonEvents();
        assertEquals("text", events.get(1).at("/content_block/type").asText());
        StringBuilder text = new StringBuilder();
        for (JsonNode event : events) {
            if ("content_block_delta".equals(event.get("type").asText())) {
                assertEquals("text_delta", event.at("/delta/type").asText());
                text.append(event.at("/delta/text").asText());
            }
        }
        assertEquals("Tool said: order 42 shipped", text.toString());
        assertEquals("end_turn", events.get(events.size() - 2).at("/delta/stop_reason").asText());
    }

    @Test
    void toolChoiceNoneGetsText() throws Exception {
        JsonNode m = TestHttp.json(TestHttp.post(url, String.format(ASK, ",\"tool_choice\":{\"type\":\"none\"}"),
                "x-api-key", "k").body());
        assertEquals("end_turn", m.get("stop_reason").asText());
        assertEquals("You said: Where is my order 42?", m.at("/content/0/text").asText());
    }

    @Test
    void serverToolsAreSkippedForTheFirstClientTool() throws Exception {
        String body = "{\"model\":\"c\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"max_uses\":1},"
                + "{\"type\":\"custom\",\"name\":\"lookup_order\",\"input_schema\":{\"type\":\"object\"}}]}";
        JsonNode m = TestHttp.json(TestHttp.post(url, body, "x-api-key", "k").body());
        assertEquals("lookup_order", m.at("/content/0/name").asText(), m.toString());
    }
}
