package dev.airlock.agent.translate;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.WireFormat;

/**
 * A request translated for a target of another wire format, and what the way back needs to know.
 *
 * <p>Made by {@link Translation#request}; passed back to {@link Translation#response}, {@link
 * Translation#error} and {@link Translation#stream}. Immutable and thread-safe.
 */
public final class TranslatedRequest {

  private final Endpoint appEndpoint;
  private final Endpoint targetEndpoint;
  private final String appModel;
  private final String targetModel;
  private final byte[] body;
  private final boolean stream;
  private final boolean appWantsStreamUsage;

  TranslatedRequest(
      Endpoint appEndpoint,
      Endpoint targetEndpoint,
      String appModel,
      String targetModel,
      byte[] body,
      boolean stream,
      boolean appWantsStreamUsage) {
    this.appEndpoint = appEndpoint;
    this.targetEndpoint = targetEndpoint;
    this.appModel = appModel;
    this.targetModel = targetModel;
    this.body = body;
    this.stream = stream;
    this.appWantsStreamUsage = appWantsStreamUsage;
  }

  /** The endpoint the application called; its answers are translated back into this format. */
  public Endpoint appEndpoint() {
    return appEndpoint;
  }

  /**
   * The endpoint to call on the target: {@link Endpoint#OPENAI_CHAT}, {@link
   * Endpoint#ANTHROPIC_MESSAGES}, or for Gemini {@link Endpoint#GEMINI_STREAM_GENERATE_CONTENT}
   * when streaming, else {@link Endpoint#GEMINI_GENERATE_CONTENT}. Pass it to the codecs ({@code
   * ResponseCodec}, {@code StreamAccumulator}) to observe the target's answer as usual.
   */
  public Endpoint targetEndpoint() {
    return targetEndpoint;
  }

  /** The target's wire format. */
  public WireFormat target() {
    return targetEndpoint.format();
  }

  /**
   * The model the application asked for: the body's {@code model} for OpenAI and Anthropic; for
   * Gemini the model in the application's path when the caller gave it (see {@link
   * Translation#request(Endpoint, String, byte[], WireFormat, String)}), else null.
   */
  public String appModel() {
    return appModel;
  }

  /** The model the target is asked for (the route's model). */
  public String targetModel() {
    return targetModel;
  }

  /**
   * The translated body, UTF-8 JSON, to send instead of the application's (with {@code
   * Content-Type: application/json} and a recomputed {@code Content-Length}). The array is not
   * copied: do not modify it.
   */
  public byte[] body() {
    return body;
  }

  /** Whether the answer streams: the application asked for a stream, and so the target is asked for one. */
  public boolean stream() {
    return stream;
  }

  /** Whether an OpenAI application asked for the final usage chunk ({@code stream_options.include_usage}). */
  boolean appWantsStreamUsage() {
    return appWantsStreamUsage;
  }

  /**
   * The request path on the target, built on the provider's base path: {@code
   * <base>/chat/completions}, {@code <base>/messages}, or for Gemini {@code
   * <base>/models/<model>:generateContent} and, streaming, {@code
   * <base>/models/<model>:streamGenerateContent?alt=sse} (always SSE: the stream translator reads
   * SSE, not Gemini's JSON-array streaming).
   *
   * @param basePath the path part of the provider's base URL, e.g. {@code /v1} (OpenAI, Anthropic)
   *     or {@code /v1beta} (Gemini); null or empty for none; a trailing slash is ignored
   */
  public String targetPath(String basePath) {
    String base = basePath == null ? "" : basePath;
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    switch (targetEndpoint) {
      case ANTHROPIC_MESSAGES:
        return base + "/messages";
      case GEMINI_GENERATE_CONTENT:
        return base + "/models/" + geminiModelId() + ":generateContent";
      case GEMINI_STREAM_GENERATE_CONTENT:
        return base + "/models/" + geminiModelId() + ":streamGenerateContent?alt=sse";
      default:
        return base + "/chat/completions";
    }
  }

  /** The model without a {@code models/} prefix (Gemini's resource name form), as the path needs it. */
  private String geminiModelId() {
    return targetModel.startsWith("models/") ? targetModel.substring("models/".length()) : targetModel;
  }

  @Override
  public String toString() {
    return "TranslatedRequest{" + appEndpoint + " -> " + targetEndpoint
        + ", appModel=" + appModel + ", targetModel=" + targetModel
        + ", stream=" + stream + ", body=" + body.length + " bytes}";
  }
}
