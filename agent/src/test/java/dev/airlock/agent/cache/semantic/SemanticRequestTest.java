package dev.airlock.agent.cache.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.airlock.agent.codec.Endpoint;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which part of a request is compared by meaning (the last user turn) and which exactly (the rest). */
class SemanticRequestTest {

  private static final String TARGET = "openai/gpt-4o-mini";

  private static byte[] chat(String system, String question) {
    return chat(system, question, "\"temperature\":0");
  }

  private static byte[] chat(String system, String question, String params) {
    return ("{\"model\":\"gpt-4o-mini\"," + params + ",\"messages\":[{\"role\":\"system\",\"content\":\"" + system
        + "\"},{\"role\":\"user\",\"content\":\"" + question + "\"}]}").getBytes(StandardCharsets.UTF_8);
  }

  private static SemanticRequest of(byte[] body) {
    return SemanticRequest.of(Endpoint.OPENAI_CHAT, TARGET, "acme", "words", body);
  }

  @Test
  void onlyTheLastUserTurnIsLeftOutOfTheScope() {
    SemanticRequest a = of(chat("Be brief.", "What is the capital of France?"));
    SemanticRequest b = of(chat("Be brief.", "Tell me the capital city of France"));
    assertEquals("What is the capital of France?", a.question());
    assertEquals(a.scope(), b.scope(), "the same system prompt, model and parameters: one scope");
  }

  @Test
  void everythingElseSeparatesScopes() {
    SemanticRequest base = of(chat("Be brief.", "q"));
    assertNotEquals(base.scope(), of(chat("Be verbose.", "q")).scope(), "system prompt");
    assertNotEquals(base.scope(), of(chat("Be brief.", "q", "\"temperature\":1")).scope(), "parameters");
    assertNotEquals(base.scope(), SemanticRequest.of(Endpoint.OPENAI_CHAT, TARGET, "globex", "words",
        chat("Be brief.", "q")).scope(), "tenant");
    assertNotEquals(base.scope(), SemanticRequest.of(Endpoint.OPENAI_CHAT, TARGET, null, "words",
        chat("Be brief.", "q")).scope(), "no tenant");
    assertNotEquals(base.scope(), SemanticRequest.of(Endpoint.OPENAI_CHAT, "openai/gpt-4o", "acme", "words",
        chat("Be brief.", "q")).scope(), "target");
    assertNotEquals(base.scope(), SemanticRequest.of(Endpoint.OPENAI_CHAT, TARGET, "acme", "other-model",
        chat("Be brief.", "q")).scope(), "embedder");
    assertNotEquals(base.scope(), SemanticRequest.of(Endpoint.OPENAI_CHAT, TARGET, "acme", "api-version=2024-10-21",
        "words", chat("Be brief.", "q")).scope(), "query string or Anthropic headers");
  }

  @Test
  void earlierTurnsAreComparedExactly() {
    String earlier = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"%s\"},"
        + "{\"role\":\"assistant\",\"content\":\"Paris.\"},{\"role\":\"user\",\"content\":\"%s\"}]}";
    SemanticRequest a = of(String.format(earlier, "Capital of France?", "And its population?")
        .getBytes(StandardCharsets.UTF_8));
    SemanticRequest b = of(String.format(earlier, "Capital of Peru?", "And its population?")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals("And its population?", a.question());
    assertNotEquals(a.scope(), b.scope());
  }

  @Test
  void aUserTurnOfSeveralTextPartsIsOneQuestion() {
    byte[] body = ("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"one\"},"
        + "{\"type\":\"text\",\"text\":\"two\"}]}]}").getBytes(StandardCharsets.UTF_8);
    assertEquals("one\ntwo", of(body).question());
  }

  @Test
  void requestsWithoutAQuestionBypass() {
    byte[] toolResult = ("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"order?\"},"
        + "{\"role\":\"assistant\",\"tool_calls\":[]},{\"role\":\"tool\",\"tool_call_id\":\"1\",\"content\":\"shipped\"}]}")
        .getBytes(StandardCharsets.UTF_8);
    assertNull(of(toolResult), "a conversation that ends with a tool result");
    assertNull(of(chat("s", " ")), "a blank question");
    assertNull(of(chat("s", "x".repeat(SemanticRequest.MAX_QUESTION_CHARS + 1))), "a question too long to embed");
    assertNotNull(of(chat("s", "x".repeat(SemanticRequest.MAX_QUESTION_CHARS))));
    assertNull(of("not json".getBytes(StandardCharsets.UTF_8)));
    assertNull(SemanticRequest.of(Endpoint.OPENAI_EMBEDDINGS, TARGET, null, "words",
        "{\"model\":\"e\",\"input\":\"hi\"}".getBytes(StandardCharsets.UTF_8)), "embeddings are not questions");
  }

  @Test
  void otherFormatsHaveQuestionsToo() {
    byte[] anthropic = ("{\"model\":\"claude\",\"max_tokens\":10,\"system\":\"s\",\"messages\":[{\"role\":\"user\","
        + "\"content\":\"Hi there\"}]}").getBytes(StandardCharsets.UTF_8);
    SemanticRequest a = SemanticRequest.of(Endpoint.ANTHROPIC_MESSAGES, "a/claude", null, "words", anthropic);
    assertNotNull(a);
    assertEquals("Hi there", a.question());
    byte[] gemini = ("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hola\"}]}]}")
        .getBytes(StandardCharsets.UTF_8);
    assertEquals("Hola", SemanticRequest.of(Endpoint.GEMINI_GENERATE_CONTENT, "g/gemini", null, "words", gemini)
        .question());
  }
}
