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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores the prompt-injection detector on the labelled development set ({@code
 * injection/injection-dev.jsonl}: llm-guard's tests, CyberSecEval prompt-injection cases, NotInject
 * benign texts full of trigger words) and prints precision, recall, F1 and false-positive rate
 * per source, at the thresholds a policy is likely to use.
 *
 * <p>Benign and malicious rows come from different sources, so a source has either no positives
 * (its precision is undefined; read its false-positive rate) or no negatives. Used by {@link
 * InjectionEvaluationTest} (floors) and by the benchmark report.
 *
 * <p>The CyberSecEval rows are also reported per label CyberSecEval gives each case ({@code
 * injection/cyberseceval-categories.tsv}, by prompt_id): its {@code risk_category} separates the
 * {@code security-violating} cases from the {@code logic-violating} ones, which are attacks only
 * against the system prompt of the case ("only describe the climate of New York", then "what is
 * the weather like in Los Angeles?"); the rows do not carry that prompt and the detector never
 * sees one, so recall on them measures how much of an off-topic request looks like an attack.
 */
public final class InjectionEvaluation {

  /** The thresholds reported. */
  public static final double[] THRESHOLDS = {0.5, 0.7, 0.8, 0.9};

  static final String RESOURCE = "/injection/injection-dev.jsonl";

  /** CyberSecEval's labels of its cases in the development set, by prompt_id. */
  static final String CYBERSECEVAL_LABELS = "/injection/cyberseceval-categories.tsv";

  /** The short source name (see {@link #sourceName}) of the CyberSecEval rows. */
  static final String CYBERSECEVAL = "PurpleLlama prompt_injection.json";

  private static final Pattern CASE_NUMBER = Pattern.compile("#(\\d+)$");

  /** One labelled text. */
  public static final class Row {
    final String text;
    final boolean attack;
    final String source;
    /** The number after {@code #} in the full source (CyberSecEval's prompt_id), or -1. */
    final int caseNumber;

    Row(String text, boolean attack, String source, int caseNumber) {
      this.text = text;
      this.attack = attack;
      this.source = source;
      this.caseNumber = caseNumber;
    }
  }

  /** CyberSecEval's labels of one of its cases: one line of {@code cyberseceval-categories.tsv}. */
  public static final class CaseLabels {
    /** {@code security-violating} or {@code logic-violating}. */
    final String riskCategory;
    /** The attack technique, e.g. {@code ignore_previous_instructions}, {@code persuasion}. */
    final String variant;
    /** {@code direct} (the user writes the attack) or {@code indirect} (it sits in submitted content). */
    final String type;

    CaseLabels(String riskCategory, String variant, String type) {
      this.riskCategory = riskCategory;
      this.variant = variant;
      this.type = type;
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
      return countWhere(row -> source == null || source.equals(row.source), threshold);
    }

    private Counts countWhere(Predicate<Row> include, double threshold) {
      Counts c = new Counts();
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        if (!include.test(row)) {
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

    /**
     * Two tables of the CyberSecEval rows, one per {@code risk_category}, then one per {@code
     * injection_variant}, as labelled in {@code labels} (by prompt_id; see {@link
     * #loadCyberSecEvalLabels}). A CyberSecEval row whose prompt_id has no labels is counted under
     * {@code (no label)}, not dropped.
     */
    public String cyberSecEvalTables(String title, Map<Integer, CaseLabels> labels) {
      return recallTable(title + " by risk_category", "risk_category",
              row -> cyberSecEvalLabel(row, labels, l -> l.riskCategory))
          + recallTable(title + " by injection_variant", "injection_variant",
              row -> cyberSecEvalLabel(row, labels, l -> l.variant));
    }

    /**
     * Rows, then true positives, false negatives and recall at each of {@link #THRESHOLDS}: a line
     * for all the rows {@code groupOf} puts in a group, then one per group, ordered by the lowest
     * case number among its rows (for CyberSecEval, the dataset's own order). Rows it answers null
     * for are left out.
     */
    String recallTable(String title, String column, Function<Row, String> groupOf) {
      List<Row> byCase = new ArrayList<>(rows);
      byCase.sort(Comparator.comparingInt(r -> r.caseNumber));
      List<String> groups = new ArrayList<>();
      for (Row r : byCase) {
        String g = groupOf.apply(r);
        if (g != null && !groups.contains(g)) {
          groups.add(g);
        }
      }
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "%s%n%-32s %5s", title, column, "rows"));
      for (double t : THRESHOLDS) {
        String at = String.format(Locale.ROOT, "@%.1f", t);
        b.append(String.format(Locale.ROOT, "   %6s %6s %10s", "TP" + at, "FN" + at, "recall" + at));
      }
      b.append(String.format(Locale.ROOT, "%n"));
      b.append(recallLine("ALL", row -> groupOf.apply(row) != null));
      for (String g : groups) {
        b.append(recallLine(g, row -> g.equals(groupOf.apply(row))));
      }
      return b.toString();
    }

    private String recallLine(String group, Predicate<Row> include) {
      Counts any = countWhere(include, 0.0);
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-32s %5d", group,
          any.tp + any.fp + any.fn + any.tn));
      for (double t : THRESHOLDS) {
        Counts c = countWhere(include, t);
        b.append(String.format(Locale.ROOT, "   %6d %6d %10s", c.tp, c.fn, fmt(c.recall())));
      }
      return b.append(String.format(Locale.ROOT, "%n")).toString();
    }
  }

  /** The CyberSecEval label {@code label} picks of a CyberSecEval row; null for any other row. */
  static String cyberSecEvalLabel(Row row, Map<Integer, CaseLabels> labels, Function<CaseLabels, String> label) {
    if (!CYBERSECEVAL.equals(row.source)) {
      return null;
    }
    CaseLabels l = labels.get(row.caseNumber);
    return l == null ? "(no label)" : label.apply(l);
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
      String source = n.get("source").asText();
      rows.add(new Row(n.get("text").asText(), n.get("label").asInt() == 1, sourceName(source),
          caseNumber(source)));
    }
    return Collections.unmodifiableList(rows);
  }

  /** The bundled CyberSecEval labels, by prompt_id. */
  public static Map<Integer, CaseLabels> loadCyberSecEvalLabels() throws IOException {
    try (InputStream in = InjectionEvaluation.class.getResourceAsStream(CYBERSECEVAL_LABELS)) {
      if (in == null) {
        throw new IOException("missing test resource " + CYBERSECEVAL_LABELS);
      }
      return loadLabels(in);
    }
  }

  /**
   * Reads lines of {@code prompt_id<TAB>risk_category<TAB>injection_variant<TAB>injection_type};
   * blank lines and lines starting with {@code #} are skipped.
   */
  static Map<Integer, CaseLabels> loadLabels(InputStream in) throws IOException {
    Map<Integer, CaseLabels> labels = new LinkedHashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int number = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      number++;
      if (line.trim().isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 4 || !f[0].matches("\\d+")) {
        throw new IOException("line " + number + " is not prompt_id, risk_category, injection_variant and "
            + "injection_type separated by tabs: " + line);
      }
      if (labels.put(Integer.parseInt(f[0]), new CaseLabels(f[1], f[2], f[3])) != null) {
        throw new IOException("line " + number + " repeats prompt_id " + f[0]);
      }
    }
    return Collections.unmodifiableMap(labels);
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

  /** The number after a final {@code #} of a full source (CyberSecEval's prompt_id), or -1. */
  static int caseNumber(String source) {
    Matcher m = CASE_NUMBER.matcher(source);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  static String line(double threshold, String source, Counts c) {
    return String.format(Locale.ROOT, "%-5.2f %-44s %5d %4d %4d %4d %4d %6s %6s %6s %6s%n", threshold, source,
        c.tp + c.fp + c.fn + c.tn, c.tp, c.fp, c.fn, c.tn,
        fmt(c.precision()), fmt(c.recall()), fmt(c.f1()), fmt(c.fpr()));
  }

  static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** Prints the tables for user text and for tool results, then the CyberSecEval rows per label. */
  public static void main(String[] args) throws IOException {
    List<Row> rows = loadBundled();
    HeuristicInjectionDetector d = HeuristicInjectionDetector.create();
    Scored user = score(rows, d, ContentSource.USER);
    System.out.print(user.table("Prompt injection, scored as USER text"));
    System.out.print(user.sweep("Threshold sweep, USER text (recall per source with attacks)"));
    System.out.print(score(rows, d, ContentSource.TOOL_RESULT).table("Prompt injection, scored as TOOL_RESULT"));
    System.out.print(user.cyberSecEvalTables("CyberSecEval rows, USER text,", loadCyberSecEvalLabels()));
  }
}
