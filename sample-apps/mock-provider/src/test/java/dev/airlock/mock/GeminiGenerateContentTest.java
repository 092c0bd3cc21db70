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

class GeminiGenerateContentTest {

    // "Be kind" (7) + "Hi" (2) + "Name three colors now" (21) = 30 chars -> 8 tokens
    private static final String BODY = "{\"systemInstruction\":{\"parts\":[{\"text\":\"Be kind\"}]},\"contents\":["
            + "{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]},"
            + "{\"role\":\"model\",\"parts\":[{\"text\":\"\"}]},"
            + "{\"role\":\"user\",\"parts\":[{\"text\":\"Name three colors now\"}]}]}";
    private static final String ANSWER = "You said: Name three colors now"; // 6 words

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
    void generateContentEchoesModelFromPath() throws Exception {
        HttpResponse<String> response = TestHttp.post(base + ":generateContent", BODY, "x-goog-api-key", "k");
        assertEquals(200, response.statusCode());
        JsonNode r = TestHttp.json(response.body());
        JsonNode candidate = r.at("/candidates/0");
        assertEquals("model", candidate.at("/content/role").asText());
        assertEquals(ANSWER, candidate.at("/content/parts/0/text").asText());
        assertEquals("STOP", candidate.get("finishReason").asText());
        assertEquals("gemini-2.0-flash", r.get("modelVersion").asText());
        JsonNode usage = r.get("usageMetadata");
        assertEquals(8, usage.get("promptTokenCount").asInt());
        assertEquals(6, usage.get("candidatesTokenCount").asInt());
        assertEquals(14, usage.get("totalTokenCount").asInt());
        assertFalse(usage.has("cachedContentTokenCount"), "only present when something was cached");
    }

    @Test
    void cachedTokensAreIncludedInPromptTokenCount() throws Exception {
        HttpResponse<String> response = TestHttp.post(base + ":generateContent?key=k", BODY,
                "x-mock-cached-tokens", "5");
        assertEquals(200, response.statusCode(), "key query parameter is a credential");
        JsonNode usage = TestHttp.json(response.body()).get("usageMetadata");
        assertEquals(8, usage.get("promptTokenCount").asInt());
        assertEquals(5, usage.get("cachedContentTokenCount").asInt());
    }

    @Test
    void sseStreamPutsUsageAndFinishReasonOnTheLastChunkOnly() throws Exception {
        TestHttp.SseResult s = TestHttp.stream(base + ":streamGenerateContent?alt=sse", BODY,
                "x-goog-api-key", "k", "x-mock-cached-tokens", "2");
        assertEquals(200, s.status);
        assertTrue(s.contentType.startsWith("text/event-stream"));
        assertNull(s.failure);
        List<JsonNode> chunks = s.jsonEvents();
        assertEquals(3, chunks.size());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < chunks.size(); i++) {
            JsonNode c = chunks.get(i);
            text.append(c.at("/candidates/0/content/parts/0/text").asText());
            boolean last = i == chunks.size() - 1;
            assertEquals(last, c.has("usageMetadata"), c.toString());
            assertEquals(last, c.at("/candidates/0").has("finishReason"));
        }
        assertEquals(ANSWER, text.toString());
        JsonNode last = chunks.get(2);
        assertEquals("STOP", last.at("/candidates/0/finishReason").asText());
        assertEquals(8, last.at("/usageMetadata/promptTokenCount").asInt());
        assertEquals(6, last.at("/usageMetadata/candidatesTokenCount").asInt());
        assertEquals(14, last.at("/usageMetadata/totalTokenCount").asInt());
        assertEquals(2, last.at("/usageMetadata/cachedContentTokenCount").asInt());
    }

    @Test
    void streamWithoutAltSseIsAJsonArray() throws Exception {
        HttpResponse<String> response = TestHttp.post(base + ":streamGenerateContent", BODY, "x-goog-api-key", "k");
        assertEquals(200, response.statusCode());
        JsonNode array = TestHttp.json(response.body());
        assertTrue(array.isArray());
        assertEquals(3, array.size());
        assertEquals("STOP", array.at("/2/candidates/0/finishReason").asText());
    }

    @Test
    void missingKeyIs401InGeminiFormat() throws Exception {
        HttpResponse<String> response = TestHttp.post(base + ":generateContent", BODY, "Authorization", "Bearer x");
        assertEquals(401, response.statusCode());
        JsonNode error = TestHttp.json(response.body()).get("error");
        assertEquals(401, error.get("code").asInt());
        assertEquals("UNAUTHENTICATED", error.get("status").asText());
        assertTrue(error.get("message").asText().length() > 10);
    }

    @Test
    void injectedStatusUsesGrpcStatusName() throws Exception {
        HttpResponse<String> response = TestHttp.post(base + ":generateContent", BODY,
                "x-goog-api-key", "k", "x-mock-fault", "status=429");
        assertEquals(429, response.statusCode());
        JsonNode error = TestHttp.json(response.body()).get("error");
        assertEquals(429, error.get("code").asInt());
        assertEquals("RESOURCE_EXHAUSTED", error.get("status").asText());
    }
}
