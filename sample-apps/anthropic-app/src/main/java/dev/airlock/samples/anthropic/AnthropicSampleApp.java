package dev.airlock.samples.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageDeltaUsage;
import com.anthropic.models.messages.RawContentBlockDelta;
import com.anthropic.models.messages.RawMessageDeltaEvent;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.Usage;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
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
 * <p>Usage: {@code java -jar anthropic-app.jar [scenario ...]}; with no argument every scenario
 * runs, in the order of {@link #ALL_SCENARIOS}. Each scenario prints exactly one line to stdout.
 * The exit code is 0 when every scenario succeeded and 1 otherwise.
 *
 * <p>Optional environment: TRACEPARENT (sent as a {@code traceparent} header on every call, as an
 * app with its own tracing would) and HEALTH_URL (target of the plain, non-LLM {@code health} GET).
 */
public final class AnthropicSampleApp {

    static final List<String> ALL_SCENARIOS = Collections.unmodifiableList(Arrays.asList(
            "messages", "stream", "async", "health"));

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
            default:
                throw new IllegalArgumentException(
                        "unknown scenario (known: " + String.join(", ", ALL_SCENARIOS) + ")");
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

    // ---------------------------------------------------------------- formatting

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
