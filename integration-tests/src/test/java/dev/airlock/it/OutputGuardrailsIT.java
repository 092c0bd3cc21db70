package dev.airlock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.it.TelemetryFile.SpanRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the provider says is checked before the app sees it, streamed or not, on both doors. */
class OutputGuardrailsIT extends WithMockProvider {

  private static final String OUTPUT_RULES = String.join("\n",
      "guardrails:",
      "  output:",
      "    pii: mask",
      "    secrets: block",
      "    deny: ['(?i)internal use only']");
  private static final String LEAKED_EMAIL = " Contact zoe.keller@example.org for details.";
  private static final String LEAKED_KEY = " Use key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk";

  private AppRun openAi(String... scenarios) throws Exception {
    return AppRun.of("openai-app").args(scenarios).env("PROMPT", "Summarize my ticket, I am ana@example.com.")
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1").env("OPENAI_API_KEY", "sk-test")
        .withAgent("policy=" + MockPolicy.write(dir, mock.port(), OUTPUT_RULES) + ",telemetry=" + dir.resolve("t.jsonl"));
  }

  @Test
  void personalDataTheAppDidNotSendIsMaskedInAnswersAndStreams() throws Exception {
    mock.setAnswerSuffix(LEAKED_EMAIL);
    AppRun.Result run = openAi("chat", "stream", "responses", "responses-stream").run();
    assertEquals(0, run.exitCode, run.toString());
    for (String line : run.stdout.split("\n")) {
      assertTrue(line.contains("I am ana@example.com."), "the app's own value stays: " + line);
      assertTrue(line.contains("Contact [EMAIL] for details."), "the provider's extra value is masked: " + line);
      assertFalse(line.contains("zoe.keller"), line);
    }
    for (SpanRecord span : TelemetryFile.read(dir.resolve("t.jsonl")).spans) {
      assertEquals(List.of("email"), span.attr("airlock.output.types"), span.toString());
    }
  }

  @Test
  void aSecretInTheAnswerBlocksItWithTheProvidersErrorAndEndsAStreamCleanly() throws Exception {
    mock.setAnswerSuffix(LEAKED_KEY);
    AppRun.Result run = openAi("chat", "stream").run();
    assertFalse(run.stdout.contains("sk-proj-"), run.stdout);
    assertTrue(run.stdout.contains("chat: ERROR BadRequestException")
        && run.stdout.contains("Blocked by Airlock policy rule 'guardrails.output.secrets'"), run.stdout);
    assertTrue(run.stdout.contains("stream: ERROR"), "the stream ends with an error, not a hang: " + run.stdout);
    for (SpanRecord span : TelemetryFile.read(dir.resolve("t.jsonl")).spans) {
      assertEquals("guardrails.output.secrets", span.attr("airlock.blocked.rule"), span.toString());
    }
  }

  @Test
  void denyPatternsAndTheJdkDoor() throws Exception {
    mock.setAnswerSuffix(" FOR INTERNAL USE ONLY.");
    AppRun.Result run = AppRun.of("langchain4j-app").args("chat").env("PROMPT", "hello")
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1").env("OPENAI_API_KEY", "sk-test")
        .withAgent("policy=" + MockPolicy.write(dir, mock.port(), OUTPUT_RULES)).run();
    assertTrue(run.stdout.contains("chat: ERROR") && run.stdout.contains("guardrails.output.deny"), run.stdout);
    assertFalse(run.stdout.contains("INTERNAL USE"), run.stdout);
  }
}
