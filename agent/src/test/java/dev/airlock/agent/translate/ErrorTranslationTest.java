package dev.airlock.agent.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.agent.codec.LlmResponse;
import dev.airlock.agent.codec.ResponseCodec;
import dev.airlock.agent.codec.WireFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** Error bodies of each target in each application's provider format, status kept. */
class ErrorTranslationTest {

  private static final String[] ERRORS = {
    "payloads/openai/error-rate-limit.json", "payloads/anthropic/error-overloaded.json", "payloads/gemini/error-resource-exhausted.json"
  };
  private static final int[] STATUS = {429, 529, 429};
  private static final String[] MESSAGE_START = {"Rate limit reached for gpt-4o-mini", "Overloaded", "You exceeded your current quota"};

  static Stream<Arguments> directions() {
    return RequestTranslationTest.directions();
  }

  @ParameterizedTest(name = "{1} error -> {0} app")
  @MethodSource("directions")
  void translatesTheErrorBody(WireFormat app, WireFormat target) {
    TranslatedRequest req = ResponseTranslationTest.request(app, target, false);
    int status = STATUS[target.ordinal()];
    byte[] out = Translation.error(req, status, TestSupport.resource(ERRORS[target.ordinal()]));
    TestSupport.assertGolden("error-" + TestSupport.lower(target) + "-to-" + TestSupport.lower(app) + ".json", TestSupport.json(out));
    JsonNode e = TestSupport.json(out);
    assertTrue(e.path("error").path("message").asText().startsWith(MESSAGE_START[target.ordinal()]), "message kept verbatim");
    LlmResponse facts = ResponseCodec.parse(req.appEndpoint(), out);
    String expectedType;
    switch (app) {
      case ANTHROPIC:
        assertEquals("error", e.path("type").asText());
        expectedType = "rate_limit_error";
        break;
      case GEMINI:
        assertEquals(status, e.path("error").path("code").asInt(), "Gemini's body repeats the status");
        expectedType = status == 429 ? "RESOURCE_EXHAUSTED" : "UNAVAILABLE";
        break;
      default:
        expectedType = status == 429 ? "rate_limit_exceeded" : "server_error";
        break;
    }
    assertEquals(expectedType, facts.errorType(), "the codec reads the app-format error");
  }

  @Test
  void statusesMapToEachFormatsTypes() {
    assertEquals("authentication_error", ErrorBodies.anthropicType(401));
    assertEquals("not_found_error", ErrorBodies.anthropicType(404));
    assertEquals("request_too_large", ErrorBodies.anthropicType(413));
    assertEquals("overloaded_error", ErrorBodies.anthropicType(503));
    assertEquals("api_error", ErrorBodies.anthropicType(500));
    assertEquals("invalid_request_error", ErrorBodies.anthropicType(422));
    assertEquals("INVALID_ARGUMENT", ErrorBodies.geminiStatus(400));
    assertEquals("PERMISSION_DENIED", ErrorBodies.geminiStatus(403));
    assertEquals("DEADLINE_EXCEEDED", ErrorBodies.geminiStatus(504));
    assertEquals("INTERNAL", ErrorBodies.geminiStatus(500));
    assertEquals("invalid_request_error", ErrorBodies.openAiType(400));
    assertEquals("server_error", ErrorBodies.openAiType(503));
  }

  @Test
  void aBodyThatIsNotAnErrorObjectIsQuoted() {
    TranslatedRequest req = ResponseTranslationTest.request(WireFormat.ANTHROPIC, WireFormat.OPENAI, false);
    JsonNode e = TestSupport.json(Translation.error(req, 502, TestSupport.utf8("<html><body>Bad gateway</body></html>")));
    assertEquals("api_error", e.path("error").path("type").asText());
    assertEquals("HTTP 502 from the OpenAI chat completions endpoint: <html><body>Bad gateway</body></html>", e.path("error").path("message").asText());
    JsonNode empty = TestSupport.json(Translation.error(req, 401, null));
    assertEquals("authentication_error", empty.path("error").path("type").asText());
    assertEquals("HTTP 401 from the OpenAI chat completions endpoint", empty.path("error").path("message").asText());
  }

  @Test
  void geminiInvalidArgumentToOpenAi() {
    TranslatedRequest req = ResponseTranslationTest.request(WireFormat.OPENAI, WireFormat.GEMINI, false);
    byte[] body = TestSupport.utf8("{\"error\":{\"code\":400,\"message\":\"* GenerateContentRequest.contents: contents is not specified\",\"status\":\"INVALID_ARGUMENT\"}}");
    JsonNode e = TestSupport.json(Translation.error(req, 400, body));
    assertEquals(TestSupport.json("{\"error\":{\"message\":\"* GenerateContentRequest.contents: contents is not specified\","
        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}"), e);
  }
}
