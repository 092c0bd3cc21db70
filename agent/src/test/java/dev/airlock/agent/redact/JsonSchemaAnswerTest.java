package dev.airlock.agent.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.SseParser;
import dev.airlock.agent.guard.injection.InjectionDetectors;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code guardrails.output.json} with a schema in the request: the answer must conform, whole or
 * streamed, for OpenAI chat ({@code response_format.json_schema}), Responses ({@code
 * text.format}) and Gemini ({@code responseSchema}, {@code responseJsonSchema}).
 */
class JsonSchemaAnswerTest {

  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
      + "\"temp_c\":{\"type\":\"number\",\"minimum\":-90,\"maximum\":60}},\"required\":[\"city\",\"temp_c\"],"
      + "\"additionalProperties\":false}";
  private static final String GOOD = "{\"city\":\"Oslo\",\"temp_c\":4.5}";
  private static final String OUT_OF_RANGE = "{\"city\":\"Oslo\",\"temp_c\":451}";

  private static RequestGuard guard(String json) {
    PolicyLoadResult result = PolicyLoader.parse("p.yaml",
        ("airlock: 1\nname: t\nguardrails:\n  output:\n    json: " + json + "\n").getBytes(StandardCharsets.UTF_8));
    assertTrue(result.ok(), result::toString);
    Policy policy = result.policy().get();
    return new RequestGuard(null, null, policy.guardrails().orElse(null),
        InjectionDetectors.load(JsonSchemaAnswerTest.class.getClassLoader()),
        OutputGuard.of(policy.guardrails().orElse(null), null));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String chatRequest(String responseFormat) {
    return "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"weather in Oslo as JSON\"}],"
        + "\"response_format\":" + responseFormat + "}";
  }

  private static String chatAnswer(String content) {
    return "{\"id\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
        + quoted(content) + "},\"finish_reason\":\"stop\"}]}";
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static AnswerCheck chatCheck(String action, String responseFormat) {
    return guard(action).inspect(Endpoint.OPENAI_CHAT, bytes(chatRequest(responseFormat))).answerCheck();
  }

  private static final String JSON_SCHEMA_FORMAT =
      "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"weather\",\"strict\":true,\"schema\":" + SCHEMA + "}}";

  @Test
  void aConformingWholeAnswerPasses() {
    AnswerCheck c = chatCheck("block", JSON_SCHEMA_FORMAT);
    assertNotNull(c.checkWhole(bytes(chatAnswer(GOOD))));
    assertNull(c.blockedRule());
    assertFalse(c.jsonFlagged());
  }

  @Test
  void aWholeAnswerThatBreaksTheSchemaIsBlockedOrFlagged() {
    AnswerCheck block = chatCheck("block", JSON_SCHEMA_FORMAT);
    assertNull(block.checkWhole(bytes(chatAnswer(OUT_OF_RANGE))));
    assertEquals("guardrails.output.json", block.blockedRule());
    assertEquals("$.temp_c: above the maximum 60", block.jsonProblem());

    AnswerCheck flag = chatCheck("flag", JSON_SCHEMA_FORMAT);
    assertNotNull(flag.checkWhole(bytes(chatAnswer("{\"city\":\"Oslo\"}"))));
    assertTrue(flag.jsonFlagged());
    assertEquals("$: missing required property 'temp_c'", flag.jsonProblem());
  }

  @Test
  void jsonObjectWithoutASchemaOnlyNeedsJson() {
    AnswerCheck c = chatCheck("block", "{\"type\":\"json_object\"}");
    assertNotNull(c.checkWhole(bytes(chatAnswer(OUT_OF_RANGE))));
    assertNull(c.blockedRule());
    AnswerCheck trailing = chatCheck("block", "{\"type\":\"json_object\"}");
    assertNull(trailing.checkWhole(bytes(chatAnswer("{\"a\":1} and some prose"))));
  }

  @Test
  void responsesTextFormatSchema() {
    String request = "{\"model\":\"gpt-4o\",\"input\":\"weather\",\"text\":{\"format\":{\"type\":\"json_schema\","
        + "\"name\":\"weather\",\"schema\":" + SCHEMA + "}}}";
    String answer = "{\"id\":\"r\",\"output\":[{\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":"
        + quoted("{\"city\":\"Oslo\",\"temp_c\":4,\"wind\":3}") + "}]}]}";
    AnswerCheck c = guard("block").inspect(Endpoint.OPENAI_RESPONSES, bytes(request)).answerCheck();
    assertNull(c.checkWhole(bytes(answer)));
    assertEquals("$.wind: property not allowed (additionalProperties: false)", c.jsonProblem());
  }

  @Test
  void geminiResponseSchemaInItsOwnDialect() {
    String request = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"list two colors\"}]}],"
        + "\"generationConfig\":{\"responseMimeType\":\"application/json\",\"responseSchema\":{\"type\":\"ARRAY\","
        + "\"items\":{\"type\":\"STRING\",\"enum\":[\"red\",\"green\",\"blue\"]},\"minItems\":\"2\"}}}";
    AnswerCheck ok = guard("block").inspect(Endpoint.GEMINI_GENERATE_CONTENT, bytes(request)).answerCheck();
    assertNotNull(ok.checkWhole(bytes(geminiAnswer("[\"red\",\"blue\"]"))));
    AnswerCheck bad = guard("block").inspect(Endpoint.GEMINI_GENERATE_CONTENT, bytes(request)).answerCheck();
    assertNull(bad.checkWhole(bytes(geminiAnswer("[\"red\",\"purple\"]"))));
    assertEquals("$[1]: not one of the enum values", bad.jsonProblem());
  }

  @Test
  void geminiResponseJsonSchemaAloneAsksForJson() {
    String request = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"n?\"}]}],"
        + "\"generation_config\":{\"response_json_schema\":{\"type\":\"integer\"}}}";
    AnswerCheck c = guard("flag").inspect(Endpoint.GEMINI_GENERATE_CONTENT, bytes(request)).answerCheck();
    c.checkWhole(bytes(geminiAnswer("\"seven\"")));
    assertTrue(c.jsonFlagged());
  }

  private static String geminiAnswer(String text) {
    return "{\"candidates\":[{\"index\":0,\"content\":{\"role\":\"model\",\"parts\":[{\"text\":" + quoted(text)
        + "}]},\"finishReason\":\"STOP\"}]}";
  }

  private static String stream(AnswerCheck check, String... pieces) {
    StreamPseudonymRestorer restorer = new StreamPseudonymRestorer(Endpoint.OPENAI_CHAT, Map.of(), check);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SseParser parser = new SseParser((n, d, raw) -> restorer.onEvent(n, d, raw, out), 1 << 20);
    StringBuilder sse = new StringBuilder("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
        + "\"content\":\"\"},\"finish_reason\":null}]}\n\n");
    for (String p : pieces) {
      sse.append("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":").append(quoted(p))
          .append("},\"finish_reason\":null}]}\n\n");
    }
    sse.append("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
    sse.append("data: [DONE]\n\n");
    byte[] b = bytes(sse.toString());
    parser.feed(b, 0, b.length);
    parser.finish();
    restorer.finish(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aConformingStreamPassesUntouched() {
    AnswerCheck c = chatCheck("block", JSON_SCHEMA_FORMAT);
    String seen = stream(c, "{\"ci", "ty\":\"Os", "lo\",\"temp", "_c\":4.", "5}");
    assertNull(c.blockedRule());
    assertFalse(seen.contains("error"), seen);
    assertTrue(seen.endsWith("data: [DONE]\n\n"), seen);
    String text = seen.replaceAll("(?s).*?\"content\":\"((?:[^\"\\\\]|\\\\.)*)\".*?(?=data:|$)", "$1");
    assertTrue(text.replace("\\\"", "\"").contains(GOOD), text);
  }

  @Test
  void aStreamThatBreaksTheSchemaEndsWithTheProvidersErrorBeforeTheRestIsSent() {
    AnswerCheck c = chatCheck("block", JSON_SCHEMA_FORMAT);
    String seen = stream(c, "{\"city\":\"Oslo\",", "\"temp_c\":451,", "\"note\":\"this part never reaches the app\"}");
    assertEquals("guardrails.output.json", c.blockedRule());
    assertTrue(seen.contains("guardrails.output.json"), seen);
    assertFalse(seen.contains("451"), "the offending value is held back: " + seen);
    assertFalse(seen.contains("never reaches"), seen);
    assertFalse(seen.contains("[DONE]"), "nothing after the error: " + seen);
  }

  @Test
  void aStreamThatEndsBeforeTheValueDoesIsCaughtAtItsFinishReason() {
    AnswerCheck flag = chatCheck("flag", JSON_SCHEMA_FORMAT);
    String seen = stream(flag, "{\"city\":\"Oslo\",", "\"temp_c\":4");
    assertTrue(flag.jsonFlagged());
    assertTrue(flag.jsonProblem().startsWith("not JSON"), flag.jsonProblem());
    assertTrue(seen.endsWith("data: [DONE]\n\n"), "flag lets the stream through: " + seen);

    AnswerCheck block = chatCheck("block", JSON_SCHEMA_FORMAT);
    String blocked = stream(block, "{\"city\":\"Oslo\",", "\"temp_c\":4");
    assertEquals("guardrails.output.json", block.blockedRule());
    assertFalse(blocked.contains("temp_c"), "the held tail is not released: " + blocked);
    assertFalse(blocked.contains("finish_reason\":\"stop"), "the stream ends with the error: " + blocked);
  }

  @Test
  void aResponsesStreamIsCheckedWhenItsTextIsDone() {
    String request = "{\"model\":\"gpt-4o\",\"input\":\"weather\",\"stream\":true,\"text\":{\"format\":"
        + "{\"type\":\"json_schema\",\"name\":\"w\",\"schema\":" + SCHEMA + "}}}";
    AnswerCheck c = guard("block").inspect(Endpoint.OPENAI_RESPONSES, bytes(request)).answerCheck();
    StreamPseudonymRestorer restorer = new StreamPseudonymRestorer(Endpoint.OPENAI_RESPONSES, Map.of(), c);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SseParser parser = new SseParser((n, d, raw) -> restorer.onEvent(n, d, raw, out), 1 << 20);
    String sse = responsesDelta("{\"city\":") + responsesDelta("\"Oslo\"}")
        + "event: response.output_text.done\ndata: {\"type\":\"response.output_text.done\",\"item_id\":\"m1\","
        + "\"content_index\":0,\"text\":" + quoted("{\"city\":\"Oslo\"}") + "}\n\n";
    byte[] b = bytes(sse);
    parser.feed(b, 0, b.length);
    String seen = out.toString(StandardCharsets.UTF_8);
    assertEquals("guardrails.output.json", c.blockedRule());
    assertEquals("$: missing required property 'temp_c'", c.jsonProblem());
    assertTrue(seen.contains("event: error"), seen);
  }

  private static String responsesDelta(String text) {
    return "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"item_id\":\"m1\","
        + "\"content_index\":0,\"delta\":" + quoted(text) + "}\n\n";
  }

  @Test
  void noOutputRuleMeansNoJsonCheck() {
    PolicyLoadResult result = PolicyLoader.parse("p.yaml",
        bytes("airlock: 1\nname: t\nguardrails:\n  output:\n    deny: ['forbidden']\n"));
    Policy policy = result.policy().get();
    RequestGuard guard = new RequestGuard(null, null, policy.guardrails().orElse(null),
        InjectionDetectors.load(JsonSchemaAnswerTest.class.getClassLoader()),
        OutputGuard.of(policy.guardrails().orElse(null), null));
    AnswerCheck c = guard.inspect(Endpoint.OPENAI_CHAT, bytes(chatRequest(JSON_SCHEMA_FORMAT))).answerCheck();
    assertNotNull(c.checkWhole(bytes(chatAnswer("not json at all"))));
    assertNull(c.blockedRule());
    assertNull(c.jsonProblem());
  }
}
