package dev.airlock.agent.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.WireFormat;
import dev.airlock.agent.translate.TranslatedRequest;
import dev.airlock.agent.translate.Translation;
import dev.airlock.agent.translate.TranslationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the application's request into the request for one target: URL and path, the model, the
 * body (translated when the target speaks another format) and the headers.
 *
 * <p>Credentials: a call that stays with the provider the application addressed keeps the
 * application's own headers. A call sent anywhere else loses every credential header the
 * application set ({@code Authorization}, {@code x-api-key}, {@code api-key},
 * {@code x-goog-api-key}, cookies, the providers' organisation and beta headers) and carries the
 * target's key from the policy instead, in the header its format expects; a target without a key
 * gets none. So a key for provider A never reaches provider B.
 */
final class TargetRequests {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Headers that identify the application to the provider it addressed; never sent elsewhere. */
  private static final Set<String> APP_CREDENTIALS = Set.of(
      "authorization", "x-api-key", "api-key", "x-goog-api-key", "cookie", "anthropic-version", "anthropic-beta",
      "openai-organization", "openai-project", "openai-beta", "x-goog-user-project");
  /** Headers the transport sets from the body and the URL. */
  private static final Set<String> TRANSPORT_HEADERS = Set.of("content-length", "host", "transfer-encoding",
      "connection");
  static final String ANTHROPIC_VERSION = "2023-06-01";

  private TargetRequests() {}

  /** One target's request, with the translation its answer needs (null when the formats agree). */
  static final class Prepared {
    final UpstreamRequest request;
    final TranslatedRequest translation;
    final String model;

    Prepared(UpstreamRequest request, TranslatedRequest translation, String model) {
      this.request = request;
      this.translation = translation;
      this.model = model;
    }
  }

  /**
   * Builds the attempt for {@code target}.
   *
   * @param appProvider the name of the provider the application addressed
   * @param appModel the model the application asked for (null when unknown)
   * @param body the body as the agent sends it (redacted, usage requested...)
   * @throws TranslationException when the target cannot take this call (another format without a
   *     translator, a feature it cannot express, no model to ask for)
   */
  static Prepared prepare(RouteTarget target, String appProvider, Endpoint appEndpoint, String appModel,
      AppRequest app, byte[] body) {
    boolean appOwn = target.provider().equals(appProvider);
    String model = target.model() != null ? target.model() : appModel;
    if (target.format() == appEndpoint.format()) {
      byte[] sent = body;
      boolean modelChanges = model != null && !model.equals(appModel);
      if (modelChanges && target.format() != WireFormat.GEMINI) {
        sent = withModel(body, model);
      }
      String scheme;
      String host;
      int port;
      String path;
      if (appOwn || target.host() == null) {
        if (!appOwn) {
          throw new TranslationException("provider " + target.provider() + " has no base_url to send calls to");
        }
        scheme = app.scheme();
        host = app.host();
        port = app.port();
        path = modelChanges && target.format() == WireFormat.GEMINI
            ? geminiPathWithModel(app.pathAndQuery(), model) : app.pathAndQuery();
      } else {
        scheme = target.scheme();
        host = target.host();
        port = target.port();
        path = samePath(target, appEndpoint, app, model);
      }
      Map<String, List<String>> headers = appOwn ? appHeaders(app) : foreignHeaders(app, target, false);
      return new Prepared(new UpstreamRequest(scheme, host, port, path, headers, sent,
          appOwn ? Map.of() : credentials(target)), null, model);
    }
    if (!Translation.supports(appEndpoint, target.format())) {
      throw new TranslationException("a " + appEndpoint + " call cannot be translated to the "
          + target.format().name().toLowerCase(java.util.Locale.ROOT) + " format of " + target.provider());
    }
    if (model == null) {
      throw new TranslationException("target " + target.label() + " needs a model: write " + target.provider()
          + "/<model> in the route");
    }
    if (target.host() == null) {
      throw new TranslationException("provider " + target.provider() + " has no base_url to send calls to");
    }
    TranslatedRequest translated = Translation.request(appEndpoint, app.path(), body, target.format(), model);
    String path = translatedPath(target, translated.targetEndpoint(), model);
    Map<String, List<String>> headers = foreignHeaders(app, target, translated.stream());
    return new Prepared(new UpstreamRequest(target.scheme(), target.host(), target.port(), path, headers,
        translated.body(), credentials(target)), translated, model);
  }

  private static Map<String, List<String>> appHeaders(AppRequest app) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    app.headers().forEach((name, values) -> {
      if (!TRANSPORT_HEADERS.contains(name)) {
        headers.put(name, values);
      }
    });
    return headers;
  }

  private static Map<String, List<String>> foreignHeaders(AppRequest app, RouteTarget target, boolean translatedStream) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    app.headers().forEach((name, values) -> {
      if (!TRANSPORT_HEADERS.contains(name) && !APP_CREDENTIALS.contains(name)) {
        headers.put(name, new ArrayList<>(values));
      }
    });
    headers.put("content-type", List.of("application/json"));
    if (translatedStream) {
      headers.put("accept", List.of("text/event-stream"));
    }
    if (target.format() == WireFormat.ANTHROPIC) {
      headers.put("anthropic-version", List.of(ANTHROPIC_VERSION));
    }
    credentials(target).forEach((name, value) -> headers.put(name, List.of(value)));
    return headers;
  }

  /** The target's key in the header its format expects; empty when the policy gives it none. */
  static Map<String, String> credentials(RouteTarget target) {
    String key = target.apiKey();
    if (key == null) {
      return Map.of();
    }
    switch (target.format()) {
      case ANTHROPIC:
        return Map.of("x-api-key", key);
      case GEMINI:
        return Map.of("x-goog-api-key", key);
      default:
        return Map.of("authorization", "Bearer " + key);
    }
  }

  /** Same format, another provider: the endpoint's path under the target's base path. */
  private static String samePath(RouteTarget target, Endpoint endpoint, AppRequest app, String model) {
    switch (endpoint) {
      case OPENAI_CHAT:
        return target.basePath() + "/chat/completions";
      case OPENAI_RESPONSES:
        return target.basePath() + "/responses";
      case OPENAI_EMBEDDINGS:
        return target.basePath() + "/embeddings";
      case OPENAI_COMPLETIONS:
        return target.basePath() + "/completions";
      case ANTHROPIC_MESSAGES:
        return anthropicBase(target) + "/messages";
      case GEMINI_STREAM_GENERATE_CONTENT:
        return geminiBase(target) + "/models/" + geminiModel(model) + ":streamGenerateContent?alt=sse";
      default:
        return geminiBase(target) + "/models/" + geminiModel(model) + ":generateContent";
    }
  }

  private static String translatedPath(RouteTarget target, Endpoint targetEndpoint, String model) {
    switch (targetEndpoint) {
      case ANTHROPIC_MESSAGES:
        return anthropicBase(target) + "/messages";
      case GEMINI_GENERATE_CONTENT:
        return geminiBase(target) + "/models/" + geminiModel(model) + ":generateContent";
      case GEMINI_STREAM_GENERATE_CONTENT:
        return geminiBase(target) + "/models/" + geminiModel(model) + ":streamGenerateContent?alt=sse";
      default:
        return target.basePath() + "/chat/completions";
    }
  }

  /** Anthropic's SDKs take a base URL without {@code /v1}; a policy may write either. */
  private static String anthropicBase(RouteTarget target) {
    String base = target.basePath();
    return base.endsWith("/v1") ? base : base + "/v1";
  }

  private static String geminiBase(RouteTarget target) {
    String base = target.basePath();
    return base.endsWith("/v1beta") || base.endsWith("/v1") || base.endsWith("/v1alpha") ? base : base + "/v1beta";
  }

  private static String geminiModel(String model) {
    return model.startsWith("models/") ? model.substring("models/".length()) : model;
  }

  private static String geminiPathWithModel(String pathAndQuery, String model) {
    int models = pathAndQuery.indexOf("/models/");
    int colon = models < 0 ? -1 : pathAndQuery.indexOf(':', models);
    if (colon < 0) {
      return pathAndQuery;
    }
    return pathAndQuery.substring(0, models) + "/models/" + geminiModel(model) + pathAndQuery.substring(colon);
  }

  private static byte[] withModel(byte[] body, String model) {
    try {
      JsonNode root = JSON.readTree(body);
      if (!(root instanceof ObjectNode)) {
        return body;
      }
      ((ObjectNode) root).put("model", model);
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new TranslationException("the request body is not JSON; cannot change its model", e);
    }
  }
}
