package dev.airlock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.it.TelemetryFile.SpanRecord;
import dev.airlock.mock.MockProvider;
import dev.airlock.mock.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Google's Gen AI Java SDK ({@code com.google.genai:google-genai}, OkHttp) under the agent: against
 * the mock provider's Gemini API, and routed to an OpenAI-format target on a second mock.
 */
class GeminiSdkIT extends WithMockProvider {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String APP_KEY = "gemini-app-key-4711";
  private static final String BACKUP_KEY = "sk-backup-gemini-route";
  private static final String PROMPT = "Where is my parcel?";
  private static final String MODEL = "gemini-2.0-flash";
  private static final Pattern PRINTED_USAGE = Pattern.compile("usage in=(\\d+) out=(\\d+)");

  private static MockProvider backup;

  @BeforeAll
  static void startBackup() throws Exception {
    backup = MockProvider.start(0);
  }

  @AfterAll
  static void stopBackup() {
    backup.close();
  }

  @BeforeEach
  void resetBackup() {
    backup.reset();
  }

  private AppRun app(String... scenarios) {
    return AppRun.of("gemini-app").args(scenarios)
        .env("GEMINI_BASE_URL", mock.baseUrl())
        .env("GEMINI_API_KEY", APP_KEY)
        .env("BACKUP_KEY", BACKUP_KEY);
  }

  private String agent(Path telemetry) throws Exception {
    return "policy=" + MockPolicy.write(dir, mock.port(), null) + ",telemetry=" + telemetry;
  }

  private static AppRun.Result ok(AppRun run) throws Exception {
    AppRun.Result result = run.run();
    assertEquals(0, result.exitCode, result.toString());
    return result;
  }

  @Test
  void theAppPrintsExactlyWhatItPrintsWithoutTheAgent() throws Exception {
    AppRun.Result without = ok(app());
    List<RecordedRequest> withoutRequests = mock.requests();
    assertEquals(4, withoutRequests.size(), "generate, stream, tools (two turns): " + withoutRequests);
    for (RecordedRequest r : withoutRequests) {
      assertTrue(r.path().startsWith("/v1beta/models/" + MODEL + ":"), r.toString());
      assertEquals(APP_KEY, r.header("x-goog-api-key"), "the SDK sends its key as a header: " + r.headers());
    }
    assertEquals("/v1beta/models/" + MODEL + ":streamGenerateContent", withoutRequests.get(1).path());
    assertEquals("alt=sse", withoutRequests.get(1).query());
    List<String> lines = without.stdout.lines().collect(Collectors.toList());
    assertEquals(3, lines.size(), without.stdout);
    assertTrue(lines.get(0).startsWith("generate: You said: Hello from the generate scenario | model=" + MODEL),
        without.stdout);
    assertTrue(lines.get(1).startsWith("stream: You said: Hello from the stream scenario | model=" + MODEL)
        && lines.get(1).contains("chunks>1=true"), without.stdout);
    assertTrue(lines.get(2).startsWith("tools: tool_call lookup_order {\"query\":\"Hello from the tools scenario\"}")
        && lines.get(2).endsWith("-> Tool said: order 42 shipped"), without.stdout);
    mock.reset();

    Path telemetry = dir.resolve("telemetry.jsonl");
    AppRun.Result with = ok(app().withAgent(agent(telemetry)));

    assertEquals(without.stdout, with.stdout);
    assertEquals(withoutRequests.size(), mock.requests().size());
    for (int i = 0; i < withoutRequests.size(); i++) {
      assertEquals(withoutRequests.get(i).toString(), mock.requests().get(i).toString(), "same request line");
      assertEquals(withoutRequests.get(i).body(), mock.requests().get(i).body(), "same body, byte for byte");
    }
    List<String> agentLines = with.agentLines();
    assertEquals(1, agentLines.size(), "one start-up line: " + with.stderr);
    assertEquals(without.stderr, with.stderr.replace(agentLines.get(0) + System.lineSeparator(), ""),
        "and nothing else on stderr");
    assertEquals(4, TelemetryFile.read(telemetry).spans.size(), "the agent did see the calls");
  }

  @Test
  void everyCallBecomesOneGeminiSpanWithTheUsageTheProviderReported() throws Exception {
    Path telemetry = dir.resolve("telemetry.jsonl");
    AppRun.Result run = ok(app().withAgent(agent(telemetry)));

    List<RecordedRequest> requests = mock.requests();
    List<SpanRecord> spans = TelemetryFile.read(telemetry).spans;
    assertEquals(4, requests.size(), requests.toString());
    assertEquals(requests.size(), spans.size(), "one span per call: " + spans);

    for (int i = 0; i < spans.size(); i++) {
      SpanRecord span = spans.get(i);
      long[] reported = reportedUsage(requests.get(i));
      assertEquals(3, span.kind, "CLIENT");
      assertEquals("generate_content " + MODEL, span.name);
      assertEquals("generate_content", span.attr("gen_ai.operation.name"));
      assertEquals("gcp.gemini", span.attr("gen_ai.provider.name"), span.toString());
      assertEquals("mock-gemini", span.attr("airlock.provider"), span.toString());
      assertEquals(MODEL, span.attr("gen_ai.request.model"));
      assertEquals(MODEL, span.attr("gen_ai.response.model"));
      assertEquals("127.0.0.1", span.attr("server.address"));
      assertEquals((long) mock.port(), span.longAttr("server.port"));
      assertEquals(reported[0], span.longAttr("gen_ai.usage.input_tokens"), span.toString());
      assertEquals(reported[1], span.longAttr("gen_ai.usage.output_tokens"), span.toString());
      assertEquals(0.0, span.doubleAttr("gen_ai.request.temperature"));
      assertEquals(List.of("STOP"), span.attr("gen_ai.response.finish_reasons"));
      assertNotNull(span.attr("gen_ai.response.id"));
      assertEquals("it-mock", span.attr("airlock.policy.name"));
      assertEquals("okhttp", span.attr("airlock.transport"));
      assertFalse(span.attributes.values().stream().anyMatch(v -> String.valueOf(v).contains("You said")),
          "no answer text in telemetry: " + span);
    }
    List<String> endpoints = spans.stream().map(s -> String.valueOf(s.attr("airlock.endpoint")))
        .collect(Collectors.toList());
    assertEquals(List.of("gemini_generate_content", "gemini_stream_generate_content",
        "gemini_generate_content", "gemini_generate_content"), endpoints);
    List<Object> streaming = spans.stream().map(s -> s.attr("gen_ai.request.stream")).collect(Collectors.toList());
    assertEquals(List.of(false, true, false, false), streaming);
    assertTrue(spans.get(1).doubleAttr("gen_ai.response.time_to_first_chunk") > 0, spans.get(1).toString());

    // The usage the app printed (from the SDK's usageMetadata) is the usage on its span, stream included.
    List<String> lines = run.stdout.lines().collect(Collectors.toList());
    for (int i = 0; i < 3; i++) {
      Matcher printed = PRINTED_USAGE.matcher(lines.get(i));
      assertTrue(printed.find(), lines.get(i));
      assertEquals(Long.parseLong(printed.group(1)), spans.get(i).longAttr("gen_ai.usage.input_tokens"), lines.get(i));
      assertEquals(Long.parseLong(printed.group(2)), spans.get(i).longAttr("gen_ai.usage.output_tokens"), lines.get(i));
    }
  }

  @Test
  void aTraceparentOnTheRequestMakesTheSpanItsChild() throws Exception {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String parentId = "00f067aa0ba902b7";
    Path telemetry = dir.resolve("telemetry.jsonl");
    ok(app("generate", "stream").env("TRACEPARENT", "00-" + traceId + "-" + parentId + "-01")
        .withAgent(agent(telemetry)));
    for (RecordedRequest r : mock.requests()) {
      assertNotNull(r.header("traceparent"), "the app sent its traceparent: " + r.headers());
    }
    List<SpanRecord> spans = TelemetryFile.read(telemetry).spans;
    assertEquals(2, spans.size());
    for (SpanRecord span : spans) {
      assertEquals(traceId, span.traceId);
      assertEquals(parentId, span.parentSpanId);
    }
  }

  @Test
  void aGeminiSdkAppIsServedByAnOpenAiFormatTargetStreamingIncluded() throws Exception {
    Path telemetry = dir.resolve("t.jsonl");
    AppRun.Result result = ok(app("generate", "stream").env("PROMPT", PROMPT).withAgent(routedToOpenAi(telemetry)));

    List<String> lines = result.stdout.lines().collect(Collectors.toList());
    assertEquals(2, lines.size(), result.stdout);
    assertTrue(lines.get(0).startsWith("generate: You said: " + PROMPT + " | "), result.stdout);
    assertTrue(lines.get(1).startsWith("stream: You said: " + PROMPT + " | "), result.stdout);
    assertTrue(lines.get(1).contains("chunks>1=true"), "still a stream for the app: " + result.stdout);
    for (String line : lines) {
      assertTrue(line.contains("model=gpt-4o-mini"), "the answer names the model that served it: " + line);
      assertTrue(line.contains("finish=STOP"), "OpenAI's stop read back as Gemini's STOP: " + line);
      assertTrue(PRINTED_USAGE.matcher(line).find(), "usage translated into usageMetadata: " + line);
    }

    assertEquals(0, mock.requests().size(), "nothing reached the app's own Gemini endpoint");
    List<RecordedRequest> sent = backup.requests();
    assertEquals(2, sent.size(), sent.toString());
    for (RecordedRequest r : sent) {
      assertEquals("/v1/chat/completions", r.path(), r.toString());
      assertNull(r.query(), "no Gemini query string (alt=sse, key=) carried over: " + r);
      assertEquals("Bearer " + BACKUP_KEY, r.header("authorization"));
      assertNull(r.header("x-goog-api-key"), "the app's Gemini key header was dropped: " + r.headers());
      assertFalse(r.headers().toString().contains(APP_KEY), "the app's key reached another provider: " + r.headers());
      assertFalse(r.body().contains(APP_KEY), r.body());
      JsonNode body = JSON.readTree(r.body());
      assertEquals("gpt-4o-mini", body.path("model").asText());
      assertTrue(r.body().contains(PROMPT), r.body());
    }
    assertFalse(JSON.readTree(sent.get(0).body()).path("stream").asBoolean(false), sent.get(0).body());
    assertTrue(JSON.readTree(sent.get(1).body()).path("stream").asBoolean(), sent.get(1).body());

    List<SpanRecord> calls = TelemetryFile.read(telemetry).spans.stream()
        .filter(s -> !s.name.startsWith("attempt ")).collect(Collectors.toList());
    assertEquals(2, calls.size(), calls.toString());
    for (SpanRecord call : calls) {
      assertEquals("backup-openai/gpt-4o-mini", call.attr("airlock.target"), call.toString());
      assertTrue(call.longAttr("gen_ai.usage.output_tokens") > 0, "usage survives translation: " + call);
      // Named by where it went, so cost and latency count against the provider that served it.
      assertEquals("openai", call.attr("gen_ai.provider.name"), call.toString());
      assertEquals("backup-openai", call.attr("airlock.provider"), call.toString());
      assertEquals("gpt-4o-mini", call.attr("gen_ai.request.model"), call.toString());
      assertEquals("mock-gemini", call.attr("airlock.app.provider"), call.toString());
      assertEquals(MODEL, call.attr("airlock.app.model"), call.toString());
    }
  }

  @Test
  void aFunctionCallAndItsResponseSurviveTheRouteToAnOpenAiTarget() throws Exception {
    AppRun.Result result = ok(app("tools").env("PROMPT", PROMPT).withAgent(routedToOpenAi(dir.resolve("t.jsonl"))));
    String line = result.stdout.strip();
    assertTrue(line.startsWith("tools: tool_call lookup_order {\"query\":\"" + PROMPT + "\"} | model=gpt-4o-mini"),
        "the OpenAI tool call read back as a Gemini functionCall: " + result.stdout);
    assertTrue(line.contains(" -> Tool said: ") && line.contains("order 42 shipped"),
        "the functionResponse reached the target as a tool message: " + result.stdout);
    assertEquals(0, mock.requests().size());
    List<RecordedRequest> sent = backup.requests();
    assertEquals(2, sent.size(), "two turns: " + sent);
    JsonNode first = JSON.readTree(sent.get(0).body());
    assertEquals("lookup_order", first.path("tools").path(0).path("function").path("name").asText(), first.toString());
    JsonNode messages = JSON.readTree(sent.get(1).body()).path("messages");
    JsonNode call = messages.get(messages.size() - 2);
    JsonNode toolMessage = messages.get(messages.size() - 1);
    assertEquals("lookup_order", call.path("tool_calls").path(0).path("function").path("name").asText(), messages.toString());
    assertEquals("tool", toolMessage.path("role").asText(), messages.toString());
    assertFalse(call.path("tool_calls").path(0).path("id").asText().isEmpty(), messages.toString());
    assertEquals(call.path("tool_calls").path(0).path("id").asText(), toolMessage.path("tool_call_id").asText(),
        "the tool message answers the call the agent named: " + messages);
  }

  /** A policy whose one route sends every call to gpt-4o-mini on an OpenAI-format target (the backup mock). */
  private String routedToOpenAi(Path telemetry) throws Exception {
    String providers = "  backup-openai: {format: openai, base_url: 'http://127.0.0.1:" + backup.port() + "/v1',"
        + " api_key: '${env:BACKUP_KEY}'}";
    String routes = "routes:\n  - {name: to-openai, to: backup-openai/gpt-4o-mini}";
    return "policy=" + MockPolicy.write(dir, mock.port(), providers, routes) + ",telemetry=" + telemetry;
  }

  /**
   * Input and output tokens the mock reports for a Gemini request: sent again to the
   * non-streaming {@code :generateContent} (the mock is deterministic) and read from
   * {@code usageMetadata}.
   */
  private static long[] reportedUsage(RecordedRequest recorded) throws Exception {
    String path = recorded.path().replace(":streamGenerateContent", ":generateContent");
    HttpRequest request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
        .POST(HttpRequest.BodyPublishers.ofString(recorded.body()))
        .header("content-type", "application/json")
        .header("x-goog-api-key", "replay")
        .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("replay of " + path + " failed: " + response.body());
    }
    JsonNode usage = JSON.readTree(response.body()).path("usageMetadata");
    return new long[] {usage.path("promptTokenCount").asLong(-1), usage.path("candidatesTokenCount").asLong(-1)};
  }
}
