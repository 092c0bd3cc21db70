package dev.airlock.agent.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.ResponseCodec;
import dev.airlock.agent.codec.WireFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The translated answers, streamed and whole, read by the applications' own SDKs: openai-java
 * (strict {@code validate()} of every chunk, then its {@code ChatCompletionAccumulator}),
 * anthropic-java (strict {@code validate()} of every event, then its {@code MessageAccumulator}),
 * and google-genai ({@code GenerateContentResponse.fromJson}, with every member we write surviving
 * its typed model). What the SDK accumulates must be what the application would read from our
 * stream.
 *
 * <p>The SDKs are loaded from the local Maven repository (the sample apps put them there); the
 * tests are skipped, naming the missing artifacts, where they are absent.
 */
class SdkConformanceTest {

  private static final String[] JACKSON = {
    "com.fasterxml.jackson.core:jackson-core", "com.fasterxml.jackson.core:jackson-databind",
    "com.fasterxml.jackson.core:jackson-annotations", "com.fasterxml.jackson.datatype:jackson-datatype-jdk8",
    "com.fasterxml.jackson.datatype:jackson-datatype-jsr310",
  };
  private static final String[] KOTLIN = {
    "com.fasterxml.jackson.module:jackson-module-kotlin", "org.jetbrains.kotlin:kotlin-stdlib",
    "org.jetbrains.kotlin:kotlin-reflect", "org.jetbrains:annotations",
  };

  /** Loaded once per SDK: class loading dominates the cost of these tests. */
  private static final Map<String, Sdk> LOADED = new java.util.HashMap<>();

  private static synchronized Sdk sdk(String... own) {
    Sdk cached = LOADED.get(own[0]);
    if (cached != null) {
      return cached;
    }
    List<String> all = new ArrayList<>(List.of(own));
    all.addAll(List.of(JACKSON));
    if (!own[0].startsWith("com.google")) {
      all.addAll(List.of(KOTLIN));
    }
    List<String> missing = new ArrayList<>();
    Sdk sdk = Sdk.load(missing, all.toArray(new String[0]));
    Assumptions.assumeTrue(sdk != null, "not in the local Maven repository: " + missing);
    LOADED.put(own[0], sdk);
    return sdk;
  }

  static Stream<Arguments> targetsFor(WireFormat app) {
    Stream.Builder<Arguments> b = Stream.builder();
    for (WireFormat target : WireFormat.values()) {
      if (target != app) {
        b.add(Arguments.of(target, false));
        b.add(Arguments.of(target, true));
      }
    }
    return b.build();
  }

  static Stream<Arguments> openAiTargets() {
    return targetsFor(WireFormat.OPENAI);
  }

  static Stream<Arguments> anthropicTargets() {
    return targetsFor(WireFormat.ANTHROPIC);
  }

  static Stream<Arguments> geminiTargets() {
    return targetsFor(WireFormat.GEMINI);
  }

  private static byte[] targetStream(WireFormat target, boolean tools) {
    String[][] streams = {
      {"payloads/openai/chat-stream.sse", "translate/streams/openai-tool-calls.sse"},
      {"payloads/anthropic/messages-stream.sse", "payloads/anthropic/messages-stream-tool-use.sse"},
      {"payloads/gemini/stream.sse", "translate/streams/gemini-function-call.sse"},
    };
    return TestSupport.resource(streams[target.ordinal()][tools ? 1 : 0]);
  }

  private static byte[] targetAnswer(WireFormat target, boolean tools) {
    String[][] answers = {
      {"translate/responses/openai-text.json", "translate/responses/openai-tool-calls.json"},
      {"payloads/anthropic/messages-response.json", "translate/responses/anthropic-tool-use.json"},
      {"payloads/gemini/generate-response.json", "translate/responses/gemini-function-call.json"},
    };
    return TestSupport.resource(answers[target.ordinal()][tools ? 1 : 0]);
  }

  private static void assertSameView(AppView expected, AppView actual) {
    assertEquals(expected.text.toString(), actual.text.toString(), "text");
    assertEquals(expected.calls.size(), actual.calls.size(), "tool calls");
    for (int i = 0; i < expected.calls.size(); i++) {
      assertEquals(expected.calls.get(i).id, actual.calls.get(i).id);
      assertEquals(expected.calls.get(i).name, actual.calls.get(i).name);
      assertEquals(expected.calls.get(i).args, actual.calls.get(i).args);
    }
    assertEquals(expected.stopReason, actual.stopReason, "stop reason");
  }

  @ParameterizedTest(name = "openai-java reads {0} translated, tool calls: {1}")
  @MethodSource("openAiTargets")
  void openAiJava(WireFormat target, boolean tools) {
    Sdk sdk = sdk("com.openai:openai-java-core");
    Object mapper = sdk.callStatic("com.openai.core.ObjectMappers", "jsonMapper");

    // Streamed: every chunk validates; the accumulator rebuilds the completion the app would see.
    TranslatedRequest req = ResponseTranslationTest.request(WireFormat.OPENAI, target, true);
    byte[] out = TestSupport.translate(Translation.stream(req), targetStream(target, tools));
    Class<?> chunkType = sdk.type("com.openai.models.chat.completions.ChatCompletionChunk");
    Object accumulator = sdk.callStatic("com.openai.helpers.ChatCompletionAccumulator", "create");
    List<TestSupport.Event> events = TestSupport.events(out);
    for (int i = 0; i < events.size(); i++) {
      String data = events.get(i).data;
      if ("[DONE]".equals(data)) {
        assertEquals(events.size() - 1, i, "[DONE] ends the stream");
        break;
      }
      Object chunk = Sdk.call(mapper, "readValue", data, chunkType);
      Sdk.call(chunk, "validate");
      Sdk.call(accumulator, "accumulate", chunk);
    }
    Object completion = Sdk.call(accumulator, "chatCompletion");
    Sdk.call(completion, "validate");
    byte[] accumulated = TestSupport.utf8((String) Sdk.call(mapper, "writeValueAsString", completion));
    assertSameView(AppView.ofStream(WireFormat.OPENAI, out, true), AppView.ofBody(WireFormat.OPENAI, TestSupport.json(accumulated)));
    assertEquals(TestSupport.accumulate(Endpoint.OPENAI_CHAT, out).result().usage(),
        ResponseCodec.parse(Endpoint.OPENAI_CHAT, accumulated).usage(), "usage as the SDK accumulated it");

    // Whole: the completion validates.
    byte[] body = Translation.response(ResponseTranslationTest.request(WireFormat.OPENAI, target, false), targetAnswer(target, tools));
    Object parsed = Sdk.call(mapper, "readValue", TestSupport.string(body), sdk.type("com.openai.models.chat.completions.ChatCompletion"));
    Sdk.call(parsed, "validate");
  }

  @ParameterizedTest(name = "anthropic-java reads {0} translated, tool calls: {1}")
  @MethodSource("anthropicTargets")
  void anthropicJava(WireFormat target, boolean tools) {
    Sdk sdk = sdk("com.anthropic:anthropic-java-core", "io.opentelemetry:opentelemetry-api", "io.opentelemetry:opentelemetry-context");
    Object mapper = sdk.callStatic("com.anthropic.core.ObjectMappers", "jsonMapper");

    TranslatedRequest req = ResponseTranslationTest.request(WireFormat.ANTHROPIC, target, true);
    byte[] out = TestSupport.translate(Translation.stream(req), targetStream(target, tools));
    Class<?> eventType = sdk.type("com.anthropic.models.messages.RawMessageStreamEvent");
    Object accumulator = sdk.callStatic("com.anthropic.helpers.MessageAccumulator", "create");
    for (TestSupport.Event e : TestSupport.events(out)) {
      Object event = Sdk.call(mapper, "readValue", e.data, eventType);
      Sdk.call(event, "validate");
      Sdk.call(accumulator, "accumulate", event);
    }
    Object message = Sdk.call(accumulator, "message");
    Sdk.call(message, "validate");
    byte[] accumulated = TestSupport.utf8((String) Sdk.call(mapper, "writeValueAsString", message));
    assertSameView(AppView.ofStream(WireFormat.ANTHROPIC, out, false), AppView.ofBody(WireFormat.ANTHROPIC, TestSupport.json(accumulated)));
    assertEquals(TestSupport.accumulate(Endpoint.ANTHROPIC_MESSAGES, out).result().usage(),
        ResponseCodec.parse(Endpoint.ANTHROPIC_MESSAGES, accumulated).usage(), "usage as the SDK accumulated it");

    byte[] body = Translation.response(ResponseTranslationTest.request(WireFormat.ANTHROPIC, target, false), targetAnswer(target, tools));
    Object parsed = Sdk.call(mapper, "readValue", TestSupport.string(body), sdk.type("com.anthropic.models.messages.Message"));
    Sdk.call(parsed, "validate");
  }

  @ParameterizedTest(name = "google-genai reads {0} translated, tool calls: {1}")
  @MethodSource("geminiTargets")
  void googleGenai(WireFormat target, boolean tools) {
    Sdk sdk = sdk("com.google.genai:google-genai", "com.google.guava:guava", "com.google.guava:failureaccess");
    String type = "com.google.genai.types.GenerateContentResponse";

    TranslatedRequest req = ResponseTranslationTest.request(WireFormat.GEMINI, target, true);
    byte[] out = TestSupport.translate(Translation.stream(req), targetStream(target, tools));
    AppView ours = AppView.ofStream(WireFormat.GEMINI, out, false);
    StringBuilder text = new StringBuilder();
    List<String> calls = new ArrayList<>();
    Object last = null;
    for (TestSupport.Event e : TestSupport.events(out)) {
      Object chunk = sdk.callStatic(type, "fromJson", e.data);
      assertSurvives(e.json(), TestSupport.json((String) Sdk.call(chunk, "toJson")));
      Object t = Sdk.call(chunk, "text");
      if (t != null) {
        text.append(t);
      }
      Object fcs = Sdk.call(chunk, "functionCalls");
      if (fcs != null) {
        for (Object fc : (List<?>) fcs) {
          calls.add(String.valueOf(((Optional<?>) Sdk.call(fc, "name")).orElse(null)) + ((Optional<?>) Sdk.call(fc, "args")).orElse(null));
        }
      }
      last = chunk;
    }
    assertEquals(ours.text.toString(), text.toString(), "text as the SDK reads it");
    assertEquals(ours.calls.size(), calls.size());
    for (int i = 0; i < calls.size(); i++) {
      assertEquals(ours.calls.get(i).name + TestSupport.JSON.convertValue(ours.calls.get(i).args, Map.class), calls.get(i));
    }
    assertEquals(ours.stopReason, Sdk.call(Sdk.call(last, "finishReason"), "toString"));

    byte[] body = Translation.response(ResponseTranslationTest.request(WireFormat.GEMINI, target, false), targetAnswer(target, tools));
    Object parsed = sdk.callStatic(type, "fromJson", TestSupport.string(body));
    assertSurvives(TestSupport.json(body), TestSupport.json((String) Sdk.call(parsed, "toJson")));
  }

  /**
   * Every member we wrote is in the SDK's re-serialization: google-genai ignores unknown fields, so
   * a misspelled or mistyped member would silently vanish here.
   */
  private static void assertSurvives(JsonNode ours, JsonNode sdk) {
    if (ours.isObject()) {
      assertTrue(sdk.isObject(), "object expected: " + sdk);
      for (Iterator<Map.Entry<String, JsonNode>> it = ((ObjectNode) ours).properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        assertTrue(sdk.has(e.getKey()), "the SDK dropped '" + e.getKey() + "' of " + ours);
        assertSurvives(e.getValue(), sdk.get(e.getKey()));
      }
    } else if (ours.isArray()) {
      assertEquals(ours.size(), sdk.size());
      for (int i = 0; i < ours.size(); i++) {
        assertSurvives(ours.get(i), sdk.get(i));
      }
    } else if (ours.isNumber()) {
      assertEquals(ours.asLong(), sdk.asLong());
    } else {
      assertEquals(ours.asText(), sdk.asText());
    }
  }
}
