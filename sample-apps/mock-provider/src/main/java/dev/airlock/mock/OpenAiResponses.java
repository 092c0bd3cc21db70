package dev.airlock.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/responses} in OpenAI's Responses API format: a {@code response} object, or when
 * {@code "stream": true} the real event sequence {@code response.created},
 * {@code response.in_progress}, {@code response.output_item.added},
 * {@code response.content_part.added}, {@code response.output_text.delta}...,
 * {@code response.output_text.done}, {@code response.content_part.done},
 * {@code response.output_item.done}, {@code response.completed} (which carries the usage). Each
 * SSE event has an {@code event:} line equal to its {@code type} and a {@code sequence_number}
 * counting from 0.
 */
final class OpenAiResponses implements Endpoint {

    static final String PATH = "/v1/responses";

    @Override
    public Provider provider() {
        return Provider.OPENAI;
    }

    @Override
    public Reply reply(CallContext call) {
        JsonNode body = call.json();
        String model = PromptText.requiredString(body, "model");
        JsonNode input = body.get("input");
        String userText;
        if (input != null && input.isTextual()) {
            userText = input.textValue();
        } else if (input != null && input.isArray()) {
            userText = PromptText.lastUserText(input, "content", false);
        } else {
            throw new BadRequestException("'input' must be a string or an array of input items");
        }
        Completion c = Completion.of(call, model, userText, false);
        String responseId = "resp_mock" + c.hashHex(0, 24);
        String messageId = "msg_mock" + c.hashHex(24, 24);
        if (!PromptText.wantsStream(body)) {
            return Reply.json(response(body, c, responseId, messageId, true));
        }
        return stream(body, c, responseId, messageId);
    }

    private static Reply stream(JsonNode request, Completion c, String responseId, String messageId) {
        Sequencer seq = new Sequencer();
        ObjectNode created = seq.next("response.created");
        created.set("response", response(request, c, responseId, messageId, false));
        seq.add(created, StreamEvent.Phase.PREAMBLE);

        ObjectNode inProgress = seq.next("response.in_progress");
        inProgress.set("response", response(request, c, responseId, messageId, false));
        seq.add(inProgress, StreamEvent.Phase.PREAMBLE);

        ObjectNode itemAdded = seq.next("response.output_item.added");
        itemAdded.put("output_index", 0);
        itemAdded.set("item", message(messageId, null));
        seq.add(itemAdded, StreamEvent.Phase.PREAMBLE);

        ObjectNode partAdded = seq.next("response.content_part.added");
        locate(partAdded, messageId);
        partAdded.set("part", outputText(""));
        seq.add(partAdded, StreamEvent.Phase.PREAMBLE);

        for (String piece : c.chunks) {
            ObjectNode delta = seq.next("response.output_text.delta");
            locate(delta, messageId);
            delta.put("delta", piece);
            delta.putArray("logprobs");
            seq.add(delta, StreamEvent.Phase.CONTENT);
        }

        ObjectNode textDone = seq.next("response.output_text.done");
        locate(textDone, messageId);
        textDone.put("text", c.answer);
        textDone.putArray("logprobs");
        seq.add(textDone, StreamEvent.Phase.EPILOGUE);

        ObjectNode partDone = seq.next("response.content_part.done");
        locate(partDone, messageId);
        partDone.set("part", outputText(c.answer));
        seq.add(partDone, StreamEvent.Phase.EPILOGUE);

        ObjectNode itemDone = seq.next("response.output_item.done");
        itemDone.put("output_index", 0);
        itemDone.set("item", message(messageId, c.answer));
        seq.add(itemDone, StreamEvent.Phase.EPILOGUE);

        ObjectNode completed = seq.next("response.completed");
        completed.set("response", response(request, c, responseId, messageId, true));
        seq.add(completed, StreamEvent.Phase.EPILOGUE);
        return Reply.stream(seq.events, Reply.Framing.SSE);
    }

    /**
     * The {@code response} object; while in progress it has no output and {@code usage: null}.
     * Request settings the API echoes back (instructions, temperature...) are echoed.
     */
    private static ObjectNode response(JsonNode request, Completion c, String responseId, String messageId,
                                       boolean completed) {
        ObjectNode r = Json.object();
        r.put("id", responseId);
        r.put("object", "response");
        r.put("created_at", Completion.CREATED_EPOCH_SECONDS);
        r.put("status", completed ? "completed" : "in_progress");
        r.put("background", false);
        r.putNull("error");
        r.putNull("incomplete_details");
        echo(r, request, "instructions");
        echo(r, request, "max_output_tokens");
        r.put("model", c.model);
        ArrayNode output = r.putArray("output");
        if (completed) {
            output.add(message(messageId, c.answer));
        }
        r.put("parallel_tool_calls", request.path("parallel_tool_calls").asBoolean(true));
        echo(r, request, "previous_response_id");
        ObjectNode reasoning = r.putObject("reasoning");
        reasoning.putNull("effort");
        reasoning.putNull("summary");
        r.put("service_tier", "default");
        r.put("store", request.path("store").asBoolean(true));
        r.put("temperature", request.path("temperature").asDouble(1.0));
        ObjectNode text = r.putObject("text");
        text.putObject("format").put("type", "text");
        r.put("tool_choice", "auto");
        r.putArray("tools");
        r.put("top_p", request.path("top_p").asDouble(1.0));
        r.put("truncation", "disabled");
        if (completed) {
            r.set("usage", OpenAiUsage.responses(c));
        } else {
            r.putNull("usage");
        }
        echo(r, request, "user");
        JsonNode metadata = request.get("metadata");
        r.set("metadata", metadata != null && metadata.isObject() ? metadata.deepCopy() : Json.object());
        return r;
    }

    /** The assistant message output item; {@code text == null} means "just added, no content yet". */
    private static ObjectNode message(String messageId, String text) {
        ObjectNode item = Json.object();
        item.put("id", messageId);
        item.put("type", "message");
        item.put("status", text == null ? "in_progress" : "completed");
        ArrayNode content = item.putArray("content");
        if (text != null) {
            content.add(outputText(text));
        }
        item.put("role", "assistant");
        return item;
    }

    private static ObjectNode outputText(String text) {
        ObjectNode part = Json.object();
        part.put("type", "output_text");
        part.putArray("annotations");
        part.putArray("logprobs");
        part.put("text", text);
        return part;
    }

    private static void locate(ObjectNode event, String messageId) {
        event.put("item_id", messageId);
        event.put("output_index", 0);
        event.put("content_index", 0);
    }

    private static void echo(ObjectNode target, JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            target.putNull(field);
        } else {
            target.set(field, value.deepCopy());
        }
    }

    /** Numbers events in order and collects them as named SSE events. */
    private static final class Sequencer {
        final List<StreamEvent> events = new ArrayList<>();
        private int sequence;

        ObjectNode next(String type) {
            ObjectNode event = Json.object();
            event.put("type", type);
            event.put("sequence_number", sequence++);
            return event;
        }

        void add(ObjectNode event, StreamEvent.Phase phase) {
            events.add(new StreamEvent(event.get("type").textValue(), Json.write(event), phase));
        }
    }
}
