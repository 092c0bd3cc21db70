package dev.airlock.load;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The application under load: an ordinary program that calls an OpenAI-compatible
 * {@code /v1/chat/completions} endpoint with the JDK {@code HttpClient} or OkHttp, and knows
 * nothing of Airlock (the harness starts it with or without {@code -javaagent}).
 *
 * <p>It runs phases of N calls each and prints one JSON object on stdout: per phase, every call's
 * latency (and time to first byte of a stream) in nanoseconds, wall time, process CPU time and the
 * bytes allocated by all of its threads; at the end, heap and RSS after a full GC.
 *
 * <pre>
 * java [-javaagent:...] -cp load-harness.jar dev.airlock.load.LoadApp --url URL [options]
 * </pre>
 */
public final class LoadApp {

  static final String USAGE = String.join("\n",
      "Usage: java -cp load-harness.jar dev.airlock.load.LoadApp --url URL [options]",
      "  --url URL             the chat completions URL (http://127.0.0.1:PORT/v1/chat/completions)",
      "  --non-llm-url URL     a URL that is not an LLM call, for the non-llm phase",
      "  --client jdk|okhttp   the HTTP client (default jdk)",
      "  --calls N             calls per measured phase (default 2000)",
      "  --paced-calls N       calls of the stream-paced phase (default 300)",
      "  --chunk-delay-ms N    the mock's pause before each content event in stream-paced (default 2)",
      "  --warmup N            warm-up calls of each kind before measuring (default 5000)",
      "  --settle-rounds N     at most N further warm-up rounds until the JIT has settled (default 40; 0: off)",
      "  --concurrency C       threads of the throughput phases (default 8)",
      "  --phases LIST         comma-separated, in order (default " + String.join(",", Phase.ALL) + ")",
      "  --model M             the model to ask for (default llama-3.3-70b)",
      "  --stream-usage        streams ask for usage themselves (stream_options.include_usage)",
      "  --header NAME:VALUE   an extra request header (repeatable)",
      "  --request-bytes N     size of the request body (default 2048)");

  /** The phases, each N calls. */
  static final class Phase {
    static final List<String> ALL = List.of("plain-latency", "stream-latency", "stream-paced",
        "plain-throughput", "stream-throughput", "non-llm-latency");
    final String name;
    final boolean stream;
    /** A stream with a short answer, paced by the mock like a real provider's tokens. */
    final boolean paced;
    final boolean nonLlm;
    final int concurrency;

    Phase(String name, int throughputConcurrency) {
      this.name = name;
      this.stream = name.startsWith("stream");
      this.paced = name.equals("stream-paced");
      this.nonLlm = name.startsWith("non-llm");
      this.concurrency = name.endsWith("throughput") ? throughputConcurrency : 1;
    }
  }

  /** A warm-up round in which the JIT compiled for less than this share of its wall time ends the warm-up. */
  static final double SETTLED_JIT_SHARE = 0.02;
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private final Options o;
  private final ChatRequests.Varied plainBody;
  private final ChatRequests.Varied streamBody;
  private final ChatRequests.Varied pacedStreamBody;
  private final HttpClient jdk;
  private final OkHttpClient okhttp;
  /** Every call made, warm-up included (the harness divides a gateway's CPU time by it). */
  private long callsMade;

  private LoadApp(Options o) {
    this.o = o;
    this.plainBody = new ChatRequests.Varied(ChatRequests.chat(o.model, false, false, o.requestBytes, false));
    this.streamBody = new ChatRequests.Varied(ChatRequests.chat(o.model, true, o.streamUsage, o.requestBytes, false));
    this.pacedStreamBody =
        new ChatRequests.Varied(ChatRequests.chat(o.model, true, o.streamUsage, o.requestBytes, true));
    if ("okhttp".equals(o.client)) {
      this.jdk = null;
      this.okhttp = new OkHttpClient.Builder()
          .connectionPool(new ConnectionPool(Math.max(5, o.concurrency * 2), 5, TimeUnit.MINUTES))
          .readTimeout(Duration.ofSeconds(60))
          .build();
      this.okhttp.dispatcher().setMaxRequestsPerHost(Math.max(5, o.concurrency * 2));
    } else {
      this.jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
      this.okhttp = null;
    }
  }

  /** Options of one run. */
  static final class Options {
    String url;
    String nonLlmUrl;
    String client = "jdk";
    int calls = 2000;
    int pacedCalls = 300;
    int chunkDelayMs = 2;
    int warmup = 5000;
    int settleRounds = 40;
    int concurrency = 8;
    List<String> phases = Phase.ALL;
    String model = "llama-3.3-70b";
    boolean streamUsage;
    int requestBytes = 2048;
    Map<String, String> headers = new LinkedHashMap<>();
  }

  public static void main(String[] args) throws Exception {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--url": o.url = args[++i]; break;
        case "--non-llm-url": o.nonLlmUrl = args[++i]; break;
        case "--client": o.client = args[++i]; break;
        case "--calls": o.calls = Integer.parseInt(args[++i]); break;
        case "--paced-calls": o.pacedCalls = Integer.parseInt(args[++i]); break;
        case "--chunk-delay-ms": o.chunkDelayMs = Integer.parseInt(args[++i]); break;
        case "--warmup": o.warmup = Integer.parseInt(args[++i]); break;
        case "--settle-rounds": o.settleRounds = Integer.parseInt(args[++i]); break;
        case "--concurrency": o.concurrency = Integer.parseInt(args[++i]); break;
        case "--phases": o.phases = List.of(args[++i].split(",")); break;
        case "--model": o.model = args[++i]; break;
        case "--stream-usage": o.streamUsage = true; break;
        case "--request-bytes": o.requestBytes = Integer.parseInt(args[++i]); break;
        case "--header": {
          String h = args[++i];
          int colon = h.indexOf(':');
          o.headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
          break;
        }
        case "--help": System.out.println(USAGE); return;
        default:
          System.err.println("LoadApp: unknown argument " + a + "\n" + USAGE);
          System.exit(2);
      }
    }
    if (o.url == null || !("jdk".equals(o.client) || "okhttp".equals(o.client))) {
      System.err.println(USAGE);
      System.exit(2);
    }
    new LoadApp(o).run();
  }

  private void run() throws Exception {
    StringBuilder json = new StringBuilder(256 * 1024);
    json.append("{\"client\":\"").append(o.client).append("\",\"calls\":").append(o.calls)
        .append(",\"concurrency\":").append(o.concurrency).append(",\"warmup\":").append(o.warmup)
        .append(",\"requestBytes\":").append(plainBody.length()).append(",\"pacedCalls\":").append(o.pacedCalls)
        .append(",\"chunkDelayMs\":").append(o.chunkDelayMs).append(',');
    // Warm-up: every kind of call the phases will make, at the throughput concurrency.
    boolean anyNonLlm = false;
    for (String name : o.phases) {
      anyNonLlm |= name.startsWith("non-llm");
    }
    if (o.warmup > 0) {
      runPhase(new Phase("plain-throughput", o.concurrency), o.warmup);
      runPhase(new Phase("stream-throughput", o.concurrency), o.warmup);
      if (anyNonLlm) {
        runPhase(new Phase("non-llm-latency", o.concurrency), o.warmup);
      }
    }
    if (o.warmup > 0) {
      System.err.printf("LoadApp: warm-up ended at uptime %d ms, %d calls made%n",
          ManagementFactory.getRuntimeMXBean().getUptime(), callsMade);
    }
    JitSettling settling = settle();
    json.append("\"warmupCalls\":").append(callsMade).append(",\"settleRounds\":").append(settling.rounds)
        .append(",\"settled\":").append(settling.settled)
        .append(",\"lastRoundJitMillis\":").append(settling.lastRoundJitMillis).append(',');
    json.append("\"phases\":{");
    String sep = "";
    for (String name : o.phases) {
      if (!Phase.ALL.contains(name)) {
        throw new IllegalArgumentException("unknown phase " + name);
      }
      Phase phase = new Phase(name, o.concurrency);
      Result r = runPhase(phase, phase.paced ? o.pacedCalls : o.calls);
      json.append(sep).append('"').append(name).append("\":");
      r.appendJson(json);
      sep = ",";
    }
    json.append("},\"totalCalls\":").append(callsMade);
    json.append(",\"memory\":");
    ProcessStats.appendMemory(json);
    json.append('}');
    System.out.println(json);
    System.out.flush();
    // Non-daemon threads of the JDK client could keep the JVM up for a while; the run is over.
    System.exit(0);
  }

  /** What one phase measured. */
  static final class Result {
    String phase;
    int concurrency;
    long[] latency;
    long[] ttfb;
    int errors;
    String firstError;
    long wallNanos;
    long cpuNanos;
    long allocatedBytes;
    long responseBytes;
    /** Time the JIT spent compiling during the phase, summed over its compiler threads. */
    long jitMillis;

    void appendJson(StringBuilder b) {
      b.append("{\"concurrency\":").append(concurrency)
          .append(",\"errors\":").append(errors)
          .append(",\"firstError\":").append(firstError == null ? "null" : ProcessStats.quote(firstError))
          .append(",\"wallNanos\":").append(wallNanos)
          .append(",\"cpuNanos\":").append(cpuNanos)
          .append(",\"allocatedBytes\":").append(allocatedBytes)
          .append(",\"responseBytes\":").append(responseBytes)
          .append(",\"jitMillis\":").append(jitMillis)
          .append(",\"latencyNanos\":");
      appendArray(b, latency);
      if (ttfb != null) {
        b.append(",\"ttfbNanos\":");
        appendArray(b, ttfb);
      }
      b.append('}');
    }
  }

  /** How the warm-up ended. */
  static final class JitSettling {
    int rounds;
    boolean settled;
    long lastRoundJitMillis;
  }

  /**
   * Warms up further, in rounds of both kinds of call, until the JIT has settled: a round during
   * which compilation took under {@link #SETTLED_JIT_SHARE} of the round's wall time. The agent
   * brings some thousands of methods that the JIT keeps compiling for a minute or more on a
   * two-core machine after a fixed warm-up; measuring before that ends charges the compiler's CPU,
   * and its competition with the calls for the cores, to every call. That is a start-up cost, not
   * a per-call one, so the phases measure the steady state, as JMH does, and the report says how
   * many calls it took to reach it.
   */
  private JitSettling settle() throws InterruptedException {
    JitSettling s = new JitSettling();
    int roundCalls = Math.max(200, o.warmup / 5);
    while (s.rounds < o.settleRounds && o.warmup > 0) {
      long jitBefore = JIT.getTotalCompilationTime();
      long t0 = System.nanoTime();
      runPhase(new Phase("plain-throughput", o.concurrency), roundCalls);
      runPhase(new Phase("stream-throughput", o.concurrency), roundCalls);
      long wallMillis = (System.nanoTime() - t0) / 1_000_000;
      s.rounds++;
      s.lastRoundJitMillis = JIT.getTotalCompilationTime() - jitBefore;
      // On stderr, with the JVM's uptime, to line rounds up with -XX:+PrintCompilation or a JFR recording.
      System.err.printf("LoadApp: settle round %d ended at uptime %d ms, %d calls made: JIT %d ms of %d ms%n",
          s.rounds, ManagementFactory.getRuntimeMXBean().getUptime(), callsMade, s.lastRoundJitMillis, wallMillis);
      if (s.lastRoundJitMillis < wallMillis * SETTLED_JIT_SHARE) {
        s.settled = true;
        break;
      }
    }
    return s;
  }

  private Result runPhase(Phase phase, int calls) throws InterruptedException {
    callsMade += calls;
    Result r = new Result();
    r.phase = phase.name;
    r.concurrency = phase.concurrency;
    r.latency = new long[calls];
    r.ttfb = phase.stream ? new long[calls] : null;
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    long[] responseBytes = new long[phase.concurrency];
    long[] workerAllocated = new long[phase.concurrency];
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < phase.concurrency; w++) {
      final int worker = w;
      Thread t = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        long allocatedAtStart = ProcessStats.currentThreadAllocated();
        long[] ttfb = new long[1];
        int i;
        while ((i = next.getAndIncrement()) < calls) {
          long t0 = System.nanoTime();
          try {
            long bytes = phase.nonLlm ? nonLlmCall() : phase.stream ? streamCall(phase.paced, t0, ttfb) : plainCall();
            responseBytes[worker] += bytes;
          } catch (Exception e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, e.toString());
          }
          r.latency[i] = System.nanoTime() - t0;
          if (r.ttfb != null) {
            r.ttfb[i] = ttfb[0];
          }
        }
        // A worker ends with the phase, and a dead thread's count is gone: record it now.
        workerAllocated[worker] = ProcessStats.currentThreadAllocated() - allocatedAtStart;
      }, "load-worker-" + w);
      workers.add(t);
      t.start();
    }
    Map<Long, Long> allocatedBefore = ProcessStats.allocatedByThread();
    long cpuBefore = ProcessStats.cpuNanos();
    long jitBefore = JIT.getTotalCompilationTime();
    long t0 = System.nanoTime();
    start.countDown();
    for (Thread t : workers) {
      t.join();
    }
    r.wallNanos = System.nanoTime() - t0;
    r.cpuNanos = ProcessStats.cpuNanos() - cpuBefore;
    r.jitMillis = JIT.getTotalCompilationTime() - jitBefore;
    java.util.Set<Long> workerIds = new java.util.HashSet<>();
    for (Thread t : workers) {
      workerIds.add(t.getId());
    }
    r.allocatedBytes = ProcessStats.allocatedSince(allocatedBefore, workerIds);
    for (long a : workerAllocated) {
      r.allocatedBytes += a;
    }
    r.errors = errors.get();
    r.firstError = firstError.get();
    for (long b : responseBytes) {
      r.responseBytes += b;
    }
    return r;
  }

  // --- the calls ---

  private long plainCall() throws IOException, InterruptedException {
    if (jdk != null) {
      HttpResponse<byte[]> response = jdk.send(jdkRequest(plainBody.next()), HttpResponse.BodyHandlers.ofByteArray());
      check(response.statusCode(), response.body());
      return response.body().length;
    }
    try (Response response = okhttp.newCall(okRequest(plainBody.next())).execute()) {
      byte[] body = response.body().bytes();
      check(response.code(), body);
      return body.length;
    }
  }

  /**
   * Reads a stream to its end; {@code ttfb[0]} gets the time from {@code t0} to its first token:
   * the first byte of answer text (a non-empty {@code "content"} string), or to its first bytes
   * when it has no text.
   */
  private long streamCall(boolean paced, long t0, long[] ttfb) throws IOException, InterruptedException {
    byte[] body = (paced ? pacedStreamBody : streamBody).next();
    if (jdk != null) {
      HttpRequest.Builder b = jdkRequestBuilder(body);
      if (paced) {
        b.header("x-mock-chunk-delay-ms", Integer.toString(o.chunkDelayMs));
      }
      HttpResponse<InputStream> response = jdk.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        return readStream(response.statusCode(), in, t0, ttfb);
      }
    }
    Request.Builder b = okRequestBuilder(body);
    if (paced) {
      b.header("x-mock-chunk-delay-ms", Integer.toString(o.chunkDelayMs));
    }
    try (Response response = okhttp.newCall(b.build()).execute()) {
      return readStream(response.code(), response.body().byteStream(), t0, ttfb);
    }
  }

  private long nonLlmCall() throws IOException, InterruptedException {
    if (o.nonLlmUrl == null) {
      throw new IllegalStateException("--non-llm-url is required for the non-llm phase");
    }
    if (jdk != null) {
      HttpResponse<byte[]> response = jdk.send(HttpRequest.newBuilder(URI.create(o.nonLlmUrl)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      check(response.statusCode(), response.body());
      return response.body().length;
    }
    try (Response response = okhttp.newCall(new Request.Builder().url(o.nonLlmUrl).get().build()).execute()) {
      byte[] body = response.body().bytes();
      check(response.code(), body);
      return body.length;
    }
  }

  private static final byte[] CONTENT = "\"content\":\"".getBytes(StandardCharsets.US_ASCII);

  private static long readStream(int status, InputStream in, long t0, long[] ttfb) throws IOException {
    byte[] buf = new byte[8192];
    byte[] tail = new byte[32];
    int tailLen = 0;
    long total = 0;
    int n = in.read(buf);
    long firstBytes = System.nanoTime() - t0;
    ttfb[0] = -1;
    int matched = 0;
    while (n >= 0) {
      if (ttfb[0] < 0) {
        // Time to first token: the first byte of answer text, i.e. of a non-empty "content" string.
        for (int k = 0; k < n; k++) {
          if (matched == CONTENT.length) {
            if (buf[k] != '"') {
              ttfb[0] = System.nanoTime() - t0;
              break;
            }
            matched = 0;
          }
          matched = buf[k] == CONTENT[matched] ? matched + 1 : buf[k] == CONTENT[0] ? 1 : 0;
        }
      }
      total += n;
      // keep the last bytes to check that the stream ended with [DONE]
      if (n >= tail.length) {
        System.arraycopy(buf, n - tail.length, tail, 0, tail.length);
        tailLen = tail.length;
      } else if (n > 0) {
        int keep = Math.min(tailLen, tail.length - n);
        System.arraycopy(tail, tailLen - keep, tail, 0, keep);
        System.arraycopy(buf, 0, tail, keep, n);
        tailLen = keep + n;
      }
      n = in.read(buf);
    }
    if (ttfb[0] < 0) {
      ttfb[0] = firstBytes;
    }
    if (status != 200) {
      throw new IOException("status " + status);
    }
    String end = new String(tail, 0, tailLen, StandardCharsets.US_ASCII);
    if (!end.contains("[DONE]")) {
      throw new IOException("stream did not end with [DONE]: ..." + end);
    }
    return total;
  }

  private static void check(int status, byte[] body) throws IOException {
    if (status != 200) {
      throw new IOException("status " + status + ": " + new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8));
    }
  }

  private HttpRequest jdkRequest(byte[] body) {
    return jdkRequestBuilder(body).build();
  }

  private HttpRequest.Builder jdkRequestBuilder(byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(o.url))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer sk-load-test")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    o.headers.forEach(b::header);
    return b;
  }

  private static final MediaType JSON = MediaType.get("application/json");

  private Request okRequest(byte[] body) {
    return okRequestBuilder(body).build();
  }

  private Request.Builder okRequestBuilder(byte[] body) {
    Request.Builder b = new Request.Builder()
        .url(o.url)
        .header("Authorization", "Bearer sk-load-test")
        .post(RequestBody.create(body, JSON));
    o.headers.forEach(b::header);
    return b;
  }

  private static void appendArray(StringBuilder b, long[] values) {
    b.append('[');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(values[i]);
    }
    b.append(']');
  }
}
