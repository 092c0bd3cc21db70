package dev.airlock.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Gemini API {@code POST /v1beta/models/{model}:generateContent} and
 * {@code :streamGenerateContent}. The model comes from the path. A stream with {@code ?alt=sse} is
 * SSE {@code data:} lines of {@code GenerateContentResponse}; without it, one JSON array of them
 * (as Google serves it). Only the last chunk has {@code finishReason: "STOP"} and
 * {@code usageMetadata}; {@code cachedContentTokenCount} appears only when tokens were cached and
 * is included in {@code promptTokenCount}. A tool call is one {@code functionCall} part
 * ({@code finishReason: "STOP"}, as Gemini reports it), streamed as a single chunk.
 */
final class GeminiGenerateContent implements Endpoint {

    private final String model;
    private final boolean streaming;

    /**
     * @param model the model named in the path, e.g. {@code gemini-2.0-flash}
     * @param streaming whether the path was {@code :streamGenerateContent}
     */
    GeminiGenerateContent(String model, boolean streaming) {
        this.model = model;
        this.streaming = streaming;
    }

    @Override
    public Provider provider() {
        return Provider.GEMINI;
    }

    @Override
    public Reply reply(CallContext call) {
        JsonNode contents = PromptText.requiredArray(call.json(), "contents");
        Completion c = Completion.of(call, model, PromptText.lastUserText(contents, "parts", true),
                ToolTurn.gemini(call.json()), false);
        String responseId = "mock" + c.hashHex(0, 16);
        if (!streaming) {
            return Reply.json(response(c, responseId, c.answer, true));
        }
        List<StreamEvent> events = new ArrayList<>();
        if (c.isToolCall()) {
            // Gemini streams a function call whole, in one chunk, never split across chunks.
            events.add(new StreamEvent(null, Json.write(response(c, responseId, null, true)),
                    StreamEvent.Phase.CONTENT));
        } else {
            for (int i = 0; i < c.chunks.size(); i++) {
                boolean last = i == c.chunks.size() - 1;
                events.add(new StreamEvent(null, Json.write(response(c, responseId, c.chunks.get(i), last)),
                        StreamEvent.Phase.CONTENT));
            }
        }
        boolean sse = "sse".equals(call.queryParam("alt"));
        return Reply.stream(events, sse ? Reply.Framing.SSE : Reply.Framing.JSON_ARRAY);
    }

    /**
     * A GenerateContentResponse with one candidate holding {@code text}, or the function call of a
     * tool-call answer; finished ones add usage.
     */
    private static ObjectNode response(Completion c, String responseId, String text, boolean finished) {
        ObjectNode root = Json.object();
        ObjectNode candidate = root.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        if (c.isToolCall()) {
            ObjectNode functionCall = content.putArray("parts").addObject().putObject("functionCall");
            functionCall.put("name", c.toolName);
            functionCall.set("args", c.toolArguments.deepCopy());
        } else {
            content.putArray("parts").addObject().put("text", text);
        }
        content.put("role", "model");
        if (finished) {
            candidate.put("finishReason", "STOP");
        }
        candidate.put("index", 0);
        if (finished) {
            ObjectNode usage = root.putObject("usageMetadata");
            usage.put("promptTokenCount", c.inputTokens);
            usage.put("candidatesTokenCount", c.outputTokens);
            usage.put("totalTokenCount", c.totalTokens());
            if (c.cachedTokens > 0) {
                usage.put("cachedContentTokenCount", c.cachedTokens);
            }
            ObjectNode details = usage.putArray("promptTokensDetails").addObject();
            details.put("modality", "TEXT");
            details.put("tokenCount", c.inputTokens);
        }
        root.put("modelVersion", c.model);
        root.put("responseId", responseId);
        return root;
    }
}
