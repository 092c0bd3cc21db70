package dev.airlock.agent.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.LlmResponse;
import dev.airlock.agent.codec.ResponseCodec;
import dev.airlock.agent.codec.Usage;
import dev.airlock.agent.codec.WireFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Non-streamed answers, text and tool calls, from each target format into each application format. */
class ResponseTranslationTest {

  /** Target answers: [format][0 = text, 1 = tool calls]. */
  private static final String[][] ANSWERS = {
    {"translate/responses/openai-text.json", "translate/responses/openai-tool-calls.json"},
    {"payloads/anthropic/messages-response.json", "translate/responses/anthropic-tool-use.json"},
    {"payloads/gemini/generate-response.json", "translate/responses/gemini-function-call.json"},
  };

  /** The raw stop reason each application format must see: [app][text answer of target][...]. */
  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (WireFormat target : WireFormat.values()) {
      for (WireFormat app : WireFormat.values()) {
        if (app != target) {
          b.add(Arguments.of(target, app, false));
          b.add(Arguments.of(target, app, true));
        }
      }
    }
    return b.build();
  }

  static TranslatedRequest request(WireFormat app, WireFormat target, boolean stream) {
    String body;
    switch (app) {
      case ANTHROPIC:
        body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":512,\"stream\":" + stream
            + ",\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Zürich and Paris?\"}]}";
        break;
      case GEMINI:
        body = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Weather in Zürich and Paris?\"}]}]}";
        break;
      default:
        body = "{\"model\":\"gpt-4o-mini\",\"stream\":" + stream
            + (stream ? ",\"stream_options\":{\"include_usage\":true}" : "")
            + ",\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Zürich and Paris?\"}]}";
        break;
    }
    String model = target == WireFormat.ANTHROPIC ? "claude-sonnet-4-5" : target == WireFormat.GEMINI ? "gemini-2.5-flash" : "gpt-4o-mini";
    return Translation.request(TestSupport.appEndpoint(app, stream), "/v1beta/models/gemini-2.0-flash:x", TestSupport.utf8(body), target, model);
  }

  @ParameterizedTest(name = "{0} answer -> {1} app, tool calls: {2}")
  @MethodSource("cases")
  void translatesTheAnswer(WireFormat target, WireFormat app, boolean tools) {
    TranslatedRequest req = request(app, target, false);
    byte[] targetBody = TestSupport.resource(ANSWERS[target.ordinal()][tools ? 1 : 0]);
    byte[] out = Translation.response(req, targetBody);
    JsonNode appBody = TestSupport.json(out);

    TestSupport.assertGolden(
        "response-" + TestSupport.lower(target) + (tools ? "-tools" : "-text") + "-to-" + TestSupport.lower(app) + ".json",
        TestSupport.masked(appBody));

    AppView expected = AppView.ofBody(target, TestSupport.json(targetBody));
    AppView actual = AppView.ofBody(app, appBody);
    assertEquals(expected.text.toString(), actual.text.toString(), "text");
    assertEquals(expected.calls.size(), actual.calls.size(), "tool calls");
    for (int i = 0; i < expected.calls.size(); i++) {
      assertEquals(expected.calls.get(i).name, actual.calls.get(i).name);
      assertEquals(expected.calls.get(i).args, actual.calls.get(i).args);
      if (target != WireFormat.GEMINI) {
        assertEquals(expected.calls.get(i).id, actual.calls.get(i).id, "the target's call id is kept: the app sends it back");
      } else if (app == WireFormat.OPENAI) {
        assertTrue(actual.calls.get(i).id.startsWith("call_airlock_"), actual.calls.get(i).id);
      } else {
        assertTrue(actual.calls.get(i).id.startsWith("toolu_airlock_"), actual.calls.get(i).id);
      }
    }
    assertEquals(expectedStop(app, target, tools), actual.stopReason);

    // Airlock's own codec reads the translated answer with the same usage as the target's.
    LlmResponse before = ResponseCodec.parse(req.targetEndpoint(), targetBody);
    LlmResponse after = ResponseCodec.parse(req.appEndpoint(), out);
    assertUsage(before.usage(), after.usage(), app);
    assertEquals(before.model(), after.model(), "the model that served the call is named");
  }

  static String expectedStop(WireFormat app, WireFormat target, boolean tools) {
    // Text answers: the OpenAI fixture stopped at the length limit, the others naturally.
    boolean length = !tools && target == WireFormat.OPENAI;
    switch (app) {
      case ANTHROPIC:
        return tools ? "tool_use" : length ? "max_tokens" : "end_turn";
      case GEMINI:
        return length ? "MAX_TOKENS" : "STOP";
      default:
        return tools ? "tool_calls" : length ? "length" : "stop";
    }
  }

  /** Totals always survive; the split of cache writes and reasoning only where the app's format has a field for it. */
  static void assertUsage(Usage before, Usage after, WireFormat app) {
    assertEquals(before.inputTokens(), after.inputTokens(), "input tokens");
    assertEquals(before.outputTokens(), after.outputTokens(), "output tokens");
    assertEquals(before.cacheReadInputTokens(), after.cacheReadInputTokens(), "cache reads");
    if (app == WireFormat.ANTHROPIC) {
      assertEquals(before.cacheCreationInputTokens(), after.cacheCreationInputTokens(), "cache writes");
    } else {
      assertEquals(before.reasoningOutputTokens(), after.reasoningOutputTokens(), "reasoning");
    }
  }

  @Test
  void blockedGeminiPromptIsAContentFilterStop() {
    byte[] blocked = TestSupport.utf8("{\"promptFeedback\":{\"blockReason\":\"PROHIBITED_CONTENT\"},"
        + "\"usageMetadata\":{\"promptTokenCount\":9,\"totalTokenCount\":9},\"modelVersion\":\"gemini-2.5-flash\"}");
    JsonNode openAi = TestSupport.json(Translation.response(request(WireFormat.OPENAI, WireFormat.GEMINI, false), blocked));
    assertEquals("content_filter", openAi.path("choices").path(0).path("finish_reason").asText());
    assertEquals("", openAi.path("choices").path(0).path("message").path("content").asText());
    JsonNode anthropic = TestSupport.json(Translation.response(request(WireFormat.ANTHROPIC, WireFormat.GEMINI, false), blocked));
    assertEquals("refusal", anthropic.path("stop_reason").asText());
    assertEquals(9, anthropic.path("usage").path("input_tokens").asInt());
  }

  @Test
  void openAiRefusalBecomesAnthropicRefusal() {
    byte[] refusal = TestSupport.utf8("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"refusal\":\"I can't help with that.\"},"
        + "\"logprobs\":null,\"finish_reason\":\"stop\"}]}");
    JsonNode a = TestSupport.json(Translation.response(request(WireFormat.ANTHROPIC, WireFormat.OPENAI, false), refusal));
    assertEquals("refusal", a.path("stop_reason").asText());
    assertEquals("I can't help with that.", a.path("content").path(0).path("text").asText());
    assertEquals(0, a.path("usage").path("output_tokens").asInt(), "no usage reported: zeros, the SDK requires the object");
  }

  @Test
  void anthropicStopSequenceIsReportedToGeminiAndOpenAiAsAStop() {
    byte[] stopped = TestSupport.utf8("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\","
        + "\"content\":[{\"type\":\"text\",\"text\":\"Done\"}],\"stop_reason\":\"stop_sequence\",\"stop_sequence\":\"END\","
        + "\"usage\":{\"input_tokens\":5,\"output_tokens\":2}}");
    assertEquals("stop", TestSupport.json(Translation.response(request(WireFormat.OPENAI, WireFormat.ANTHROPIC, false), stopped))
        .path("choices").path(0).path("finish_reason").asText());
    assertEquals("STOP", TestSupport.json(Translation.response(request(WireFormat.GEMINI, WireFormat.ANTHROPIC, false), stopped))
        .path("candidates").path(0).path("finishReason").asText());
  }

  @Test
  void truncatedToolArgumentsStillGiveTheAppItsTurn() {
    byte[] cut = TestSupport.utf8("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
        + "\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\": \\\"tru\"}}]},\"finish_reason\":\"length\"}]}");
    JsonNode a = TestSupport.json(Translation.response(request(WireFormat.ANTHROPIC, WireFormat.OPENAI, false), cut));
    assertEquals("max_tokens", a.path("stop_reason").asText());
    assertEquals("{\"a\": \"tru", a.path("content").path(0).path("input").path("_raw").asText());
  }

  @Test
  void anErrorObjectInPlaceOfAnAnswerStaysAnError() {
    byte[] error = TestSupport.resource("payloads/gemini/error-resource-exhausted.json");
    JsonNode a = TestSupport.json(Translation.response(request(WireFormat.OPENAI, WireFormat.GEMINI, false), error));
    assertEquals("rate_limit_exceeded", a.path("error").path("code").asText());
    assertFalse(a.has("choices"));
  }

  @Test
  void aBodyThatIsNotJsonIsRefused() {
    TranslationException e = assertThrows(TranslationException.class,
        () -> Translation.response(request(WireFormat.OPENAI, WireFormat.ANTHROPIC, false), TestSupport.utf8("<html>502</html>")));
    assertTrue(e.getMessage().startsWith("Anthropic Messages response is not valid JSON"), e.getMessage());
  }

  @Test
  void targetEndpointsForTheCodec() {
    assertEquals(Endpoint.GEMINI_GENERATE_CONTENT, request(WireFormat.OPENAI, WireFormat.GEMINI, false).targetEndpoint());
    assertEquals(Endpoint.ANTHROPIC_MESSAGES, request(WireFormat.GEMINI, WireFormat.ANTHROPIC, false).targetEndpoint());
    assertEquals(Endpoint.OPENAI_CHAT, request(WireFormat.ANTHROPIC, WireFormat.OPENAI, false).targetEndpoint());
    assertEquals("/v1/messages", request(WireFormat.GEMINI, WireFormat.ANTHROPIC, false).targetPath("/v1"));
    assertEquals("/openai/v1/chat/completions", request(WireFormat.GEMINI, WireFormat.OPENAI, false).targetPath("/openai/v1/"));
    assertEquals("/models/gemini-2.5-flash:generateContent", request(WireFormat.OPENAI, WireFormat.GEMINI, false).targetPath(null));
    assertEquals("gemini-2.0-flash", request(WireFormat.GEMINI, WireFormat.OPENAI, false).appModel());
  }
}
