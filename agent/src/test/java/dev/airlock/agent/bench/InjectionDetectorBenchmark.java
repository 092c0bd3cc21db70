package dev.airlock.agent.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.guard.injection.ContentSource;
import dev.airlock.agent.guard.injection.HeuristicInjectionDetector;
import dev.airlock.agent.guard.injection.InjectionDetector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * The built-in prompt-injection detector, per text: one operation scores every row of the
 * injection development set ({@code injection/injection-dev.jsonl}: attacks and benign texts full
 * of trigger words, 640 rows, about 170 chars each) as user text or as a tool result, so the time
 * per operation divided by the row count is the time per text. The mix of short prompts, long
 * documents, HTML and encoded payloads is what the detector meets on the request path.
 *
 * <p>Baseline in the same run: one pass over the characters of every row (the floor of any
 * detector that reads its input).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class InjectionDetectorBenchmark {

  /** The development set on the test class path (agent/src/test/resources). */
  private static final String ROWS = "/injection/injection-dev.jsonl";

  @Param({"USER", "TOOL_RESULT"})
  public String source;

  private List<String> texts;
  private ContentSource contentSource;
  private InjectionDetector detector;

  @Setup
  public void setUp() throws IOException {
    texts = loadTexts();
    contentSource = ContentSource.valueOf(source);
    detector = HeuristicInjectionDetector.create();
    if (detector.score(texts.get(0), contentSource) == null) {
      throw new IllegalStateException("the detector returned no score");
    }
  }

  @Benchmark
  public int baseline_charScan() {
    int letters = 0;
    for (String s : texts) {
      for (int i = 0; i < s.length(); i++) {
        if (Character.isLetter(s.charAt(i))) {
          letters++;
        }
      }
    }
    return letters;
  }

  @Benchmark
  public double injection_devSet() {
    double sum = 0;
    for (String s : texts) {
      sum += detector.score(s, contentSource).score();
    }
    return sum;
  }

  private static List<String> loadTexts() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    try (InputStream in = InjectionDetectorBenchmark.class.getResourceAsStream(ROWS)) {
      if (in == null) {
        throw new IOException("missing " + ROWS + " on the class path (agent/src/test/resources)");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.trim().isEmpty()) {
          out.add(json.readTree(line).get("text").asText());
        }
      }
    }
    return out;
  }
}
