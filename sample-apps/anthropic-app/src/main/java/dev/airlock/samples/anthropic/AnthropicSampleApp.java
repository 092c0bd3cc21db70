package dev.airlock.samples.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.ObjectMappers;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageDeltaUsage;
import com.anthropic.models.messages.RawContentBlockDelta;
import com.anthropic.models.messages.RawMessageDeltaEvent;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.messages.Usage;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * An ordinary application on the official Anthropic Java SDK. It knows nothing of any agent: it
 * builds its client from the environment (ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL) and makes a few
 * calls.
 *
 * <p>Usage: {@code java -jar anthropic-app.jar [scenario ...]}; with no argument the scenarios of
 * {@link #ALL_SCENARIOS} run, in that order; {@link #EXTRA_SCENARIOS} (tool use) run only when
 * named. Each scenario prints exactly one line to stdout. The exit code is 0 when every scenario
 * succeeded and 1 otherwise.
 *
 * <p>Optional environment: PROMPT (the question to ask instead of each scenario's greeting),
 * TRACEPARENT (sent as a {@code traceparent} header on every call, as an app with its own tracing
 * would) and HEALTH_URL (target of the plain, non-LLM {@code health} GET).
 */
public final class AnthropicSampleApp {

    /** The scenarios run when none is named; tests compare the output of exactly these. */
    static final List<String> ALL_SCENARIOS = Collections.unmodifiableList(Arrays.asList(
            "messages", "stream", "async", "health"));

    /** Scenarios that run only when named on the command line. */
    static final List<String> EXTRA_SCENARIOS = Collections.unmodifiableList(Arrays.asList(
            "tools", "tools-stream"));

    /** The one tool the tool scenarios offer, and what the app's "order system" answers. */
    static final String TOOL_NAME = "lookup_order";
    static final String TOOL_RESULT = "order 42 shipped";

    static final String MODEL = "claude-3-5-haiku-latest";
    static final String SYSTEM_PROMPT = "You are a helpful assistant. Answer in one short sentence.";
    static final long MAX_TOKENS = 256;
    static final long ASYNC_TIMEOUT_SECONDS = 60;

    private AnthropicClient client;

    private AnthropicSampleApp() {}

    public static void main(String[] args) {
        List<String> scenarios = args.length == 0 ? ALL_SCENARIOS : Arrays.asList(args);
        AnthropicSampleApp app = new AnthropicSampleApp();
        int failures = 0;
        try {
            for (String scenario : scenarios) {
                if (!app.runScenario(scenario)) {
                    failures++;
                }
            }
        } finally {
            app.close();
        }
        System.out.flush();
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Runs one scenario, prints its line, and tells whether it succeeded. */
    private boolean runScenario(String scenario) {
        String line;
        try {
            line = dispatch(scenario);
        } catch (Throwable t) {
            Throwable cause = unwrap(t);
            System.out.println(scenario + ": ERROR " + cause.getClass().getSimpleName() + ": "
                    + oneLine(String.valueOf(cause.getMessage())));
            return false;
        }
        System.out.println(scenario + ": " + line);
        return true;
    }

    private String dispatch(String scenario) throws Exception {
        switch (scenario) {
            case "messages":
                return messages();
            case "stream":
                return stream();
            case "async":
                return async();
            case "health":
                return health();
            case "tools":
                return tools();
            case "tools-stream":
                return toolsStream();
            default:
                List<String> known = new ArrayList<>(ALL_SCENARIOS);
                known.addAll(EXTRA_SCENARIOS);
                throw new IllegalArgumentException(
                        "unknown scenario (known: " + String.join(", ", known) + ")");
        }
    }

    // ---------------------------------------------------------------- client

    /** The SDK client, built from the environment on first use, as any app would build it. */
    private AnthropicClient client() {
        if (client == null) {
            AnthropicClient fromEnv = AnthropicOkHttpClient.fromEnv();
            String traceparent = traceparent();
            client = traceparent == null
                    ? fromEnv
                    : fromEnv.withOptions(options -> options.putHeader("traceparent", traceparent));
        }
        return client;
    }

    private void close() {
        if (client != null) {
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // Closing is best effort; the process exits next anyway.
            }
        }
    }

    private static String traceparent() {
        String value = System.getenv("TRACEPARENT");
        return value == null || value.isEmpty() ? null : value;
    }

    private static MessageCreateParams params(String userMessage) {
        return MessageCreateParams.builder()
                .model(MODEL)
                .maxTokens(MAX_TOKENS)
                .system(SYSTEM_PROMPT)
                .addUserMessage(userMessage)
                .build();
    }

    // ---------------------------------------------------------------- scenarios

    private String messages() {
        Message message = client().messages().create(params(question("Hello from the messages scenario")));
        return describe(message);
    }

    private String stream() {
        MessageCreateParams params = params(question("Hello from the stream scenario"));
        StringBuilder text = new StringBuilder();
        int textDeltas = 0;
        String model = null;
        String stop = null;
        Long startInputTokens = null;
        MessageDeltaUsage finalUsage = null;
        try (StreamResponse<RawMessageStreamEvent> response = client().messages().createStreaming(params)) {
            for (RawMessageStreamEvent event : (Iterable<RawMessageStreamEvent>) response.stream()::iterator) {
                if (event.messageStart().isPresent()) {
                    Message start = event.messageStart().get().message();
                    model = start.model().asString();
                    startInputTokens = start.usage().inputTokens();
                } else if (event.contentBlockDelta().isPresent()) {
                    RawContentBlockDelta delta = event.contentBlockDelta().get().delta();
                    if (delta.text().isPresent()) {
                        text.append(delta.text().get().text());
                        textDeltas++;
                    }
                } else if (event.messageDelta().isPresent()) {
                    RawMessageDeltaEvent messageDelta = event.messageDelta().get();
                    if (messageDelta.delta().stopReason().isPresent()) {
                        stop = messageDelta.delta().stopReason().get().asString();
                    }
                    finalUsage = messageDelta.usage();
                }
            }
        }
        String usage;
        if (finalUsage == null) {
            usage = "usage=none";
        } else {
            // message_delta carries the final (cumulative) usage; input_tokens there is optional,
            // so fall back to the one message_start reported.
            Long in = finalUsage.inputTokens().orElse(startInputTokens);
            usage = "usage in=" + (in == null ? "none" : String.valueOf(in))
                    + " out=" + finalUsage.outputTokens();
        }
        return oneLine(text.toString())
                + " | model=" + model
                + " | stop=" + stop
                + " | deltas>1=" + (textDeltas > 1)
                + " | " + usage;
    }

    private String async() throws Exception {
        Message message = client().async().messages()
                .create(params(question("Hello from the async scenario")))
                .get(ASYNC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return describe(message);
    }

    /** A plain, non-LLM GET with OkHttp itself (the SDK's own HTTP library). */
    private String health() throws Exception {
        String url = System.getenv("HEALTH_URL");
        if (url == null || url.isEmpty()) {
            return "skipped";
        }
        OkHttpClient http = new OkHttpClient();
        try {
            Request.Builder request = new Request.Builder().url(url).get();
            String traceparent = traceparent();
            if (traceparent != null) {
                request.header("traceparent", traceparent);
            }
            try (okhttp3.Response response = http.newCall(request.build()).execute()) {
                String body = response.body() == null ? "" : response.body().string();
                return "status=" + response.code() + " body=" + oneLine(body.strip());
            }
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /**
     * A message offering the {@code lookup_order} tool; the model uses it, the app "looks the order
     * up" and sends a {@code tool_result} back in a second call, whose answer ends the line.
     */
    private String tools() throws JsonProcessingException {
        MessageCreateParams ask = toolParams(question("Hello from the tools scenario"));
        Message first = client().messages().create(ask);
        ToolUseBlock toolUse = firstToolUse(first);
        Message second = client().messages().create(withToolResult(ask, first, toolUse));
        return describeToolUse(toolUse)
                + " | model=" + first.model().asString()
                + " | stop=" + first.stopReason().map(r -> r.asString()).orElse("none")
                + " | usage in=" + first.usage().inputTokens() + " out=" + first.usage().outputTokens()
                + " -> " + oneLine(text(second));
    }

    /**
     * {@link #tools()} with streaming calls: the tool_use block (its input sent as
     * {@code input_json_delta} fragments) is put together by the SDK's {@link MessageAccumulator}.
     */
    private String toolsStream() throws JsonProcessingException {
        MessageCreateParams ask = toolParams(question("Hello from the tools-stream scenario"));
        MessageAccumulator accumulator = MessageAccumulator.create();
        int inputDeltas = 0;
        try (StreamResponse<RawMessageStreamEvent> response = client().messages().createStreaming(ask)) {
            for (RawMessageStreamEvent event : (Iterable<RawMessageStreamEvent>) response.stream()::iterator) {
                accumulator.accumulate(event);
                if (event.contentBlockDelta().isPresent()
                        && event.contentBlockDelta().get().delta().inputJson().isPresent()) {
                    inputDeltas++;
                }
            }
        }
        Message first = accumulator.message();
        ToolUseBlock toolUse = firstToolUse(first);

        MessageAccumulator answerAccumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> response =
                client().messages().createStreaming(withToolResult(ask, first, toolUse))) {
            for (RawMessageStreamEvent event : (Iterable<RawMessageStreamEvent>) response.stream()::iterator) {
                answerAccumulator.accumulate(event);
            }
        }
        Message second = answerAccumulator.message();
        return describeToolUse(toolUse)
                + " | model=" + first.model().asString()
                + " | stop=" + first.stopReason().map(r -> r.asString()).orElse("none")
                + " | deltas>1=" + (inputDeltas > 1)
                + " | usage in=" + first.usage().inputTokens() + " out=" + first.usage().outputTokens()
                + " -> " + oneLine(text(second));
    }

    private static MessageCreateParams toolParams(String userMessage) {
        Tool lookupOrder = Tool.builder()
                .name(TOOL_NAME)
                .description("Looks up the status of a customer's order")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(Tool.InputSchema.Properties.builder()
                                .putAdditionalProperty("query", JsonValue.from(Map.of(
                                        "type", "string",
                                        "description", "What to look up, e.g. an order number")))
                                .build())
                        .addRequired("query")
                        .build())
                .build();
        return MessageCreateParams.builder()
                .model(MODEL)
                .maxTokens(MAX_TOKENS)
                .system(SYSTEM_PROMPT)
                .addUserMessage(userMessage)
                .addTool(lookupOrder)
                .build();
    }

    /** The first request again, plus the assistant's turn and a user turn with the tool result. */
    private static MessageCreateParams withToolResult(MessageCreateParams ask, Message assistant,
            ToolUseBlock toolUse) {
        return ask.toBuilder()
                .addMessage(assistant)
                .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(
                        ToolResultBlockParam.builder()
                                .toolUseId(toolUse.id())
                                .content(TOOL_RESULT)
                                .build())))
                .build();
    }

    private static ToolUseBlock firstToolUse(Message message) {
        for (ContentBlock block : message.content()) {
            if (block.toolUse().isPresent()) {
                return block.toolUse().get();
            }
        }
        throw new IllegalStateException("expected a tool_use block, got stop="
                + message.stopReason().map(r -> r.asString()).orElse("none") + ": " + text(message));
    }

    // ---------------------------------------------------------------- formatting

    /** {@code tool_call <name> <input as compact JSON>}. */
    private static String describeToolUse(ToolUseBlock toolUse) throws JsonProcessingException {
        return "tool_call " + toolUse.name() + " "
                + oneLine(ObjectMappers.jsonMapper().writeValueAsString(toolUse._input()));
    }

    private static String text(Message message) {
        StringBuilder text = new StringBuilder();
        for (ContentBlock block : message.content()) {
            block.text().ifPresent(t -> text.append(t.text()));
        }
        return text.toString();
    }

    private static String describe(Message message) {
        StringBuilder text = new StringBuilder();
        for (ContentBlock block : message.content()) {
            block.text().ifPresent(t -> text.append(t.text()));
        }
        Usage usage = message.usage();
        return oneLine(text.toString())
                + " | model=" + message.model().asString()
                + " | stop=" + message.stopReason().map(r -> r.asString()).orElse("none")
                + " | usage in=" + usage.inputTokens() + " out=" + usage.outputTokens();
    }

    /** Keeps one scenario on one output line. */
    static String oneLine(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof ExecutionException || current instanceof CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** The user's question: PROMPT when set (as a command-line assistant takes it), else the greeting. */
    private static String question(String greeting) {
        String prompt = System.getenv("PROMPT");
        return prompt == null || prompt.isEmpty() ? greeting : prompt;
    }
}
