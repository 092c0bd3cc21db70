package dev.airlock.agent.telemetry.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.SseParser;
import dev.airlock.agent.telemetry.GenAiAttributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Content on spans, per wire format, as the conventions' JSON: what the app sent (system prompt
 * apart where the API keeps it apart), what came back (streamed or whole), always redacted and
 * bounded.
 */
class ContentCaptureTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMAIL = "ana.silva@example.com";
  private static final String PHONE = "+1 415 555 0142";

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final Tracer tracer = SdkTracerProvider.builder()
      .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build().get("test");
  private final ContentCapture capture = ContentCapture.of(ContentCapture.builtInScanner());

  /** A call's span: the request recorded, then the answer (whole or an SSE stream), then ended. */
  private SpanData call(Endpoint endpoint, String request, String answer, boolean streamed) {
    return call(capture, endpoint, request, answer, streamed, Map.of());
  }

  private SpanData call(ContentCapture capture, Endpoint endpoint, String request, String answer, boolean streamed,
      Map<String, String> restorations) {
    exporter.reset();
    Span span = tracer.spanBuilder("call").startSpan();
    AnswerCapture answers = capture.request(span, endpoint, request.getBytes(StandardCharsets.UTF_8), restorations);
    if (answers != null && answer != null) {
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      if (streamed) {
        SseParser sse = new SseParser((name, data, raw) -> answers.onEvent(data), 1024 * 1024);
        sse.feed(bytes, 0, bytes.length);
        sse.finish();
        answers.finish(span, null);
      } else {
        answers.finish(span, bytes);
      }
    }
    span.end();
    return exporter.getFinishedSpanItems().get(0);
  }

  private static JsonNode attr(SpanData span, io.opentelemetry.api.common.AttributeKey<String> key) throws IOException {
    String value = span.getAttributes().get(key);
    assertNotNull(value, key + " missing: " + span.getAttributes());
    return JSON.readTree(value);
  }

  @Test
  void openAiChatHistoryWithMediaToolCallsAndResultsAndEveryChoice() throws IOException {
    SpanData span = call(Endpoint.OPENAI_CHAT, payload("openai/chat-request.json"),
        payload("openai/chat-response.json"), false);
    JsonNode input = attr(span, GenAiAttributes.INPUT_MESSAGES);
    assertEquals("system", input.get(0).get("role").asText());
    assertEquals("{\"type\":\"text\",\"content\":\"You are Airlock's test assistant. Answer in one short sentence.\"}",
        input.get(0).get("parts").get(0).toString());
    assertEquals("developer", input.get(1).get("role").asText());
    JsonNode user = input.get(2);
    assertEquals("user", user.get("role").asText());
    assertEquals("What's the weather in Zürich? Antworte bitte auf Deutsch 🙂",
        user.get("parts").get(0).get("content").asText());
    assertEquals("{\"type\":\"blob\",\"modality\":\"image\"}", user.get("parts").get(1).toString(),
        "an image is recorded as its kind, never its data");
    JsonNode toolCall = input.get(3).get("parts").get(0);
    assertEquals("tool_call", toolCall.get("type").asText());
    assertEquals("call_Zq3N8rYwDk1s", toolCall.get("id").asText());
    assertEquals("get_weather", toolCall.get("name").asText());
    assertEquals("Zürich", toolCall.get("arguments").get("city").asText(), "arguments as an object");
    JsonNode result = input.get(4);
    assertEquals("tool", result.get("role").asText());
    assertEquals("tool_call_response", result.get("parts").get(0).get("type").asText());
    assertEquals("call_Zq3N8rYwDk1s", result.get("parts").get(0).get("id").asText());
    assertNull(span.getAttributes().get(GenAiAttributes.SYSTEM_INSTRUCTIONS),
        "chat keeps its system message in the history");

    JsonNode output = attr(span, GenAiAttributes.OUTPUT_MESSAGES);
    assertEquals(2, output.size());
    assertEquals("{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Es ist 7 °C und bewölkt in"
        + " Zürich.\"}],\"finish_reason\":\"stop\"}", output.get(0).toString());
    assertEquals("length", output.get(1).get("finish_reason").asText());
    assertFalse(span.getAttributes().get(GenAiAttributes.INPUT_MESSAGES).contains("iVBORw0KGgo"));
  }

  @Test
  void anthropicSystemPromptIsRecordedApartFromTheHistory() throws IOException {
    SpanData span = call(Endpoint.ANTHROPIC_MESSAGES, payload("anthropic/messages-request.json"),
        payload("anthropic/messages-response.json"), false);
    JsonNode system = attr(span, GenAiAttributes.SYSTEM_INSTRUCTIONS);
    assertEquals(2, system.size());
    assertEquals("{\"type\":\"text\",\"content\":\"You are Airlock's support bot. Be brief.\"}", system.get(0).toString());
    JsonNode input = attr(span, GenAiAttributes.INPUT_MESSAGES);
    assertEquals(3, input.size(), "the system prompt is not a message of the history");
    assertEquals("assistant", input.get(1).get("role").asText());
    assertEquals("Mit `budgets:` in der Policy.", input.get(1).get("parts").get(0).get("content").asText());
    assertEquals("Und pro Modell?", input.get(2).get("parts").get(0).get("content").asText());
    JsonNode output = attr(span, GenAiAttributes.OUTPUT_MESSAGES);
    assertEquals("stop", output.get(0).get("finish_reason").asText(), "end_turn is the conventions' stop");
    assertEquals("Pro Modell: setze `models:` mit einem Preis- und Token-Limit ✓",
        output.get(0).get("parts").get(0).get("content").asText());
  }

  @Test
  void anthropicToolUseAndToolResultsInTheConventionsShape() throws IOException {
    String request = "{\"model\":\"claude\",\"max_tokens\":10,\"system\":\"Be brief.\",\"messages\":["
        + "{\"role\":\"user\",\"content\":\"weather?\"},"
        + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\","
        + "\"input\":{\"city\":\"Paris\"}}]},"
        + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"rainy\"}]}]}";
    SpanData span = call(Endpoint.ANTHROPIC_MESSAGES, request, payload("anthropic/messages-stream-tool-use.sse"), true);
    assertEquals("[{\"type\":\"text\",\"content\":\"Be brief.\"}]",
        span.getAttributes().get(GenAiAttributes.SYSTEM_INSTRUCTIONS));
    JsonNode input = attr(span, GenAiAttributes.INPUT_MESSAGES);
    assertEquals("{\"type\":\"tool_call\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}",
        input.get(1).get("parts").get(0).toString());
    assertEquals("{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"toolu_1\",\"response\":\"rainy\"}]}",
        input.get(2).toString());
    JsonNode answer = attr(span, GenAiAttributes.OUTPUT_MESSAGES).get(0);
    assertEquals("tool_call", answer.get("finish_reason").asText());
    JsonNode call = answer.get("parts").get(answer.get("parts").size() - 1);
    assertEquals("get_weather", call.get("name").asText());
    assertEquals("toolu_01T1x1fJ34qAmk2tNTrN7Up6", call.get("id").asText());
    assertTrue(call.get("arguments").get("location").asText().startsWith("San Fra"), call.toString());
  }

  @Test
  void geminiSystemInstructionHistoryAndCandidates() throws IOException {
    SpanData span = call(Endpoint.GEMINI_GENERATE_CONTENT, payload("gemini/generate-request.json"),
        payload("gemini/generate-response.json"), false);
    assertEquals("[{\"type\":\"text\",\"content\":\"You are a precise technical writer.\"},"
        + "{\"type\":\"text\",\"content\":\"Answer in German.\"}]",
        span.getAttributes().get(GenAiAttributes.SYSTEM_INSTRUCTIONS));
    JsonNode input = attr(span, GenAiAttributes.INPUT_MESSAGES);
    assertEquals("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Erkläre SSE in einem Satz.\"},"
        + "{\"type\":\"blob\",\"modality\":\"image\",\"mime_type\":\"image/png\"}]}]", input.toString());
    JsonNode output = attr(span, GenAiAttributes.OUTPUT_MESSAGES);
    assertEquals("stop", output.get(0).get("finish_reason").asText());
    assertTrue(output.get(0).get("parts").get(0).get("content").asText().startsWith("Server-Sent Events (SSE)"));
  }

  @Test
  void geminiStreamIsAssembled() throws IOException {
    SpanData span = call(Endpoint.GEMINI_STREAM_GENERATE_CONTENT, payload("gemini/generate-request.json"),
        payload("gemini/stream.sse"), true);
    assertEquals("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Server-Sent Events schicken über"
        + " eine offene HTTP-Verbindung fortlaufend Ereignisse vom Server zum Client — in UTF-8 ✓.\"}],"
        + "\"finish_reason\":\"stop\"}]", span.getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES));
  }

  @Test
  void geminiStreamAsOneJsonArrayIsFolded() throws IOException {
    SpanData span = call(Endpoint.GEMINI_STREAM_GENERATE_CONTENT, payload("gemini/generate-request.json"),
        payload("gemini/stream-array.json"), false);
    JsonNode output = attr(span, GenAiAttributes.OUTPUT_MESSAGES);
    assertEquals(1, output.size());
    assertFalse(output.get(0).get("parts").get(0).get("content").asText().isEmpty());
  }

  @Test
  void responsesInstructionsAreSystemInstructionsAndItsStreamEndsWithTheWholeResponse() throws IOException {
    SpanData span = call(Endpoint.OPENAI_RESPONSES, payload("openai/responses-request.json"),
        payload("openai/responses-stream.sse"), true);
    assertEquals("[{\"type\":\"text\",\"content\":\"You are a terse release-notes writer.\"}]",
        span.getAttributes().get(GenAiAttributes.SYSTEM_INSTRUCTIONS));
    JsonNode input = attr(span, GenAiAttributes.INPUT_MESSAGES);
    assertEquals("developer", input.get(0).get("role").asText());
    assertEquals("Use British spelling.", input.get(0).get("parts").get(0).get("content").asText());
    assertEquals("Summarise: fixed SSE framing when CRLF splits across TCP segments.",
        input.get(1).get("parts").get(0).get("content").asText());
    assertEquals("{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_x1\","
        + "\"response\":\"{\\\"ok\\\":true}\"}]}", input.get(2).toString());
    JsonNode output = attr(span, GenAiAttributes.OUTPUT_MESSAGES);
    assertEquals(1, output.size());
    String text = output.get(0).get("parts").findValues("content").toString();
    assertTrue(text.contains("Fixed SSE framing when a CRLF is split across TCP segments — über alles ✓."), text);
    assertEquals("stop", output.get(0).get("finish_reason").asText());
  }

  @Test
  void responsesWholeAnswerAndAPlainStringInput() throws IOException {
    SpanData span = call(Endpoint.OPENAI_RESPONSES, "{\"model\":\"o4-mini\",\"input\":\"hello\"}",
        payload("openai/responses-response.json"), false);
    assertEquals("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hello\"}]}]",
        span.getAttributes().get(GenAiAttributes.INPUT_MESSAGES));
    assertNull(span.getAttributes().get(GenAiAttributes.SYSTEM_INSTRUCTIONS));
    JsonNode output = attr(span, GenAiAttributes.OUTPUT_MESSAGES);
    assertEquals("assistant", output.get(0).get("role").asText());
    assertFalse(output.get(0).get("parts").findValues("content").isEmpty(), output.toString());
  }

  @Test
  void openAiChatStreamIsAssembledAtTheEnd() throws IOException {
    SpanData span = call(Endpoint.OPENAI_CHAT, "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\","
        + "\"content\":\"hi\"}]}", payload("openai/chat-stream.sse"), true);
    JsonNode output = attr(span, GenAiAttributes.OUTPUT_MESSAGES);
    assertEquals(1, output.size());
    assertEquals("Grüezi — 7 °C, bewölkt ☁️ 🌧", output.get(0).get("parts").get(0).get("content").asText());
    assertEquals("stop", output.get(0).get("finish_reason").asText());
  }

  @Test
  void openAiStreamWithTwoChoicesGivesTwoMessages() throws IOException {
    SpanData span = call(Endpoint.OPENAI_CHAT, "{\"model\":\"m\",\"n\":2,\"stream\":true,\"messages\":[]}",
        payload("openai/chat-stream-n2.sse"), true);
    assertEquals(2, attr(span, GenAiAttributes.OUTPUT_MESSAGES).size());
  }

  @Test
  void embeddingsRecordTheirInputOnly() throws IOException {
    exporter.reset();
    Span span = tracer.spanBuilder("embeddings").startSpan();
    AnswerCapture answers = capture.request(span, Endpoint.OPENAI_EMBEDDINGS,
        payload("openai/embeddings-request.json").getBytes(StandardCharsets.UTF_8), Map.of());
    span.end();
    assertNull(answers, "vectors are not content");
    SpanData data = exporter.getFinishedSpanItems().get(0);
    assertEquals("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"The food was delicious and the"
        + " waiter was friendly.\"},{\"type\":\"text\",\"content\":\"Grüße aus Zürich\"}]}]",
        data.getAttributes().get(GenAiAttributes.INPUT_MESSAGES));
    assertNull(data.getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES));
  }

  @Test
  void personalDataInPromptAndAnswerIsMaskedNeverRaw() throws IOException {
    String request = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Mail " + EMAIL
        + " or call " + PHONE + " about it\"}]}";
    String answer = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"I will write to "
        + EMAIL + " and call " + PHONE + ".\"},\"finish_reason\":\"stop\"}]}";
    SpanData span = call(Endpoint.OPENAI_CHAT, request, answer, false);
    String input = span.getAttributes().get(GenAiAttributes.INPUT_MESSAGES);
    String output = span.getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES);
    assertTrue(input.contains("Mail [EMAIL] or call [PHONE] about it"), input);
    assertTrue(output.contains("I will write to [EMAIL] and call [PHONE]."), output);
    for (String value : new String[] {input, output}) {
      assertFalse(value.contains(EMAIL) || value.contains("555 0142"), value);
    }
  }

  @Test
  void pseudonymPlaceholdersAndTheValuesTheyStandForAreBothMasked() throws IOException {
    Map<String, String> restorations = Map.of("<EMAIL_1>", EMAIL, "<CUSTOMER_ID_1>", "CUST-12345678");
    String request = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Order CUST-12345678 for " + EMAIL
        + "\"}]}";
    // The provider saw and answered with placeholders; a detector that does not know CUST- ids
    // must still not let the real id through, nor say which placeholder was which.
    String answer = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Order <CUSTOMER_ID_1>"
        + " goes to <EMAIL_1>\"},\"finish_reason\":\"stop\"}]}";
    SpanData span = call(capture, Endpoint.OPENAI_CHAT, request, answer, false, restorations);
    String input = span.getAttributes().get(GenAiAttributes.INPUT_MESSAGES);
    String output = span.getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES);
    assertTrue(input.contains("Order [CUSTOMER_ID] for [EMAIL]"), input);
    assertTrue(output.contains("Order [CUSTOMER_ID] goes to [EMAIL]"), output);
    assertFalse(input.contains("CUST-1") || output.contains("<EMAIL_1>"));
  }

  @Test
  void secretsInToolArgumentsAndStreamedAnswersAreMasked() throws IOException {
    String key = "sk-proj-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6l";
    String request = "{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\","
        + "\"type\":\"function\",\"function\":{\"name\":\"send\",\"arguments\":\"{\\\"to\\\":\\\"" + EMAIL
        + "\\\"}\"}}]}]}";
    String stream = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"your key is " + key.substring(0, 20)
        + "\"}}]}\n\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + key.substring(20)
        + " and mail ana.silva@\"}}]}\n\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"example.com\"},"
        + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
    SpanData span = call(Endpoint.OPENAI_CHAT, request, stream, true);
    String input = span.getAttributes().get(GenAiAttributes.INPUT_MESSAGES);
    String output = span.getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES);
    assertTrue(input.contains("\"arguments\":{\"to\":\"[EMAIL]\"}"), input);
    assertFalse(output.contains(key.substring(8, 30)), "a key split across chunks is masked whole: " + output);
    assertTrue(output.contains("[EMAIL]") && !output.contains("ana.silva"), output);
  }

  @Test
  void aHugePromptIsCutToTheBoundAndStaysValidJson() throws IOException {
    StringBuilder big = new StringBuilder();
    while (big.length() < 200_000) {
      big.append("lorem ipsum dolor sit amet ");
    }
    String request = "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"short\"},"
        + "{\"role\":\"user\",\"content\":\"" + big + "\"}]}";
    SpanData span = call(Endpoint.OPENAI_CHAT, request, null, false);
    String input = span.getAttributes().get(GenAiAttributes.INPUT_MESSAGES);
    int bytes = input.getBytes(StandardCharsets.UTF_8).length;
    assertTrue(bytes <= ContentCapture.MAX_ATTRIBUTE_BYTES && bytes > ContentCapture.MAX_ATTRIBUTE_BYTES - 200,
        "bounded, yet using the room it has: " + bytes);
    JsonNode parsed = JSON.readTree(input);
    assertEquals("short", parsed.get(0).get("parts").get(0).get("content").asText(), "short texts are kept whole");
    assertTrue(parsed.get(1).get("parts").get(0).get("content").asText().endsWith(BoundedJson.MARKER));
  }

  @Test
  void aVeryLongHistoryKeepsItsLatestTurns() throws IOException {
    StringBuilder messages = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      messages.append(i == 0 ? "" : ",").append("{\"role\":\"user\",\"content\":\"turn ").append(i).append("\"}");
    }
    SpanData span = call(ContentCapture.of(ContentCapture.builtInScanner(), 4096), Endpoint.OPENAI_CHAT,
        "{\"model\":\"m\",\"messages\":[" + messages + "]}", null, false, Map.of());
    String input = span.getAttributes().get(GenAiAttributes.INPUT_MESSAGES);
    assertTrue(input.length() <= 4096, input.length() + "");
    JsonNode parsed = JSON.readTree(input);
    assertEquals("turn 1999", parsed.get(parsed.size() - 1).get("parts").get(0).get("content").asText());
    assertFalse(input.contains("\"turn 0\""));
  }

  @Test
  void anUnreadableBodyIsLeftOutAndBreaksNothing() {
    SpanData span = call(Endpoint.OPENAI_CHAT, "not json", "also not json", false);
    assertNull(span.getAttributes().get(GenAiAttributes.INPUT_MESSAGES));
    assertNull(span.getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES));
  }

  @Test
  void finishReasonsFollowTheConventions() {
    assertEquals("stop", Parts.finishReason("end_turn"));
    assertEquals("stop", Parts.finishReason("STOP"));
    assertEquals("length", Parts.finishReason("max_tokens"));
    assertEquals("length", Parts.finishReason("MAX_TOKENS"));
    assertEquals("tool_call", Parts.finishReason("tool_calls"));
    assertEquals("tool_call", Parts.finishReason("tool_use"));
    assertEquals("content_filter", Parts.finishReason("SAFETY"));
    assertEquals("error", Parts.finishReason("failed"));
    assertEquals("malformed_function_call", Parts.finishReason("MALFORMED_FUNCTION_CALL"));
  }

  private static String payload(String name) throws IOException {
    try (InputStream in = ContentCaptureTest.class.getResourceAsStream("/payloads/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
