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

class OpenAiResponsesTest {

    // "Answer briefly" (14) + "What is up now" (14) = 28 chars -> 7 tokens; answer has 6 words
    private static final String ITEMS_BODY = "{\"model\":\"gpt-4.1\",\"instructions\":\"Answer briefly\","
            + "\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"What is up now\"}]}]%s}";

    private static MockProvider mock;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        mock = MockProvider.start(0);
        url = mock.baseUrl() + "/v1/responses";
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @Test
    void nonStreamingResponseObject() throws Exception {
        HttpResponse<String> response = TestHttp.post(url, String.format(ITEMS_BODY, ""),
                "Authorization", "Bearer k", "x-mock-cached-tokens", "3");
        assertEquals(200, response.statusCode());
        JsonNode r = TestHttp.json(response.body());
        assertTrue(r.get("id").asText().startsWith("resp_mock"));
        assertEquals("response", r.get("object").asText());
        assertEquals("completed", r.get("status").asText());
        assertEquals("gpt-4.1", r.get("model").asText());
        assertEquals("Answer briefly", r.get("instructions").asText());
        JsonNode message = r.at("/output/0");
        assertEquals("message", message.get("type").asText());
        assertTrue(message.get("id").asText().startsWith("msg_mock"));
        assertEquals("output_text", message.at("/content/0/type").asText());
        assertEquals("You said: What is up now", message.at("/content/0/text").asText());
        JsonNode usage = r.get("usage");
        assertEquals(7, usage.get("input_tokens").asInt());
        assertEquals(3, usage.at("/input_tokens_details/cached_tokens").asInt());
        assertEquals(6, usage.get("output_tokens").asInt());
        assertEquals(0, usage.at("/output_tokens_details/reasoning_tokens").asInt());
        assertEquals(13, usage.get("total_tokens").asInt());
    }

    @Test
    void plainStringInputIsTheUserMessage() throws Exception {
        HttpResponse<String> response = TestHttp.post(url, "{\"model\":\"m\",\"input\":\"Hi\"}",
                "Authorization", "Bearer k");
        JsonNode r = TestHttp.json(response.body());
        assertEquals("You said: Hi", r.at("/output/0/content/0/text").asText());
        assertEquals(1, r.at("/usage/input_tokens").asInt());
    }

    @Test
    void streamFollowsTheRealEventSequence() throws Exception {
        TestHttp.SseResult s = TestHttp.stream(url, String.format(ITEMS_BODY, ",\"stream\":true"),
                "Authorization", "Bearer k");
        assertEquals(200, s.status);
        assertNull(s.failure);
        List<String> expected = Arrays.asList(
                "response.created", "response.in_progress", "response.output_item.added",
                "response.content_part.added",
                "response.output_text.delta", "response.output_text.delta", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done",
                "response.completed");
        assertEquals(expected, s.eventNames());

        List<JsonNode> events = s.jsonEvents();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            assertEquals(expected.get(i), e.get("type").asText(), "event: line matches data type");
            assertEquals(i, e.get("sequence_number").asInt());
            if (e.get("type").asText().equals("response.output_text.delta")) {
                text.append(e.get("delta").asText());
                assertEquals(0, e.get("output_index").asInt());
                assertEquals(0, e.get("content_index").asInt());
            }
        }
        assertEquals("You said: What is up now", text.toString());
        assertEquals("in_progress", events.get(0).at("/response/status").asText());
        assertTrue(events.get(0).at("/response/usage").isNull());
        assertEquals("You said: What is up now", events.get(7).get("text").asText());
        JsonNode completed = events.get(10).get("response");
        assertEquals("completed", completed.get("status").asText());
        assertEquals(7, completed.at("/usage/input_tokens").asInt());
        assertEquals(6, completed.at("/usage/output_tokens").asInt());
        assertEquals(13, completed.at("/usage/total_tokens").asInt());
        assertEquals("You said: What is up now", completed.at("/output/0/content/0/text").asText());
        assertEquals(events.get(2).at("/item/id").asText(), events.get(4).get("item_id").asText());
    }
}
