package dev.airlock.agent.codec;

/**
 * An LLM API endpoint whose request and response bodies Airlock understands.
 *
 * <p>Each endpoint has one {@link WireFormat} (the JSON dialect of its bodies) and one {@link
 * Operation} (for the semantic conventions).
 */
public enum Endpoint {
  /** {@code POST .../chat/completions}. */
  OPENAI_CHAT(WireFormat.OPENAI, Operation.CHAT),
  /** {@code POST .../responses} (the Responses API; reported as a chat operation). */
  OPENAI_RESPONSES(WireFormat.OPENAI, Operation.CHAT),
  /** {@code POST .../embeddings}. */
  OPENAI_EMBEDDINGS(WireFormat.OPENAI, Operation.EMBEDDINGS),
  /** {@code POST .../completions} (legacy text completions). */
  OPENAI_COMPLETIONS(WireFormat.OPENAI, Operation.TEXT_COMPLETION),
  /** {@code POST .../v1/messages}. */
  ANTHROPIC_MESSAGES(WireFormat.ANTHROPIC, Operation.CHAT),
  /** {@code POST .../models/{model}:generateContent}. */
  GEMINI_GENERATE_CONTENT(WireFormat.GEMINI, Operation.GENERATE_CONTENT),
  /** {@code POST .../models/{model}:streamGenerateContent} (SSE with {@code alt=sse}, else a JSON array). */
  GEMINI_STREAM_GENERATE_CONTENT(WireFormat.GEMINI, Operation.GENERATE_CONTENT);

  private final WireFormat format;
  private final Operation operation;

  Endpoint(WireFormat format, Operation operation) {
    this.format = format;
    this.operation = operation;
  }

  /** The JSON dialect of this endpoint's bodies. */
  public WireFormat format() {
    return format;
  }

  /** The operation to report; the Responses API is {@link Operation#CHAT}, Gemini is {@link Operation#GENERATE_CONTENT}. */
  public Operation operation() {
    return operation;
  }

  /**
   * Which endpoint a request path is, given the wire format of the provider the call goes to.
   *
   * <p>Only the end of the path is looked at, so any base path works: {@code /v1/chat/completions},
   * {@code /openai/v1/chat/completions}, Azure's {@code /openai/deployments/{d}/chat/completions},
   * {@code /v1beta/models/gemini-2.0-flash:streamGenerateContent}, Vertex AI's {@code
   * /v1/projects/p/locations/l/publishers/google/models/m:generateContent}. A query string or
   * fragment and a trailing slash are ignored.
   *
   * <p>Anthropic and Gemini also serve OpenAI-compatible endpoints (e.g. Gemini's {@code
   * /v1beta/openai/chat/completions}); when the path is not one of the provider's native endpoints
   * it is matched against the OpenAI paths, and the returned endpoint's {@link #format()} is then
   * {@link WireFormat#OPENAI}. Callers must therefore parse bodies by {@code endpoint.format()},
   * not by the provider's format.
   *
   * <p>Cheap by design (a few {@code endsWith} checks, no regex, no allocation in the common case):
   * it runs for every outgoing call to a configured provider.
   *
   * @param format the provider's native wire format; null gives null
   * @param path the request path, possibly with a query string; null gives null
   * @return the endpoint, or null when the call is not one Airlock understands (it is then passed
   *     through untouched), e.g. {@code /v1/models}, {@code /v1/messages/count_tokens}, {@code /health}
   */
  public static Endpoint recognize(WireFormat format, String path) {
    if (format == null || path == null) {
      return null;
    }
    String p = trimPath(path);
    Endpoint native_;
    switch (format) {
      case ANTHROPIC:
        native_ = p.endsWith("/messages") ? ANTHROPIC_MESSAGES : null;
        break;
      case GEMINI:
        native_ = recognizeGemini(p);
        break;
      default:
        native_ = null;
        break;
    }
    return native_ != null ? native_ : recognizeOpenAi(p);
  }

  private static Endpoint recognizeOpenAi(String p) {
    if (p.endsWith("/chat/completions")) {
      return OPENAI_CHAT;
    }
    if (p.endsWith("/completions")) {
      return OPENAI_COMPLETIONS;
    }
    if (p.endsWith("/responses")) {
      return OPENAI_RESPONSES;
    }
    if (p.endsWith("/embeddings")) {
      return OPENAI_EMBEDDINGS;
    }
    return null;
  }

  private static Endpoint recognizeGemini(String p) {
    // The method is a custom verb after the model's resource name: ".../models/{m}:generateContent".
    // Requiring a '/' before the ':' keeps a bare ":generateContent" from matching.
    if (p.endsWith(":streamGenerateContent")) {
      return hasModelSegment(p, ":streamGenerateContent".length()) ? GEMINI_STREAM_GENERATE_CONTENT : null;
    }
    if (p.endsWith(":generateContent")) {
      return hasModelSegment(p, ":generateContent".length()) ? GEMINI_GENERATE_CONTENT : null;
    }
    return null;
  }

  private static boolean hasModelSegment(String p, int verbLength) {
    int colon = p.length() - verbLength;
    int slash = p.lastIndexOf('/', colon - 1);
    return slash >= 0 && slash < colon - 1;
  }

  /** The path without query, fragment and trailing slashes, always starting with '/'. */
  static String trimPath(String path) {
    int end = path.length();
    int q = path.indexOf('?');
    if (q >= 0) {
      end = q;
    }
    int h = path.indexOf('#');
    if (h >= 0 && h < end) {
      end = h;
    }
    while (end > 1 && path.charAt(end - 1) == '/') {
      end--;
    }
    String p = end == path.length() ? path : path.substring(0, end);
    return p.startsWith("/") ? p : "/" + p;
  }
}
