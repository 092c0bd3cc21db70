package dev.airlock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.it.TelemetryFile.SpanRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code telemetry.capture_content}: the OpenAI SDK sample app, plain and streamed, against the
 * mock provider (which echoes the prompt it received). With capture on, each span in the telemetry
 * file carries the prompt and the answer in the GenAI conventions' attributes, with the e-mail
 * address and the phone number masked; with capture off, none of the content is anywhere in the file.
 */
class ContentCaptureIT extends WithMockProvider {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMAIL = "ana.silva@example.com";
  private static final String PHONE = "+1 415 555 0142";
  private static final String PROMPT = "Please email " + EMAIL + " or call " + PHONE + " about the order.";
  private static final String PII = String.join("\n",
      "pii:",
      "  detect: [email, phone]",
      "  action: pseudonymize",
      "  restore: true");

  private AppRun.Result run(String policyExtra, Path telemetry) throws Exception {
    String agent = "policy=" + MockPolicy.write(dir, mock.port(), policyExtra) + ",telemetry=" + telemetry;
    AppRun.Result run = AppRun.of("openai-app").args("chat", "stream").env("PROMPT", PROMPT)
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1").env("OPENAI_API_KEY", "sk-test")
        .withAgent(agent).run();
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(run.stdout.contains(EMAIL), "the app got its own values back: " + run.stdout);
    return run;
  }

  @Test
  void capturedPromptAndAnswerAreOnTheSpanMaskedNeverRaw() throws Exception {
    Path telemetry = dir.resolve("t.jsonl");
    run(PII + "\ntelemetry:\n  capture_content: true", telemetry);

    List<SpanRecord> spans = TelemetryFile.read(telemetry).spans;
    assertEquals(2, spans.size(), spans.toString());
    for (SpanRecord span : spans) {
      JsonNode input = JSON.readTree((String) span.attr("gen_ai.input.messages"));
      JsonNode user = input.get(input.size() - 1);
      assertEquals("user", user.get("role").asText(), input.toString());
      assertEquals("Please email [EMAIL] or call [PHONE] about the order.",
          user.get("parts").get(0).get("content").asText(), input.toString());
      assertEquals("system", input.get(0).get("role").asText(), "the sample's system message, in the history");

      JsonNode output = JSON.readTree((String) span.attr("gen_ai.output.messages"));
      assertEquals("assistant", output.get(0).get("role").asText());
      assertEquals("stop", output.get(0).get("finish_reason").asText());
      String answer = output.get(0).get("parts").get(0).get("content").asText();
      assertTrue(answer.contains("[EMAIL]") && answer.contains("[PHONE]"), "the echoed prompt, masked: " + answer);
    }
    String file = Files.readString(telemetry);
    assertFalse(file.contains(EMAIL) || file.contains("555 0142"), "no raw value anywhere in telemetry");
    assertFalse(file.contains("<EMAIL_1>") || file.contains("<PHONE_1>"), "nor which placeholder stood for it");
  }

  @Test
  void withCaptureOffNothingOfTheContentIsInTelemetry() throws Exception {
    Path telemetry = dir.resolve("t.jsonl");
    run(PII + "\ntelemetry:\n  capture_content: false", telemetry);

    List<SpanRecord> spans = TelemetryFile.read(telemetry).spans;
    assertEquals(2, spans.size(), spans.toString());
    for (SpanRecord span : spans) {
      assertNull(span.attr("gen_ai.input.messages"));
      assertNull(span.attr("gen_ai.output.messages"));
      assertNull(span.attr("gen_ai.system_instructions"));
    }
    String file = Files.readString(telemetry);
    assertFalse(file.contains("about the order") || file.contains("[EMAIL]") || file.contains(EMAIL), file);
  }
}
