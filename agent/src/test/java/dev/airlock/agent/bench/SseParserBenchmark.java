package dev.airlock.agent.bench;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.SseParser;
import dev.airlock.agent.codec.StreamAccumulator;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * SSE framing of one whole OpenAI chat stream ({@link BenchFixtures#chatStreamEvents()}: 204 events,
 * about 57 KB), fed as the transport would: one piece per event, or fixed 8 KB reads that cut events
 * anywhere. One operation is one stream; {@link BenchReport} turns ns/op into MB/s and events/s.
 *
 * <p>Baselines in the same run: scanning the bytes for line feeds and nothing else (the floor of
 * any framer), and decoding them to a {@code String} (what any text consumer does at least).
 * {@code sseParser_withAccumulator} adds what the agent does per event on top of framing: read the
 * chunk's JSON for id, model, finish reason and usage.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SseParserBenchmark {

  @Param({"event", "8192"})
  public String pieces;

  private byte[][] input;

  @Setup
  public void setUp() {
    input = BenchFixtures.streamPieces(pieces);
  }

  @Benchmark
  public int baseline_scanLineFeeds() {
    int lines = 0;
    for (byte[] piece : input) {
      for (byte b : piece) {
        if (b == '\n') {
          lines++;
        }
      }
    }
    return lines;
  }

  @Benchmark
  public void baseline_decodeUtf8(Blackhole bh) {
    for (byte[] piece : input) {
      bh.consume(new String(piece, StandardCharsets.UTF_8));
    }
  }

  @Benchmark
  public SseParser sseParser(Blackhole bh) {
    SseParser parser = new SseParser((name, data, raw) -> bh.consume(data), 1024 * 1024);
    for (byte[] piece : input) {
      parser.feed(piece, 0, piece.length);
    }
    parser.finish();
    return parser;
  }

  @Benchmark
  public StreamAccumulator sseParser_withAccumulator() {
    StreamAccumulator accumulator = new StreamAccumulator(Endpoint.OPENAI_CHAT);
    SseParser parser = new SseParser((name, data, raw) -> accumulator.onEvent(name, data), 1024 * 1024);
    for (byte[] piece : input) {
      parser.feed(piece, 0, piece.length);
    }
    parser.finish();
    return accumulator;
  }
}
