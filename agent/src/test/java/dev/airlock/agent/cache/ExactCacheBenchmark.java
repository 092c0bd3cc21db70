package dev.airlock.agent.cache;

import dev.airlock.agent.codec.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The exact cache's hot path: a hit on a 4 KB answer, from the request body to the last byte the
 * application reads, key computation included. A JMH benchmark, not a JUnit test (surefire does not
 * run it).
 *
 * <p>{@code agent/bench.sh} compiles only {@code src/test/java/dev/airlock/agent/bench/*.java}, so
 * this class is compiled and run the same way by hand, from {@code agent/}:
 *
 * <pre>
 * mvn -B -q -f ../pom.xml -pl agent -am -DskipTests compile \
 *   org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
 *   -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
 * mkdir -p target/jmh-cache-classes target/jmh-cache-generated
 * javac -nowarn --release 11 -cp "target/classes:$(cat target/bench.classpath)" \
 *   -processor org.openjdk.jmh.generators.BenchmarkProcessor \
 *   -d target/jmh-cache-classes -s target/jmh-cache-generated \
 *   src/test/java/dev/airlock/agent/bench/*.java src/test/java/dev/airlock/agent/cache/ExactCacheBenchmark.java
 * CP="target/jmh-cache-classes:target/classes:$(cat target/bench.classpath)"
 * java -cp "$CP" org.openjdk.jmh.Main ExactCacheBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -t 1 -prof gc \
 *   -rf json -rff target/jmh-cache-result.json
 * java -cp "$CP" dev.airlock.agent.bench.BenchReport target/jmh-cache-result.json
 * </pre>
 *
 * <p>Per {@code answer} ({@code whole}: one 4 KB JSON body; {@code stream}: a 4 KB SSE stream
 * recorded one event per read, 19 reads), for a 2 KB chat request:
 *
 * <ul>
 *   <li>{@code baseline_cacheKey}: computing the key only (parse, canonical form, SHA-256); the
 *       first baseline in name order, so {@code BenchReport} compares the others with it.
 *   <li>{@code baseline_hashMapGet}: the floor of any in-process cache: decode the body to a {@code
 *       String}, {@code HashMap.get} by it, copy the 4 KB out.
 *   <li>{@code hit_keyLookupReplay}: what a hit costs: key, Caffeine lookup, replay read to the end
 *       through {@link AnswerReplay#inputStream} with an 8 KB buffer.
 *   <li>{@code miss_keyLookup}: what every cacheable miss pays before the provider call.
 *   <li>{@code record_answer}: what a miss pays afterwards to record the answer as the
 *       application reads it (for a stream: SSE framing and the terminal-event check).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ExactCacheBenchmark {

  static final String TARGET = "openai/gpt-4o-mini";
  static final String TENANT = "acme";
  static final int ANSWER_BYTES = 4096;

  @Param({"whole", "stream"})
  public String answer;

  private byte[] request;
  private byte[] missRequest;
  private List<byte[]> reads;
  private String contentType;
  private ExactCache cache;
  private Map<String, byte[]> map;
  private final byte[] readBuffer = new byte[8192];

  @Setup
  public void setUp() {
    request = chatRequest("What does the policy say about budgets per team?");
    missRequest = chatRequest("What does the policy say about budgets per model?");
    boolean stream = "stream".equals(answer);
    reads = stream ? sseEvents() : Collections.singletonList(wholeBody());
    contentType = stream ? "text/event-stream" : "application/json";
    cache = ExactCache.create(ExactCacheConfig.defaults());
    CachedAnswer recorded = record();
    if (recorded == null || !cache.store(CacheKeys.of(Endpoint.OPENAI_CHAT, TARGET, TENANT, request), recorded)) {
      throw new IllegalStateException("the fixture answer was not stored");
    }
    map = new HashMap<>();
    map.put(new String(request, StandardCharsets.UTF_8), AnswerReplay.bytes(recorded));
  }

  @Benchmark
  public CacheKey baseline_cacheKey() {
    return CacheKeys.of(Endpoint.OPENAI_CHAT, TARGET, TENANT, request);
  }

  @Benchmark
  public int baseline_hashMapGet() {
    byte[] body = map.get(new String(request, StandardCharsets.UTF_8));
    System.arraycopy(body, 0, readBuffer, 0, Math.min(body.length, readBuffer.length));
    return body.length;
  }

  @Benchmark
  public int hit_keyLookupReplay() throws IOException {
    CachedAnswer hit = cache.lookup(CacheKeys.of(Endpoint.OPENAI_CHAT, TARGET, TENANT, request));
    int total = 0;
    try (InputStream in = AnswerReplay.inputStream(hit)) {
      int n;
      while ((n = in.read(readBuffer, 0, readBuffer.length)) != -1) {
        total += n;
      }
    }
    return total;
  }

  @Benchmark
  public CachedAnswer miss_keyLookup() {
    return cache.lookup(CacheKeys.of(Endpoint.OPENAI_CHAT, TARGET, TENANT, missRequest));
  }

  @Benchmark
  public CachedAnswer record_answer() {
    return record();
  }

  private CachedAnswer record() {
    AnswerRecorder recorder = new AnswerRecorder(Endpoint.OPENAI_CHAT, cache.config().maxEntryBytes());
    recorder.onResponse(200, contentType);
    for (byte[] read : reads) {
      recorder.onBytes(read, 0, read.length);
    }
    return recorder.complete();
  }

  /** A 2 KB chat request as openai-java writes it: system prompt, a short conversation, one tool, temperature 0. */
  static byte[] chatRequest(String question) {
    StringBuilder manual = new StringBuilder();
    while (manual.length() < 1450) {
      manual.append("Policies are YAML files with providers, models, pii, guardrails, routes, cache and budgets. ");
    }
    String json = "{\"messages\":["
        + "{\"content\":\"You are Airlock's support assistant. Answer briefly. " + manual + "\",\"role\":\"system\"},"
        + "{\"content\":\"How do I set a budget?\",\"role\":\"user\"},"
        + "{\"content\":\"With a budgets: section in the policy.\",\"role\":\"assistant\"},"
        + "{\"content\":\"" + question + "\",\"role\":\"user\"}],"
        + "\"model\":\"gpt-4o-mini\",\"temperature\":0.0,\"max_completion_tokens\":512,"
        + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_policy\",\"description\":\"Fetch a policy file\","
        + "\"parameters\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}}}],"
        + "\"user\":\"u-42\"}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** A whole chat completion of {@value #ANSWER_BYTES} bytes. */
  static byte[] wholeBody() {
    String head = "{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion\",\"created\":1741569952,"
        + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"";
    String tail = "\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":512,\"completion_tokens\":800,\"total_tokens\":1312},"
        + "\"system_fingerprint\":\"fp_06737a9306\"}";
    StringBuilder content = new StringBuilder();
    while (head.length() + content.length() + tail.length() < ANSWER_BYTES) {
      content.append('x');
    }
    return (head + content + tail).getBytes(StandardCharsets.UTF_8);
  }

  /** A chat stream of about {@value #ANSWER_BYTES} bytes, one event per read, ending with usage and [DONE]. */
  static List<byte[]> sseEvents() {
    String prefix = "data: {\"id\":\"chatcmpl-BQx7uV1rOTcaKUX1CV3wKXeqnFUGo\",\"object\":\"chat.completion.chunk\","
        + "\"created\":1745842174,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,";
    List<byte[]> events = new ArrayList<>();
    String finish = prefix + "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n";
    String usage = "data: {\"id\":\"chatcmpl-BQx7uV1rOTcaKUX1CV3wKXeqnFUGo\",\"object\":\"chat.completion.chunk\","
        + "\"choices\":[],\"usage\":{\"prompt_tokens\":512,\"completion_tokens\":60,\"total_tokens\":572}}\n\n";
    String done = "data: [DONE]\n\n";
    int total = finish.length() + usage.length() + done.length();
    int i = 0;
    while (total < ANSWER_BYTES) {
      String event = prefix + "\"delta\":{\"content\":\" token" + (i++) + " of the answer,\"},\"finish_reason\":null}]}\n\n";
      events.add(event.getBytes(StandardCharsets.UTF_8));
      total += event.length();
    }
    events.add(finish.getBytes(StandardCharsets.UTF_8));
    events.add(usage.getBytes(StandardCharsets.UTF_8));
    events.add(done.getBytes(StandardCharsets.UTF_8));
    return events;
  }
}
