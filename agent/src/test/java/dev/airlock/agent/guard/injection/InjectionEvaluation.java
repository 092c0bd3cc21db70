package dev.airlock.agent.guard.injection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores the prompt-injection detector on the labelled development set ({@code
 * injection/injection-dev.jsonl}: llm-guard's tests, CyberSecEval prompt-injection cases, NotInject
 * benign texts full of trigger words) and prints precision, recall, F1 and false-positive rate
 * per source, at the thresholds a policy is likely to use.
 *
 * <p>Benign and malicious rows come from different sources, so a source has either no positives
 * (its precision is undefined; read its false-positive rate) or no negatives. Used by {@link
 * InjectionEvaluationTest} (floors) and by the benchmark report.
 */
public final class InjectionEvaluation {

  /** The thresholds reported. */
  public static final double[] THRESHOLDS = {0.5, 0.7, 0.8, 0.9};

  static final String RESOURCE = "/injection/injection-dev.jsonl";

  /** One labelled text. */
  public static final class Row {
    final String text;
    final boolean attack;
    final String source;

    Row(String text, boolean attack, String source) {
      this.text = text;
      this.attack = attack;
      this.source = source;
    }
  }

  /** Confusion counts of one source at one threshold. */
  public static final class Counts {
    int tp;
    int fp;
    int fn;
    int tn;

    public double precision() {
      return tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? Double.NaN : 2 * p * r / (p + r);
    }

    /** False-positive rate on the benign rows. */
    public double fpr() {
      return fp + tn == 0 ? Double.NaN : fp / (double) (fp + tn);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "TP=%d FP=%d FN=%d TN=%d P=%s R=%s FPR=%s", tp, fp, fn, tn,
          fmt(precision()), fmt(recall()), fmt(fpr()));
    }
  }

  /** The scores of every row for one content source, and counts from them. */
  public static final class Scored {
    final List<Row> rows;
    final double[] scores;

    Scored(List<Row> rows, double[] scores) {
      this.rows = rows;
      this.scores = scores;
    }

    /** Counts over every row at {@code threshold}. */
    public Counts all(double threshold) {
      return count(null, threshold);
    }

    /** Counts over the rows of {@code source} (a short name, see {@link #sourceName}). */
    public Counts source(String source, double threshold) {
      return count(source, threshold);
    }

    /** The short source names, in order of appearance. */
    public List<String> sources() {
      List<String> names = new ArrayList<>();
      for (Row r : rows) {
        if (!names.contains(r.source)) {
          names.add(r.source);
        }
      }
      return names;
    }

    private Counts count(String source, double threshold) {
      Counts c = new Counts();
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        if (source != null && !source.equals(row.source)) {
          continue;
        }
        boolean flagged = scores[i] >= threshold;
        if (flagged && row.attack) {
          c.tp++;
        } else if (flagged) {
          c.fp++;
        } else if (row.attack) {
          c.fn++;
        } else {
          c.tn++;
        }
      }
      return c;
    }

    /**
     * An ROC-like sweep: per threshold from 0.05 to 0.95, recall over all attacks and per source
     * with attacks, and the false-positive rate over all benign rows. Shows where the policy
     * threshold sits on the curve.
     */
    public String sweep(String title) {
      List<String> attackSources = new ArrayList<>();
      for (String s : sources()) {
        if (source(s, 0.0).tp + source(s, 0.0).fn > 0) {
          attackSources.add(s);
        }
      }
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "%s%n%-5s %7s %7s", title, "thr", "recall", "FPR"));
      for (String s : attackSources) {
        b.append(String.format(Locale.ROOT, "  %-12.12s", s));
      }
      b.append(String.format(Locale.ROOT, "%n"));
      for (int step = 1; step <= 19; step++) {
        double t = step * 0.05;
        Counts all = all(t);
        b.append(String.format(Locale.ROOT, "%-5.2f %7s %7s", t, fmt(all.recall()), fmt(all.fpr())));
        for (String s : attackSources) {
          b.append(String.format(Locale.ROOT, "  %-12s", fmt(source(s, t).recall())));
        }
        b.append(String.format(Locale.ROOT, "%n"));
      }
      return b.toString();
    }

    /** The table: every threshold, all rows then each source. */
    public String table(String title) {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "%s, %d rows%n", title, rows.size()));
      b.append(String.format(Locale.ROOT, "%-5s %-44s %5s %4s %4s %4s %4s %6s %6s %6s %6s%n",
          "thr", "source", "rows", "TP", "FP", "FN", "TN", "prec", "recall", "F1", "FPR"));
      for (double t : THRESHOLDS) {
        b.append(line(t, "ALL", all(t)));
        for (String s : sources()) {
          b.append(line(t, s, source(s, t)));
        }
      }
      return b.toString();
    }
  }

  private InjectionEvaluation() {}

  /** The bundled development set. */
  public static List<Row> loadBundled() throws IOException {
    try (InputStream in = InjectionEvaluation.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("missing test resource " + RESOURCE);
      }
      return load(in);
    }
  }

  static List<Row> load(InputStream in) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Row> rows = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.trim().isEmpty()) {
        continue;
      }
      JsonNode n = json.readTree(line);
      rows.add(new Row(n.get("text").asText(), n.get("label").asInt() == 1,
          sourceName(n.get("source").asText())));
    }
    return Collections.unmodifiableList(rows);
  }

  /** Scores every row as text from {@code source} with {@code detector}. */
  public static Scored score(List<Row> rows, InjectionDetector detector, ContentSource source) {
    double[] scores = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      scores[i] = detector.score(rows.get(i).text, source).score();
    }
    return new Scored(rows, scores);
  }

  /** The texts of the rows, for throughput measurements. */
  public static List<String> texts(List<Row> rows) {
    List<String> t = new ArrayList<>(rows.size());
    for (Row r : rows) {
      t.add(r.text);
    }
    return t;
  }

  /**
   * A short name per source file: {@code protectai/llm-guard@53af...:tests/.../test_prompt_injection.py::test_scan}
   * becomes {@code llm-guard test_prompt_injection.py}; CyberSecEval's per-case {@code #N} is dropped.
   */
  static String sourceName(String source) {
    String repo = source.substring(0, source.indexOf('@'));
    repo = repo.substring(repo.indexOf('/') + 1);
    String path = source.substring(source.indexOf(':') + 1).replaceAll("#\\d+$", "").replaceAll("::.*$", "");
    return repo + " " + path.substring(path.lastIndexOf('/') + 1);
  }

  static String line(double threshold, String source, Counts c) {
    return String.format(Locale.ROOT, "%-5.2f %-44s %5d %4d %4d %4d %4d %6s %6s %6s %6s%n", threshold, source,
        c.tp + c.fp + c.fn + c.tn, c.tp, c.fp, c.fn, c.tn,
        fmt(c.precision()), fmt(c.recall()), fmt(c.f1()), fmt(c.fpr()));
  }

  static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** Prints the tables for user text and for tool results. */
  public static void main(String[] args) throws IOException {
    List<Row> rows = loadBundled();
    HeuristicInjectionDetector d = HeuristicInjectionDetector.create();
    Scored user = score(rows, d, ContentSource.USER);
    System.out.print(user.table("Prompt injection, scored as USER text"));
    System.out.print(user.sweep("Threshold sweep, USER text (recall per source with attacks)"));
    System.out.print(score(rows, d, ContentSource.TOOL_RESULT).table("Prompt injection, scored as TOOL_RESULT"));
  }
}
