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
        Completion c = Completion.of(call, model, PromptText.lastUserText(messages, "content", false), false);
        String id = "chatcmpl-mock-" + c.hashHex(0, 12);
        return PromptText.wantsStream(body) ? stream(c, id, includeUsage(body)) : Reply.json(complete(c, id));
    }

    private static ObjectNode complete(Completion c, String id) {
        ObjectNode root = header(id, "chat.completion", c);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", c.answer);
        message.putNull("refusal");
        message.putArray("annotations");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
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
        roleDelta.put("content", "");
        roleDelta.putNull("refusal");
        events.add(new StreamEvent(null, Json.write(first), StreamEvent.Phase.PREAMBLE));

        for (String piece : c.chunks) {
            ObjectNode chunk = chunk(c, id, includeUsage);
            delta(chunk).put("content", piece);
            events.add(new StreamEvent(null, Json.write(chunk), StreamEvent.Phase.CONTENT));
        }

        ObjectNode last = chunk(c, id, includeUsage);
        delta(last); // an empty delta object, as OpenAI sends with the finish reason
        ((ObjectNode) last.get("choices").get(0)).put("finish_reason", "stop");
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
