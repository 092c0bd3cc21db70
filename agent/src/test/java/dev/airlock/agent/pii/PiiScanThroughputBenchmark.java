package dev.airlock.agent.pii;

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
 * Scanning throughput of the PII scanner on realistic text ({@link ScanCorpus}): the structured
 * detector set of the targets and every built-in type, one thread.
 *
 * <p>JMH reports microseconds per scan of the whole corpus; {@link PiiThroughputReport} turns that
 * into MB/s (one char counted as one byte: the text is almost all ASCII) and into a multiple of
 * the same run's baseline. Run it with the other benchmarks:
 *
 * <pre>
 * agent/bench.sh PiiScan            # this class and bench/PiiScannerBenchmark, then both reports
 * </pre>
 *
 * (or {@code dev.airlock.agent.pii.PiiBenchmarkReport --jmh target/jmh-result.json} for the
 * evaluation tables next to it).
 */
// The baseline does not depend on the detector set; it runs for both, a small price for one class.
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class PiiScanThroughputBenchmark {

  @Param({"prompts", "pii-dense", "mixed"})
  public String corpus;

  @Param({"structured", "all"})
  public String detectors;

  private String text;
  private PiiScanner scanner;

  @Setup
  public void setUp() {
    text = ScanCorpus.text(corpus);
    scanner = ScanCorpus.scanner(detectors);
    if (scanner.scan(text).isEmpty()) {
      throw new IllegalStateException("the scanner finds nothing in " + corpus);
    }
  }

  @Benchmark
  public List<Detection> piiScan() {
    return scanner.scan(text);
  }

  /**
   * The floor of any scanner on this machine: one pass that looks at every char (counting
   * digits and '@'). The scanner's cost is best read as a multiple of it, since absolute MB/s
   * depend on the machine and, on a shared one, on its load.
   */
  @Benchmark
  public int baseline_charScan() {
    int hits = 0;
    String s = text;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || c == '@') {
        hits++;
      }
    }
    return hits;
  }
}
