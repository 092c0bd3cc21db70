package dev.airlock.agent.pii;

import dev.airlock.agent.guard.injection.ContentSource;
import dev.airlock.agent.guard.injection.HeuristicInjectionDetector;
import dev.airlock.agent.guard.injection.InjectionEvaluation;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * The measurements in one report: precision and recall per PII type on the development
 * set ({@link PiiEvaluation}) and on the synthetic secrets ({@link SecretEvaluation}), precision,
 * recall and false-positive rate per injection source ({@link InjectionEvaluation}), and scanning
 * throughput in MB/s.
 *
 * <p>Throughput here is a quick in-process estimate: each scan of a {@link ScanCorpus} text is
 * timed in thread CPU time (so time the thread spends descheduled on a shared machine does not
 * count), after a warm-up, and the median of the runs is reported. For careful numbers run the
 * JMH benchmark {@link PiiScanThroughputBenchmark} and pass its JSON result with {@code --jmh
 * FILE}: the report then converts it to MB/s as well. One char counts as one byte (the corpora are
 * almost all ASCII).
 *
 * <pre>
 * java -cp agent/target/test-classes:agent/target/classes:$(cat agent/target/test.cp) \
 *     dev.airlock.agent.pii.PiiBenchmarkReport [--runs N] [--jmh target/pii-jmh.json]
 * </pre>
 */
public final class PiiBenchmarkReport {

  private PiiBenchmarkReport() {}

  public static void main(String[] args) throws IOException {
    int runs = 200;
    String jmh = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--runs")) {
        runs = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--jmh")) {
        jmh = args[++i];
      } else {
        throw new IllegalArgumentException("usage: [--runs N] [--jmh FILE]");
      }
    }
    PrintStream out = System.out;
    out.println("== PII detectors on pii-dev.jsonl (Presidio's recognizer tests), every built-in type enabled");
    PiiEvaluation.Report report = PiiEvaluation.evaluate(PiiEvaluation.loadBundled(), PiiEvaluation.allBuiltIns());
    out.print(report.table());
    out.println();
    out.println("== secret (not in pii-dev): synthetic keys, assignments and look-alikes");
    out.print(SecretEvaluation.table(SecretEvaluation.evaluate(SecretEvaluation.rows(), PiiEvaluation.allBuiltIns())));
    out.println();
    List<InjectionEvaluation.Row> rows = InjectionEvaluation.loadBundled();
    HeuristicInjectionDetector injection = HeuristicInjectionDetector.create();
    out.print(InjectionEvaluation.score(rows, injection, ContentSource.USER)
        .table("== prompt injection on injection-dev.jsonl, scored as USER text"));
    out.println();
    out.println("== throughput, one thread, thread CPU time, median of " + runs + " runs after warm-up");
    out.printf(Locale.ROOT, "%-10s %-11s %9s %9s %9s%n", "corpus", "detectors", "chars", "ms/scan", "MB/s");
    for (String corpus : ScanCorpus.NAMES) {
      String text = ScanCorpus.text(corpus);
      double floor = medianMillis(() -> charScan(text), runs);
      out.printf(Locale.ROOT, "%-10s %-11s %9d %9.3f %9.1f%n", corpus, "(baseline)", text.length(), floor,
          mbPerSecond(text.length(), floor));
      for (String set : new String[] {"structured", "all"}) {
        PiiScanner scanner = ScanCorpus.scanner(set);
        double ms = medianMillis(() -> scanner.scan(text), runs);
        out.printf(Locale.ROOT, "%-10s %-11s %9d %9.3f %9.1f%n", corpus, set, text.length(), ms, mbPerSecond(text.length(), ms));
      }
    }
    List<String> prompts = InjectionEvaluation.texts(rows);
    long chars = prompts.stream().mapToLong(String::length).sum();
    double ms = medianMillis(() -> {
      for (String p : prompts) {
        injection.score(p, ContentSource.USER);
      }
    }, Math.max(10, runs / 4));
    out.printf(Locale.ROOT, "%-10s %-11s %9d %9.3f %9.1f   (injection detector, per text)%n", "prompts", "injection",
        chars, ms, mbPerSecond(chars, ms));
    if (jmh != null) {
      out.println();
      out.println("== JMH (" + jmh + ")");
      printJmh(jmh, out);
    }
  }

  /** One pass over every char: the floor of any scanner on this machine. */
  private static int charScan(String s) {
    int hits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || c == '@') {
        hits++;
      }
    }
    return hits;
  }

  private static double medianMillis(Runnable r, int runs) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < runs; i++) {
      r.run();
    }
    long[] t = new long[runs];
    for (int i = 0; i < runs; i++) {
      long s = mx.getCurrentThreadCpuTime();
      r.run();
      t[i] = mx.getCurrentThreadCpuTime() - s;
    }
    java.util.Arrays.sort(t);
    return t[runs / 2] / 1e6;
  }

  private static double mbPerSecond(long chars, double millis) {
    return chars / 1e6 / (millis / 1e3);
  }

  private static void printJmh(String file, PrintStream out) throws IOException {
    PiiThroughputReport.print(file, out);
  }
}
