package dev.airlock.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenAiEmbeddingsTest {

    private static MockProvider mock;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        mock = MockProvider.start(0);
        url = mock.baseUrl() + "/v1/embeddings";
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @Test
    void arrayInputGivesOneDeterministicUnitVectorEach() throws Exception {
        String body = "{\"model\":\"text-embedding-3-small\",\"input\":[\"hello world\",\"goodbye\"]}";
        HttpResponse<String> first = TestHttp.post(url, body, "Authorization", "Bearer k");
        HttpResponse<String> again = TestHttp.post(url, body, "Authorization", "Bearer k");
        assertEquals(200, first.statusCode());
        assertEquals(first.body(), again.body());
        JsonNode r = TestHttp.json(first.body());
        assertEquals("list", r.get("object").asText());
        assertEquals("text-embedding-3-small", r.get("model").asText());
        assertEquals(2, r.get("data").size());
        for (int i = 0; i < 2; i++) {
            JsonNode item = r.get("data").get(i);
            assertEquals("embedding", item.get("object").asText());
            assertEquals(i, item.get("index").asInt());
            assertEquals(OpenAiEmbeddings.DIMENSIONS, item.get("embedding").size());
            double norm = 0;
            for (JsonNode v : item.get("embedding")) {
                norm += v.asDouble() * v.asDouble();
            }
            assertEquals(1.0, norm, 1e-4);
        }
        assertNotEquals(r.at("/data/0/embedding").toString(), r.at("/data/1/embedding").toString());
        // 11 + 7 = 18 chars -> 5 tokens
        assertEquals(5, r.at("/usage/prompt_tokens").asInt());
        assertEquals(5, r.at("/usage/total_tokens").asInt());
    }

    @Test
    void stringInputAndBase64EncodingAgree() throws Exception {
        JsonNode floats = TestHttp.json(TestHttp.post(url,
                "{\"model\":\"e\",\"input\":\"hello world\"}", "Authorization", "Bearer k").body());
        JsonNode b64 = TestHttp.json(TestHttp.post(url,
                "{\"model\":\"e\",\"input\":\"hello world\",\"encoding_format\":\"base64\"}",
                "Authorization", "Bearer k").body());
        assertEquals(1, floats.get("data").size());
        assertEquals(3, floats.at("/usage/prompt_tokens").asInt());
        String encoded = b64.at("/data/0/embedding").asText();
        ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(OpenAiEmbeddings.DIMENSIONS * 4, buffer.remaining());
        for (int i = 0; i < OpenAiEmbeddings.DIMENSIONS; i++) {
            assertEquals(floats.at("/data/0/embedding/" + i).floatValue(), buffer.getFloat(), 1e-6);
        }
    }

    @Test
    void tokenIdInputCountsTokensDirectly() throws Exception {
        JsonNode r = TestHttp.json(TestHttp.post(url, "{\"model\":\"e\",\"input\":[1,2,3,4,5]}",
                "Authorization", "Bearer k").body());
        assertEquals(1, r.get("data").size());
        assertEquals(5, r.at("/usage/prompt_tokens").asInt());
    }

    @Test
    void requestedDimensionsAreHonoured() throws Exception {
        JsonNode r = TestHttp.json(TestHttp.post(url, "{\"model\":\"e\",\"input\":\"x\",\"dimensions\":40}",
                "Authorization", "Bearer k").body());
        assertEquals(40, r.at("/data/0/embedding").size());
        assertEquals(400, TestHttp.post(url, "{\"model\":\"e\",\"input\":\"x\",\"dimensions\":0}",
                "Authorization", "Bearer k").statusCode());
    }

    @Test
    void badInputIs400() throws Exception {
        HttpResponse<String> response = TestHttp.post(url, "{\"model\":\"e\",\"input\":{}}", "Authorization", "Bearer k");
        assertEquals(400, response.statusCode());
        assertTrue(TestHttp.json(response.body()).at("/error/message").asText().contains("input"));
    }
}
