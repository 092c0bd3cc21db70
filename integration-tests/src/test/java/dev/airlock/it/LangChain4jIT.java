package dev.airlock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.it.TelemetryFile.SpanRecord;
import dev.airlock.mock.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LangChain4j on the JDK's java.net.http.HttpClient (send and sendAsync), under the agent. */
class LangChain4jIT extends WithMockProvider {

  private AppRun app() {
    return AppRun.of("langchain4j-app")
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1")
        .env("OPENAI_API_KEY", "sk-test-openai")
        .env("HEALTH_URL", "http://localhost:" + mock.port() + "/health");
  }

  @Test
  void jdkHttpClientCallsAreSeenAndOtherCallsAreNot() throws Exception {
    AppRun.Result without = app().run();
    assertEquals(0, without.exitCode, without.toString());
    mock.reset();

    Path telemetry = dir.resolve("telemetry.jsonl");
    AppRun.Result with = app()
        .withAgent("policy=" + MockPolicy.write(dir, mock.port(), null) + ",telemetry=" + telemetry)
        .run();
    assertEquals(0, with.exitCode, with.toString());
    assertEquals(without.stdout, with.stdout);
    assertTrue(with.stdout.contains("health-sync: ") && with.stdout.contains("health-async: "), with.stdout);

    List<RecordedRequest> requests = mock.requests();
    List<SpanRecord> spans = TelemetryFile.read(telemetry).spans;
    assertEquals(requests.size(), spans.size(), "no span for the health checks: " + spans);
    assertEquals(2, spans.size(), "chat and stream: " + spans);
    for (int i = 0; i < spans.size(); i++) {
      SpanRecord span = spans.get(i);
      MockReplay.ReportedUsage reported = MockReplay.usageOf(mock, requests.get(i));
      assertEquals("jdk-httpclient", span.attr("airlock.transport"));
      assertEquals("chat gpt-4o-mini", span.name);
      assertEquals(reported.input, span.longAttr("gen_ai.usage.input_tokens"), span.toString());
      assertEquals(reported.output, span.longAttr("gen_ai.usage.output_tokens"), span.toString());
    }
    assertEquals(true, spans.get(1).attr("gen_ai.request.stream"));
  }
}
