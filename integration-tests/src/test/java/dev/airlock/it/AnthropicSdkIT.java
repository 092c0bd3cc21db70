package dev.airlock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.it.TelemetryFile.SpanRecord;
import dev.airlock.mock.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The official anthropic-java SDK (OkHttp) under the agent, against the mock provider. */
class AnthropicSdkIT extends WithMockProvider {

  private AppRun app() {
    return AppRun.of("anthropic-app")
        .env("ANTHROPIC_BASE_URL", mock.baseUrl())
        .env("ANTHROPIC_API_KEY", "sk-ant-test")
        .env("HEALTH_URL", "http://localhost:" + mock.port() + "/health");
  }

  @Test
  void messagesAndStreamsAreSeenWithAnthropicsUsageRules() throws Exception {
    AppRun.Result without = app().run();
    assertEquals(0, without.exitCode, without.toString());
    mock.reset();

    Path telemetry = dir.resolve("telemetry.jsonl");
    AppRun.Result with = app()
        .withAgent("policy=" + MockPolicy.write(dir, mock.port(), null) + ",telemetry=" + telemetry)
        .run();
    assertEquals(0, with.exitCode, with.toString());
    assertEquals(without.stdout, with.stdout);

    List<RecordedRequest> requests = mock.requests();
    List<SpanRecord> spans = TelemetryFile.read(telemetry).spans;
    assertEquals(requests.size(), spans.size(), spans.toString());
    assertEquals(3, spans.size(), "messages, stream, async: " + spans);
    for (int i = 0; i < spans.size(); i++) {
      SpanRecord span = spans.get(i);
      MockReplay.ReportedUsage reported = MockReplay.usageOf(mock, requests.get(i));
      assertEquals("chat claude-3-5-haiku-latest", span.name);
      assertEquals("anthropic", span.attr("gen_ai.provider.name"));
      assertEquals("anthropic_messages", span.attr("airlock.endpoint"));
      assertEquals("okhttp", span.attr("airlock.transport"));
      assertEquals(reported.input, span.longAttr("gen_ai.usage.input_tokens"), span.toString());
      assertEquals(reported.output, span.longAttr("gen_ai.usage.output_tokens"), span.toString());
      assertEquals(List.of("end_turn"), span.attr("gen_ai.response.finish_reasons"));
      assertTrue(span.doubleAttr("airlock.cost.usd") > 0, span.toString());
    }
    SpanRecord stream = spans.get(1);
    assertEquals(true, stream.attr("gen_ai.request.stream"));
    assertTrue(stream.doubleAttr("gen_ai.response.time_to_first_chunk") > 0);
    assertTrue(stream.longAttr("gen_ai.usage.output_tokens") > 1, "the final count from message_delta, not message_start's 1");
  }
}
