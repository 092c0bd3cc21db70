package dev.airlock.agent.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Endpoint;
import org.junit.jupiter.api.Test;

class SplicedDeltaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String CHAT = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\","
      + "\"choices\":[{\"index\":2,\"delta\":{\"content\":\"caf\\u00e9 \\\"<EMAIL_1>\\\"\\n\\ud83d\\ude00 ok\"},"
      + "\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}";

  @Test
  void findsTheOneChatDeltaAndSplicesOnlyItsString() throws Exception {
    SplicedDelta d = SplicedDelta.find(Endpoint.OPENAI_CHAT, CHAT);
    assertNotNull(d);
    assertEquals("c2", d.channel);
    assertFalse(d.last);
    assertEquals("café \"<EMAIL_1>\"\n\uD83D\uDE00 ok", d.text);

    String replaced = d.with("jo \"quoted\" \\ \u0001 \u00e9\n");
    ObjectNode expected = (ObjectNode) JSON.readTree(CHAT);
    ((ObjectNode) expected.path("choices").get(0).path("delta")).put("content", "jo \"quoted\" \\ \u0001 \u00e9\n");
    assertEquals(expected, JSON.readTree(replaced), "the same event, only the text changed");
    // Everything outside the string is byte for byte as the provider wrote it.
    assertTrue(replaced.startsWith(CHAT.substring(0, CHAT.indexOf("\"content\":") + 10)), replaced);
    assertTrue(replaced.endsWith("\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}"), replaced);
  }

  @Test
  void aFinishReasonMarksTheChannelsLastDelta() {
    SplicedDelta d = SplicedDelta.find(Endpoint.OPENAI_CHAT,
        "{\"choices\":[{\"finish_reason\":\"stop\",\"delta\":{\"content\":\"end\"},\"index\":0}]}");
    assertNotNull(d);
    assertTrue(d.last);
    assertEquals("c0", d.channel);
    assertEquals("{\"choices\":[{\"finish_reason\":\"stop\",\"delta\":{\"content\":\"END\"},\"index\":0}]}", d.with("END"));
  }

  @Test
  void leavesEverythingElseToTheTreePath() {
    assertNull(SplicedDelta.find(Endpoint.OPENAI_CHAT, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}},"
        + "{\"index\":1,\"delta\":{\"content\":\"b\"}}]}"), "several choices");
    assertNull(SplicedDelta.find(Endpoint.OPENAI_CHAT,
        "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null}}]}"), "no text");
    assertNull(SplicedDelta.find(Endpoint.OPENAI_CHAT, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\""),
        "malformed");
    assertNull(SplicedDelta.find(Endpoint.OPENAI_CHAT, "[1,2]"));
    assertNull(SplicedDelta.find(Endpoint.GEMINI_STREAM_GENERATE_CONTENT,
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}]}}]}"));
    assertNull(SplicedDelta.find(Endpoint.ANTHROPIC_MESSAGES,
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\"}}"),
        "tool input is not answer text");
    assertNull(SplicedDelta.find(Endpoint.OPENAI_RESPONSES,
        "{\"type\":\"response.output_text.done\",\"item_id\":\"i\",\"content_index\":0,\"text\":\"all\"}"));
  }

  @Test
  void anthropicAndResponsesDeltasWhateverTheFieldOrder() throws Exception {
    String anthropic = "{\"delta\":{\"text\":\"hi <PHONE_1>\",\"type\":\"text_delta\"},\"index\":3,\"type\":\"content_block_delta\"}";
    SplicedDelta a = SplicedDelta.find(Endpoint.ANTHROPIC_MESSAGES, anthropic);
    assertNotNull(a);
    assertEquals("b3", a.channel);
    assertEquals("hi <PHONE_1>", a.text);
    JsonNode spliced = JSON.readTree(a.with("hi +44 20 7946 0958"));
    assertEquals("hi +44 20 7946 0958", spliced.path("delta").path("text").asText());
    assertEquals("content_block_delta", spliced.path("type").asText());

    String responses = "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,"
        + "\"content_index\":1,\"delta\":\"x\",\"sequence_number\":7}";
    SplicedDelta r = SplicedDelta.find(Endpoint.OPENAI_RESPONSES, responses);
    assertNotNull(r);
    assertEquals("msg_1:1", r.channel);
    assertEquals(responses.replace("\"delta\":\"x\"", "\"delta\":\"yz\""), r.with("yz"));
  }

  /**
   * The short cut through the previous event finds what the full scan finds, event for event, on
   * random streams of well-formed and malformed texts (escapes, quotes, control chars, split
   * placeholders, an escape cut by the closing quote) in each provider's delta shape, with and
   * without changes to the chars around the text.
   */
  @Test
  void theShortCutThroughThePreviousEventFindsWhatTheFullScanFinds() {
    String[][] shapes = {
        {"OPENAI_CHAT", "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":",
            "},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}"},
        {"OPENAI_CHAT", "{\"choices\":[{\"index\":3,\"finish_reason\":\"stop\",\"delta\":{\"content\":", "}}]}"},
        {"ANTHROPIC_MESSAGES", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":",
            "}}"},
        {"OPENAI_RESPONSES", "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"content_index\":0,\"delta\":",
            ",\"sequence_number\":7}"},
    };
    String[] pieces = {"a", " ", "word", "<EMAIL_1>", "<EMA", "IL_1>", "\"", "\\", "\n", "\u00e9", "\u0001", "\uD83D",
        "\t", "/", "jo@example.com", "4111 1111 1111 1111", "password: hunter2"};
    String[] raw = {"\\", "\\u12", "\\x", "\"", "\u0001", "\\u00e9", "\\/", "\\uD83D\\uDE00", "\\U0041", "\\u00G1",
        "\\u\uFF10\uFF10\uFF10\uFF10", "\\\\", "ok"};
    java.util.Random random = new java.util.Random(7);
    int shortCuts = 0;
    for (int stream = 0; stream < 400; stream++) {
      String[] shape = shapes[random.nextInt(shapes.length)];
      Endpoint endpoint = Endpoint.valueOf(shape[0]);
      SplicedDelta previous = null;
      for (int event = 0; event < 30; event++) {
        String content;
        if (random.nextInt(4) == 0) {
          StringBuilder body = new StringBuilder();
          for (int k = random.nextInt(4); k >= 0; k--) {
            body.append(raw[random.nextInt(raw.length)]);
          }
          content = "\"" + body + "\"";
        } else {
          StringBuilder text = new StringBuilder();
          for (int k = random.nextInt(5); k >= 0; k--) {
            text.append(pieces[random.nextInt(pieces.length)]);
          }
          content = "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance()
              .quoteAsString(text.toString())) + "\"";
        }
        String prefix = shape[1];
        String suffix = shape[2];
        int change = random.nextInt(10);
        if (change == 0) {
          prefix = prefix.replace("\"index\":", "\"index\": ");
        } else if (change == 1) {
          suffix = suffix + " ";
        } else if (change == 2) {
          suffix = suffix.substring(1);
        } else if (change == 3) {
          content = content + "\"";
        }
        String data = prefix + content + suffix;
        SplicedDelta full = SplicedDelta.find(endpoint, data);
        SplicedDelta quick = SplicedDelta.find(endpoint, data, previous);
        if (previous != null && SplicedDelta.likePrevious(previous, data) != null) {
          assertNotNull(full, "the short cut took an event the full scan refuses: " + data);
          shortCuts++;
        }
        if (full == null) {
          assertNull(quick, data);
        } else {
          assertNotNull(quick, data);
          assertEquals(full.channel, quick.channel, data);
          assertEquals(full.last, quick.last, data);
          assertEquals(full.text, quick.text, data);
          assertEquals(full.with("R \"<x>\""), quick.with("R \"<x>\""), data);
          String replacement = random.nextBoolean() ? "é \uD83D\uDE00 \u0001 \"<x>\"" : "lone \uD83D";
          java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
          quick.writeWith(replacement, written);
          org.junit.jupiter.api.Assertions.assertArrayEquals(
              quick.with(replacement).getBytes(java.nio.charset.StandardCharsets.UTF_8), written.toByteArray(), data);
          previous = quick;
        }
      }
    }
    assertTrue(shortCuts > 2000, "the short cut served " + shortCuts + " events");
  }
}
