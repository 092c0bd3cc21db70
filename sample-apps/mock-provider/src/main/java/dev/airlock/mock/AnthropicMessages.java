package dev.airlock.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/messages} in Anthropic's format, non-streamed or streamed as {@code message_start},
 * {@code content_block_start}, {@code ping}, {@code content_block_delta} (text_delta)...,
 * {@code content_block_stop}, {@code message_delta}, {@code message_stop}. A tool call is one
 * {@code tool_use} block ({@code stop_reason: tool_use}); streamed, its block starts with
 * {@code input: {}} and the input arrives as {@code input_json_delta} fragments.
 *
 * <p>Anthropic's {@code input_tokens} <em>excludes</em> cache reads and cache writes, which are
 * reported separately as {@code cache_read_input_tokens} and {@code cache_creation_input_tokens}.
 * The stream reports input usage in {@code message_start} (with {@code output_tokens: 1}) and the
 * final output count in {@code message_delta}.
 */
final class AnthropicMessages implements Endpoint {

    static final String PATH = "/v1/messages";

    @Override
    public Provider provider() {
        return Provider.ANTHROPIC;
    }

    @Override
    public Reply reply(CallContext call) {
        JsonNode body = call.json();
        String model = PromptText.requiredString(body, "model");
        JsonNode messages = PromptText.requiredArray(body, "messages");
        Completion c = Completion.of(call, model, PromptText.lastUserText(messages, "content", false),
                ToolTurn.anthropic(body), true);
        String id = "msg_mock" + c.hashHex(0, 24);
        return PromptText.wantsStream(body) ? stream(c, id) : Reply.json(message(c, id, true));
    }

    /** The id of the mock's tool_use block: {@code toolu_mock} and 16 hex characters of the body hash. */
    static String toolUseId(Completion c) {
        return "toolu_mock" + c.hashHex(24, 16);
    }

    private static Reply stream(Completion c, String id) {
        List<StreamEvent> events = new ArrayList<>();

        ObjectNode start = event("message_start");
        start.set("message", message(c, id, false));
        add(events, start, StreamEvent.Phase.PREAMBLE);

        ObjectNode blockStart = event("content_block_start");
        blockStart.put("index", 0);
        if (c.isToolCall()) {
            // The tool_use block starts with an empty input; the input then arrives as JSON text.
            ObjectNode block = blockStart.putObject("content_block");
            block.put("type", "tool_use");
            block.put("id", toolUseId(c));
            block.put("name", c.toolName);
            block.putObject("input");
        } else {
            ObjectNode block = blockStart.putObject("content_block");
            block.put("type", "text");
            block.put("text", "");
        }
        add(events, blockStart, StreamEvent.Phase.PREAMBLE);

        add(events, event("ping"), StreamEvent.Phase.PREAMBLE);

        for (String piece : c.chunks) {
            ObjectNode delta = event("content_block_delta");
            delta.put("index", 0);
            ObjectNode d = delta.putObject("delta");
            if (c.isToolCall()) {
                d.put("type", "input_json_delta");
                d.put("partial_json", piece);
            } else {
                d.put("type", "text_delta");
                d.put("text", piece);
            }
            add(events, delta, StreamEvent.Phase.CONTENT);
        }

        ObjectNode blockStop = event("content_block_stop");
        blockStop.put("index", 0);
        add(events, blockStop, StreamEvent.Phase.EPILOGUE);

        ObjectNode messageDelta = event("message_delta");
        ObjectNode d = messageDelta.putObject("delta");
        d.put("stop_reason", stopReason(c));
        d.putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", c.outputTokens);
        add(events, messageDelta, StreamEvent.Phase.EPILOGUE);

        add(events, event("message_stop"), StreamEvent.Phase.EPILOGUE);
        return Reply.stream(events, Reply.Framing.SSE);
    }

    /**
     * The message object. When not {@code complete} it is the {@code message_start} skeleton:
     * no content, no stop reason, {@code output_tokens: 1}.
     */
    private static ObjectNode message(Completion c, String id, boolean complete) {
        ObjectNode m = Json.object();
        m.put("id", id);
        m.put("type", "message");
        m.put("role", "assistant");
        m.put("model", c.model);
        if (complete && c.isToolCall()) {
            ObjectNode toolUse = m.putArray("content").addObject();
            toolUse.put("type", "tool_use");
            toolUse.put("id", toolUseId(c));
            toolUse.put("name", c.toolName);
            toolUse.set("input", c.toolArguments.deepCopy());
            m.put("stop_reason", stopReason(c));
        } else if (complete) {
            ObjectNode text = m.putArray("content").addObject();
            text.put("type", "text");
            text.put("text", c.answer);
            m.put("stop_reason", stopReason(c));
        } else {
            m.putArray("content");
            m.putNull("stop_reason");
        }
        m.putNull("stop_sequence");
        ObjectNode usage = m.putObject("usage");
        usage.put("input_tokens", c.uncachedInputTokens());
        usage.put("cache_creation_input_tokens", c.cacheCreationTokens);
        usage.put("cache_read_input_tokens", c.cachedTokens);
        usage.put("output_tokens", complete ? c.outputTokens : 1);
        usage.put("service_tier", "standard");
        return m;
    }

    private static String stopReason(Completion c) {
        return c.isToolCall() ? "tool_use" : "end_turn";
    }

    private static ObjectNode event(String type) {
        ObjectNode e = Json.object();
        e.put("type", type);
        return e;
    }

    private static void add(List<StreamEvent> events, ObjectNode event, StreamEvent.Phase phase) {
        events.add(new StreamEvent(event.get("type").textValue(), Json.write(event), phase));
    }
}
