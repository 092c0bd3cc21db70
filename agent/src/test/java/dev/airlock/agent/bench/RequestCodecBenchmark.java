package dev.airlock.agent.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.LlmRequest;
import dev.airlock.agent.codec.RequestCodec;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading the 2 KB chat request ({@link RequestCodec#parse}) and, for a stream the application did
 * not ask usage for, splicing {@code include_usage} into it. Baselines in the same run: walking
 * every JSON token of the same bytes with Jackson's streaming parser and nothing else, and
 * building Jackson's tree of them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RequestCodecBenchmark {

  private byte[] request;
  private byte[] streamRequestWithoutUsage;
  private JsonFactory factory;
  private ObjectMapper mapper;

  @Setup
  public void setUp() {
    request = BenchFixtures.chatRequest(false, false);
    streamRequestWithoutUsage = BenchFixtures.chatRequest(true, false);
    factory = new JsonFactory();
    mapper = new ObjectMapper();
    if (RequestCodec.parse(Endpoint.OPENAI_CHAT, BenchFixtures.PATH, request) == null) {
      throw new IllegalStateException("the benchmark request does not parse");
    }
  }

  @Benchmark
  public int baseline_jacksonTokens() throws IOException {
    int tokens = 0;
    try (JsonParser p = factory.createParser(request)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_STRING) {
          p.getTextLength(); // make the parser decode the string, as a reader would
        }
        tokens++;
      }
    }
    return tokens;
  }

  @Benchmark
  public JsonNode baseline_jacksonReadTree() throws IOException {
    return mapper.readTree(request);
  }

  @Benchmark
  public LlmRequest requestCodec_parse() {
    return RequestCodec.parse(Endpoint.OPENAI_CHAT, BenchFixtures.PATH, request);
  }

  @Benchmark
  public byte[] requestCodec_withStreamUsageRequested() {
    return RequestCodec.withStreamUsageRequested(streamRequestWithoutUsage);
  }
}
