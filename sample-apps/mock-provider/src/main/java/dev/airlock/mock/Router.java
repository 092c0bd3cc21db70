package dev.airlock.mock;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a method and path to the {@link Endpoint} that answers it. */
final class Router {

    /**
     * Gemini paths name the model and the method: {@code /v1beta/models/gemini-2.0-flash:generateContent}.
     * {@code /v1} and {@code /v1alpha} are accepted too, since the SDKs can be pinned to them.
     */
    private static final Pattern GEMINI =
            Pattern.compile("/(v1beta|v1|v1alpha)/models/([^/:]+):(generateContent|streamGenerateContent)");

    private final Endpoint chat = new OpenAiChatCompletions();
    private final Endpoint responses = new OpenAiResponses();
    private final Endpoint embeddings = new OpenAiEmbeddings();
    private final Endpoint messages = new AnthropicMessages();

    /**
     * @param method the HTTP method
     * @param path the raw request path
     * @return the endpoint, or {@code null} when nothing answers this method and path
     */
    Endpoint route(String method, String path) {
        if (!"POST".equals(method)) {
            return null;
        }
        switch (path) {
            case OpenAiChatCompletions.PATH:
                return chat;
            case OpenAiResponses.PATH:
                return responses;
            case OpenAiEmbeddings.PATH:
                return embeddings;
            case AnthropicMessages.PATH:
                return messages;
            default:
                break;
        }
        Matcher m = GEMINI.matcher(path);
        if (m.matches()) {
            String model = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
            return new GeminiGenerateContent(model, "streamGenerateContent".equals(m.group(3)));
        }
        return null;
    }
}
