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

class GeminiToolCallsTest {

    /** A built-in tool first (skipped), then the declarations; the mock calls the first one. */
    private static final String TOOLS = "\"tools\":[{\"googleSearch\":{}},{\"functionDeclarations\":["
            + "{\"name\":\"lookup_order\",\"description\":\"Finds an order\",\"parameters\":{\"type\":\"OBJECT\","
            + "\"properties\":{\"query\":{\"type\":\"STRING\"}},\"required\":[\"query\"]}},"
            + "{\"name\":\"cancel_order\"}]}]";
    // "Where is my order 42?" = 21 chars -> 6 tokens
    private static final String ASK = "{\"contents\":["
            + "{\"role\":\"user\",\"parts\":[{\"text\":\"Where is my order 42?\"}]}]," + TOOLS + "%s}";
    private static final String RESULT = "{\"contents\":["
            + "{\"role\":\"user\",\"parts\":[{\"text\":\"Where is my order 42?\"}]},"
            + "{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"lookup_order\","
            + "\"args\":{\"query\":\"Where is my order 42?\"}}}]},"
            + "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"lookup_order\","
            + "\"response\":{\"result\":\"order 42 shipped\"}}}]}]," + TOOLS + "}";

    private static MockProvider mock;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        mock = MockProvider.start(0);
        base = mock.baseUrl() + "/v1beta/models/gemini-2.0-flash";
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @Test
    void toolsAndAUserMessageGetAFunctionCallPart() throws Exception {
        HttpResponse<String> response = TestHttp.post(base + ":generateContent", String.format(ASK, ""),
                "x-goog-api-key", "k");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode r = TestHttp.json(response.body());
        assertFunctionCall(r);
        assertEquals(6, r.at("/usageMetadata/promptTokenCount").asInt());
        assertEquals(5, r.at("/usageMetadata/candidatesTokenCount").asInt());
        assertEquals(11, r.at("/usageMetadata/totalTokenCount").asInt());
    }

    @Test
    void sseStreamSendsTheFunctionCallInOneFinishedChunk() throws Exception {
        TestHttp.SseResult s = TestHttp.stream(base + ":streamGenerateContent?alt=sse", String.format(ASK, ""),
                "x-goog-api-key", "k");
        assertEquals(200, s.status);
        assertNull(s.failure);
        List<JsonNode> chunks = s.jsonEvents();
        assertEquals(1, chunks.size(), s.events.toString());
        assertFunctionCall(chunks.get(0));
        assertEquals(5, chunks.get(0).at("/usageMetadata/candidatesTokenCount").asInt());
    }

    @Test
    void jsonArrayStreamSendsTheFunctionCallInOneElement() throws Exception {
        HttpResponse<String> response = TestHttp.post(base + ":streamGenerateContent", String.format(ASK, ""),
                "x-goog-api-key", "k");
        JsonNode array = TestHttp.json(response.body());
        assertTrue(array.isArray());
        assertEquals(1, array.size());
        assertFunctionCall(array.get(0));
    }

    @Test
    void aFunctionResponseIsAnsweredWithText() throws Exception {
        HttpResponse<String> response = TestHttp.post(base + ":generateContent", RESULT, "x-goog-api-key", "k");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode candidate = TestHttp.json(response.body()).at("/candidates/0");
        assertEquals("Tool said: order 42 shipped", candidate.at("/content/parts/0/text").asText());
        assertFalse(candidate.at("/content/parts/0").has("functionCall"));
        assertEquals("STOP", candidate.get("finishReason").asText());
    }

    @Test
    void aFunctionResponseIsStreamedAsText() throws Exception {
        TestHttp.SseResult s = TestHttp.stream(base + ":streamGenerateContent?alt=sse", RESULT,
                "x-goog-api-key", "k");
        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : s.jsonEvents()) {
            text.append(chunk.at("/candidates/0/content/parts/0/text").asText());
        }
        assertEquals("Tool said: order 42 shipped", text.toString());
    }

    @Test
    void functionCallingModeNoneGetsText() throws Exception {
        HttpResponse<String> response = TestHttp.post(base + ":generateContent",
                String.format(ASK, ",\"toolConfig\":{\"functionCallingConfig\":{\"mode\":\"NONE\"}}"),
                "x-goog-api-key", "k");
        assertEquals("You said: Where is my order 42?",
                TestHttp.json(response.body()).at("/candidates/0/content/parts/0/text").asText());
    }

    @Test
    void functionResponseTextRules() {
        assertEquals("a", ToolTurn.functionResponseText(Json.object().put("anything", "a")));
        assertEquals("b", ToolTurn.functionResponseText(Json.object().put("status", 200).put("output", "b")));
        assertEquals("{\"n\":1}", ToolTurn.functionResponseText(Json.object().put("n", 1)));
        assertEquals("", ToolTurn.functionResponseText(null));
    }

    private static void assertFunctionCall(JsonNode response) throws Exception {
        JsonNode candidate = response.at("/candidates/0");
        assertEquals("model", candidate.at("/content/role").asText());
        assertEquals(1, candidate.at("/content/parts").size());
        JsonNode call = candidate.at("/content/parts/0/functionCall");
        assertEquals("lookup_order", call.get("name").asText(), response.toString());
        assertTrue(call.get("args").isObject(), "args is a JSON object: " + call);
        assertEquals(TestHttp.json("{\"query\":\"Where is my order 42?\"}"), call.get("args"));
        assertFalse(candidate.at("/content/parts/0").has("text"));
        assertEquals("STOP", candidate.get("finishReason").asText());
        assertEquals("gemini-2.0-flash", response.get("modelVersion").asText());
    }
}
