package dev.airlock.agent.bench;

import dev.airlock.agent.door.jdk.JdkHttpClientDoor;
import dev.airlock.agent.door.okhttp.chain.AirlockInterceptor;
import dev.airlock.agent.engine.Pipeline;
import dev.airlock.agent.engine.PipelineState;
import dev.airlock.agent.engine.ProviderMatch;
import dev.airlock.agent.engine.ProviderRegistry;
import dev.airlock.agent.telemetry.LlmInstruments;
import dev.airlock.policy.BuiltinProvider;
import dev.airlock.policy.BuiltinProviders;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What every HTTP call that is <em>not</em> an LLM call pays: the host check. Measured at three
 * depths, each next to the bare operation it adds to:
 *
 * <ul>
 *   <li>the engine ({@link ProviderRegistry#isCandidateHost}, {@link ProviderRegistry#match}) next
 *       to a bare {@code HashMap.containsKey} on a map of the same hosts;
 *   <li>the JDK HttpClient door's test on an {@code HttpRequest} (what the inlined advice calls)
 *       next to reading the request's host and looking it up in that map;
 *   <li>the OkHttp door ({@link AirlockInterceptor#intercept}) on a chain whose {@code proceed}
 *       returns at once, next to the same chain proceeding without the interceptor.
 * </ul>
 *
 * The registry is the one the agent builds from the example policy (13 built-in providers, Azure's
 * host suffix, one declared self-hosted provider).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class HostCheckBenchmark {

  private static final String NON_LLM_HOST = "api.github.com";
  private static final String LLM_HOST = "api.openai.com";

  private ProviderRegistry registry;
  private Map<String, Object> bareMap;
  private String nonLlmHost;
  private String llmHost;
  private HttpRequest jdkRequest;
  private JdkHttpClientDoor jdkDoor;
  private AirlockInterceptor interceptor;
  private ReturningChain chain;

  @Setup
  public void setUp() {
    PipelineState state = BenchFixtures.examplePolicyState();
    registry = state.registry();
    Pipeline pipeline = new Pipeline(state, new LlmInstruments(OpenTelemetry.noop(), "bench"));
    bareMap = new HashMap<>();
    for (BuiltinProvider p : BuiltinProviders.all()) {
      if (!p.hostIsSuffix()) {
        bareMap.put(p.host(), p);
      }
    }
    bareMap.put(BenchFixtures.HOST, Boolean.TRUE);
    // Fresh strings, as a transport hands them over (hash codes get cached after the first call
    // either way, exactly as they do for the host string of a real URI or HttpUrl).
    nonLlmHost = new String(NON_LLM_HOST.toCharArray());
    llmHost = new String(LLM_HOST.toCharArray());
    jdkRequest = HttpRequest.newBuilder(URI.create("https://" + NON_LLM_HOST + "/repos/acme/app/issues?state=open"))
        .GET().build();
    jdkDoor = new JdkHttpClientDoor(pipeline);
    interceptor = new AirlockInterceptor(pipeline);
    chain = new ReturningChain(new Request.Builder().url("https://" + NON_LLM_HOST + "/repos/acme/app/issues").build());
    if (registry.isCandidateHost(nonLlmHost) || !registry.isCandidateHost(llmHost) || jdkDoor.test(jdkRequest)) {
      throw new IllegalStateException("the registry does not classify the benchmark hosts as expected");
    }
  }

  // --- engine ---

  @Benchmark
  public boolean baseline_hashMapContainsKey() {
    return bareMap.containsKey(nonLlmHost);
  }

  @Benchmark
  public boolean isCandidateHost_nonLlmHost() {
    return registry.isCandidateHost(nonLlmHost);
  }

  @Benchmark
  public ProviderMatch match_nonLlmHost() {
    return registry.match(nonLlmHost, 443, "/repos/acme/app/issues");
  }

  /** For reference: an LLM host answers yes after the same lookup. */
  @Benchmark
  public boolean isCandidateHost_llmHost() {
    return registry.isCandidateHost(llmHost);
  }

  // --- JDK HttpClient door ---

  @Benchmark
  public boolean baseline_jdkRequestHostLookup() {
    return bareMap.containsKey(jdkRequest.uri().getHost());
  }

  @Benchmark
  public boolean jdkDoor_nonLlmRequest() {
    return jdkDoor.test(jdkRequest);
  }

  // --- OkHttp door ---

  @Benchmark
  public Response baseline_okhttpBareChain() throws IOException {
    return chain.proceed(chain.request());
  }

  @Benchmark
  public Response okhttpDoor_nonLlmCall() throws IOException {
    return interceptor.intercept(chain);
  }

  /** An interceptor chain whose next step answers at once with a prebuilt response. */
  static final class ReturningChain implements Interceptor.Chain {
    private final Request request;
    private final Response response;

    ReturningChain(Request request) {
      this.request = request;
      this.response = new Response.Builder()
          .request(request)
          .protocol(Protocol.HTTP_1_1)
          .code(200)
          .message("OK")
          .body(ResponseBody.create("[]", null))
          .build();
    }

    @Override
    public Request request() {
      return request;
    }

    @Override
    public Response proceed(Request request) {
      return response;
    }

    @Override
    public Connection connection() {
      return null;
    }

    @Override
    public Call call() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int connectTimeoutMillis() {
      return 10_000;
    }

    @Override
    public Interceptor.Chain withConnectTimeout(int timeout, TimeUnit unit) {
      return this;
    }

    @Override
    public int readTimeoutMillis() {
      return 10_000;
    }

    @Override
    public Interceptor.Chain withReadTimeout(int timeout, TimeUnit unit) {
      return this;
    }

    @Override
    public int writeTimeoutMillis() {
      return 10_000;
    }

    @Override
    public Interceptor.Chain withWriteTimeout(int timeout, TimeUnit unit) {
      return this;
    }
  }
}
