package dev.airlock.agent.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.WireFormat;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The agent's own answers read back, with the same readers, as proper answers of each format. */
class SyntheticAnswersTest {

  private static final String BUSY = "The assistant is busy.";

  @Test
  void aDegradedAnswerIsAWholeAnswerOfEachFormat() {
    for (Endpoint endpoint : new Endpoint[] {Endpoint.OPENAI_CHAT, Endpoint.ANTHROPIC_MESSAGES,
        Endpoint.GEMINI_GENERATE_CONTENT}) {
      byte[] answer = SyntheticAnswers.whole(endpoint, "m", BUSY);
      assertEquals(BUSY, AnswerText.of(endpoint, answer, false), endpoint.name());
    }
  }

  @Test
  void aDegradedStreamIsACompleteStreamOfEachFormat() {
    byte[] openAi = SyntheticAnswers.stream(Endpoint.OPENAI_CHAT, "m", BUSY, false);
    assertEquals(BUSY, AnswerText.of(Endpoint.OPENAI_CHAT, openAi, true));
    assertTrue(new String(openAi, StandardCharsets.UTF_8).endsWith("data: [DONE]\n\n"));
    byte[] claude = SyntheticAnswers.stream(Endpoint.ANTHROPIC_MESSAGES, "m", BUSY, false);
    assertEquals(BUSY, AnswerText.of(Endpoint.ANTHROPIC_MESSAGES, claude, true));
    assertTrue(new String(claude, StandardCharsets.UTF_8).contains("event: message_stop"));
  }

  @Test
  void aStreamErrorIsOneWholeEventInTheAppsFormat() {
    String anthropic = new String(SyntheticAnswers.streamError(WireFormat.ANTHROPIC, 502, "cut"), StandardCharsets.UTF_8);
    assertTrue(anthropic.startsWith("event: error\ndata: {") && anthropic.endsWith("\n\n"), anthropic);
    String openAi = new String(SyntheticAnswers.streamError(WireFormat.OPENAI, 502, "cut"), StandardCharsets.UTF_8);
    assertTrue(openAi.startsWith("data: {\"error\"") && openAi.endsWith("\n\n"), openAi);
  }

  @Test
  void aProbeWaitsForThePieceOfAnswer() {
    StreamContentProbe probe = StreamContentProbe.of(WireFormat.OPENAI);
    assertTrue(!probe.onEvent(null, "{\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"role\":\"assistant\"},\"finish_reason\":null}]}"), "a role chunk is no answer yet");
    assertTrue(probe.onEvent(null, "{\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}"));
  }
}
