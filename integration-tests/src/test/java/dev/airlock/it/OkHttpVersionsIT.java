package dev.airlock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.it.TelemetryFile.SpanRecord;
import dev.airlock.mock.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OkHttp door on OkHttp 3 and 5 (openai-app covers 4), in apps that bring their own older or
 * newer Jackson and OpenTelemetry API: the same raw-OkHttp source built as okhttp3-app (OkHttp
 * 3.14, okio 1, Jackson 2.9, OpenTelemetry API 1.0) and okhttp5-app (OkHttp 5, okio 3, current
 * Jackson and OpenTelemetry API). The app must not notice the agent, and the agent must see every
 * LLM call.
 */
class OkHttpVersionsIT extends WithMockProvider {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static AppRun app(String name) {
    return AppRun.of(name)
        .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1")
        .env("OPENAI_API_KEY", "sk-test-openai")
        // Same host and port as the provider: only the path tells it is not an LLM call.
        .env("HEALTH_URL", mock.baseUrl() + "/health");
  }

  private AppRun.Result runWithAgent(String name, Path telemetry) throws Exception {
    return app(name)
        .withAgent("policy=" + MockPolicy.write(dir, mock.port(), null) + ",telemetry=" + telemetry)
        .run();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"okhttp3-app, okhttp/3.", "okhttp5-app, okhttp/5."})
  void theAppPrintsExactlyWhatItPrintsWithoutTheAgent(String name, String userAgentPrefix) throws Exception {
    AppRun.Result without = app(name).run();
    assertEquals(0, without.exitCode, without.toString());
    List<RecordedRequest> withoutRequests = mock.requests();
    assertEquals(3, withoutRequests.size(), "sync, async, stream: " + withoutRequests);
    for (RecordedRequest request : withoutRequests) {
      assertTrue(String.valueOf(request.header("user-agent")).startsWith(userAgentPrefix),
          "the call went out through the app's own OkHttp: " + request.header("user-agent"));
    }
    mock.reset();

    Path telemetry = dir.resolve("telemetry.jsonl");
    AppRun.Result with = runWithAgent(name, telemetry);

    assertEquals(0, with.exitCode, with.toString());
    assertEquals(without.stdout, with.stdout);
    assertEquals(withoutRequests.size(), mock.requests().size());
    List<String> agentLines = with.agentLines();
    assertEquals(1, agentLines.size(), "one start-up line: " + with.stderr);
    assertEquals(without.stderr, with.stderr.replace(agentLines.get(0) + System.lineSeparator(), ""),
        "and nothing else on stderr");
    assertTrue(agentLines.get(0).contains("policy it-mock 2026-11-22.1 (sha256 "), agentLines.get(0));
    assertTrue(agentLines.get(0).contains("doors okhttp"), agentLines.get(0));

    String[] scenarios = {"sync: ", "async: ", "stream: ", "otel: ", "jackson: ", "health: "};
    String[] lines = with.stdout.split("\\R");
    assertEquals(scenarios.length, lines.length, with.stdout);
    for (int i = 0; i < scenarios.length; i++) {
      assertTrue(lines[i].startsWith(scenarios[i]) && !lines[i].contains("ERROR"), lines[i]);
    }
    MockReplay.ReportedUsage syncUsage = MockReplay.usageOf(mock, mock.requests().get(0));
    assertTrue(lines[0].endsWith(" | usage in=" + syncUsage.input + " out=" + syncUsage.output), lines[0]);
    assertTrue(lines[2].endsWith(" | usage chunks=0"), "the app saw no usage chunk: " + lines[2]);
    assertTrue(lines[3].contains("recording=false"),
        "the app's own OpenTelemetry is untouched (no SDK installed behind its back): " + lines[3]);
    assertTrue(lines[5].startsWith("health: status=200"), lines[5]);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"okhttp3-app, 2.9.", "okhttp5-app, 2."})
  void theAppSeesItsOwnJacksonNotTheAgents(String name, String expectedPrefix) throws Exception {
    String bundled = bundledVersion(name, "com.fasterxml.jackson.core", "jackson-databind");
    assertTrue(bundled.startsWith(expectedPrefix), name + " bundles jackson-databind " + bundled);

    AppRun.Result with = app(name).args("jackson")
        .withAgent("policy=" + MockPolicy.write(dir, mock.port(), null))
        .run();
    assertEquals(0, with.exitCode, with.toString());
    String line = with.stdout.strip();
    assertTrue(line.startsWith("jackson: "), line);
    // PackageVersion prints 2.9.10.8 as "2.9.10-8".
    String seen = line.substring("jackson: ".length()).split(" ")[0].replace('-', '.');
    assertEquals(bundled, seen, "the Jackson the app loads is its own: " + line);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"okhttp3-app", "okhttp5-app"})
  void everyLlmCallBecomesOneOkHttpSpanWithTheUsageTheProviderReported(String name) throws Exception {
    Path telemetry = dir.resolve("telemetry.jsonl");
    AppRun.Result run = runWithAgent(name, telemetry);
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(run.stdout.contains("health: status=200"), "the health call was made: " + run.stdout);

    List<RecordedRequest> requests = mock.requests();
    List<SpanRecord> spans = TelemetryFile.read(telemetry).spans;
    assertEquals(requests.size(), spans.size(), "one span per LLM call, none for the health check: " + spans);
    assertEquals(3, spans.size(), "sync, async, stream: " + spans);

    for (int i = 0; i < spans.size(); i++) {
      SpanRecord span = spans.get(i);
      RecordedRequest request = requests.get(i);
      JsonNode sent = JSON.readTree(request.body());
      MockReplay.ReportedUsage reported = MockReplay.usageOf(mock, request);
      assertEquals("chat gpt-4o-mini", span.name);
      assertEquals(3, span.kind, "CLIENT");
      assertEquals("okhttp", span.attr("airlock.transport"), span.toString());
      assertEquals("openai", span.attr("gen_ai.provider.name"));
      assertEquals("mock-openai", span.attr("airlock.provider"));
      assertEquals((long) mock.port(), span.longAttr("server.port"));
      assertEquals(sent.path("stream").asBoolean(false), span.attr("gen_ai.request.stream"),
          "spans in the order of the requests: " + span);
      assertEquals(reported.input, span.longAttr("gen_ai.usage.input_tokens"), span.toString());
      assertEquals(reported.output, span.longAttr("gen_ai.usage.output_tokens"), span.toString());
      assertNotNull(span.attr("gen_ai.response.id"), span.toString());
      double expected = reported.input * MockPolicy.GPT_4O_MINI_INPUT / 1e6
          + reported.output * MockPolicy.GPT_4O_MINI_OUTPUT / 1e6;
      assertEquals(expected, span.doubleAttr("airlock.cost.usd"), 1e-12, span.toString());
      assertFalse(span.attributes.values().stream().anyMatch(v -> String.valueOf(v).contains("You said")),
          "no answer text in telemetry: " + span);
    }

    SpanRecord stream = spans.get(2);
    assertEquals(true, stream.attr("gen_ai.request.stream"));
    assertEquals(true, stream.attr("airlock.stream.usage_requested"), stream.toString());
    RecordedRequest sentStream = requests.get(2);
    assertTrue(JSON.readTree(sentStream.body()).path("stream_options").path("include_usage").asBoolean(),
        "the agent asked for usage: " + sentStream.body());
    String streamLine = run.stdout.split("\\R")[2];
    assertTrue(streamLine.startsWith("stream: ") && streamLine.endsWith(" | usage chunks=0"),
        "yet the app saw no usage chunk: " + run.stdout);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"okhttp3-app", "okhttp5-app"})
  void theAppItselfDoesNotAskForStreamUsage(String name) throws Exception {
    AppRun.Result without = app(name).args("stream").run();
    assertEquals(0, without.exitCode, without.toString());
    assertTrue(without.stdout.contains(" | usage chunks=0"), without.stdout);
    JsonNode sent = JSON.readTree(mock.requests().get(0).body());
    assertTrue(sent.path("stream").asBoolean(), sent.toString());
    assertTrue(sent.path("stream_options").isMissingNode(), "no stream_options from the app: " + sent);
  }

  /** The version in the app jar's {@code META-INF/maven/.../pom.properties} of one bundled artifact. */
  private static String bundledVersion(String app, String groupId, String artifactId) throws IOException {
    try (JarFile jar = new JarFile(BuildOutputs.sampleApp(app).toFile())) {
      ZipEntry entry = jar.getEntry("META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties");
      assertNotNull(entry, app + " bundles no " + groupId + ":" + artifactId);
      Properties properties = new Properties();
      try (InputStream in = jar.getInputStream(entry)) {
        properties.load(in);
      }
      return properties.getProperty("version");
    }
  }
}
