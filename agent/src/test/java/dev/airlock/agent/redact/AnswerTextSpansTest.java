package dev.airlock.agent.redact;

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

/** The answer span reader sees what the tree walk ({@link AnswerTexts}) sees, in its order. */
class AnswerTextSpansTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String[][] ANSWERS = {
      {"OPENAI_CHAT", "{\"id\":\"c\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"one\","
          + "\"tool_calls\":[{\"function\":{\"arguments\":\"{\\\"a\\\":1}\"}}]}},{\"message\":{\"content\":null}},"
          + "{\"message\":\"odd\"},[{\"message\":{\"content\":\"under an array\"}}],"
          + "{\"message\":{\"content\":\"two \\u00e9 \\\"q\\\"\"}}],\"usage\":{\"prompt_tokens\":1}}"},
      {"OPENAI_CHAT", "{\"choices\":{\"a\":{\"message\":{\"content\":\"choices as an object\"}}}}"},
      {"OPENAI_CHAT", "{\"choices\":\"none\",\"message\":{\"content\":\"not in a choice\"}}"},
      {"OPENAI_RESPONSES", "{\"output\":[{\"type\":\"reasoning\",\"summary\":[]},{\"type\":\"message\",\"content\":"
          + "[{\"type\":\"output_text\",\"text\":\"r1\"},{\"type\":\"refusal\",\"refusal\":\"no\"},{\"text\":\"r2\"}]},"
          + "[{\"content\":[{\"text\":\"under an array\"}]}],{\"content\":{\"p\":{\"text\":\"content as an object\"}}}]}"},
      {"ANTHROPIC_MESSAGES", "{\"content\":[{\"text\":\"type after text\",\"type\":\"text\"},{\"type\":\"tool_use\","
          + "\"input\":{\"text\":\"not a text block\"}},{\"type\":\"thinking\",\"text\":\"no\"},{\"type\":\"text\",\"text\":\"b\"}],"
          + "\"model\":\"claude\"}"},
      {"GEMINI_GENERATE_CONTENT", "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"g1\"},{\"functionCall\":{}},"
          + "{\"text\":\"g2\"}],\"role\":\"model\"}},{\"content\":\"odd\"},{\"content\":{\"parts\":\"odd\"}},"
          + "{\"finishReason\":\"STOP\",\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"g3\"}]}}],\"usageMetadata\":{}}"},
      {"OPENAI_EMBEDDINGS", "{\"data\":[{\"embedding\":[0.1]}]}"},
  };

  @Test
  void seesWhatTheTreeWalkSeesInItsOrder() throws Exception {
    for (String[] answer : ANSWERS) {
      Endpoint endpoint = Endpoint.valueOf(answer[0]);
      List<RequestTextSpans.Span> spans = AnswerTextSpans.find(endpoint, answer[1].getBytes(StandardCharsets.UTF_8));
      assertNotNull(spans, answer[1]);
      List<String> seen = new ArrayList<>();
      for (RequestTextSpans.Span s : spans) {
        seen.add(s.text);
      }
      List<String> tree = new ArrayList<>();
      AnswerTexts.visit(endpoint, JSON.readTree(answer[1]), text -> {
        tree.add(text);
        return text;
      });
      assertEquals(tree, seen, answer[1]);
    }
  }

  @Test
  void splicedAnswerReadsAsTheRewrittenTree() throws Exception {
    for (String[] answer : ANSWERS) {
      Endpoint endpoint = Endpoint.valueOf(answer[0]);
      byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
      List<RequestTextSpans.Edit> edits = new ArrayList<>();
      for (RequestTextSpans.Span s : AnswerTextSpans.find(endpoint, bytes)) {
        edits.add(new RequestTextSpans.Edit(s, "[" + s.text + "]\n"));
      }
      JsonNode tree = JSON.readTree(answer[1]);
      AnswerTexts.visit(endpoint, tree, text -> "[" + text + "]\n");
      assertEquals(tree, JSON.readTree(RequestTextSpans.splice(bytes, edits)), answer[1]);
    }
  }

  @Test
  void leavesRepeatedMembersAndOtherDocumentsToTheTree() {
    assertNull(AnswerTextSpans.find(Endpoint.OPENAI_CHAT,
        "{\"choices\":[{\"message\":{\"content\":\"a\",\"content\":\"b\"}}]}".getBytes(StandardCharsets.UTF_8)));
    assertNull(AnswerTextSpans.find(Endpoint.OPENAI_CHAT, "[{}]".getBytes(StandardCharsets.UTF_8)));
    assertNull(AnswerTextSpans.find(Endpoint.OPENAI_CHAT, "{\"choices\":[".getBytes(StandardCharsets.UTF_8)));
  }
}
