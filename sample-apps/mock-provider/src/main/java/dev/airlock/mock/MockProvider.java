package dev.airlock.mock;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local LLM provider speaking the real OpenAI, Anthropic and Gemini wire formats, for demos and
 * integration tests. Depends only on the JDK HTTP server and Jackson.
 *
 * <p>Endpoints (all {@code POST} with a JSON body):
 * <ul>
 *   <li>OpenAI, SDK base URL {@code baseUrl() + "/v1"}: {@code /v1/chat/completions},
 *       {@code /v1/responses}, {@code /v1/embeddings} — credential {@code Authorization: Bearer …}
 *       (or Azure-style {@code api-key});</li>
 *   <li>Anthropic, SDK base URL {@code baseUrl()}: {@code /v1/messages} — credential
 *       {@code x-api-key};</li>
 *   <li>Gemini: {@code /v1beta/models/{model}:generateContent} and
 *       {@code :streamGenerateContent[?alt=sse]} — credential {@code x-goog-api-key} or
 *       {@code ?key=}.</li>
 * </ul>
 * plus {@code GET /health} and the {@code /_mock/*} control endpoints (see {@link AdminEndpoints}).
 *
 * <p>Answers are deterministic: the text is {@code "You said: " + <last user message text>}, ids
 * derive from a hash of the request body, {@code created} is fixed, the model is echoed. When a
 * chat request (OpenAI chat, Anthropic, Gemini) defines tools and ends with a user message, the
 * answer is instead a call of the first tool with {@code {"query": <last user message>}}; when it
 * ends with a tool result, the text is {@code "Tool said: " + <result text>} (see
 * {@link ToolTurn}). Input tokens are {@code max(1, ceil(prompt chars / 4))}, output tokens the words
 * of the answer (of the arguments JSON for a tool call). Streams send about two words per event.
 * Request headers {@code x-mock-cached-tokens},
 * {@code x-mock-cache-creation-tokens} (Anthropic), {@code x-mock-chunk-delay-ms} and
 * {@code x-mock-fault} tune one request; {@link #setFault(String)} sets a run-wide fault.
 *
 * <p>Fault spec: comma-separated {@code status=429}, {@code retry_after=2}, {@code latency=300ms},
 * {@code stall_after=2}, {@code cut_after=2}, {@code malformed}, {@code times=N},
 * {@code path=/v1/messages}.
 *
 * <p>Thread-safe. Each request runs on its own pooled daemon thread, so a stalled stream never
 * blocks other requests, and an in-process mock never keeps the JVM alive.
 */
public final class MockProvider implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<RecordedRequest> recorded = new ArrayList<>();
    private final FaultArbiter faults = new FaultArbiter();
    private volatile String answerSuffix = "";
    private final AtomicBoolean closed = new AtomicBoolean();

    private MockProvider(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts a mock bound to {@code 127.0.0.1} only.
     *
     * @param port the port, or 0 for an ephemeral one (see {@link #port()})
     * @return the running mock; close it when done
     * @throws IOException if the port cannot be bound
     */
    public static MockProvider start(int port) throws IOException {
        return start(port, ReplySender.DEFAULT_STALL_LIMIT_MS);
    }

    /** As {@link #start(int)}, with a shorter stall limit for tests. */
    static MockProvider start(int port, long stallLimitMs) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        // Stream events are small writes; without TCP_NODELAY the second one can wait ~40 ms for a
        // delayed ACK, which blurs "chunks arrive one by one". The JDK server reads this property
        // once, when its first server is created, so it is set only if nobody chose otherwise.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 128);
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        MockProvider mock = new MockProvider(server, executor);
        server.createContext("/", new MockHandler(new AdminEndpoints(mock), mock::record, mock.faults,
                new ReplySender(stallLimitMs), mock::answerSuffix));
        server.start();
        return mock;
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code "http://127.0.0.1:" + port()}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * The LLM requests received so far, in arrival order; {@code /health} and {@code /_mock/*} are
     * not included. A snapshot: later requests do not change the returned list.
     */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** Forgets recorded requests, clears the run-wide fault and all {@code times=N} counters. */
    public void reset() {
        synchronized (recorded) {
            recorded.clear();
        }
        faults.reset();
        answerSuffix = "";
    }

    /**
     * Sets the run-wide fault, applied to every LLM request that has no {@code x-mock-fault} header.
     *
     * @param spec a fault spec such as {@code "status=503,times=2,path=/v1/messages"}; {@code null}
     *     or blank clears it
     * @throws IllegalArgumentException if the spec has an unknown key or a bad value
     */
    /**
     * Text appended to every answer from now on (null or empty for none): lets a test make the
     * provider say something the application never sent, such as personal data or a secret.
     */
    public void setAnswerSuffix(String suffix) {
        this.answerSuffix = suffix == null ? "" : suffix;
    }

    String answerSuffix() {
        return answerSuffix;
    }

    public void setFault(String spec) {
        faults.setRunWide(FaultSpec.parse(spec));
    }

    /** Stops listening, drops open connections and ends stalled streams. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow(); // interrupts handlers sleeping in a stall or latency fault
        }
    }

    private void record(RecordedRequest request) {
        synchronized (recorded) {
            recorded.add(request);
        }
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread t = new Thread(runnable, "mock-provider-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
