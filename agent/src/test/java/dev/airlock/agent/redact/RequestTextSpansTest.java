package dev.airlock.agent.redact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.codec.Endpoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The span reader sees exactly what the tree walk ({@link RequestTexts}) sees, in the same order
 * and with the same roles, and a spliced body reads as the same tree as the rewritten one.
 */
class RequestTextSpansTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Bodies with members in both orders, non-text parts, odd values: each is checked against the tree. */
  private static final String[][] BODIES = {
      {"OPENAI_CHAT", "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"sys\"},"
          + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:x\"}}]},"
          + "{\"role\":\"assistant\",\"content\":\"prev\"},{\"role\":\"tool\",\"tool_call_id\":\"t\",\"content\":\"result\"}]}"},
      {"OPENAI_CHAT", "{\"messages\":[{\"content\":\"first, role after\",\"role\":\"developer\"},"
          + "{\"content\":[{\"text\":\"text before type\",\"type\":\"input_text\"},{\"text\":\"not a text part\",\"type\":\"refusal\"}],"
          + "\"role\":\"function\"},{\"content\":\"no role\"},{\"role\":null,\"content\":\"null role\"},"
          + "{\"role\":{\"x\":1},\"content\":\"object role\"},{\"role\":\"assistant\",\"content\":null},"
          + "{\"role\":\"user\",\"content\":[\"a bare string\",{\"type\":\"text\",\"text\":7},{\"type\":\"text\"}]},"
          + "\"not a message\",3],\"model\":\"m\"}"},
      {"OPENAI_CHAT", "{\"model\":\"m\",\"messages\":{\"role\":\"user\",\"content\":\"not an array\"}}"},
      {"OPENAI_CHAT", " {\n  \"model\" : \"m\",\n  \"temperature\" : 1.50,\n  \"messages\" : [ {\"role\" : \"user\", "
          + "\"content\" : \"escapes \\\"quoted\\\" \\u00e9\\n\\\\ and \\ud83d\\ude00\"} ]\n} \n"},
      {"OPENAI_RESPONSES", "{\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"q\"}]},"
          + "{\"role\":\"developer\",\"content\":\"implicit message\"},{\"type\":null,\"content\":\"null type\"},"
          + "{\"output\":\"tool out\",\"type\":\"function_call_output\"},{\"type\":\"function_call\",\"arguments\":\"{}\"}],"
          + "\"instructions\":\"after input, visited first\"}"},
      {"OPENAI_RESPONSES", "{\"instructions\":\"be nice\",\"input\":\"hello\"}"},
      {"OPENAI_EMBEDDINGS", "{\"input\":[\"a\",1,[\"nested\"],\"b\"],\"model\":\"e\"}"},
      {"OPENAI_EMBEDDINGS", "{\"input\":\"one\"}"},
      {"OPENAI_COMPLETIONS", "{\"prompt\":[\"p1\",\"p2\"],\"model\":\"c\"}"},
      {"ANTHROPIC_MESSAGES", "{\"messages\":[{\"content\":[{\"text\":\"text first\",\"type\":\"text\"},"
          + "{\"content\":[{\"type\":\"text\",\"text\":\"data\"},{\"type\":\"tool_result\",\"content\":\"deeper\"}],"
          + "\"type\":\"tool_result\",\"tool_use_id\":\"x\"},{\"type\":\"image\",\"text\":\"not text\"}],\"role\":\"assistant\"},"
          + "{\"role\":\"user\",\"content\":\"plain\"}],"
          + "\"system\":[{\"type\":\"text\",\"text\":\"sys after messages\"}],\"model\":\"claude\"}"},
      {"ANTHROPIC_MESSAGES", "{\"system\":\"plain system\",\"messages\":[{\"role\":\"user\",\"content\":"
          + "[{\"type\":\"tool_result\",\"content\":\"tool string\"}]}]}"},
      {"GEMINI_GENERATE_CONTENT", "{\"contents\":[{\"parts\":[{\"text\":\"u\"},{\"inlineData\":{\"data\":\"AAA\"}},"
          + "{\"functionResponse\":{\"name\":\"f\",\"response\":{\"a\":\"tool a\",\"n\":1,\"o\":{\"deep\":\"no\"},\"b\":\"tool b\"}}}],"
          + "\"role\":\"user\"},{\"role\":\"model\",\"parts\":[{\"text\":\"a\"}]},\"odd\",{\"parts\":\"odd\"}],"
          + "\"systemInstruction\":{\"parts\":[{\"text\":\"s\"}],\"role\":\"system\"},\"generationConfig\":{\"temperature\":0}}"},
      {"GEMINI_STREAM_GENERATE_CONTENT", "{\"systemInstruction\":[{\"parts\":[{\"text\":\"not an object\"}]}],"
          + "\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"q\",\"functionResponse\":{\"response\":{\"x\":\"ignored\"}}}]}]}"},
  };

  @Test
  void seesWhatTheTreeWalkSeesInItsOrder() throws Exception {
    for (String[] body : BODIES) {
      Endpoint endpoint = Endpoint.valueOf(body[0]);
      byte[] bytes = body[1].getBytes(StandardCharsets.UTF_8);
      List<RequestTextSpans.Span> spans = RequestTextSpans.find(endpoint, bytes);
      assertNotNull(spans, body[1]);
      List<String> seen = new ArrayList<>();
      for (RequestTextSpans.Span s : spans) {
        seen.add(s.role + ":" + s.text);
      }
      assertEquals(treeVisit(endpoint, body[1]), seen, body[1]);
    }
  }

  @Test
  void splicedBodyReadsAsTheRewrittenTree() throws Exception {
    for (String[] body : BODIES) {
      Endpoint endpoint = Endpoint.valueOf(body[0]);
      byte[] bytes = body[1].getBytes(StandardCharsets.UTF_8);
      List<RequestTextSpans.Edit> edits = new ArrayList<>();
      for (RequestTextSpans.Span s : RequestTextSpans.find(endpoint, bytes)) {
        edits.add(new RequestTextSpans.Edit(s, rewrite(s.text)));
      }
      JsonNode tree = JSON.readTree(body[1]);
      RequestTexts.visit(endpoint, tree, (text, role) -> rewrite(text));
      assertEquals(tree, JSON.readTree(RequestTextSpans.splice(bytes, edits)), body[1]);
    }
  }

  @Test
  void onlyTheEditedStringsChangeInTheForwardedBytes() {
    String body = "{ \"model\": \"m\", \"temperature\": 1.50,\n \"messages\": [{\"role\": \"user\", "
        + "\"content\": \"mail jane@example.com \\u00e9\"}] }";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    List<RequestTextSpans.Span> spans = RequestTextSpans.find(Endpoint.OPENAI_CHAT, bytes);
    List<RequestTextSpans.Edit> edits = List.of(new RequestTextSpans.Edit(spans.get(0), "mail <EMAIL_1> \u00e9 \"q\""));
    assertArrayEquals(("{ \"model\": \"m\", \"temperature\": 1.50,\n \"messages\": [{\"role\": \"user\", "
        + "\"content\": \"mail <EMAIL_1> \u00e9 \\\"q\\\"\"}] }").getBytes(StandardCharsets.UTF_8),
        RequestTextSpans.splice(bytes, new ArrayList<>(edits)));
  }

  @Test
  void aPlainStringIsEditedInPlaceByCharOffsets() {
    String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"mail jane@example.com now\"},"
        + "{\"role\":\"user\",\"content\":\"caf\u00e9\"},{\"role\":\"user\",\"content\":\"a\\nb\"},"
        + "{\"role\":\"user\",\"content\":\"\"}]}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    List<RequestTextSpans.Span> spans = RequestTextSpans.find(Endpoint.OPENAI_CHAT, bytes);
    assertEquals(List.of(true, false, false, true),
        List.of(spans.get(0).plain(), spans.get(1).plain(), spans.get(2).plain(), spans.get(3).plain()));
    List<RequestTextSpans.Edit> edits = new ArrayList<>();
    edits.add(RequestTextSpans.Edit.inside(spans.get(0), 5, 21, "<EMAIL_1>"));
    edits.add(RequestTextSpans.Edit.inside(spans.get(0), 22, 25, "\"later\""));
    assertEquals(body.replace("jane@example.com now", "<EMAIL_1> \\\"later\\\""),
        new String(RequestTextSpans.splice(bytes, edits), StandardCharsets.UTF_8));
  }

  @Test
  void leavesRepeatedMembersAndBrokenBodiesToTheTree() {
    assertNull(RequestTextSpans.find(Endpoint.OPENAI_CHAT,
        "{\"messages\":[{\"role\":\"user\",\"content\":\"a\",\"content\":\"b\"}]}".getBytes(StandardCharsets.UTF_8)));
    assertNull(RequestTextSpans.find(Endpoint.OPENAI_CHAT,
        "{\"model\":\"m\",\"tools\":[{\"x\":1,\"x\":2}],\"messages\":[]}".getBytes(StandardCharsets.UTF_8)));
    assertNull(RequestTextSpans.find(Endpoint.OPENAI_CHAT, "{\"messages\":[".getBytes(StandardCharsets.UTF_8)));
    assertNull(RequestTextSpans.find(Endpoint.OPENAI_CHAT, "[]".getBytes(StandardCharsets.UTF_8)));
    assertNull(RequestTextSpans.find(Endpoint.OPENAI_CHAT, "{} {}".getBytes(StandardCharsets.UTF_8)));
  }

  private static String rewrite(String text) {
    return "<" + text.toUpperCase() + "> \"\\\n";
  }

  private static List<String> treeVisit(Endpoint endpoint, String json) throws Exception {
    List<String> seen = new ArrayList<>();
    RequestTexts.visit(endpoint, JSON.readTree(json), (text, role) -> {
      seen.add(role + ":" + text);
      return text;
    });
    return seen;
  }
}
