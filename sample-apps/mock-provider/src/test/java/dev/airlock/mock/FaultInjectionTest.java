package dev.airlock.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"one two three four five six\"}]%s}"; // answer: 4 chunks of 2 words
    private static final String ANTHROPIC = "{\"model\":\"c\",\"max_tokens\":5,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"one two three four five six\"}]}";

    private MockProvider mock;
    private String chatUrl;

    @BeforeEach
    void start() throws Exception {
        mock = MockProvider.start(0, 2_000); // short stall limit so stalled handlers end quickly
        chatUrl = mock.baseUrl() + "/v1/chat/completions";
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void statusWithRetryAfterInOpenAiFormat() throws Exception {
        HttpResponse<String> response = TestHttp.post(chatUrl, String.format(CHAT, ""),
                "Authorization", "Bearer k", "x-mock-fault", "status=429,retry_after=2");
        assertEquals(429, response.statusCode());
        assertEquals("2", response.headers().firstValue("retry-after").orElse(null));
        JsonNode error = TestHttp.json(response.body()).get("error");
        assertEquals("rate_limit_exceeded", error.get("code").asText());
        assertTrue(error.get("param").isNull());
        assertNotNull(error.get("type").asText());
    }

    @Test
    void statusInAnthropicFormat() throws Exception {
        HttpResponse<String> response = TestHttp.post(mock.baseUrl() + "/v1/messages", ANTHROPIC,
                "x-api-key", "k", "x-mock-fault", "status=529");
        assertEquals(529, response.statusCode());
        JsonNode body = TestHttp.json(response.body());
        assertEquals("error", body.get("type").asText());
        assertEquals("overloaded_error", body.at("/error/type").asText());
        response = TestHttp.post(mock.baseUrl() + "/v1/messages", ANTHROPIC,
                "x-api-key", "k", "x-mock-fault", "status=429");
        assertEquals("rate_limit_error", TestHttp.json(response.body()).at("/error/type").asText());
    }

    @Test
    void timesLimitsAHeaderFaultToTheFirstNRequests() throws Exception {
        String[] headers = {"Authorization", "Bearer k", "x-mock-fault", "status=503,times=2"};
        assertEquals(503, TestHttp.post(chatUrl, String.format(CHAT, ""), headers).statusCode());
        assertEquals(503, TestHttp.post(chatUrl, String.format(CHAT, ""), headers).statusCode());
        assertEquals(200, TestHttp.post(chatUrl, String.format(CHAT, ""), headers).statusCode());
        assertEquals(200, TestHttp.post(chatUrl, String.format(CHAT, ""), headers).statusCode());
        mock.reset(); // restarts the counters
        assertEquals(503, TestHttp.post(chatUrl, String.format(CHAT, ""), headers).statusCode());
    }

    @Test
    void runWideFaultWithPathAndTimes() throws Exception {
        mock.setFault("status=500,times=1,path=/v1/messages");
        assertEquals(200, TestHttp.post(chatUrl, String.format(CHAT, ""), "Authorization", "Bearer k").statusCode(),
                "other paths are unaffected");
        HttpResponse<String> hit = TestHttp.post(mock.baseUrl() + "/v1/messages", ANTHROPIC.replace("true", "false"),
                "x-api-key", "k");
        assertEquals(500, hit.statusCode());
        assertEquals("api_error", TestHttp.json(hit.body()).at("/error/type").asText());
        assertEquals(200, TestHttp.post(mock.baseUrl() + "/v1/messages", ANTHROPIC.replace("true", "false"),
                "x-api-key", "k").statusCode());
    }

    @Test
    void setFaultNullAndResetClearTheRunWideFault() throws Exception {
        mock.setFault("status=418");
        assertEquals(418, TestHttp.post(chatUrl, String.format(CHAT, ""), "Authorization", "Bearer k").statusCode());
        mock.setFault(null);
        assertEquals(200, TestHttp.post(chatUrl, String.format(CHAT, ""), "Authorization", "Bearer k").statusCode());
        mock.setFault("status=418");
        mock.reset();
        assertEquals(200, TestHttp.post(chatUrl, String.format(CHAT, ""), "Authorization", "Bearer k").statusCode());
    }

    @Test
    void latencyDelaysTheResponse() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = TestHttp.post(chatUrl, String.format(CHAT, ""),
                "Authorization", "Bearer k", "x-mock-fault", "latency=300ms");
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(200, response.statusCode());
        assertTrue(elapsedMs >= 300, "took " + elapsedMs + " ms");
    }

    @Test
    void cutAfterDropsTheConnectionWithoutTheTerminatingEvent() throws Exception {
        TestHttp.SseResult s = TestHttp.stream(chatUrl, String.format(CHAT, ",\"stream\":true"),
                "Authorization", "Bearer k", "x-mock-fault", "cut_after=2");
        assertEquals(200, s.status);
        assertNotNull(s.failure, "the client must see a broken stream, not a clean end");
        List<JsonNode> chunks = s.jsonEvents();
        assertEquals(3, chunks.size(), "role chunk + 2 content chunks: " + s.events);
        assertEquals("one two ", chunks.get(2).at("/choices/0/delta/content").asText());
        assertTrue(s.events.stream().noneMatch(e -> e.data.equals("[DONE]")));

        // On the wire: no terminating zero-length chunk, and the server closed the socket.
        TestHttp.Raw raw = TestHttp.rawPost(mock.port(), "/v1/messages", ANTHROPIC, 3_000,
                "x-api-key", "k", "x-mock-fault", "cut_after=1");
        assertTrue(raw.closedByServer);
        assertEquals(1, TestHttp.count(raw.text, "\"text_delta\""));
        assertFalse(raw.text.contains("message_stop"));
        assertFalse(raw.text.endsWith("0\r\n\r\n"), "must not end the chunked body cleanly");
    }

    @Test
    void cutAfterMoreThanTheChunksStillWithholdsTheEnd() throws Exception {
        TestHttp.SseResult s = TestHttp.stream(mock.baseUrl() + "/v1/messages", ANTHROPIC,
                "x-api-key", "k", "x-mock-fault", "cut_after=99");
        assertNotNull(s.failure);
        assertEquals(4, s.eventNames().stream().filter("content_block_delta"::equals).count());
        assertFalse(s.eventNames().contains("message_stop"));
    }

    @Test
    void stallAfterSendsChunksThenGoesSilentWithoutBlockingOthers() throws Exception {
        CompletableFuture<TestHttp.Raw> stalled = CompletableFuture.supplyAsync(() -> {
            try {
                return TestHttp.rawPost(mock.port(), "/v1/messages", ANTHROPIC, 700,
                        "x-api-key", "k", "x-mock-fault", "stall_after=2");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        // The stalled stream holds one server thread; other requests are still served.
        long start = System.nanoTime();
        assertEquals(200, TestHttp.post(chatUrl, String.format(CHAT, ""), "Authorization", "Bearer k").statusCode());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 500);

        TestHttp.Raw raw = stalled.get(5, TimeUnit.SECONDS);
        assertFalse(raw.closedByServer, "a stall keeps the connection open (the read timed out)");
        assertEquals(2, TestHttp.count(raw.text, "\"text_delta\""));
        assertTrue(raw.text.contains("message_start"));
        assertFalse(raw.text.contains("content_block_stop"));
    }

    @Test
    void malformedNonStreamingBodyIsNotJson() throws Exception {
        HttpResponse<String> response = TestHttp.post(chatUrl, String.format(CHAT, ""),
                "Authorization", "Bearer k", "x-mock-fault", "malformed");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("{"));
        assertThrows(JsonProcessingException.class, () -> TestHttp.json(response.body()));
    }

    @Test
    void malformedStreamHasOneInvalidChunkAndOtherwiseCompletes() throws Exception {
        TestHttp.SseResult s = TestHttp.stream(chatUrl, String.format(CHAT, ",\"stream\":true"),
                "Authorization", "Bearer k", "x-mock-fault", "malformed=true");
        assertEquals(200, s.status);
        int invalid = 0;
        for (TestHttp.Sse e : s.events) {
            if (e.data.equals("[DONE]")) {
                continue;
            }
            try {
                e.json();
            } catch (JsonProcessingException ex) {
                invalid++;
            }
        }
        assertEquals(1, invalid);
        assertEquals("[DONE]", s.events.get(s.events.size() - 1).data);
        assertThrows(JsonProcessingException.class, () -> s.events.get(1).json(),
                "the first content chunk is the broken one");
    }

    @Test
    void unknownFaultKeyIs400WithAClearMessage() throws Exception {
        HttpResponse<String> response = TestHttp.post(chatUrl, String.format(CHAT, ""),
                "Authorization", "Bearer k", "x-mock-fault", "status=500,explode=1");
        assertEquals(400, response.statusCode());
        String message = TestHttp.json(response.body()).at("/error/message").asText();
        assertTrue(message.contains("unknown key 'explode'"), message);
        assertThrows(IllegalArgumentException.class, () -> mock.setFault("explode"));
    }

    @Test
    void faultEndpointSetsAndClearsTheRunWideFault() throws Exception {
        HttpResponse<String> bad = TestHttp.CLIENT.send(
                TestHttp.request(mock.baseUrl() + "/_mock/fault", "nope=1").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("unknown key 'nope'"));

        assertEquals(200, TestHttp.post(mock.baseUrl() + "/_mock/fault", "status=502").statusCode());
        assertEquals(502, TestHttp.post(chatUrl, String.format(CHAT, ""), "Authorization", "Bearer k").statusCode());
        assertEquals(200, TestHttp.post(mock.baseUrl() + "/_mock/fault", "").statusCode());
        assertEquals(200, TestHttp.post(chatUrl, String.format(CHAT, ""), "Authorization", "Bearer k").statusCode());
    }

    @Test
    void authIsCheckedBeforeTheFaultAndDoesNotUseItUp() throws Exception {
        mock.setFault("status=503,times=1");
        assertEquals(401, TestHttp.post(chatUrl, String.format(CHAT, "")).statusCode());
        assertEquals(503, TestHttp.post(chatUrl, String.format(CHAT, ""), "Authorization", "Bearer k").statusCode());
        assertEquals(200, TestHttp.post(chatUrl, String.format(CHAT, ""), "Authorization", "Bearer k").statusCode());
    }
}
