package dev.airlock.agent.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What Airlock reads from a model response: identity, why generation stopped, and token usage.
 *
 * <p>Built by {@link ResponseCodec} from a whole body or by {@link StreamAccumulator} from a stream.
 * Content (generated text, tool calls) is deliberately not kept. Immutable and thread-safe.
 */
public final class LlmResponse {

  private final String id;
  private final String model;
  private final List<String> finishReasons;
  private final Usage usage;
  private final String errorType;

  private LlmResponse(String id, String model, List<String> finishReasons, Usage usage, String errorType) {
    this.id = id;
    this.model = model;
    this.finishReasons = finishReasons;
    this.usage = usage;
    this.errorType = errorType;
  }

  /**
   * A response with the given parts.
   *
   * @param finishReasons may be null (treated as empty); copied
   */
  public static LlmResponse of(
      String id, String model, List<String> finishReasons, Usage usage, String errorType) {
    List<String> reasons =
        finishReasons == null || finishReasons.isEmpty()
            ? Collections.<String>emptyList()
            : Collections.unmodifiableList(new ArrayList<>(finishReasons));
    return new LlmResponse(id, model, reasons, usage, errorType);
  }

  /** The provider's response id ({@code chatcmpl-...}, {@code resp_...}, {@code msg_...}, Gemini {@code responseId}), or null. */
  public String id() {
    return id;
  }

  /** The model that actually served the call (e.g. {@code gpt-4o-2024-08-06}, Gemini {@code modelVersion}), or null. */
  public String model() {
    return model;
  }

  /**
   * The provider's own finish reasons, one per choice/candidate in index order (e.g. {@code stop},
   * {@code length}, {@code tool_calls}, {@code end_turn}, {@code STOP}); for the Responses API the
   * {@code incomplete_details.reason} when there is one, else the response {@code status}; for a
   * Gemini prompt blocked before any candidate, its {@code promptFeedback.blockReason}. Empty when
   * none was reported (yet). Unmodifiable.
   */
  public List<String> finishReasons() {
    return finishReasons;
  }

  /** The normalized usage, or null when the provider reported none. */
  public Usage usage() {
    return usage;
  }

  /**
   * For an error body or an error event: the provider's error code or type (OpenAI {@code
   * error.code}, else {@code error.type}; Anthropic {@code error.type}; Gemini {@code
   * error.status}); null when the response is not an error. Addition to the original API sketch,
   * meant for the {@code error.type} attribute.
   */
  public String errorType() {
    return errorType;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof LlmResponse)) {
      return false;
    }
    LlmResponse r = (LlmResponse) o;
    return Objects.equals(id, r.id)
        && Objects.equals(model, r.model)
        && finishReasons.equals(r.finishReasons)
        && Objects.equals(usage, r.usage)
        && Objects.equals(errorType, r.errorType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, model, finishReasons, usage, errorType);
  }

  @Override
  public String toString() {
    return "LlmResponse{id=" + id
        + ", model=" + model
        + ", finishReasons=" + finishReasons
        + ", usage=" + usage
        + (errorType != null ? ", errorType=" + errorType : "")
        + '}';
  }
}
