package dev.airlock.samples.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.ChatModel;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ResponsesModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.embeddings.EmbeddingModel;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseOutputMessage;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ResponseUsage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * An ordinary application on the official OpenAI Java SDK. It knows nothing of any agent: it builds
 * its client from the environment (OPENAI_API_KEY, OPENAI_BASE_URL) and makes a few calls.
 *
 * <p>Usage: {@code java -jar openai-app.jar [scenario ...]}; with no argument the scenarios of
 * {@link #ALL_SCENARIOS} run, in that order; {@link #EXTRA_SCENARIOS} (tool calls) run only when
 * named; {@code ask[-stream][@TENANT]=QUESTION} asks a question of the caller's choosing (see {@link #ask}).
 * Each scenario prints exactly one line to stdout. The exit code is 0 when every scenario
 * succeeded and 1 otherwise.
 *
 * <p>Optional environment: PROMPT (the question to ask instead of each scenario's greeting), TRACEPARENT (sent as a {@code traceparent} header on every call, as an
 * app with its own tracing would) and HEALTH_URL (target of the plain, non-LLM {@code health} GET).
 */
public final class OpenAiSampleApp {

    /** The scenarios run when none is named; tests compare the output of exactly these. */
    static final List<String> ALL_SCENARIOS = Collections.unmodifiableList(Arrays.asList(
            "chat", "stream", "responses", "responses-stream", "embeddings", "async", "health"));

    /** Scenarios that run only when named on the command line. */
    static final List<String> EXTRA_SCENARIOS = Collections.unmodifiableList(Arrays.asList(
            "tools", "tools-stream", "pause"));

    /** The one tool the tool scenarios offer, and what the app's "order system" answers. */
    static final String TOOL_NAME = "lookup_order";
    static final String TOOL_RESULT = "order 42 shipped";

    static final String CHAT_MODEL = "gpt-4o-mini";
    static final String SYSTEM_PROMPT = "You are a helpful assistant. Answer in one short sentence.";
    static final long ASYNC_TIMEOUT_SECONDS = 60;

    private OpenAIClient client;

    private OpenAiSampleApp() {}

    public static void main(String[] args) {
        List<String> scenarios = args.length == 0 ? ALL_SCENARIOS : Arrays.asList(args);
        OpenAiSampleApp app = new OpenAiSampleApp();
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
        // An ask scenario carries its question after '='; its line is labelled without it.
        String label = scenario.startsWith("ask") && scenario.indexOf('=') > 0
                ? scenario.substring(0, scenario.indexOf('=')) : scenario;
        try {
            line = dispatch(scenario);
        } catch (Throwable t) {
            Throwable cause = unwrap(t);
            System.out.println(label + ": ERROR " + cause.getClass().getSimpleName() + ": "
                    + oneLine(String.valueOf(cause.getMessage())));
            return false;
        }
        System.out.println(label + ": " + line);
        return true;
    }

    private String dispatch(String scenario) throws Exception {
        if (scenario.startsWith("ask") && scenario.indexOf('=') > 0) {
            return ask(scenario);
        }
        switch (scenario) {
            case "chat":
                return chat();
            case "stream":
                return stream();
            case "responses":
                return responses();
            case "responses-stream":
                return responsesStream();
            case "embeddings":
                return embeddings();
            case "async":
                return async();
            case "health":
                return health();
            case "pause":
                return pause();
            case "tools":
                return tools();
            case "tools-stream":
                return toolsStream();
            default:
                List<String> known = new ArrayList<>(ALL_SCENARIOS);
                known.addAll(EXTRA_SCENARIOS);
                known.add("ask[-stream][@TENANT]=QUESTION");
                throw new IllegalArgumentException(
                        "unknown scenario (known: " + String.join(", ", known) + ")");
        }
    }

    /** Waits PAUSE_MS (default 3000) milliseconds: a long-running app between two calls. */
    private static String pause() throws InterruptedException {
        String value = System.getenv("PAUSE_MS");
        long millis = value == null || value.isEmpty() ? 3000 : Long.parseLong(value);
        Thread.sleep(millis);
        return "paused " + millis + " ms";
    }

    // ---------------------------------------------------------------- client

    /** The SDK client, built from the environment on first use, as any app would build it. */
    private OpenAIClient client() {
        if (client == null) {
            OpenAIClient fromEnv = OpenAIOkHttpClient.fromEnv();
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

    private static ChatCompletionCreateParams chatParams(String userMessage) {
        return ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addSystemMessage(SYSTEM_PROMPT)
                .addUserMessage(userMessage)
                .temperature(0.0)
                .build();
    }

    // ---------------------------------------------------------------- scenarios

    private String chat() {
        ChatCompletion completion = client().chat().completions().create(
                chatParams(question("Hello from the chat scenario")));
        return describe(completion);
    }

    private String stream() {
        // Deliberately no stream_options.include_usage: the provider then sends no usage chunk.
        return streamed(client(), chatParams(question("Hello from the stream scenario")));
    }

    /**
     * {@code ask[-stream][@TENANT]=QUESTION}: the chat (or stream) scenario with this question, sent
     * with an {@code X-Tenant-Id: TENANT} header when a tenant is given, as a multi-tenant service
     * would. Several in one run ask one after the other in the same JVM.
     */
    private String ask(String scenario) {
        int eq = scenario.indexOf('=');
        String kind = scenario.substring(0, eq);
        String question = scenario.substring(eq + 1);
        int at = kind.indexOf('@');
        String tenant = at < 0 ? null : kind.substring(at + 1);
        String mode = at < 0 ? kind : kind.substring(0, at);
        OpenAIClient asker = tenant == null ? client()
                : client().withOptions(options -> options.putHeader("X-Tenant-Id", tenant));
        switch (mode) {
            case "ask":
                return describe(asker.chat().completions().create(chatParams(question)));
            case "ask-stream":
                return streamed(asker, chatParams(question));
            default:
                throw new IllegalArgumentException("unknown scenario " + kind + " (ask or ask-stream)");
        }
    }

    private static String streamed(OpenAIClient asker, ChatCompletionCreateParams params) {
        StringBuilder text = new StringBuilder();
        int contentChunks = 0;
        String model = null;
        String finish = null;
        CompletionUsage usage = null;
        try (StreamResponse<ChatCompletionChunk> response =
                asker.chat().completions().createStreaming(params)) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) response.stream()::iterator) {
                if (model == null) {
                    model = chunk.model();
                }
                for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                    Optional<String> content = choice.delta().content();
                    if (content.isPresent() && !content.get().isEmpty()) {
                        text.append(content.get());
                        contentChunks++;
                    }
                    if (choice.finishReason().isPresent()) {
                        finish = choice.finishReason().get().asString();
                    }
                }
                if (chunk.usage().isPresent()) {
                    usage = chunk.usage().get();
                }
            }
        }
        return oneLine(text.toString())
                + " | model=" + model
                + " | finish=" + finish
                + " | chunks>1=" + (contentChunks > 1)
                + " | " + usage(usage);
    }

    private String responses() {
        ResponseCreateParams params = ResponseCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .instructions(SYSTEM_PROMPT)
                .input(question("Hello from the responses scenario"))
                .temperature(0.0)
                .build();
        Response response = client().responses().create(params);
        return oneLine(outputText(response))
                + " | model=" + modelName(response.model())
                + " | status=" + response.status().map(s -> s.asString()).orElse("none")
                + " | " + usage(response.usage().orElse(null));
    }

    private String responsesStream() {
        ResponseCreateParams params = ResponseCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .instructions(SYSTEM_PROMPT)
                .input(question("Hello from the responses-stream scenario"))
                .temperature(0.0)
                .build();
        StringBuilder text = new StringBuilder();
        int deltas = 0;
        Response completed = null;
        try (StreamResponse<ResponseStreamEvent> response = client().responses().createStreaming(params)) {
            for (ResponseStreamEvent event : (Iterable<ResponseStreamEvent>) response.stream()::iterator) {
                if (event.outputTextDelta().isPresent()) {
                    text.append(event.outputTextDelta().get().delta());
                    deltas++;
                } else if (event.completed().isPresent()) {
                    completed = event.completed().get().response();
                }
            }
        }
        if (completed == null) {
            return oneLine(text.toString())
                    + " | model=none | status=none"
                    + " | deltas>1=" + (deltas > 1)
                    + " | usage=none";
        }
        return oneLine(text.toString())
                + " | model=" + modelName(completed.model())
                + " | status=" + completed.status().map(s -> s.asString()).orElse("none")
                + " | deltas>1=" + (deltas > 1)
                + " | " + usage(completed.usage().orElse(null));
    }

    private String embeddings() {
        EmbeddingCreateParams params = EmbeddingCreateParams.builder()
                .model(EmbeddingModel.TEXT_EMBEDDING_3_SMALL)
                .input("Hello from the embeddings scenario")
                .build();
        CreateEmbeddingResponse response = client().embeddings().create(params);
        List<Integer> dims = new ArrayList<>();
        for (Embedding embedding : response.data()) {
            dims.add(embedding.embedding().size());
        }
        CreateEmbeddingResponse.Usage usage = response.usage();
        return "vectors=" + response.data().size()
                + " dims=" + joinDims(dims)
                + " | model=" + response.model()
                + " | usage in=" + usage.promptTokens() + " total=" + usage.totalTokens();
    }

    private String async() throws Exception {
        ChatCompletion completion = client().async().chat().completions()
                .create(chatParams(question("Hello from the async scenario")))
                .get(ASYNC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return describe(completion);
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
     * A chat completion offering the {@code lookup_order} tool; the model calls it, the app "looks
     * the order up" and sends the result back in a second call, whose answer ends the line.
     */
    private String tools() {
        ChatCompletionCreateParams ask = toolParams(question("Hello from the tools scenario"));
        ChatCompletion first = client().chat().completions().create(ask);
        ChatCompletionMessage assistant = first.choices().get(0).message();
        ChatCompletionMessageFunctionToolCall call = firstToolCall(assistant, first);
        ChatCompletion second = client().chat().completions().create(withToolResult(ask, assistant, call));
        String answer = second.choices().isEmpty() ? "" : second.choices().get(0).message().content().orElse("");
        return describeToolCall(call)
                + " | model=" + first.model()
                + " | finish=" + first.choices().get(0).finishReason().asString()
                + " | " + usage(first.usage().orElse(null))
                + " -> " + oneLine(answer);
    }

    /**
     * {@link #tools()} with streaming calls: the tool call is put together from the chunks' deltas
     * by the SDK's {@link ChatCompletionAccumulator}. Like {@code stream}, it does not ask for usage.
     */
    private String toolsStream() {
        ChatCompletionCreateParams ask = toolParams(question("Hello from the tools-stream scenario"));
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        int argumentDeltas = 0;
        try (StreamResponse<ChatCompletionChunk> response = client().chat().completions().createStreaming(ask)) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) response.stream()::iterator) {
                accumulator.accumulate(chunk);
                for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                    for (ChatCompletionChunk.Choice.Delta.ToolCall toolCall
                            : choice.delta().toolCalls().orElse(Collections.emptyList())) {
                        if (toolCall.function().flatMap(f -> f.arguments()).filter(a -> !a.isEmpty()).isPresent()) {
                            argumentDeltas++;
                        }
                    }
                }
            }
        }
        ChatCompletion first = accumulator.chatCompletion();
        ChatCompletionMessage assistant = first.choices().get(0).message();
        ChatCompletionMessageFunctionToolCall call = firstToolCall(assistant, first);

        ChatCompletionAccumulator answerAccumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> response =
                client().chat().completions().createStreaming(withToolResult(ask, assistant, call))) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) response.stream()::iterator) {
                answerAccumulator.accumulate(chunk);
            }
        }
        ChatCompletion second = answerAccumulator.chatCompletion();
        String answer = second.choices().isEmpty() ? "" : second.choices().get(0).message().content().orElse("");
        return describeToolCall(call)
                + " | model=" + first.model()
                + " | finish=" + first.choices().get(0).finishReason().asString()
                + " | deltas>1=" + (argumentDeltas > 1)
                + " | " + usage(first.usage().orElse(null))
                + " -> " + oneLine(answer);
    }

    private static ChatCompletionCreateParams toolParams(String userMessage) {
        FunctionParameters parameters = FunctionParameters.builder()
                .putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(Map.of(
                        "query", Map.of("type", "string", "description", "What to look up, e.g. an order number"))))
                .putAdditionalProperty("required", JsonValue.from(List.of("query")))
                .build();
        return ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addSystemMessage(SYSTEM_PROMPT)
                .addUserMessage(userMessage)
                .addTool(ChatCompletionFunctionTool.builder()
                        .function(FunctionDefinition.builder()
                                .name(TOOL_NAME)
                                .description("Looks up the status of a customer's order")
                                .parameters(parameters)
                                .build())
                        .build())
                .temperature(0.0)
                .build();
    }

    /** The first request again, plus the assistant's tool call and the tool's result. */
    private static ChatCompletionCreateParams withToolResult(ChatCompletionCreateParams ask,
            ChatCompletionMessage assistant, ChatCompletionMessageFunctionToolCall call) {
        return ask.toBuilder()
                .addMessage(assistant)
                .addMessage(ChatCompletionToolMessageParam.builder()
                        .toolCallId(call.id())
                        .content(TOOL_RESULT)
                        .build())
                .build();
    }

    private static ChatCompletionMessageFunctionToolCall firstToolCall(ChatCompletionMessage message,
            ChatCompletion completion) {
        for (ChatCompletionMessageToolCall toolCall : message.toolCalls().orElse(Collections.emptyList())) {
            if (toolCall.function().isPresent()) {
                return toolCall.function().get();
            }
        }
        throw new IllegalStateException("expected a tool call, got finish="
                + completion.choices().get(0).finishReason().asString() + ": " + message.content().orElse(""));
    }

    // ---------------------------------------------------------------- formatting

    /** {@code tool_call <name> <arguments JSON>}. */
    private static String describeToolCall(ChatCompletionMessageFunctionToolCall call) {
        return "tool_call " + call.function().name() + " " + oneLine(call.function().arguments());
    }

    private static String describe(ChatCompletion completion) {
        String text = "";
        String finish = "none";
        if (!completion.choices().isEmpty()) {
            ChatCompletion.Choice choice = completion.choices().get(0);
            text = choice.message().content().orElse("");
            finish = choice.finishReason().asString();
        }
        return oneLine(text)
                + " | model=" + completion.model()
                + " | finish=" + finish
                + " | " + usage(completion.usage().orElse(null));
    }

    private static String usage(CompletionUsage usage) {
        return usage == null
                ? "usage=none"
                : "usage in=" + usage.promptTokens() + " out=" + usage.completionTokens();
    }

    private static String usage(ResponseUsage usage) {
        return usage == null
                ? "usage=none"
                : "usage in=" + usage.inputTokens() + " out=" + usage.outputTokens();
    }

    private static String outputText(Response response) {
        StringBuilder text = new StringBuilder();
        for (ResponseOutputItem item : response.output()) {
            if (item.message().isPresent()) {
                for (ResponseOutputMessage.Content content : item.message().get().content()) {
                    content.outputText().ifPresent(t -> text.append(t.text()));
                }
            }
        }
        return text.toString();
    }

    private static String modelName(ResponsesModel model) {
        if (model.isString()) {
            return model.asString();
        }
        if (model.isChat()) {
            return model.asChat().asString();
        }
        if (model.isOnly()) {
            return model.asOnly().asString();
        }
        return String.valueOf(model);
    }

    private static String joinDims(List<Integer> dims) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(dims.get(i));
        }
        return sb.toString();
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
