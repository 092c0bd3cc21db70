package dev.airlock.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How tools shape the answer to a chat-style request, read from the request in each wire format.
 *
 * <ul>
 *   <li>The conversation ends with a tool result (OpenAI {@code role: tool}, Anthropic
 *       {@code tool_result} block, Gemini {@code functionResponse} part): the mock answers the text
 *       {@code "Tool said: <result text>"} ({@link #toolResult()}).</li>
 *   <li>Otherwise, the request defines tools, the last message is the user's and the tool choice
 *       is not "none": the mock calls the first (client-defined function) tool with the arguments
 *       {@code {"query": "<last user message>"}} ({@link #toolName()}).</li>
 *   <li>Otherwise: the usual text answer.</li>
 * </ul>
 * Immutable.
 */
final class ToolTurn {

    /** No tool involved: the usual text answer. */
    static final ToolTurn NONE = new ToolTurn(null, null);

    /** The one argument of every mock tool call. */
    static final String ARGUMENT = "query";

    private final String toolName;
    private final String toolResult;

    private ToolTurn(String toolName, String toolResult) {
        this.toolName = toolName;
        this.toolResult = toolResult;
    }

    /** The tool to call, or {@code null} when the answer is text. */
    String toolName() {
        return toolName;
    }

    /** The text of the tool result the conversation ends with, or {@code null}. */
    String toolResult() {
        return toolResult;
    }

    /** The arguments of the call: {@code {"query": lastUserText}}. */
    static ObjectNode arguments(String lastUserText) {
        ObjectNode args = Json.object();
        args.put(ARGUMENT, lastUserText);
        return args;
    }

    // ------------------------------------------------------------------ OpenAI chat completions

    /**
     * OpenAI chat: {@code tools: [{type: function, function: {name, parameters}}]},
     * {@code tool_choice: "none"} disables calls, a last message with {@code role: tool} (or the
     * legacy {@code function}) is a tool result.
     */
    static ToolTurn openAi(JsonNode body) {
        JsonNode last = lastElement(body.get("messages"));
        String role = last == null ? "" : last.path("role").asText("");
        if (role.equals("tool") || role.equals("function")) {
            return new ToolTurn(null, PromptText.text(last.get("content")));
        }
        if (!role.equals("user") || "none".equals(body.path("tool_choice").asText(""))) {
            return NONE;
        }
        JsonNode tools = body.get("tools");
        if (tools != null && tools.isArray()) {
            for (JsonNode tool : tools) {
                String type = tool.path("type").asText("function");
                String name = tool.path("function").path("name").asText("");
                if (type.equals("function") && !name.isEmpty()) {
                    return new ToolTurn(name, null);
                }
            }
        }
        return NONE;
    }

    // ------------------------------------------------------------------ Anthropic messages

    /**
     * Anthropic: {@code tools: [{name, input_schema}]} (server tools, which carry a versioned
     * {@code type}, are skipped), {@code tool_choice: {type: none}} disables calls, a last user
     * message holding {@code tool_result} blocks is a tool result (their texts joined by newlines).
     */
    static ToolTurn anthropic(JsonNode body) {
        JsonNode last = lastElement(body.get("messages"));
        if (last == null || !"user".equals(last.path("role").asText(""))) {
            return NONE;
        }
        JsonNode content = last.get("content");
        if (content != null && content.isArray()) {
            StringBuilder results = null;
            for (JsonNode block : content) {
                if ("tool_result".equals(block.path("type").asText(""))) {
                    results = results == null ? new StringBuilder() : results.append('\n');
                    results.append(PromptText.text(block.get("content")));
                }
            }
            if (results != null) {
                return new ToolTurn(null, results.toString());
            }
        }
        if ("none".equals(body.path("tool_choice").path("type").asText(""))) {
            return NONE;
        }
        JsonNode tools = body.get("tools");
        if (tools != null && tools.isArray()) {
            for (JsonNode tool : tools) {
                String type = tool.path("type").asText("custom");
                String name = tool.path("name").asText("");
                if (type.equals("custom") && !name.isEmpty() && tool.has("input_schema")) {
                    return new ToolTurn(name, null);
                }
            }
        }
        return NONE;
    }

    // ------------------------------------------------------------------ Gemini

    /**
     * Gemini: {@code tools: [{functionDeclarations: [{name, parameters}]}]},
     * {@code toolConfig.functionCallingConfig.mode: NONE} disables calls, a last content holding
     * {@code functionResponse} parts is a tool result (see {@link #functionResponseText}).
     */
    static ToolTurn gemini(JsonNode body) {
        JsonNode last = lastElement(body.get("contents"));
        if (last == null) {
            return NONE;
        }
        JsonNode parts = last.get("parts");
        if (parts != null && parts.isArray()) {
            StringBuilder results = null;
            for (JsonNode part : parts) {
                JsonNode response = part.get("functionResponse");
                if (response != null && response.isObject()) {
                    results = results == null ? new StringBuilder() : results.append('\n');
                    results.append(functionResponseText(response.get("response")));
                }
            }
            if (results != null) {
                return new ToolTurn(null, results.toString());
            }
        }
        JsonNode role = last.get("role");
        boolean user = role == null || role.isNull() || "user".equals(role.asText());
        String mode = body.path("toolConfig").path("functionCallingConfig").path("mode").asText("");
        if (!user || "NONE".equalsIgnoreCase(mode)) {
            return NONE;
        }
        JsonNode tools = body.get("tools");
        if (tools != null && tools.isArray()) {
            for (JsonNode tool : tools) {
                JsonNode declarations = tool.get("functionDeclarations");
                if (declarations == null || !declarations.isArray()) {
                    continue;
                }
                for (JsonNode declaration : declarations) {
                    String name = declaration.path("name").asText("");
                    if (!name.isEmpty()) {
                        return new ToolTurn(name, null);
                    }
                }
            }
        }
        return NONE;
    }

    /**
     * The text of a Gemini {@code functionResponse.response} (a JSON object): the value of its only
     * field when that is a string (e.g. {@code {"result": "order 42 shipped"}}), else the text of a
     * {@code content}, {@code result} or {@code output} string field, else the object as compact JSON.
     */
    static String functionResponseText(JsonNode response) {
        if (response == null || response.isNull()) {
            return "";
        }
        if (response.isTextual()) {
            return response.textValue();
        }
        if (response.isObject()) {
            if (response.size() == 1) {
                JsonNode only = response.properties().iterator().next().getValue();
                if (only.isTextual()) {
                    return only.textValue();
                }
            }
            for (String field : new String[] {"content", "result", "output"}) {
                JsonNode value = response.get(field);
                if (value != null && value.isTextual()) {
                    return value.textValue();
                }
            }
        }
        return Json.write(response);
    }

    private static JsonNode lastElement(JsonNode array) {
        if (array == null || !array.isArray() || array.size() == 0) {
            return null;
        }
        JsonNode last = array.get(array.size() - 1);
        return last.isObject() ? last : null;
    }
}
