package dev.airlock.agent.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.codec.WireFormat;
import org.junit.jupiter.api.Test;

class BlockedAnswerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachProviderGetsItsOwnErrorShapeNamingTheRule() throws Exception {
    JsonNode openai = JSON.readTree(BlockedAnswer.of(WireFormat.OPENAI, "pii.credit_card", "why").body());
    assertEquals("airlock_policy_violation", openai.path("error").path("code").asText());
    assertEquals("Blocked by Airlock policy rule 'pii.credit_card': why", openai.path("error").path("message").asText());
    JsonNode anthropic = JSON.readTree(BlockedAnswer.of(WireFormat.ANTHROPIC, "r", "why").body());
    assertEquals("error", anthropic.path("type").asText());
    assertEquals("invalid_request_error", anthropic.path("error").path("type").asText());
    JsonNode gemini = JSON.readTree(BlockedAnswer.of(WireFormat.GEMINI, "r", "why").body());
    assertEquals(400, gemini.path("error").path("code").asInt());
    assertEquals("INVALID_ARGUMENT", gemini.path("error").path("status").asText());
  }
}
