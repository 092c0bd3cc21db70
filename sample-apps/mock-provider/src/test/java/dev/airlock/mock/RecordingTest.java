package dev.airlock.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordingTest {

    private MockProvider mock;

    @BeforeEach
    void start() throws Exception {
        mock = MockProvider.start(0);
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void baseUrlIsLoopbackWithTheBoundPort() {
        assertTrue(mock.port() > 0);
        assertEquals("http://127.0.0.1:" + mock.port(), mock.baseUrl());
    }

    @Test
    void requestsAreRecordedInOrderBeforeFaultsAndAuth() throws Exception {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        TestHttp.post(mock.baseUrl() + "/v1/chat/completions", body,
                "Authorization", "Bearer k", "X-Custom-Thing", "Value");
        TestHttp.post(mock.baseUrl() + "/v1beta/models/g:generateContent?key=abc&alt=json", "{\"contents\":[]}",
                "x-mock-fault", "status=500");
        TestHttp.post(mock.baseUrl() + "/v1/messages", "{}"); // 401, still recorded
        TestHttp.post(mock.baseUrl() + "/unknown/path", "x"); // 404, still recorded

        List<RecordedRequest> requests = mock.requests();
        assertEquals(4, requests.size());
        RecordedRequest first = requests.get(0);
        assertEquals("POST", first.method());
        assertEquals("/v1/chat/completions", first.path());
        assertNull(first.query());
        assertEquals(body, first.body());
        assertEquals("Value", first.header("x-custom-thing"), "names are lower-cased");
        assertEquals("Bearer k", first.header("authorization"));
        assertTrue(first.headers().containsKey("content-type"));
        assertNull(first.header("X-Custom-Thing"));

        RecordedRequest second = requests.get(1);
        assertEquals("/v1beta/models/g:generateContent", second.path());
        assertEquals("key=abc&alt=json", second.query());
        assertEquals("status=500", second.header("x-mock-fault"));
        assertEquals("/v1/messages", requests.get(2).path());
        assertEquals("/unknown/path", requests.get(3).path());
        assertThrows(UnsupportedOperationException.class, () -> first.headers().put("x", List.of()));
    }

    @Test
    void requestsIsASnapshotAndResetClearsIt() throws Exception {
        TestHttp.post(mock.baseUrl() + "/v1/embeddings", "{\"model\":\"e\",\"input\":\"a\"}", "Authorization", "Bearer k");
        List<RecordedRequest> snapshot = mock.requests();
        TestHttp.post(mock.baseUrl() + "/v1/embeddings", "{\"model\":\"e\",\"input\":\"b\"}", "Authorization", "Bearer k");
        assertEquals(1, snapshot.size());
        assertEquals(2, mock.requests().size());
        mock.reset();
        assertEquals(0, mock.requests().size());
    }

    @Test
    void healthAndControlEndpointsAreNotRecorded() throws Exception {
        HttpResponse<String> health = TestHttp.get(mock.baseUrl() + "/health");
        assertEquals(200, health.statusCode());
        assertEquals("ok", health.body());
        TestHttp.post(mock.baseUrl() + "/v1/embeddings", "{\"model\":\"e\",\"input\":\"a\"}", "Authorization", "Bearer k");

        HttpResponse<String> listed = TestHttp.get(mock.baseUrl() + "/_mock/requests");
        assertEquals(200, listed.statusCode());
        JsonNode array = TestHttp.json(listed.body());
        assertEquals(1, array.size());
        assertEquals("/v1/embeddings", array.at("/0/path").asText());
        assertEquals("POST", array.at("/0/method").asText());
        assertEquals("Bearer k", array.at("/0/headers/authorization/0").asText());
        assertEquals("{\"model\":\"e\",\"input\":\"a\"}", array.at("/0/body").asText());

        assertEquals(200, TestHttp.post(mock.baseUrl() + "/_mock/reset", "").statusCode());
        assertEquals(0, mock.requests().size());
        assertEquals("[]", TestHttp.get(mock.baseUrl() + "/_mock/requests").body());
        assertEquals(0, mock.requests().size(), "control calls are never recorded");
    }

    @Test
    void unknownPathIs404InOpenAiFormat() throws Exception {
        HttpResponse<String> response = TestHttp.post(mock.baseUrl() + "/v2/whatever", "{}");
        assertEquals(404, response.statusCode());
        JsonNode error = TestHttp.json(response.body()).get("error");
        assertEquals("Invalid URL (POST /v2/whatever)", error.get("message").asText());
        assertEquals("invalid_request_error", error.get("type").asText());
        assertEquals(404, TestHttp.get(mock.baseUrl() + "/v1/chat/completions").statusCode(), "GET is not routed");
    }

    @Test
    void closeIsIdempotentAndFreesThePort() throws Exception {
        int port = mock.port();
        mock.close();
        mock.close();
        try (MockProvider again = MockProvider.start(port)) {
            assertEquals(port, again.port());
        }
    }
}
