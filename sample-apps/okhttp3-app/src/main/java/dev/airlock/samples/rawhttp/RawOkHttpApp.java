package dev.airlock.samples.rawhttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import okio.BufferedSource;

/**
 * An ordinary application that calls an OpenAI-compatible chat API with OkHttp directly, no SDK,
 * building and parsing JSON with its own Jackson and carrying its own OpenTelemetry API. It knows
 * nothing of any agent.
 *
 * <p>The same source is built twice: {@code okhttp3-app} (OkHttp 3.14, okio 1, Jackson 2.9,
 * OpenTelemetry API 1.0) and {@code okhttp5-app} (OkHttp 5, okio 3, current Jackson and
 * OpenTelemetry). It therefore uses only API common to OkHttp 3.14 and 5: its own
 * {@link RequestBody} subclass rather than {@code RequestBody.create}, whose Java signature changed.
 *
 * <p>Environment: OPENAI_BASE_URL (e.g. {@code http://127.0.0.1:8080/v1}), OPENAI_API_KEY and,
 * optionally, HEALTH_URL (target of the plain, non-LLM {@code health} GET).
 *
 * <p>Usage: {@code java -jar okhttp3-app.jar [scenario ...]}; with no argument every scenario runs,
 * in the order of {@link #ALL_SCENARIOS}. Each scenario prints exactly one deterministic line to
 * stdout. The exit code is 0 when every scenario succeeded and 1 otherwise.
 */
public final class RawOkHttpApp {

    static final List<String> ALL_SCENARIOS = Collections.unmodifiableList(Arrays.asList(
            "sync", "async", "stream", "otel", "jackson", "health"));

    static final String CHAT_MODEL = "gpt-4o-mini";
    static final String SYSTEM_PROMPT = "You are a helpful assistant. Answer in one short sentence.";
    static final long ASYNC_TIMEOUT_SECONDS = 60;

    private static final MediaType JSON_TYPE = MediaType.parse("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OkHttpClient http;

    private RawOkHttpApp() {}

    public static void main(String[] args) {
        List<String> scenarios = args.length == 0 ? ALL_SCENARIOS : Arrays.asList(args);
        RawOkHttpApp app = new RawOkHttpApp();
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
            System.out.println(scenario + ": ERROR " + t.getClass().getSimpleName() + ": "
                    + oneLine(String.valueOf(t.getMessage())));
            return false;
        }
        System.out.println(scenario + ": " + line);
        return true;
    }

    private String dispatch(String scenario) throws Exception {
        switch (scenario) {
            case "sync":
                return sync();
            case "async":
                return async();
            case "stream":
                return stream();
            case "otel":
                return otel();
            case "jackson":
                return jackson();
            case "health":
                return health();
            default:
                throw new IllegalArgumentException(
                        "unknown scenario (known: " + String.join(", ", ALL_SCENARIOS) + ")");
        }
    }

    // ---------------------------------------------------------------- HTTP

    private OkHttpClient http() {
        if (http == null) {
            http = new OkHttpClient.Builder()
                    .readTimeout(60, TimeUnit.SECONDS)
                    .build();
        }
        return http;
    }

    private void close() {
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }

    /** A POST of {@code body} as JSON to {@code OPENAI_BASE_URL + path}. */
    private static Request post(String path, JsonNode body) throws IOException {
        String baseUrl = env("OPENAI_BASE_URL");
        if (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        return new Request.Builder()
                .url(baseUrl + path)
                .header("Authorization", "Bearer " + env("OPENAI_API_KEY"))
                .header("Accept", "application/json")
                .post(new JsonBody(JSON.writeValueAsBytes(body)))
                .build();
    }

    /** The request body, written by the app itself: the same Java API on OkHttp 3, 4 and 5. */
    static final class JsonBody extends RequestBody {
        private final byte[] bytes;

        JsonBody(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public MediaType contentType() {
            return JSON_TYPE;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(bytes);
        }
    }

    private static ObjectNode chatBody(String userMessage, boolean stream) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", CHAT_MODEL);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM_PROMPT);
        messages.addObject().put("role", "user").put("content", userMessage);
        body.put("temperature", 0.0);
        if (stream) {
            // Deliberately no stream_options.include_usage: the provider then sends no usage chunk.
            body.put("stream", true);
        }
        return body;
    }

    private static String bodyText(Response response) throws IOException {
        ResponseBody body = response.body();
        return body == null ? "" : body.string();
    }

    private static JsonNode successJson(Response response) throws IOException {
        String text = bodyText(response);
        if (!response.isSuccessful()) {
            throw new IOException("HTTP " + response.code() + ": " + oneLine(text));
        }
        return JSON.readTree(text);
    }

    // ---------------------------------------------------------------- scenarios

    private String sync() throws Exception {
        Request request = post("/chat/completions", chatBody("Hello from the sync scenario", false));
        try (Response response = http().newCall(request).execute()) {
            return describe(successJson(response));
        }
    }

    private String async() throws Exception {
        Request request = post("/chat/completions", chatBody("Hello from the async scenario", false));
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<JsonNode> answer = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        http().newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                failure.set(e);
                done.countDown();
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (Response r = response) {
                    answer.set(successJson(r));
                } catch (Throwable t) {
                    failure.set(t);
                } finally {
                    done.countDown();
                }
            }
        });
        if (!done.await(ASYNC_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no answer within " + ASYNC_TIMEOUT_SECONDS + " s");
        }
        if (failure.get() != null) {
            Throwable t = failure.get();
            throw t instanceof Exception ? (Exception) t : new RuntimeException(t);
        }
        return describe(answer.get());
    }

    /** Reads the SSE body line by line, as an app without an SDK would. */
    private String stream() throws Exception {
        Request request = post("/chat/completions", chatBody("Hello from the stream scenario", true));
        StringBuilder text = new StringBuilder();
        String model = null;
        String finish = null;
        int dataLines = 0;
        int usageChunks = 0;
        boolean doneMarker = false;
        try (Response response = http().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + ": " + oneLine(bodyText(response)));
            }
            BufferedSource source = response.body().source();
            String line;
            while ((line = source.readUtf8Line()) != null) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                dataLines++;
                String data = line.substring("data:".length()).trim();
                if ("[DONE]".equals(data)) {
                    doneMarker = true;
                    continue;
                }
                JsonNode chunk = JSON.readTree(data);
                if (model == null && chunk.hasNonNull("model")) {
                    model = chunk.get("model").asText();
                }
                if (chunk.path("usage").isObject()) {
                    usageChunks++;
                }
                for (JsonNode choice : chunk.path("choices")) {
                    JsonNode content = choice.path("delta").path("content");
                    if (content.isTextual()) {
                        text.append(content.asText());
                    }
                    if (choice.hasNonNull("finish_reason")) {
                        finish = choice.get("finish_reason").asText();
                    }
                }
            }
        }
        return oneLine(text.toString())
                + " | model=" + model
                + " | finish=" + finish
                + " | data lines=" + dataLines
                + " | done=" + doneMarker
                + " | usage chunks=" + usageChunks;
    }

    /** The app's own OpenTelemetry API: with no SDK installed by the app, its global is a no-op. */
    private String otel() {
        TracerProvider provider = GlobalOpenTelemetry.getTracerProvider();
        Tracer tracer = provider.get("raw-okhttp-app");
        Span span = tracer.spanBuilder("otel-scenario").startSpan();
        boolean recording = span.isRecording();
        boolean valid = span.getSpanContext().isValid();
        span.end();
        return "tracerProvider=" + provider.getClass().getName()
                + " | recording=" + recording
                + " | validContext=" + valid;
    }

    /** The Jackson the app loads: its own version, not the agent's. */
    private String jackson() {
        return String.valueOf(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION)
                + " | core=" + com.fasterxml.jackson.core.json.PackageVersion.VERSION;
    }

    /** A plain, non-LLM GET with the same OkHttp. */
    private String health() throws Exception {
        String url = System.getenv("HEALTH_URL");
        if (url == null || url.isEmpty()) {
            return "skipped";
        }
        Request request = new Request.Builder().url(url).get().build();
        try (Response response = http().newCall(request).execute()) {
            return "status=" + response.code() + " body=" + oneLine(bodyText(response).trim());
        }
    }

    // ---------------------------------------------------------------- formatting

    private static String describe(JsonNode completion) {
        JsonNode choice = completion.path("choices").path(0);
        JsonNode usage = completion.path("usage");
        return oneLine(choice.path("message").path("content").asText(""))
                + " | model=" + completion.path("model").asText("none")
                + " | finish=" + choice.path("finish_reason").asText("none")
                + " | " + (usage.isObject()
                        ? "usage in=" + usage.path("prompt_tokens").asLong()
                                + " out=" + usage.path("completion_tokens").asLong()
                        : "usage=none");
    }

    /** Keeps one scenario on one output line. */
    static String oneLine(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }
}
