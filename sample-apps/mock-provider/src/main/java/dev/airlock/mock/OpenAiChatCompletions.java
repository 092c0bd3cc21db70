package dev.airlock.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/chat/completions} in OpenAI's format, non-streamed ({@code chat.completion}) or
 * streamed as {@code chat.completion.chunk} SSE data lines ending with {@code data: [DONE]}.
 *
 * <p>Like OpenAI, a stream reports usage only when {@code stream_options.include_usage} is true:
 * then every chunk carries {@code "usage": null} and one extra final chunk has
 * {@code "choices": []} and the usage.
 *
 * <p>A tool call ({@link ToolTurn}) is {@code message.tool_calls} with {@code content: null} and
 * {@code finish_reason: "tool_calls"}; streamed, the first delta carries the call's index, id, type
 * and name with {@code arguments: ""}, the next ones fragments of the arguments.
 */
final class OpenAiChatCompletions implements Endpoint {

    static final String PATH = "/v1/chat/completions";
    private static final String FINGERPRINT = "fp_mock";

    @Override
    public Provider provider() {
        return Provider.OPENAI;
    }

    @Override
    public Reply reply(CallContext call) {
        JsonNode body = call.json();
        String model = PromptText.requiredString(body, "model");
        JsonNode messages = PromptText.requiredArray(body, "messages");
        Completion c = Completion.of(call, model, PromptText.lastUserText(messages, "content", false),
                ToolTurn.openAi(body), false);
        String id = "chatcmpl-mock-" + c.hashHex(0, 12);
        return PromptText.wantsStream(body) ? stream(c, id, includeUsage(body)) : Reply.json(complete(c, id));
    }

    /** The id of the mock's tool call: {@code call_mock} and 16 hex characters of the body hash. */
    static String toolCallId(Completion c) {
        return "call_mock" + c.hashHex(12, 16);
    }

    private static ObjectNode complete(Completion c, String id) {
        ObjectNode root = header(id, "chat.completion", c);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (c.isToolCall()) {
            message.putNull("content");
        } else {
            message.put("content", c.answer);
        }
        message.putNull("refusal");
        if (c.isToolCall()) {
            ObjectNode toolCall = message.putArray("tool_calls").addObject();
            toolCall.put("id", toolCallId(c));
            toolCall.put("type", "function");
            ObjectNode function = toolCall.putObject("function");
            function.put("name", c.toolName);
            function.put("arguments", c.answer);
        }
        message.putArray("annotations");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(c));
        root.set("usage", OpenAiUsage.chat(c));
        root.put("service_tier", "default");
        root.put("system_fingerprint", FINGERPRINT);
        return root;
    }

    private static Reply stream(Completion c, String id, boolean includeUsage) {
        List<StreamEvent> events = new ArrayList<>();
        ObjectNode first = chunk(c, id, includeUsage);
        ObjectNode roleDelta = delta(first);
        roleDelta.put("role", "assistant");
        if (c.isToolCall()) {
            // As OpenAI streams a tool call: the first delta names the call, with empty arguments...
            roleDelta.putNull("content");
            ObjectNode toolCall = roleDelta.putArray("tool_calls").addObject();
            toolCall.put("index", 0);
            toolCall.put("id", toolCallId(c));
            toolCall.put("type", "function");
            ObjectNode function = toolCall.putObject("function");
            function.put("name", c.toolName);
            function.put("arguments", "");
        } else {
            roleDelta.put("content", "");
        }
        roleDelta.putNull("refusal");
        events.add(new StreamEvent(null, Json.write(first), StreamEvent.Phase.PREAMBLE));

        for (String piece : c.chunks) {
            ObjectNode chunk = chunk(c, id, includeUsage);
            if (c.isToolCall()) {
                // ...then each delta carries only the index and a fragment of the arguments.
                ObjectNode toolCall = delta(chunk).putArray("tool_calls").addObject();
                toolCall.put("index", 0);
                toolCall.putObject("function").put("arguments", piece);
            } else {
                delta(chunk).put("content", piece);
            }
            events.add(new StreamEvent(null, Json.write(chunk), StreamEvent.Phase.CONTENT));
        }

        ObjectNode last = chunk(c, id, includeUsage);
        delta(last); // an empty delta object, as OpenAI sends with the finish reason
        ((ObjectNode) last.get("choices").get(0)).put("finish_reason", finishReason(c));
        events.add(new StreamEvent(null, Json.write(last), StreamEvent.Phase.EPILOGUE));

        if (includeUsage) {
            ObjectNode usageChunk = header(id, "chat.completion.chunk", c);
            usageChunk.putArray("choices");
            usageChunk.put("service_tier", "default");
            usageChunk.put("system_fingerprint", FINGERPRINT);
            usageChunk.set("usage", OpenAiUsage.chat(c));
            events.add(new StreamEvent(null, Json.write(usageChunk), StreamEvent.Phase.EPILOGUE));
        }
        events.add(new StreamEvent(null, "[DONE]", StreamEvent.Phase.EPILOGUE));
        return Reply.stream(events, Reply.Framing.SSE);
    }

    /** A chunk with one choice whose delta is still to be filled and finish_reason null. */
    private static ObjectNode chunk(Completion c, String id, boolean includeUsage) {
        ObjectNode root = header(id, "chat.completion.chunk", c);
        root.put("service_tier", "default");
        root.put("system_fingerprint", FINGERPRINT);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta");
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        if (includeUsage) {
            root.putNull("usage");
        }
        return root;
    }

    private static String finishReason(Completion c) {
        return c.isToolCall() ? "tool_calls" : "stop";
    }

    private static ObjectNode delta(ObjectNode chunk) {
        return (ObjectNode) chunk.get("choices").get(0).get("delta");
    }

    private static ObjectNode header(String id, String object, Completion c) {
        ObjectNode root = Json.object();
        root.put("id", id);
        root.put("object", object);
        root.put("created", Completion.CREATED_EPOCH_SECONDS);
        root.put("model", c.model);
        return root;
    }

    private static boolean includeUsage(JsonNode body) {
        JsonNode options = body.get("stream_options");
        return options != null && options.path("include_usage").asBoolean(false);
    }
}
