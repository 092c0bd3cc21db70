package dev.airlock.agent.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.codec.Endpoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every text part of every format is visited, with its role; nothing else is. */
class RequestTextsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> visit(Endpoint endpoint, String json) throws Exception {
    JsonNode root = JSON.readTree(json);
    List<String> seen = new ArrayList<>();
    RequestTexts.visit(endpoint, root, (text, role) -> {
      seen.add(role + ":" + text);
      return text.toUpperCase();
    });
    seen.add(root.toString());
    return seen;
  }

  @Test
  void openAiChatAllRolesPartsAndToolResults() throws Exception {
    List<String> seen = visit(Endpoint.OPENAI_CHAT, "{\"model\":\"m\",\"messages\":["
        + "{\"role\":\"system\",\"content\":\"sys\"},"
        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:x\"}}]},"
        + "{\"role\":\"assistant\",\"content\":\"prev\"},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"t\",\"content\":\"result\"}]}");
    assertEquals(List.of("SYSTEM:sys", "USER:hi", "ASSISTANT:prev", "TOOL_RESULT:result"), seen.subList(0, 4));
    assertEquals("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"SYS\"},{\"role\":\"user\",\"content\":"
        + "[{\"type\":\"text\",\"text\":\"HI\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:x\"}}]},"
        + "{\"role\":\"assistant\",\"content\":\"PREV\"},{\"role\":\"tool\",\"tool_call_id\":\"t\",\"content\":\"RESULT\"}]}",
        seen.get(4), "images untouched, model untouched");
  }

  @Test
  void anthropicSystemBlocksAndToolResults() throws Exception {
    List<String> seen = visit(Endpoint.ANTHROPIC_MESSAGES, "{\"system\":[{\"type\":\"text\",\"text\":\"sys\"}],"
        + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"x\",\"content\":"
        + "[{\"type\":\"text\",\"text\":\"data\"}]},{\"type\":\"text\",\"text\":\"q\"}]}]}");
    assertEquals(List.of("SYSTEM:sys", "TOOL_RESULT:data", "USER:q"), seen.subList(0, 3));
  }

  @Test
  void responsesGeminiAndEmbeddings() throws Exception {
    assertEquals(List.of("SYSTEM:be nice", "USER:hello"),
        visit(Endpoint.OPENAI_RESPONSES, "{\"instructions\":\"be nice\",\"input\":\"hello\"}").subList(0, 2));
    assertEquals(List.of("SYSTEM:s", "USER:u", "ASSISTANT:a"), visit(Endpoint.GEMINI_GENERATE_CONTENT,
        "{\"systemInstruction\":{\"parts\":[{\"text\":\"s\"}]},\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"u\"},"
            + "{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"AAA\"}}]},{\"role\":\"model\",\"parts\":[{\"text\":\"a\"}]}]}")
        .subList(0, 3));
    assertEquals(List.of("EMBEDDING_INPUT:a", "EMBEDDING_INPUT:b"),
        visit(Endpoint.OPENAI_EMBEDDINGS, "{\"input\":[\"a\",\"b\"]}").subList(0, 2));
  }
}
