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

class OpenAiToolCallsTest {

    /** Two function tools; the mock calls the first. Tool definitions are not prompt text. */
    private static final String TOOLS = "\"tools\":["
            + "{\"type\":\"function\",\"function\":{\"name\":\"lookup_order\",\"description\":\"Finds an order\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"}},"
            + "\"required\":[\"query\"]}}},"
            + "{\"type\":\"function\",\"function\":{\"name\":\"cancel_order\",\"parameters\":{\"type\":\"object\"}}}]";
    // "Where is my order 42?" = 21 chars -> 6 tokens
    private static final String ASK = "{\"model\":\"gpt-4o-mini\",\"messages\":["
            + "{\"role\":\"user\",\"content\":\"Where is my order 42?\"}]," + TOOLS + "%s}";
    private static final String ARGUMENTS = "{\"query\":\"Where is my order 42?\"}"; // 5 words
    // 21 + "order 42 shipped" (16) = 37 chars -> 10 tokens
    private static final String RESULT = "{\"model\":\"gpt-4o-mini\",\"messages\":["
            + "{\"role\":\"user\",\"content\":\"Where is my order 42?\"},"
            + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
            + "\"function\":{\"name\":\"lookup_order\","
            + "\"arguments\":\"{\\\"query\\\":\\\"Where is my order 42?\\\"}\"}}]},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"order 42 shipped\"}]," + TOOLS + "%s}";

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
    void toolsAndAUserMessageGetACallOfTheFirstTool() throws Exception {
        HttpResponse<String> first = TestHttp.post(url, String.format(ASK, ""), "Authorization", "Bearer k");
        HttpResponse<String> second = TestHttp.post(url, String.format(ASK, ""), "Authorization", "Bearer k");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(first.body(), second.body(), "deterministic, tool call id included");

        JsonNode r = TestHttp.json(first.body());
        assertEquals("chat.completion", r.get("object").asText());
        assertEquals("gpt-4o-mini", r.get("model").asText());
        JsonNode choice = r.at("/choices/0");
        assertEquals("tool_calls", choice.get("finish_reason").asText());
        JsonNode message = choice.get("message");
        assertEquals("assistant", message.get("role").asText());
        assertTrue(message.get("content").isNull(), "no text beside the call: " + message);
        assertEquals(1, message.get("tool_calls").size());
        JsonNode call = message.at("/tool_calls/0");
        assertTrue(call.get("id").asText().matches("call_mock[0-9a-f]{16}"), call.toString());
        assertEquals("function", call.get("type").asText());
        assertEquals("lookup_order", call.at("/function/name").asText());
        assertTrue(call.at("/function/arguments").isTextual(), "arguments are a JSON string");
        assertEquals(ARGUMENTS, call.at("/function/arguments").asText());
        assertEquals("Where is my order 42?", TestHttp.json(call.at("/function/arguments").asText())
                .get("query").asText());
        JsonNode usage = r.get("usage");
        assertEquals(6, usage.get("prompt_tokens").asInt());
        assertEquals(5, usage.get("completion_tokens").asInt());
        assertEquals(11, usage.get("total_tokens").asInt());
    }

    @Test
    void streamedToolCallNamesTheCallFirstThenSendsArgumentFragments() throws Exception {
        TestHttp.SseResult s = TestHttp.stream(url,
                String.format(ASK, ",\"stream\":true,\"stream_options\":{\"include_usage\":true}"),
                "Authorization", "Bearer k");
        assertEquals(200, s.status);
        assertNull(s.failure);
        assertEquals("[DONE]", s.events.get(s.events.size() - 1).data);
        List<JsonNode> chunks = s.jsonEvents();
        // header chunk, 3 argument fragments, finish chunk, usage chunk
        assertEquals(6, chunks.size(), s.events.toString());

        JsonNode head = chunks.get(0).at("/choices/0/delta");
        assertEquals("assistant", head.get("role").asText());
        assertTrue(head.get("content").isNull());
        JsonNode headCall = head.at("/tool_calls/0");
        assertEquals(0, headCall.get("index").asInt());
        assertTrue(headCall.get("id").asText().matches("call_mock[0-9a-f]{16}"), headCall.toString());
        assertEquals("function", headCall.get("type").asText());
        assertEquals("lookup_order", headCall.at("/function/name").asText());
        assertEquals("", headCall.at("/function/arguments").asText("missing"));

        StringBuilder arguments = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            JsonNode delta = chunks.get(i).at("/choices/0/delta");
            assertFalse(delta.has("content"), delta.toString());
            JsonNode fragment = delta.at("/tool_calls/0");
            assertEquals(0, fragment.get("index").asInt());
            assertFalse(fragment.has("id"), "only the first delta carries the id: " + fragment);
            assertFalse(fragment.at("/function").has("name"), fragment.toString());
            arguments.append(fragment.at("/function/arguments").asText());
            assertTrue(chunks.get(i).at("/choices/0/finish_reason").isNull());
        }
        assertEquals(ARGUMENTS, arguments.toString());

        JsonNode finish = chunks.get(4).at("/choices/0");
        assertEquals("tool_calls", finish.get("finish_reason").asText());
        assertEquals(0, finish.get("delta").size());
        JsonNode usage = chunks.get(5).get("usage");
        assertEquals(0, chunks.get(5).get("choices").size());
        assertEquals(6, usage.get("prompt_tokens").asInt());
        assertEquals(5, usage.get("completion_tokens").asInt());
    }

    @Test
    void aToolResultIsAnsweredWithText() throws Exception {
        HttpResponse<String> response = TestHttp.post(url, String.format(RESULT, ""), "Authorization", "Bearer k");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode r = TestHttp.json(response.body());
        JsonNode choice = r.at("/choices/0");
        assertEquals("stop", choice.get("finish_reason").asText());
        assertEquals("Tool said: order 42 shipped", choice.at("/message/content").asText());
        assertFalse(choice.get("message").has("tool_calls"), choice.toString());
        assertEquals(10, r.at("/usage/prompt_tokens").asInt());
        assertEquals(5, r.at("/usage/completion_tokens").asInt());
    }

    @Test
    void aToolResultIsStreamedAsText() throws Exception {
        TestHttp.SseResult s = TestHttp.stream(url, String.format(RESULT, ",\"stream\":true"),
                "Authorization", "Bearer k");
        List<JsonNode> chunks = s.jsonEvents();
        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : chunks) {
            assertFalse(chunk.at("/choices/0/delta").has("tool_calls"), chunk.toString());
            text.append(chunk.at("/choices/0/delta/content").asText(""));
        }
        assertEquals("Tool said: order 42 shipped", text.toString());
        assertEquals("stop", chunks.get(chunks.size() - 1).at("/choices/0/finish_reason").asText());
    }

    @Test
    void toolChoiceNoneGetsText() throws Exception {
        HttpResponse<String> response = TestHttp.post(url, String.format(ASK, ",\"tool_choice\":\"none\""),
                "Authorization", "Bearer k");
        JsonNode choice = TestHttp.json(response.body()).at("/choices/0");
        assertEquals("stop", choice.get("finish_reason").asText());
        assertEquals("You said: Where is my order 42?", choice.at("/message/content").asText());
    }

    @Test
    void toolsWithALastAssistantMessageGetText() throws Exception {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"assistant\",\"content\":\"Hello\"}]," + TOOLS + "}";
        JsonNode choice = TestHttp.json(TestHttp.post(url, body, "Authorization", "Bearer k").body())
                .at("/choices/0");
        assertEquals("stop", choice.get("finish_reason").asText());
        assertEquals("You said: hi", choice.at("/message/content").asText());
    }
}
