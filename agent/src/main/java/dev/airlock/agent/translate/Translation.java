package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.LlmRequest;
import dev.airlock.agent.codec.LlmResponse;
import dev.airlock.agent.codec.RequestCodec;
import dev.airlock.agent.codec.ResponseCodec;
import dev.airlock.agent.codec.Usage;
import dev.airlock.agent.codec.WireFormat;

/**
 * Translates LLM calls between wire formats, both ways, streaming included: OpenAI chat
 * completions, Anthropic Messages and Gemini {@code generateContent}, in all six directions.
 *
 * <p>The routing layer calls {@link #request} when a policy sends a call to a target of another
 * format, sends {@link TranslatedRequest#body()} to {@link TranslatedRequest#targetPath(String)},
 * and hands the answer back through {@link #response}, {@link #error} or {@link #stream}: the
 * application gets its own provider's format and notices nothing but the name of the model that
 * served it (answers name the model the target reports, so telemetry and logs tell the truth).
 * Headers are the caller's business: the target's authentication ({@code Authorization: Bearer},
 * {@code x-api-key} with {@code anthropic-version}, {@code x-goog-api-key}) replaces the
 * application's.
 *
 * <p>How: each format is read into a canonical model ({@link ChatRequest}, {@link ChatResult},
 * {@link StreamEvent}) and written from it; see {@link ChatRequest} for why. What a target cannot
 * express and would change the shape of the answer is refused with a {@link TranslationException}
 * naming it (e.g. {@code n > 1}, audio, remote image URLs for Gemini, server-side tools); sampling
 * hints a target lacks are dropped (each reader's Javadoc lists them).
 *
 * <p>Stateless and thread-safe; per-call state lives in {@link TranslatedRequest} and the {@link
 * StreamTranslator}.
 */
public final class Translation {

  private Translation() {}

  /**
   * Whether a translator exists for calls to {@code appEndpoint} sent to a target speaking {@code
   * target}: the application's endpoint is OpenAI chat completions, Anthropic Messages or Gemini
   * {@code generateContent}/{@code streamGenerateContent}, and the target's format is a different
   * one. (Same format needs no translation: only the model changes.) OpenAI's Responses,
   * embeddings and legacy completions endpoints are not translated.
   */
  public static boolean supports(Endpoint appEndpoint, WireFormat target) {
    return appEndpoint != null && target != null && isChat(appEndpoint) && appEndpoint.format() != target;
  }

  /**
   * Translates a request body; {@code targetModel} replaces the model. For a Gemini application,
   * whose model is in the path, {@link TranslatedRequest#appModel()} is null; use {@link
   * #request(Endpoint, String, byte[], WireFormat, String)} to have it.
   *
   * @param appEndpoint the endpoint the application called
   * @param appBody the application's request body
   * @param target the target's wire format
   * @param targetModel the model to ask the target for (the route's model)
   * @throws TranslationException when the body is not valid JSON, or asks for something the
   *     target cannot express (the message says what)
   * @throws IllegalArgumentException when {@link #supports} is false for the pair, or the model is missing
   */
  public static TranslatedRequest request(Endpoint appEndpoint, byte[] appBody, WireFormat target, String targetModel) {
    return request(appEndpoint, null, appBody, target, targetModel);
  }

  /**
   * Like {@link #request(Endpoint, byte[], WireFormat, String)}, with the application's request
   * path, from which a Gemini application's model is read ({@code .../models/gemini-2.5-flash:generateContent}).
   *
   * @param appPath the application's request path, or null
   */
  public static TranslatedRequest request(
      Endpoint appEndpoint, String appPath, byte[] appBody, WireFormat target, String targetModel) {
    if (!supports(appEndpoint, target)) {
      throw new IllegalArgumentException("no translation from " + appEndpoint + " to " + target);
    }
    if (targetModel == null || targetModel.isEmpty()) {
      throw new IllegalArgumentException("targetModel is required");
    }
    ObjectNode body = JsonUtil.parseObject(appBody, ErrorBodies.name(appEndpoint.format()) + " request");
    try {
      ChatRequest canonical;
      String appModel;
      switch (appEndpoint.format()) {
        case ANTHROPIC:
          canonical = AnthropicRequests.read(body);
          appModel = JsonUtil.string(body, "model");
          break;
        case GEMINI:
          canonical = GeminiRequests.read(body);
          canonical.stream = appEndpoint == Endpoint.GEMINI_STREAM_GENERATE_CONTENT;
          LlmRequest parsed = appPath == null ? null : RequestCodec.parse(appEndpoint, appPath, appBody);
          appModel = parsed == null ? null : parsed.model();
          break;
        default:
          canonical = OpenAiRequests.read(body);
          appModel = JsonUtil.string(body, "model");
          break;
      }
      ObjectNode out;
      Endpoint targetEndpoint;
      switch (target) {
        case ANTHROPIC:
          out = AnthropicRequests.write(canonical, targetModel);
          targetEndpoint = Endpoint.ANTHROPIC_MESSAGES;
          break;
        case GEMINI:
          out = GeminiRequests.write(canonical);
          targetEndpoint = canonical.stream ? Endpoint.GEMINI_STREAM_GENERATE_CONTENT : Endpoint.GEMINI_GENERATE_CONTENT;
          break;
        default:
          out = OpenAiRequests.write(canonical, targetModel);
          targetEndpoint = Endpoint.OPENAI_CHAT;
          break;
      }
      return new TranslatedRequest(
          appEndpoint, targetEndpoint, appModel, targetModel, JsonUtil.bytes(out), canonical.stream, canonical.includeUsage);
    } catch (TranslationException e) {
      throw e;
    } catch (RuntimeException e) {
      // A body of an unexpected shape (a number where an object belongs...): refuse, never crash the call.
      throw new TranslationException(
          "the " + ErrorBodies.name(appEndpoint.format()) + " request has an unexpected shape: " + e, e);
    }
  }

  /**
   * Translates a successful, non-streamed response body of the target into the application's
   * format: content (text and tool calls), stop reason, usage, and a synthesized id of the
   * application's shape ({@code chatcmpl-airlock-...}, {@code msg_airlock_...}). The model named is
   * the one the target reports (else the route's).
   *
   * @throws TranslationException when the body is not a JSON object
   */
  public static byte[] response(TranslatedRequest request, byte[] targetBody) {
    WireFormat target = request.target();
    ObjectNode body = JsonUtil.parseObject(targetBody, ErrorBodies.name(target) + " response");
    ErrorBodies.Info error = ErrorBodies.readEvent(body);
    if (error != null && (target != WireFormat.OPENAI || !body.has("choices"))) {
      // An error object where an answer belongs (some gateways answer 200 with one): keep it an error.
      return JsonUtil.bytes(ErrorBodies.write(request.appEndpoint().format(), error));
    }
    try {
      LlmResponse facts = ResponseCodec.parse(request.targetEndpoint(), targetBody);
      Usage usage = facts == null ? null : facts.usage();
      ChatResult result = read(target, body, usage);
      String model = result.model != null ? result.model : request.targetModel();
      return JsonUtil.bytes(write(request.appEndpoint().format(), result, model));
    } catch (TranslationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new TranslationException("the " + ErrorBodies.name(target) + " response has an unexpected shape: " + e, e);
    }
  }

  /**
   * Translates an error body of the target (any 4xx/5xx, whatever its content) into the
   * application's provider's error format. The status is kept: answer the application with the
   * same status code. The error type is derived from the status (e.g. 429 is OpenAI {@code
   * rate_limit_error}/{@code rate_limit_exceeded}, Anthropic {@code rate_limit_error}, Gemini
   * {@code RESOURCE_EXHAUSTED}); the target's message is kept verbatim. Never throws on the body.
   *
   * @param status the target's HTTP status
   * @param targetBody the target's body; may be null or not JSON
   */
  public static byte[] error(TranslatedRequest request, int status, byte[] targetBody) {
    ErrorBodies.Info info = ErrorBodies.read(request.target(), status, targetBody);
    return JsonUtil.bytes(ErrorBodies.write(request.appEndpoint().format(), info));
  }

  /**
   * A translator for the streamed answer of this call: feed it the target's SSE events, send the
   * returned bytes to the application. One per call.
   */
  public static StreamTranslator stream(TranslatedRequest request) {
    StreamDecoder decoder = decoderFor(request.target());
    StreamEncoder encoder;
    switch (request.appEndpoint().format()) {
      case ANTHROPIC:
        encoder = new AnthropicStreamEncoder(request.targetModel());
        break;
      case GEMINI:
        encoder = new GeminiStreamEncoder(request.targetModel());
        break;
      default:
        encoder = new OpenAiStreamEncoder(request.appWantsStreamUsage(), request.targetModel());
        break;
    }
    return new TranslatingStream(decoder, encoder);
  }

  /** A whole answer in the canonical model, written in {@code format}. */
  static ObjectNode write(WireFormat format, ChatResult result, String model) {
    switch (format) {
      case ANTHROPIC:
        return AnthropicResponses.write(result, model);
      case GEMINI:
        return GeminiResponses.write(result, model);
      default:
        return OpenAiResponses.write(result, model);
    }
  }

  /** A whole answer of {@code format}, read into the canonical model. */
  static ChatResult read(WireFormat format, ObjectNode body, Usage usage) {
    switch (format) {
      case ANTHROPIC:
        return AnthropicResponses.read(body, usage);
      case GEMINI:
        return GeminiResponses.read(body, usage);
      default:
        return OpenAiResponses.read(body, usage);
    }
  }

  /** A fresh decoder of {@code format}'s stream events. */
  static StreamDecoder decoderFor(WireFormat format) {
    switch (format) {
      case ANTHROPIC:
        return new AnthropicStreamDecoder();
      case GEMINI:
        return new GeminiStreamDecoder();
      default:
        return new OpenAiStreamDecoder();
    }
  }

  private static boolean isChat(Endpoint e) {
    switch (e) {
      case OPENAI_CHAT:
      case ANTHROPIC_MESSAGES:
      case GEMINI_GENERATE_CONTENT:
      case GEMINI_STREAM_GENERATE_CONTENT:
        return true;
      default:
        return false;
    }
  }
}
