package dev.airlock.agent.telemetry.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.airlock.agent.AgentLog;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.pii.PiiScanner;
import dev.airlock.agent.pii.PiiTypes;
import dev.airlock.agent.telemetry.GenAiAttributes;
import io.opentelemetry.api.trace.Span;
import java.io.IOException;
import java.util.Map;

/**
 * {@code telemetry.capture_content: true}: puts each call's prompt and answer on its span, in the
 * GenAI conventions' attributes ({@code gen_ai.input.messages}, {@code gen_ai.system_instructions},
 * {@code gen_ai.output.messages}) as JSON strings, always redacted (see {@link ContentRedactor})
 * and bounded to {@link #MAX_ATTRIBUTE_BYTES} each.
 *
 * <p>Built once per policy, and only when the policy asks for capture: with capture off there is
 * no instance, and the engine's whole cost is one null check per call. Thread-safe. Capture is
 * never allowed to disturb a call: a failure here leaves the attribute out.
 */
public final class ContentCapture {

  /** The most one content attribute may hold, in UTF-8 bytes. */
  public static final int MAX_ATTRIBUTE_BYTES = 16 * 1024;

  private final PiiScanner scanner;
  private final int maxBytes;

  private ContentCapture(PiiScanner scanner, int maxBytes) {
    this.scanner = scanner;
    this.maxBytes = maxBytes;
  }

  /** Capture masking what {@code scanner} finds (the policy's {@code pii:} detectors). */
  public static ContentCapture of(PiiScanner scanner) {
    return new ContentCapture(scanner, MAX_ATTRIBUTE_BYTES);
  }

  /** As {@link #of(PiiScanner)} with another bound, for tests. */
  static ContentCapture of(PiiScanner scanner, int maxBytes) {
    return new ContentCapture(scanner, maxBytes);
  }

  /** Every built-in detector: what masks content when the policy has no {@code pii:} section. */
  public static PiiScanner builtInScanner() {
    return PiiScanner.builder().enable(PiiTypes.builtIn()).build();
  }

  /**
   * Records the request on {@code span} and returns what records the answer, or null when the
   * call has no answer to record (embeddings) or the body could not be read.
   *
   * @param body the request body as the application wrote it
   * @param restorations the request's placeholders and the real values they stand for
   */
  public AnswerCapture request(Span span, Endpoint endpoint, byte[] body, Map<String, String> restorations) {
    ContentRedactor redactor = new ContentRedactor(scanner, restorations);
    try {
      JsonNode root = Parts.JSON.readTree(body);
      InputMessages input = InputMessages.of(endpoint, root, redactor);
      if (input.systemInstructions != null && input.systemInstructions.size() > 0) {
        span.setAttribute(GenAiAttributes.SYSTEM_INSTRUCTIONS, BoundedJson.write(input.systemInstructions, maxBytes));
      }
      if (input.messages.size() > 0) {
        span.setAttribute(GenAiAttributes.INPUT_MESSAGES, BoundedJson.write(input.messages, maxBytes));
      }
    } catch (IOException | RuntimeException unreadable) {
      AgentLog.debug("capturing a request's content failed; the span goes without it", unreadable);
      return null;
    }
    return endpoint == Endpoint.OPENAI_EMBEDDINGS ? null : new AnswerCapture(endpoint, redactor, maxBytes);
  }

  /** Sets {@code gen_ai.output.messages} when there is anything to set. */
  static void recordOutput(Span span, ArrayNode messages, int maxBytes) {
    if (messages.size() > 0) {
      span.setAttribute(GenAiAttributes.OUTPUT_MESSAGES, BoundedJson.write(messages, maxBytes));
    }
  }
}
