package dev.airlock.agent.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.policy.PipelineStates;
import dev.airlock.agent.telemetry.GenAiAttributes;
import dev.airlock.agent.telemetry.LlmInstruments;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code telemetry.capture_content} through the engine: off by default, on from the policy (and
 * switched by a reload), and what lands on the span is the app's prompt and answer with every
 * value masked, even those the policy only pseudonymized or merely detected.
 */
class PipelineContentCaptureTest {

  private static final String EMAIL = "ana.silva@example.com";
  private static final String PROMPT = "Please email " + EMAIL + " about order CUST-12345678.";
  private static final String REQUEST = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\""
      + PROMPT + "\"}]}";
  private static final String PSEUDONYMIZE = "pii:\n  detect: [email]\n  custom:\n"
      + "    - {name: customer_id, pattern: 'CUST-[0-9]{8}'}\n  action: pseudonymize\n  restore: true\n";

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final LlmInstruments instruments = new LlmInstruments(OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .build(), "test");

  private static Policy policy(String sections) {
    String yaml = "airlock: 1\nname: p\nproviders:\n  mock: {format: openai, base_url: http://127.0.0.1:9001/v1}\n"
        + sections;
    PolicyLoadResult loaded = PolicyLoader.parse("p.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    assertTrue(loaded.ok(), loaded::toString);
    return loaded.policy().get();
  }

  private static LlmCall begin(Pipeline pipeline, String body) {
    ProviderMatch match = pipeline.match("127.0.0.1", 9001, "/v1/chat/completions");
    return pipeline.begin(match, "test", "127.0.0.1", 9001, "/v1/chat/completions", name -> null,
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** An answer that repeats what the provider received, as the mock provider does. */
  private static String echo(LlmCall call) {
    String sent = new String(call.outgoingBody(), StandardCharsets.UTF_8);
    String said = sent.substring(sent.indexOf("Please"), sent.lastIndexOf('.') + 1);
    return "{\"id\":\"c1\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":\"You said: " + said + "\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":5,\"total_tokens\":10}}";
  }

  /** Runs one non-streamed call through whichever response path the call asks for; returns what the app got. */
  private static String answer(LlmCall call, String answer) {
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    call.onResponse(200, "application/json");
    String toApp;
    if (call.rewritesResponse()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(call.rewrite(bytes, 0, bytes.length));
      out.writeBytes(call.finishRewrite());
      toApp = out.toString(StandardCharsets.UTF_8);
    } else {
      call.observe(bytes, 0, bytes.length);
      toApp = answer;
    }
    call.complete();
    return toApp;
  }

  private SpanData lastSpan() {
    List<SpanData> finished = spans.getFinishedSpanItems();
    return finished.get(finished.size() - 1);
  }

  @Test
  void offByDefaultNothingOfTheContentIsOnTheSpan() {
    Pipeline pipeline = new Pipeline(PipelineStates.of(policy(PSEUDONYMIZE)), instruments);
    assertNull(pipeline.state().contentCapture(), "no capture object at all: the engine pays one null check");
    LlmCall call = begin(pipeline, REQUEST);
    answer(call, echo(call));
    SpanData span = lastSpan();
    assertNull(span.getAttributes().get(GenAiAttributes.INPUT_MESSAGES));
    assertNull(span.getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES));
    assertNull(span.getAttributes().get(GenAiAttributes.SYSTEM_INSTRUCTIONS));
    assertFalse(span.getAttributes().toString().contains("about order"), span.getAttributes().toString());
    assertNull(new Pipeline(PipelineStates.of(policy("telemetry: {capture_content: false}\n")), instruments)
        .state().contentCapture());
  }

  @Test
  void pseudonymizedValuesAreMaskedInThePromptAndInTheRestoredAnswer() {
    Pipeline pipeline = new Pipeline(PipelineStates.of(policy(PSEUDONYMIZE
        + "telemetry:\n  capture_content: true\n")), instruments);
    LlmCall call = begin(pipeline, REQUEST);
    assertTrue(new String(call.outgoingBody(), StandardCharsets.UTF_8).contains("<EMAIL_1>"));
    String toApp = answer(call, echo(call));
    assertTrue(toApp.contains(EMAIL), "the app still gets its own values back: " + toApp);

    SpanData span = lastSpan();
    String input = span.getAttributes().get(GenAiAttributes.INPUT_MESSAGES);
    String output = span.getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES);
    assertEquals("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Please email [EMAIL] about order"
        + " [CUSTOMER_ID].\"}]}]", input);
    assertEquals("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"You said: Please email [EMAIL]"
        + " about order [CUSTOMER_ID].\"}],\"finish_reason\":\"stop\"}]", output);
    String everything = span.getAttributes().toString();
    assertFalse(everything.contains(EMAIL) || everything.contains("CUST-1") || everything.contains("<EMAIL_1>"),
        everything);
  }

  @Test
  void valuesThePolicyOnlyDetectsAreStillMaskedOnTheSpan() {
    Pipeline pipeline = new Pipeline(PipelineStates.of(policy("pii:\n  detect: [email]\n  action: detect\n"
        + "telemetry: {capture_content: true}\n")), instruments);
    LlmCall call = begin(pipeline, REQUEST);
    assertTrue(new String(call.outgoingBody(), StandardCharsets.UTF_8).contains(EMAIL), "detect sends it as is");
    answer(call, echo(call));
    SpanData span = lastSpan();
    assertTrue(span.getAttributes().get(GenAiAttributes.INPUT_MESSAGES).contains("Please email [EMAIL] about"));
    assertTrue(span.getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES).contains("Please email [EMAIL] about"));
    assertFalse(span.getAttributes().toString().contains(EMAIL));
  }

  @Test
  void typesThePolicyDoesNotActOnAreMaskedOnTheSpanToo() {
    // The pii: section only handles emails; a phone number in the prompt still never reaches a span.
    Pipeline pipeline = new Pipeline(PipelineStates.of(policy(PSEUDONYMIZE
        + "telemetry: {capture_content: true}\n")), instruments);
    LlmCall call = begin(pipeline, REQUEST.replace("about order", "or call +44 20 7946 0958 about order"));
    assertTrue(new String(call.outgoingBody(), StandardCharsets.UTF_8).contains("+44 20 7946 0958"),
        "the policy does not act on phones: sent as is");
    answer(call, echo(call));
    String input = lastSpan().getAttributes().get(GenAiAttributes.INPUT_MESSAGES);
    assertTrue(input.contains("or call [PHONE] about order [CUSTOMER_ID]."), input);
    assertFalse(lastSpan().getAttributes().toString().contains("7946"), lastSpan().getAttributes()::toString);
  }

  @Test
  void withoutAPiiSectionTheBuiltInDetectorsMask() {
    Pipeline pipeline = new Pipeline(PipelineStates.of(policy("telemetry: {capture_content: true}\n")), instruments);
    LlmCall call = begin(pipeline, REQUEST);
    answer(call, echo(call));
    String input = lastSpan().getAttributes().get(GenAiAttributes.INPUT_MESSAGES);
    assertTrue(input.contains("Please email [EMAIL] about order CUST-12345678."), input);
  }

  @Test
  void aStreamedAnswerIsRecordedWhenItEndsMaskedAcrossChunks() {
    Pipeline pipeline = new Pipeline(PipelineStates.of(policy(PSEUDONYMIZE
        + "telemetry:\n  capture_content: true\n")), instruments);
    LlmCall call = begin(pipeline, REQUEST.replace("{\"model\"", "{\"stream\":true,\"model\""));
    String stream = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Writing to <EMA\"}}]}\n\n"
        + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"IL_1> now\"},\"finish_reason\":\"stop\"}]}\n\n"
        + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":5,\"total_tokens\":10}}\n\n"
        + "data: [DONE]\n\n";
    byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
    call.onResponse(200, "text/event-stream");
    ByteArrayOutputStream toApp = new ByteArrayOutputStream();
    for (int at = 0; at < bytes.length; at += 7) {
      toApp.writeBytes(call.rewrite(bytes, at, Math.min(7, bytes.length - at)));
    }
    toApp.writeBytes(call.finishRewrite());
    call.complete();
    assertTrue(toApp.toString(StandardCharsets.UTF_8).contains(EMAIL.substring(0, 5)), "restored for the app");
    String output = lastSpan().getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES);
    assertEquals("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Writing to [EMAIL] now\"}],"
        + "\"finish_reason\":\"stop\"}]", output);
  }

  @Test
  void aReloadSwitchesCaptureOnAndOff() {
    Pipeline pipeline = new Pipeline(PipelineStates.of(policy(PSEUDONYMIZE)), instruments);
    LlmCall before = begin(pipeline, REQUEST);
    answer(before, echo(before));
    assertNull(lastSpan().getAttributes().get(GenAiAttributes.INPUT_MESSAGES));

    pipeline.install(PipelineStates.of(policy(PSEUDONYMIZE + "telemetry: {capture_content: true}\n")));
    assertNotNull(pipeline.state().contentCapture());
    LlmCall on = begin(pipeline, REQUEST);
    answer(on, echo(on));
    assertNotNull(lastSpan().getAttributes().get(GenAiAttributes.INPUT_MESSAGES));
    assertNotNull(lastSpan().getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES));

    pipeline.install(PipelineStates.of(policy(PSEUDONYMIZE + "telemetry: {capture_content: false}\n")));
    LlmCall off = begin(pipeline, REQUEST);
    answer(off, echo(off));
    assertNull(lastSpan().getAttributes().get(GenAiAttributes.INPUT_MESSAGES));
    assertNull(lastSpan().getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES));
  }

  @Test
  void otherStateChangesKeepCapture() {
    PipelineState state = PipelineStates.of(policy("telemetry: {capture_content: true}\n"));
    assertNotNull(state.failingClosed().contentCapture());
    assertNotNull(state.withAudit(null).contentCapture());
    assertNotNull(state.withRouting(state.routing(), Map.of()).contentCapture());
  }
}
