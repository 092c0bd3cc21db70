package dev.airlock.samples.langchain4j;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An ordinary application on LangChain4j's OpenAI module, which talks HTTP through the JDK's
 * {@code java.net.http.HttpClient} (module langchain4j-http-client-jdk). It knows nothing of any
 * agent: it reads OPENAI_BASE_URL and OPENAI_API_KEY from the environment and makes a few calls.
 *
 * <p>Usage: {@code java -jar langchain4j-app.jar [scenario ...]}; with no argument every scenario
 * runs, in the order of {@link #ALL_SCENARIOS}. Each scenario prints exactly one line to stdout.
 * The exit code is 0 when every scenario succeeded and 1 otherwise.
 *
 * <p>Optional environment: TRACEPARENT (sent as a {@code traceparent} header on every call, as an
 * app with its own tracing would) and HEALTH_URL (target of the plain, non-LLM health GETs).
 */
public final class LangChain4jSampleApp {

    static final List<String> ALL_SCENARIOS = Collections.unmodifiableList(Arrays.asList(
            "chat", "stream", "health-sync", "health-async"));

    static final String MODEL = "gpt-4o-mini";
    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    static final String SYSTEM_PROMPT = "You are a helpful assistant. Answer in one short sentence.";
    static final long TIMEOUT_SECONDS = 60;

    private LangChain4jSampleApp() {}

    public static void main(String[] args) {
        List<String> scenarios = args.length == 0 ? ALL_SCENARIOS : Arrays.asList(args);
        LangChain4jSampleApp app = new LangChain4jSampleApp();
        int failures = 0;
        for (String scenario : scenarios) {
            if (!app.runScenario(scenario)) {
                failures++;
            }
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
            case "chat":
                return chat();
            case "stream":
                return stream();
            case "health-sync":
                return healthSync();
            case "health-async":
                return healthAsync();
            default:
                throw new IllegalArgumentException(
                        "unknown scenario (known: " + String.join(", ", ALL_SCENARIOS) + ")");
        }
    }

    // ---------------------------------------------------------------- configuration

    private static String baseUrl() {
        String value = System.getenv("OPENAI_BASE_URL");
        return value == null || value.isEmpty() ? DEFAULT_BASE_URL : value;
    }

    private static String apiKey() {
        return System.getenv("OPENAI_API_KEY");
    }

    private static String traceparent() {
        String value = System.getenv("TRACEPARENT");
        return value == null || value.isEmpty() ? null : value;
    }

    private static Map<String, String> customHeaders() {
        String traceparent = traceparent();
        return traceparent == null
                ? Collections.<String, String>emptyMap()
                : Collections.singletonMap("traceparent", traceparent);
    }

    private static ChatRequest request(String userMessage) {
        return ChatRequest.builder()
                .messages(SystemMessage.from(SYSTEM_PROMPT), UserMessage.from(userMessage))
                .build();
    }

    // ---------------------------------------------------------------- scenarios

    private String chat() {
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl())
                .apiKey(apiKey())
                .modelName(MODEL)
                .temperature(0.0)
                .customHeaders(customHeaders())
                .build();
        ChatResponse response = model.chat(request(question("Hello from the chat scenario")));
        return describe(response, null);
    }

    private String stream() throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl())
                .apiKey(apiKey())
                .modelName(MODEL)
                .temperature(0.0)
                .customHeaders(customHeaders())
                .build();
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger partials = new AtomicInteger();
        AtomicReference<ChatResponse> complete = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        model.chat(request(question("Hello from the stream scenario")), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                if (partialResponse != null && !partialResponse.isEmpty()) {
                    partials.incrementAndGet();
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                complete.set(completeResponse);
                done.countDown();
            }

            @Override
            public void onError(Throwable t) {
                error.set(t);
                done.countDown();
            }
        });
        if (!done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new TimeoutException("no complete response within " + TIMEOUT_SECONDS + "s");
        }
        if (error.get() != null) {
            throw unwrapAsException(error.get());
        }
        return describe(complete.get(), partials.get() > 1);
    }

    /** A plain, non-LLM GET with the JDK HttpClient's blocking send. */
    private String healthSync() throws Exception {
        HttpRequest request = healthRequest();
        if (request == null) {
            return "skipped";
        }
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString());
        return "status=" + response.statusCode() + " body=" + oneLine(response.body().strip());
    }

    /** A plain, non-LLM GET with the JDK HttpClient's sendAsync. */
    private String healthAsync() throws Exception {
        HttpRequest request = healthRequest();
        if (request == null) {
            return "skipped";
        }
        HttpResponse<String> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return "status=" + response.statusCode() + " body=" + oneLine(response.body().strip());
    }

    private static HttpRequest healthRequest() {
        String url = System.getenv("HEALTH_URL");
        if (url == null || url.isEmpty()) {
            return null;
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).GET();
        String traceparent = traceparent();
        if (traceparent != null) {
            builder.header("traceparent", traceparent);
        }
        return builder.build();
    }

    // ---------------------------------------------------------------- formatting

    private static String describe(ChatResponse response, Boolean partialsMoreThanOne) {
        String text = response.aiMessage() == null || response.aiMessage().text() == null
                ? ""
                : response.aiMessage().text();
        StringBuilder line = new StringBuilder(oneLine(text))
                .append(" | model=").append(response.modelName())
                .append(" | finish=").append(response.finishReason());
        if (partialsMoreThanOne != null) {
            line.append(" | partials>1=").append(partialsMoreThanOne);
        }
        return line.append(" | ").append(usage(response.tokenUsage())).toString();
    }

    private static String usage(TokenUsage usage) {
        if (usage == null || (usage.inputTokenCount() == null && usage.outputTokenCount() == null)) {
            return "usage=none";
        }
        return "usage in=" + usage.inputTokenCount() + " out=" + usage.outputTokenCount();
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

    private static Exception unwrapAsException(Throwable t) {
        Throwable cause = unwrap(t);
        if (cause instanceof Exception) {
            return (Exception) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new RuntimeException(cause);
    }

    /** The user's question: PROMPT when set (as a command-line assistant takes it), else the greeting. */
    private static String question(String greeting) {
        String prompt = System.getenv("PROMPT");
        return prompt == null || prompt.isEmpty() ? greeting : prompt;
    }
}
