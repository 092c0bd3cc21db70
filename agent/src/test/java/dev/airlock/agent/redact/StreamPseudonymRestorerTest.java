package dev.airlock.agent.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.SseParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placeholders split across SSE events come back whole, in each provider's stream format. */
class StreamPseudonymRestorerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, String> values = Map.of("<EMAIL_1>", "ana@example.com");

  private String run(Endpoint endpoint, String stream) {
    StreamPseudonymRestorer restorer = new StreamPseudonymRestorer(endpoint, values);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SseParser parser = new SseParser((name, data, raw) -> restorer.onEvent(name, data, raw, out), 1 << 20);
    byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i += 5) {
      parser.feed(bytes, i, Math.min(5, bytes.length - i));
    }
    parser.finish();
    restorer.finish(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The text the application assembles from the rewritten stream's deltas. */
  private static String assembled(String stream, String... path) throws Exception {
    StringBuilder text = new StringBuilder();
    List<String> datas = new ArrayList<>();
    for (String line : stream.split("\n")) {
      if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
        datas.add(line.substring(6));
      }
    }
    for (String data : datas) {
      JsonNode node = JSON.readTree(data);
      for (String p : path) {
        node = p.matches("\\d+") ? node.path(Integer.parseInt(p)) : node.path(p);
      }
      if (node.isTextual()) {
        text.append(node.asText());
      }
    }
    return text.toString();
  }

  @Test
  void openAiChatDeltas() throws Exception {
    String stream = chunk("Write to <EM", null) + chunk("AIL_", null) + chunk("1> now", null) + chunk("", "stop")
        + "data: [DONE]\n\n";
    String out = run(Endpoint.OPENAI_CHAT, stream);
    assertEquals("Write to ana@example.com now", assembled(out, "choices", "0", "delta", "content"));
    assertFalse(out.contains("EMAIL_1"));
    assertTrue(out.endsWith("data: [DONE]\n\n"));
  }

  @Test
  void heldTextIsReleasedBeforeTheNextOtherEvent() throws Exception {
    String stream = chunk("Ends with <EMAIL_1", null) + "data: [DONE]\n\n";
    String out = run(Endpoint.OPENAI_CHAT, stream);
    assertEquals("Ends with <EMAIL_1", assembled(out, "choices", "0", "delta", "content"));
    assertTrue(out.indexOf("<EMAIL_1") < out.indexOf("[DONE]"));
  }

  @Test
  void eventsWithoutPlaceholdersPassByteForByte() {
    String stream = "data: {\"choices\" : [ {\"index\":0, \"delta\": {\"content\": \"plain text\"}} ]}\n\n"
        + "data: [DONE]\n\n";
    assertEquals(stream, run(Endpoint.OPENAI_CHAT, stream), "not parsed and written again");
  }

  @Test
  void anthropicTextDeltas() throws Exception {
    String stream = "event: content_block_delta\n"
        + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Mail <EMAI\"}}\n\n"
        + "event: content_block_delta\n"
        + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"L_1>!\"}}\n\n"
        + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n";
    String out = run(Endpoint.ANTHROPIC_MESSAGES, stream);
    assertEquals("Mail ana@example.com!", assembled(out, "delta", "text"));
    assertTrue(out.contains("event: content_block_delta\n"), "event names are kept");
  }

  @Test
  void responsesDeltasAndTheFullTextInDoneEvents() throws Exception {
    String stream = "event: response.output_text.delta\n"
        + "data: {\"type\":\"response.output_text.delta\",\"item_id\":\"m\",\"content_index\":0,\"delta\":\"to <EMAIL\"}\n\n"
        + "event: response.output_text.delta\n"
        + "data: {\"type\":\"response.output_text.delta\",\"item_id\":\"m\",\"content_index\":0,\"delta\":\"_1>\"}\n\n"
        + "event: response.output_text.done\n"
        + "data: {\"type\":\"response.output_text.done\",\"item_id\":\"m\",\"text\":\"to <EMAIL_1>\"}\n\n";
    String out = run(Endpoint.OPENAI_RESPONSES, stream);
    assertEquals("to ana@example.com", assembled(out, "delta"));
    assertEquals("to ana@example.com", assembled(out, "text"));
  }

  @Test
  void geminiParts() throws Exception {
    String stream = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x <EMAIL_\"}],\"role\":\"model\"},\"index\":0}]}\r\n\r\n"
        + "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"1>\"}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}]}\r\n\r\n";
    String out = run(Endpoint.GEMINI_STREAM_GENERATE_CONTENT, stream);
    assertEquals("x ana@example.com", assembled(out, "candidates", "0", "content", "parts", "0", "text"));
  }

  @Test
  void twoChoicesInOneEventEachGetTheirOwnHeldTextBackOnce() throws Exception {
    String out = run(Endpoint.OPENAI_CHAT, TWO_CHOICES + choice(1, "1> b") + choice(0, "1> a") + "data: [DONE]\n\n");

    Map<Integer, String> texts = textsByChoice(out);
    assertEquals("Hi ana@example.com a", texts.get(0), out);
    assertEquals("Yo ana@example.com b", texts.get(1), out);
  }

  @Test
  void heldTextOfTwoChoicesIsReleasedOnceEachAtTheEnd() throws Exception {
    String out = run(Endpoint.OPENAI_CHAT, TWO_CHOICES + "data: [DONE]\n\n");

    Map<Integer, String> texts = textsByChoice(out);
    assertEquals("Hi <EMAIL_", texts.get(0), out);
    assertEquals("Yo <EMAIL_", texts.get(1), out);
  }

  private static final String TWO_CHOICES = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":["
      + "{\"index\":0,\"delta\":{\"content\":\"Hi <EMAIL_\"},\"finish_reason\":null},"
      + "{\"index\":1,\"delta\":{\"content\":\"Yo <EMAIL_\"},\"finish_reason\":null}]}\n\n";

  /** The text the application assembles per choice index. */
  private static Map<Integer, String> textsByChoice(String stream) throws Exception {
    Map<Integer, StringBuilder> texts = new java.util.TreeMap<>();
    for (String line : stream.split("\n")) {
      if (line.startsWith("data: {")) {
        for (JsonNode c : JSON.readTree(line.substring(6)).path("choices")) {
          texts.computeIfAbsent(c.path("index").asInt(), k -> new StringBuilder())
              .append(c.path("delta").path("content").asText(""));
        }
      }
    }
    Map<Integer, String> out = new java.util.TreeMap<>();
    texts.forEach((k, v) -> out.put(k, v.toString()));
    return out;
  }

  private static String choice(int index, String content) {
    return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":" + index
        + ",\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":null}]}\n\n";
  }

  private static String chunk(String content, String finish) {
    return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
        + "\"" + content + "\"},\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
  }
}
