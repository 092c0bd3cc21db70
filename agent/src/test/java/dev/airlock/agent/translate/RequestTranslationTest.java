package dev.airlock.agent.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.LlmRequest;
import dev.airlock.agent.codec.RequestCodec;
import dev.airlock.agent.codec.WireFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests in all six directions, on realistic payloads (system prompts, multi-turn history with
 * parallel tool calls and tool results, images, tool definitions, JSON mode, sampling
 * parameters): golden translations, the codec's view of the translated body, and round trips.
 */
class RequestTranslationTest {

  private static final String[] FIXTURE = {
    "translate/requests/openai-chat.json", "translate/requests/anthropic-messages.json", "translate/requests/gemini-generate.json"
  };

  static Stream<Arguments> directions() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (WireFormat app : WireFormat.values()) {
      for (WireFormat target : WireFormat.values()) {
        if (app != target) {
          b.add(Arguments.of(app, target));
        }
      }
    }
    return b.build();
  }

  private static byte[] fixture(WireFormat app) {
    return TestSupport.resource(FIXTURE[app.ordinal()]);
  }

  private static Endpoint endpoint(WireFormat app) {
    // The fixtures: OpenAI and Anthropic ask to stream; the Gemini one calls generateContent.
    return TestSupport.appEndpoint(app, false);
  }

  private static String targetModel(WireFormat target) {
    switch (target) {
      case ANTHROPIC:
        return "claude-sonnet-4-5";
      case GEMINI:
        return "gemini-2.5-flash";
      default:
        return "gpt-4.1-mini";
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("directions")
  void goldenTranslation(WireFormat app, WireFormat target) {
    TranslatedRequest t = Translation.request(endpoint(app), fixture(app), target, targetModel(target));
    TestSupport.assertGolden(
        "request-" + TestSupport.lower(app) + "-to-" + TestSupport.lower(target) + ".json", TestSupport.json(t.body()));
  }

  /** The translated body is what the codec (and so Airlock's telemetry) reads as a request of the target's endpoint. */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("directions")
  void codecReadsTheTranslatedBodyAsTheSameRequest(WireFormat app, WireFormat target) {
    Endpoint appEndpoint = endpoint(app);
    TranslatedRequest t = Translation.request(appEndpoint, "/v1beta/models/gemini-2.5-pro:generateContent", fixture(app), target, targetModel(target));
    LlmRequest before = RequestCodec.parse(appEndpoint, "/v1beta/models/gemini-2.5-pro:generateContent", fixture(app));
    LlmRequest after = RequestCodec.parse(t.targetEndpoint(), t.targetPath("/v1beta"), t.body());
    assertEquals(targetModel(target), after.model());
    assertEquals(app == WireFormat.GEMINI ? "gemini-2.5-pro" : before.model(), t.appModel());
    assertEquals(before.stream(), after.stream(), "stream");
    assertEquals(before.stream(), t.stream());
    assertEquals(before.maxTokens(), after.maxTokens(), "max tokens");
    assertEquals(before.stopSequences(), after.stopSequences(), "stop sequences");
    assertEquals(before.temperature(), after.temperature(), "temperature");
    assertTrue(after.systemPrompt().startsWith(before.systemPrompt().split("\n")[0]), "system prompt kept first");
    if (target == WireFormat.OPENAI && after.stream()) {
      assertTrue(after.streamIncludeUsage(), "OpenAI targets always asked for usage when streaming");
    }
  }

  /** A to B and back to A keeps the conversation, tools and tool choice (compared in the canonical model). */
  @ParameterizedTest(name = "{0} -> {1} -> {0}")
  @MethodSource("directions")
  void roundTrip(WireFormat app, WireFormat target) {
    byte[] original = fixture(app);
    TranslatedRequest there = Translation.request(endpoint(app), original, target, targetModel(target));
    TranslatedRequest back = Translation.request(endpoint(target), there.body(), app, "back");
    ChatRequest a = read(app, original);
    ChatRequest b = read(app, back.body());
    assertEquals(describeMessages(a), describeMessages(b));
    assertEquals(describeTools(a), describeTools(b));
    assertEquals(a.toolChoice == null ? null : a.toolChoice.mode + ":" + a.toolChoice.name,
        b.toolChoice == null ? null : b.toolChoice.mode + ":" + b.toolChoice.name);
    assertEquals(a.maxTokens, b.maxTokens);
    assertEquals(a.stop, b.stop);
    if (target != WireFormat.GEMINI) {
      assertEquals(a.user, b.user); // Gemini has no end-user field
    }
  }

  private static ChatRequest read(WireFormat f, byte[] body) {
    ObjectNode o = (ObjectNode) TestSupport.json(body);
    switch (f) {
      case ANTHROPIC:
        return AnthropicRequests.read(o);
      case GEMINI:
        return GeminiRequests.read(o);
      default:
        return OpenAiRequests.read(o);
    }
  }

  /**
   * The turns with tool call ids renumbered by first appearance (Gemini has none and synthesizes
   * them), arguments and JSON results compared as trees, and the error flag of tool results
   * folded into the text (OpenAI has no flag and says "Error: " instead).
   */
  static String describeMessages(ChatRequest r) {
    Map<String, String> ids = new HashMap<>();
    StringBuilder sb = new StringBuilder();
    for (ChatRequest.Message m : r.messages) {
      sb.append(m.role).append(": ");
      for (Part p : m.parts) {
        switch (p.kind) {
          case TEXT:
            sb.append("text(").append(p.text).append(") ");
            break;
          case MEDIA:
            sb.append("media(").append(p.mimeType).append(',').append(p.data).append(") ");
            break;
          case MEDIA_URL:
            sb.append("url(").append(p.url).append(") ");
            break;
          case TOOL_CALL:
            String id = ids.computeIfAbsent(p.toolCallId, k -> "#" + (ids.size() + 1));
            sb.append("call(").append(id).append(',').append(p.toolName).append(',').append(TestSupport.json(p.arguments)).append(") ");
            break;
          default:
            String text = p.resultText();
            boolean error = p.error || text.startsWith("Error: ");
            text = text.startsWith("Error: ") ? text.substring(7) : text;
            JsonNode asJson = JsonUtil.parseOrNull(text);
            sb.append("result(").append(ids.get(p.toolCallId)).append(',').append(p.toolName).append(',')
                .append(asJson != null && asJson.isContainerNode() ? asJson.toString() : text)
                .append(error ? ",error" : "").append(") ");
            break;
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Names, descriptions, and parameters as Gemini would get them (the common denominator); a tree, so member order does not count. */
  static JsonNode describeTools(ChatRequest r) {
    com.fasterxml.jackson.databind.node.ArrayNode out = TestSupport.JSON.createArrayNode();
    for (ChatRequest.Tool t : r.tools) {
      ObjectNode o = out.addObject();
      o.put("name", t.name).put("description", t.description);
      o.set("parameters", Schemas.toGemini(t.parameters, "test"));
    }
    return out;
  }

  @Test
  void openAiToAnthropicDetails() {
    JsonNode b = TestSupport.json(Translation.request(Endpoint.OPENAI_CHAT, fixture(WireFormat.OPENAI), WireFormat.ANTHROPIC, "claude-sonnet-4-5").body());
    // The developer message from mid-conversation is hoisted into the system prompt, after the
    // system message, and the JSON schema instruction comes last.
    assertEquals(3, b.path("system").size());
    assertEquals("From now on, answer as a JSON report.", b.path("system").path(1).path("text").asText());
    assertTrue(b.path("system").path(2).path("text").asText().contains("\"weather_report\""));
    // Two OpenAI tool messages and no user text in between: one user turn with two tool_result blocks.
    JsonNode results = b.path("messages").path(2).path("content");
    assertEquals("user", b.path("messages").path(2).path("role").asText());
    assertEquals("tool_result", results.path(0).path("type").asText());
    assertEquals("call_zrh1", results.path(0).path("tool_use_id").asText());
    assertEquals("call_par2", results.path(1).path("tool_use_id").asText());
    assertEquals(TestSupport.json("{\"city\":\"Zürich\",\"unit\":\"celsius\"}"), b.path("messages").path(1).path("content").path(0).path("input"));
    assertEquals(800, b.path("max_tokens").asInt(), "max_completion_tokens becomes max_tokens");
    assertTrue(b.path("tool_choice").path("disable_parallel_tool_use").asBoolean(), "parallel_tool_calls false");
    assertEquals("user-4711", b.path("metadata").path("user_id").asText());
    assertFalse(b.has("seed"), "Anthropic has no seed");
  }

  @Test
  void anthropicDefaultMaxTokensWhenTheAppSetsNone() {
    byte[] body = TestSupport.utf8("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    JsonNode b = TestSupport.json(Translation.request(Endpoint.OPENAI_CHAT, body, WireFormat.ANTHROPIC, "claude-haiku-4-5").body());
    assertEquals(AnthropicRequests.DEFAULT_MAX_TOKENS, b.path("max_tokens").asLong());
    assertEquals("claude-haiku-4-5", b.path("model").asText());
    assertFalse(b.has("system"));
    assertFalse(b.has("stream"));
  }

  @Test
  void geminiTargetDetails() {
    TranslatedRequest t = Translation.request(Endpoint.OPENAI_CHAT, fixture(WireFormat.OPENAI), WireFormat.GEMINI, "models/gemini-2.5-flash");
    assertEquals(Endpoint.GEMINI_STREAM_GENERATE_CONTENT, t.targetEndpoint());
    assertEquals("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", t.targetPath("/v1beta/"));
    JsonNode b = TestSupport.json(t.body());
    assertFalse(b.has("model"), "the model is in the path");
    // Parallel calls: one model turn; only the first call carries the placeholder signature.
    JsonNode calls = b.path("contents").path(1).path("parts");
    assertEquals(GeminiRequests.SKIP_SIGNATURE, calls.path(0).path("thoughtSignature").asText());
    assertFalse(calls.path(1).has("thoughtSignature"));
    // Results are matched to calls by name; a JSON object result is the response, text goes under "output".
    JsonNode results = b.path("contents").path(2).path("parts");
    assertEquals(TestSupport.json("{\"temp\":7,\"sky\":\"cloudy\"}"), results.path(0).path("functionResponse").path("response"));
    assertEquals("12 °C, sunny", results.path(1).path("functionResponse").path("response").path("output").asText());
    // Gemini's schema subset: no $schema/additionalProperties, nullable instead of anyOf-with-null.
    JsonNode params = b.path("tools").path(0).path("functionDeclarations").path(0).path("parameters");
    assertEquals("OBJECT", params.path("type").asText());
    assertFalse(params.has("$schema") || params.has("additionalProperties"));
    assertTrue(params.path("properties").path("unit").path("nullable").asBoolean());
    assertEquals("STRING", params.path("properties").path("unit").path("type").asText());
    // Tools and JSON mode together: Gemini 2.x refuses responseMimeType with tools, so JSON mode is an instruction.
    assertFalse(b.path("generationConfig").has("responseMimeType"));
    assertTrue(b.path("systemInstruction").path("parts").path(2).path("text").asText().contains("JSON Schema"));
  }

  @Test
  void geminiTargetUsesNativeJsonModeWithoutTools() {
    byte[] body = TestSupport.utf8("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"List two cities as JSON\"}],"
        + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"cities\",\"schema\":{\"type\":\"object\","
        + "\"properties\":{\"names\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"format\":\"uri\"}}},\"required\":[\"names\"],"
        + "\"additionalProperties\":false}}}}");
    JsonNode g = TestSupport.json(Translation.request(Endpoint.OPENAI_CHAT, body, WireFormat.GEMINI, "gemini-2.5-flash").body()).path("generationConfig");
    assertEquals("application/json", g.path("responseMimeType").asText());
    assertEquals(TestSupport.json("{\"type\":\"OBJECT\",\"properties\":{\"names\":{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\"}}},\"required\":[\"names\"]}"),
        g.path("responseSchema"));
  }

  @Test
  void openAiJsonObjectModeGetsTheWordJsonWhenTheAppNeverSaidIt() {
    byte[] gemini = TestSupport.utf8("{\"contents\":[{\"parts\":[{\"text\":\"Two cities, please\"}]}],"
        + "\"generationConfig\":{\"responseMimeType\":\"application/json\"}}");
    JsonNode b = TestSupport.json(Translation.request(Endpoint.GEMINI_GENERATE_CONTENT, gemini, WireFormat.OPENAI, "gpt-4o-mini").body());
    assertEquals("json_object", b.path("response_format").path("type").asText());
    assertEquals("system", b.path("messages").path(0).path("role").asText());
    assertTrue(b.path("messages").path(0).path("content").asText().contains("JSON"));
  }

  @Test
  void maxCompletionTokensForOpenAiReasoningModels() {
    byte[] body = TestSupport.utf8("{\"model\":\"claude\",\"max_tokens\":300,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    assertEquals(300, TestSupport.json(Translation.request(Endpoint.ANTHROPIC_MESSAGES, body, WireFormat.OPENAI, "o4-mini").body()).path("max_completion_tokens").asInt());
    assertEquals(300, TestSupport.json(Translation.request(Endpoint.ANTHROPIC_MESSAGES, body, WireFormat.OPENAI, "meta-llama/Llama-3.3-70B").body()).path("max_tokens").asInt());
  }

  @Test
  void anthropicTemperatureIsClampedAndWinsOverTopP() {
    byte[] body = TestSupport.utf8("{\"model\":\"gpt-4o\",\"temperature\":1.6,\"top_p\":0.9,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    JsonNode b = TestSupport.json(Translation.request(Endpoint.OPENAI_CHAT, body, WireFormat.ANTHROPIC, "claude-sonnet-4-5").body());
    assertEquals(1.0, b.path("temperature").asDouble());
    assertFalse(b.has("top_p"));
  }

  @Test
  void geminiCallsWithoutIdsGetStableIdsAndResultsFollowThem() {
    JsonNode b = TestSupport.json(Translation.request(Endpoint.GEMINI_GENERATE_CONTENT, fixture(WireFormat.GEMINI), WireFormat.OPENAI, "gpt-4o").body());
    JsonNode calls = b.path("messages").path(2).path("tool_calls");
    assertEquals("call_airlock_1_0", calls.path(0).path("id").asText());
    assertEquals("call_airlock_1_1", calls.path(1).path("id").asText());
    assertEquals("call_airlock_1_0", b.path("messages").path(3).path("tool_call_id").asText());
    assertEquals("7 °C, cloudy", b.path("messages").path(3).path("content").asText());
    assertEquals("call_airlock_1_1", b.path("messages").path(4).path("tool_call_id").asText());
    assertEquals(TestSupport.json("{\"temp\":12,\"sky\":\"sunny\"}"), TestSupport.json(b.path("messages").path(4).path("content").asText()));
    // The same history translates to the same ids every time: the next turn's results still match.
    assertEquals(b, TestSupport.json(Translation.request(Endpoint.GEMINI_GENERATE_CONTENT, fixture(WireFormat.GEMINI), WireFormat.OPENAI, "gpt-4o").body()));
  }

  @Test
  void geminiSnakeCaseRequestsAreRead() {
    byte[] body = TestSupport.utf8("{\"system_instruction\":{\"parts\":{\"text\":\"Be brief.\"}},"
        + "\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"},{\"inline_data\":{\"mime_type\":\"image/png\",\"data\":\"AAAA\"}}]}],"
        + "\"generation_config\":{\"max_output_tokens\":\"256\",\"stop_sequences\":[\"X\"]}}");
    JsonNode b = TestSupport.json(Translation.request(Endpoint.GEMINI_STREAM_GENERATE_CONTENT, body, WireFormat.ANTHROPIC, "claude-haiku-4-5").body());
    assertEquals("Be brief.", b.path("system").asText());
    assertEquals(256, b.path("max_tokens").asInt());
    assertTrue(b.path("stream").asBoolean());
    assertEquals("image/png", b.path("messages").path(0).path("content").path(1).path("source").path("media_type").asText());
  }

  @Test
  void anthropicErrorResultsAndImagesToGemini() {
    JsonNode b = TestSupport.json(Translation.request(Endpoint.ANTHROPIC_MESSAGES, fixture(WireFormat.ANTHROPIC), WireFormat.GEMINI, "gemini-2.5-pro").body());
    JsonNode contents = b.path("contents");
    // user, model(text+call), user(result+text), model(call), user(error result), model(text), user(image+text)
    assertEquals(7, contents.size());
    assertEquals("forecast service unavailable", contents.path(4).path("parts").path(0).path("functionResponse").path("response").path("error").asText());
    assertEquals("get_forecast", contents.path(4).path("parts").path(0).path("functionResponse").path("name").asText());
    assertEquals("image/jpeg", contents.path(6).path("parts").path(0).path("inlineData").path("mimeType").asText());
    assertEquals("AUTO", b.path("toolConfig").path("functionCallingConfig").path("mode").asText());
  }

  @Test
  void anthropicGetsTheUsedToolsDeclaredWhenTheAppDroppedThemForTheLastTurn() {
    byte[] body = TestSupport.utf8("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"},"
        + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}]},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"sunny\"},{\"role\":\"user\",\"content\":\"Summarize.\"}]}");
    JsonNode b = TestSupport.json(Translation.request(Endpoint.OPENAI_CHAT, body, WireFormat.ANTHROPIC, "claude-haiku-4-5").body());
    assertEquals(TestSupport.json("[{\"name\":\"get_weather\",\"input_schema\":{\"type\":\"object\"}}]"), b.path("tools"));
    assertEquals(TestSupport.json("{\"type\":\"none\"}"), b.path("tool_choice"));
  }
}
