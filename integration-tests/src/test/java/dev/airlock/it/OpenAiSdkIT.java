package dev.airlock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.it.TelemetryFile.Point;
import dev.airlock.it.TelemetryFile.SpanRecord;
import dev.airlock.mock.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The official openai-java SDK (OkHttp) under the agent, against the mock provider. */
class OpenAiSdkIT extends WithMockProvider {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AppRun app() {
    return AppRun.of("openai-app")
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1")
        .env("OPENAI_API_KEY", "sk-test-openai")
        .env("HEALTH_URL", "http://localhost:" + mock.port() + "/health");
  }

  @Test
  void theAppPrintsExactlyWhatItPrintsWithoutTheAgent() throws Exception {
    AppRun.Result without = app().run();
    assertEquals(0, without.exitCode, without.toString());
    List<RecordedRequest> withoutRequests = mock.requests();
    mock.reset();

    Path telemetry = dir.resolve("telemetry.jsonl");
    AppRun.Result with = app()
        .withAgent("policy=" + MockPolicy.write(dir, mock.port(), null) + ",telemetry=" + telemetry)
        .run();

    assertEquals(0, with.exitCode, with.toString());
    assertEquals(without.stdout, with.stdout);
    assertEquals(withoutRequests.size(), mock.requests().size());
    List<String> agentLines = with.agentLines();
    assertEquals(1, agentLines.size(), "one start-up line: " + with.stderr);
    assertEquals(without.stderr, with.stderr.replace(agentLines.get(0) + System.lineSeparator(), ""),
        "and nothing else on stderr");
    assertTrue(agentLines.get(0).contains("policy it-mock 2026-11-22.1 (sha256 "), agentLines.get(0));
    assertTrue(agentLines.get(0).contains("doors okhttp, jdk-httpclient"), agentLines.get(0));
  }

  @Test
  void everyCallBecomesOneGenAiSpanWithTheUsageAndCostTheProviderReported() throws Exception {
    Path telemetry = dir.resolve("telemetry.jsonl");
    AppRun.Result run = app()
        .withAgent("policy=" + MockPolicy.write(dir, mock.port(), null) + ",telemetry=" + telemetry)
        .run();
    assertEquals(0, run.exitCode, run.toString());

    List<RecordedRequest> requests = mock.requests();
    List<SpanRecord> spans = TelemetryFile.read(telemetry).spans;
    assertEquals(requests.size(), spans.size(), "one span per LLM call, none for the health check: " + spans);
    assertEquals(6, spans.size(), "chat, stream, responses, responses-stream, embeddings, async: " + spans);

    for (int i = 0; i < spans.size(); i++) {
      SpanRecord span = spans.get(i);
      RecordedRequest request = requests.get(i);
      MockReplay.ReportedUsage reported = MockReplay.usageOf(mock, request);
      assertEquals(3, span.kind, "CLIENT");
      assertEquals("openai", span.attr("gen_ai.provider.name"));
      assertEquals("mock-openai", span.attr("airlock.provider"));
      assertEquals("127.0.0.1", span.attr("server.address"));
      assertEquals((long) mock.port(), span.longAttr("server.port"));
      assertEquals(reported.input, span.longAttr("gen_ai.usage.input_tokens"), span.toString());
      assertEquals(reported.output, span.longAttr("gen_ai.usage.output_tokens"), span.toString());
      assertEquals("it-mock", span.attr("airlock.policy.name"));
      assertEquals(64, ((String) span.attr("airlock.policy.sha256")).length());
      if (!"embeddings".equals(span.attr("gen_ai.operation.name"))) {
        assertNotNull(span.attr("gen_ai.response.id"), "embeddings answers carry no id: " + span);
      }
      assertFalse(span.attributes.values().stream().anyMatch(v -> String.valueOf(v).contains("You said")),
          "no answer text in telemetry: " + span);
      if ("gpt-4o-mini".equals(span.attr("gen_ai.request.model"))) {
        double expected = reported.input * MockPolicy.GPT_4O_MINI_INPUT / 1e6
            + reported.output * MockPolicy.GPT_4O_MINI_OUTPUT / 1e6;
        assertEquals(expected, span.doubleAttr("airlock.cost.usd"), 1e-12, span.toString());
      } else {
        assertTrue(span.doubleAttr("airlock.cost.usd") > 0, "built-in price: " + span);
      }
    }
    List<String> names = spans.stream().map(s -> s.name).collect(Collectors.toList());
    assertEquals(List.of("chat gpt-4o-mini", "chat gpt-4o-mini", "chat gpt-4o-mini", "chat gpt-4o-mini",
        "embeddings text-embedding-3-small", "chat gpt-4o-mini"), names);
    assertEquals("openai_chat", spans.get(0).attr("airlock.endpoint"));
    assertEquals("openai_responses", spans.get(2).attr("airlock.endpoint"));
    assertEquals(List.of("stop"), spans.get(0).attr("gen_ai.response.finish_reasons"));
    assertEquals(0.0, spans.get(0).doubleAttr("gen_ai.request.temperature"));
    assertNotNull(spans.get(0).attr("airlock.system_prompt.fingerprint"));
    assertTrue(spans.get(1).doubleAttr("gen_ai.response.time_to_first_chunk") > 0);
  }

  @Test
  void aStreamWithoutIncludeUsageStillGetsExactUsageAndTheAppNeverSeesTheExtraChunk() throws Exception {
    AppRun.Result without = app().args("stream").run();
    JsonNode sentWithout = JSON.readTree(mock.requests().get(0).body());
    assertTrue(sentWithout.path("stream_options").isMissingNode(), "the app does not ask for usage itself");
    mock.reset();

    Path telemetry = dir.resolve("telemetry.jsonl");
    AppRun.Result with = app().args("stream")
        .withAgent("policy=" + MockPolicy.write(dir, mock.port(), null) + ",telemetry=" + telemetry)
        .run();

    assertEquals(without.stdout, with.stdout, "the app saw no usage chunk");
    assertTrue(with.stdout.contains("usage=none"), with.stdout);
    RecordedRequest sent = mock.requests().get(0);
    assertTrue(JSON.readTree(sent.body()).path("stream_options").path("include_usage").asBoolean(),
        "the agent asked for usage: " + sent.body());
    SpanRecord span = TelemetryFile.read(telemetry).spans.get(0);
    MockReplay.ReportedUsage reported = MockReplay.usageOf(mock, sent);
    assertEquals(reported.input, span.longAttr("gen_ai.usage.input_tokens"));
    assertEquals(reported.output, span.longAttr("gen_ai.usage.output_tokens"));
    assertEquals(true, span.attr("gen_ai.request.stream"));
    assertEquals(true, span.attr("airlock.stream.usage_requested"));
  }

  @Test
  void aTraceparentOnTheRequestMakesTheSpanItsChild() throws Exception {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String parentId = "00f067aa0ba902b7";
    Path telemetry = dir.resolve("telemetry.jsonl");
    AppRun.Result run = app().args("chat", "stream")
        .env("TRACEPARENT", "00-" + traceId + "-" + parentId + "-01")
        .withAgent("policy=" + MockPolicy.write(dir, mock.port(), null) + ",telemetry=" + telemetry)
        .run();
    assertEquals(0, run.exitCode, run.toString());
    List<SpanRecord> spans = TelemetryFile.read(telemetry).spans;
    assertEquals(2, spans.size());
    for (SpanRecord span : spans) {
      assertEquals(traceId, span.traceId);
      assertEquals(parentId, span.parentSpanId);
    }
  }

  @Test
  void metricsFollowTheGenAiConventionsAndAddUpToTheSpans() throws Exception {
    Path telemetry = dir.resolve("telemetry.jsonl");
    AppRun.Result run = app().args("chat", "stream", "embeddings")
        .withAgent("policy=" + MockPolicy.write(dir, mock.port(), null) + ",telemetry=" + telemetry)
        .run();
    assertEquals(0, run.exitCode, run.toString());
    TelemetryFile file = TelemetryFile.read(telemetry);
    long inputTokens = file.spans.stream().mapToLong(s -> s.longAttr("gen_ai.usage.input_tokens")).sum();
    long outputTokens = file.spans.stream().mapToLong(s -> s.longAttr("gen_ai.usage.output_tokens")).sum();
    double cost = file.spans.stream().mapToDouble(s -> s.doubleAttr("airlock.cost.usd")).sum();

    List<Point> tokenUsage = file.metrics.get("gen_ai.client.token.usage");
    assertNotNull(tokenUsage, "metrics: " + file.metrics.keySet());
    assertEquals("{token}", tokenUsage.get(0).unit);
    assertEquals(inputTokens, sumWhere(tokenUsage, "gen_ai.token.type", "input"), 1e-9);
    assertEquals(outputTokens, sumWhere(tokenUsage, "gen_ai.token.type", "output"), 1e-9);

    List<Point> duration = file.metrics.get("gen_ai.client.operation.duration");
    assertEquals("s", duration.get(0).unit);
    assertEquals(3, duration.stream().mapToLong(p -> p.count).sum());

    List<Point> costCounter = file.metrics.get("airlock.cost");
    assertEquals("USD", costCounter.get(0).unit);
    assertEquals(cost, costCounter.stream().mapToDouble(p -> p.value).sum(), 1e-12);
    assertNotNull(file.metrics.get("gen_ai.client.operation.time_to_first_chunk"));
  }

  private static double sumWhere(List<Point> points, String key, String value) {
    return points.stream().filter(p -> value.equals(p.attributes.get(key))).mapToDouble(p -> p.sum).sum();
  }

  @Test
  void identityLabelsSpansAndTheCostCounterWithoutCodeChanges() throws Exception {
    Path telemetry = dir.resolve("telemetry.jsonl");
    String identity = "identity:\n  tenant: [header:X-Tenant-Id, static:acme]\n  feature: caller";
    AppRun.Result run = app().args("chat", "async")
        .withAgent("policy=" + MockPolicy.write(dir, mock.port(), identity) + ",telemetry=" + telemetry)
        .run();
    assertEquals(0, run.exitCode, run.toString());
    TelemetryFile file = TelemetryFile.read(telemetry);
    SpanRecord sync = file.spans.get(0);
    assertEquals("acme", sync.attr("airlock.tenant"));
    assertEquals("dev.airlock.samples.openai.OpenAiSampleApp", sync.attr("airlock.feature"),
        "the application class that made the call, found past the SDK and OkHttp frames");
    SpanRecord async = file.spans.get(1);
    assertEquals("acme", async.attr("airlock.tenant"));
    assertEquals(null, async.attr("airlock.feature"), "an async call runs on OkHttp's thread: no caller, not a wrong one");
    List<Point> cost = file.metrics.get("airlock.cost");
    assertTrue(cost.stream().anyMatch(p -> "acme".equals(p.attributes.get("airlock.tenant"))
        && "dev.airlock.samples.openai.OpenAiSampleApp".equals(p.attributes.get("airlock.feature"))), cost.toString());
  }
}
