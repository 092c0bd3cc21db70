package dev.airlock.samples.gemini;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.Candidate;
import com.google.genai.types.Content;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Part;
import com.google.genai.types.Schema;
import com.google.genai.types.Tool;
import com.google.genai.types.Type;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * An ordinary application on Google's Gen AI Java SDK ({@code com.google.genai:google-genai}),
 * talking to the Gemini API. It knows nothing of any agent: it builds its client from the
 * environment (GEMINI_API_KEY, GEMINI_BASE_URL) and makes a few calls.
 *
 * <p>Usage: {@code java -jar gemini-app.jar [scenario ...]}; with no argument the scenarios of
 * {@link #ALL_SCENARIOS} run, in that order. Each scenario prints exactly one line to stdout. The
 * exit code is 0 when every scenario succeeded and 1 otherwise.
 *
 * <p>Optional environment: PROMPT (the question to ask instead of each scenario's greeting) and
 * TRACEPARENT (sent as a {@code traceparent} header on every call, as an app with its own tracing
 * would).
 */
public final class GeminiSampleApp {

    /** The scenarios run when none is named; tests compare the output of exactly these. */
    static final List<String> ALL_SCENARIOS = Collections.unmodifiableList(Arrays.asList(
            "generate", "stream", "tools"));

    /** The one tool the tools scenario offers, and what the app's "order system" answers. */
    static final String TOOL_NAME = "lookup_order";
    static final String TOOL_RESULT = "order 42 shipped";

    static final String MODEL = "gemini-2.0-flash";
    static final String SYSTEM_PROMPT = "You are a helpful assistant. Answer in one short sentence.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Client client;

    private GeminiSampleApp() {}

    public static void main(String[] args) {
        List<String> scenarios = args.length == 0 ? ALL_SCENARIOS : Arrays.asList(args);
        GeminiSampleApp app = new GeminiSampleApp();
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
            case "generate":
                return generate();
            case "stream":
                return stream();
            case "tools":
                return tools();
            default:
                throw new IllegalArgumentException(
                        "unknown scenario (known: " + String.join(", ", ALL_SCENARIOS) + ")");
        }
    }

    // ---------------------------------------------------------------- client

    /**
     * The SDK client, built on first use as any app would build it: the Gemini Developer API (not
     * Vertex AI), the key from GEMINI_API_KEY, the endpoint from GEMINI_BASE_URL when set.
     */
    private Client client() {
        if (client == null) {
            HttpOptions.Builder http = HttpOptions.builder();
            String baseUrl = env("GEMINI_BASE_URL");
            if (baseUrl != null) {
                http.baseUrl(baseUrl);
            }
            String traceparent = env("TRACEPARENT");
            if (traceparent != null) {
                http.headers(Map.of("traceparent", traceparent));
            }
            Client.Builder builder = Client.builder().vertexAI(false).httpOptions(http.build());
            String apiKey = env("GEMINI_API_KEY");
            if (apiKey != null) {
                builder.apiKey(apiKey);
            }
            client = builder.build();
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

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? null : value;
    }

    // ---------------------------------------------------------------- scenarios

    private static GenerateContentConfig.Builder config() {
        return GenerateContentConfig.builder()
                .systemInstruction(Content.fromParts(Part.fromText(SYSTEM_PROMPT)))
                .temperature(0.0f);
    }

    /** generateContent, temperature 0. */
    private String generate() {
        GenerateContentResponse response = client().models.generateContent(
                MODEL, question("Hello from the generate scenario"), config().build());
        return oneLine(text(response))
                + " | model=" + response.modelVersion().orElse("none")
                + " | finish=" + finish(response)
                + " | " + usage(response.usageMetadata().orElse(null));
    }

    /** generateContentStream ({@code :streamGenerateContent?alt=sse}); the text of all chunks, joined. */
    private String stream() {
        StringBuilder text = new StringBuilder();
        int contentChunks = 0;
        String model = null;
        String finish = "none";
        GenerateContentResponseUsageMetadata usage = null;
        try (ResponseStream<GenerateContentResponse> response = client().models.generateContentStream(
                MODEL, question("Hello from the stream scenario"), config().build())) {
            for (GenerateContentResponse chunk : response) {
                if (model == null && chunk.modelVersion().isPresent()) {
                    model = chunk.modelVersion().get();
                }
                String piece = text(chunk);
                if (!piece.isEmpty()) {
                    text.append(piece);
                    contentChunks++;
                }
                Optional<String> chunkFinish = firstCandidate(chunk).flatMap(Candidate::finishReason)
                        .map(Object::toString);
                if (chunkFinish.isPresent()) {
                    finish = chunkFinish.get();
                }
                if (chunk.usageMetadata().isPresent()) {
                    usage = chunk.usageMetadata().get();
                }
            }
        }
        return oneLine(text.toString())
                + " | model=" + model
                + " | finish=" + finish
                + " | chunks>1=" + (contentChunks > 1)
                + " | " + usage(usage);
    }

    /**
     * generateContent offering the {@code lookup_order} function; the model calls it, the app
     * "looks the order up" and sends a {@code functionResponse} back in a second call, whose answer
     * ends the line.
     */
    private String tools() {
        Content user = Content.builder().role("user")
                .parts(Part.fromText(question("Hello from the tools scenario"))).build();
        GenerateContentConfig config = config().tools(Tool.builder().functionDeclarations(
                FunctionDeclaration.builder()
                        .name(TOOL_NAME)
                        .description("Looks up the status of a customer's order")
                        .parameters(Schema.builder()
                                .type(Type.Known.OBJECT)
                                .properties(Map.of("query", Schema.builder()
                                        .type(Type.Known.STRING)
                                        .description("What to look up, e.g. an order number")
                                        .build()))
                                .required("query")))
                .build()).build();

        GenerateContentResponse first = client().models.generateContent(MODEL, List.of(user), config);
        FunctionCall call = firstFunctionCall(first);
        Content modelTurn = firstCandidate(first).flatMap(Candidate::content)
                .orElseThrow(() -> new IllegalStateException("no content in the answer"));
        Content toolTurn = Content.builder().role("user").parts(Part.fromFunctionResponse(
                call.name().orElse(TOOL_NAME), Map.of("result", TOOL_RESULT))).build();
        GenerateContentResponse second = client().models.generateContent(
                MODEL, List.of(user, modelTurn, toolTurn), config);
        return "tool_call " + call.name().orElse("") + " " + oneLine(args(call))
                + " | model=" + first.modelVersion().orElse("none")
                + " | finish=" + finish(first)
                + " | " + usage(first.usageMetadata().orElse(null))
                + " -> " + oneLine(text(second));
    }

    private static FunctionCall firstFunctionCall(GenerateContentResponse response) {
        for (Part part : parts(response)) {
            if (part.functionCall().isPresent()) {
                return part.functionCall().get();
            }
        }
        throw new IllegalStateException("expected a function call, got finish=" + finish(response)
                + ": " + text(response));
    }

    // ---------------------------------------------------------------- formatting

    private static Optional<Candidate> firstCandidate(GenerateContentResponse response) {
        return response.candidates().filter(c -> !c.isEmpty()).map(c -> c.get(0));
    }

    private static List<Part> parts(GenerateContentResponse response) {
        return firstCandidate(response).flatMap(Candidate::content).flatMap(Content::parts)
                .orElse(Collections.emptyList());
    }

    /** The text parts of the first candidate, joined (function calls and thoughts left out). */
    private static String text(GenerateContentResponse response) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts(response)) {
            if (!part.thought().orElse(false)) {
                part.text().ifPresent(text::append);
            }
        }
        return text.toString();
    }

    private static String finish(GenerateContentResponse response) {
        return firstCandidate(response).flatMap(Candidate::finishReason).map(Object::toString).orElse("none");
    }

    private static String usage(GenerateContentResponseUsageMetadata usage) {
        return usage == null
                ? "usage=none"
                : "usage in=" + usage.promptTokenCount().map(String::valueOf).orElse("none")
                        + " out=" + usage.candidatesTokenCount().map(String::valueOf).orElse("none");
    }

    /** The call's arguments as compact JSON, in the order received. */
    private static String args(FunctionCall call) {
        try {
            return JSON.writeValueAsString(call.args().orElse(Collections.emptyMap()));
        } catch (Exception e) {
            return String.valueOf(call.args().orElse(null));
        }
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
