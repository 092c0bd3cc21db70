package dev.airlock.agent.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Measures the built-in detectors on the labelled development set ({@code pii/pii-dev.jsonl},
 * Presidio's recognizer test cases) and prints precision, recall and F1 per type.
 *
 * <p>Each row is scored only on its annotated types that Airlock detects (Presidio names mapped to
 * ours; ES_NIF and ES_NIE both map to {@code es_nif}); detections of other types are ignored,
 * since the row says nothing about them. The scanner is the one a policy enabling every built-in
 * type gets, with the default threshold. Three scorings:
 *
 * <ul>
 *   <li><b>strict</b>: a detection counts only with the gold span exactly (gold spans trimmed of
 *       surrounding whitespace); every gold entity counts, including those Presidio itself marks
 *       weak;
 *   <li><b>exact</b>: exact spans as in strict, but a missed gold entity that Presidio marks weak
 *       (its own score at most 0.4: malformed groupings such as {@code 078-051121}, nine bare
 *       digits, a bare {@code ::}) is not a miss; a detection of it still counts as a hit. This
 *       separates the two reasons strict can be lower than lenient: span boundaries (kept here)
 *       and forms a recognizer should not report without context (dropped here);
 *   <li><b>lenient</b>: any overlap of the same type counts, and a missed weak gold entity is not
 *       a miss.
 * </ul>
 *
 * <p>Run {@code main} with {@code --misses} to list the rows behind the numbers.
 */
public final class PiiEvaluation {

  /** Presidio entity names to Airlock type ids; anything else is not scored. */
  static final Map<String, String> TYPE_MAP;

  static {
    Map<String, String> m = new HashMap<>();
    m.put("EMAIL_ADDRESS", PiiTypes.EMAIL);
    m.put("EMAIL", PiiTypes.EMAIL);
    m.put("PHONE_NUMBER", PiiTypes.PHONE);
    m.put("PHONE", PiiTypes.PHONE);
    m.put("CREDIT_CARD", PiiTypes.CREDIT_CARD);
    m.put("IBAN_CODE", PiiTypes.IBAN);
    m.put("IBAN", PiiTypes.IBAN);
    m.put("US_SSN", PiiTypes.US_SSN);
    m.put("IP_ADDRESS", PiiTypes.IP_ADDRESS);
    m.put("UK_NINO", PiiTypes.UK_NINO);
    m.put("ES_NIF", PiiTypes.ES_NIF);
    m.put("ES_NIE", PiiTypes.ES_NIF);
    m.put("IT_FISCAL_CODE", PiiTypes.IT_FISCAL_CODE);
    m.put("DE_TAX_ID", PiiTypes.DE_TAX_ID);
    TYPE_MAP = Collections.unmodifiableMap(m);
  }

  static final String RESOURCE = "/pii/pii-dev.jsonl";

  private PiiEvaluation() {}

  /** One labelled entity. */
  static final class Gold {
    final String type;
    final int start;
    final int end;
    final boolean weak;

    Gold(String type, int start, int end, boolean weak) {
      this.type = type;
      this.start = start;
      this.end = end;
      this.weak = weak;
    }
  }

  /** One row of the set, restricted to the types we score. */
  static final class Row {
    final String text;
    final Set<String> types;
    final List<Gold> gold;
    final String source;

    Row(String text, Set<String> types, List<Gold> gold, String source) {
      this.text = text;
      this.types = types;
      this.gold = gold;
      this.source = source;
    }
  }

  /** True positives, false positives and false negatives of one type. */
  static final class Counts {
    int tp;
    int fp;
    int fn;

    double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    void add(Counts o) {
      tp += o.tp;
      fp += o.fp;
      fn += o.fn;
    }
  }

  /** Per-type counts of both scorings, plus the rows behind the errors. */
  static final class Report {
    final Map<String, Counts> strict = new TreeMap<>();
    final Map<String, Counts> exact = new TreeMap<>();
    final Map<String, Counts> lenient = new TreeMap<>();
    final Map<String, Integer> rows = new TreeMap<>();
    final List<String> misses = new ArrayList<>();

    Counts strict(String type) {
      return strict.computeIfAbsent(type, t -> new Counts());
    }

    Counts exact(String type) {
      return exact.computeIfAbsent(type, t -> new Counts());
    }

    Counts lenient(String type) {
      return lenient.computeIfAbsent(type, t -> new Counts());
    }

    Counts total(Map<String, Counts> byType) {
      Counts all = new Counts();
      byType.values().forEach(all::add);
      return all;
    }

    String table() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT,
          "%-15s %5s | %-29s | %-29s | %-29s%n", "type", "rows", "strict (exact span, all gold)",
          "exact (exact span, weak opt.)", "lenient (overlap, weak opt.)"));
      b.append(String.format(Locale.ROOT, "%-15s %5s", "", ""));
      for (int g = 0; g < 3; g++) {
        b.append(String.format(Locale.ROOT, " | %4s %4s %4s %4s %4s %4s", "tp", "fp", "fn", "P", "R",
            "F1"));
      }
      b.append(String.format("%n"));
      for (String type : new TreeSet<>(rows.keySet())) {
        b.append(line(type, rows.get(type), strict(type), exact(type), lenient(type)));
      }
      int allRows = rows.values().stream().mapToInt(Integer::intValue).sum();
      b.append(line("all", allRows, total(strict), total(exact), total(lenient)));
      return b.toString();
    }

    private static String line(String type, int rows, Counts... scorings) {
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-15s %5d", type, rows));
      for (Counts c : scorings) {
        b.append(String.format(Locale.ROOT, " | %4d %4d %4d %4.2f %4.2f %4.2f", c.tp, c.fp, c.fn,
            c.precision(), c.recall(), c.f1()));
      }
      return b.append(String.format("%n")).toString();
    }
  }

  /** Reads the rows that carry at least one type we detect. */
  static List<Row> load(InputStream in) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Row> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.trim().isEmpty()) {
          continue;
        }
        JsonNode node = json.readTree(line);
        Set<String> types = new TreeSet<>();
        for (JsonNode t : node.get("annotated_types")) {
          String ours = TYPE_MAP.get(t.asText());
          if (ours != null) {
            types.add(ours);
          }
        }
        if (types.isEmpty()) {
          continue;
        }
        String text = node.get("text").asText();
        List<Gold> gold = new ArrayList<>();
        for (JsonNode e : node.get("entities")) {
          String ours = TYPE_MAP.get(e.get("type").asText());
          if (ours == null || !types.contains(ours)) {
            continue;
          }
          int start = e.get("start").asInt();
          int end = e.get("end").asInt();
          while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
          }
          while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
          }
          gold.add(new Gold(ours, start, end, e.path("weak").asBoolean(false)));
        }
        rows.add(new Row(text, types, gold, node.path("source").asText()));
      }
    }
    return rows;
  }

  static List<Row> loadBundled() throws IOException {
    InputStream in = PiiEvaluation.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IOException("missing test resource " + RESOURCE);
    }
    return load(in);
  }

  /** The scanner a policy enabling every built-in type gets. */
  static PiiScanner allBuiltIns() {
    return PiiScanner.builder().enable(PiiTypes.builtIn()).build();
  }

  static Report evaluate(List<Row> rows, PiiScanner scanner) {
    Report report = new Report();
    for (Row row : rows) {
      List<Detection> found = new ArrayList<>();
      for (Detection d : scanner.scan(row.text)) {
        if (row.types.contains(d.type())) {
          found.add(d);
        }
      }
      for (String type : row.types) {
        report.rows.merge(type, 1, Integer::sum);
        report.strict(type);
        report.exact(type);
        report.lenient(type);
      }
      scoreStrict(row, found, report);
      scoreLenient(row, found, report);
    }
    return report;
  }

  private static void scoreStrict(Row row, List<Detection> found, Report report) {
    boolean[] used = new boolean[found.size()];
    for (Gold g : row.gold) {
      int hit = -1;
      for (int i = 0; i < found.size() && hit < 0; i++) {
        Detection d = found.get(i);
        if (!used[i] && d.type().equals(g.type) && d.start() == g.start && d.end() == g.end) {
          hit = i;
        }
      }
      if (hit >= 0) {
        used[hit] = true;
        report.strict(g.type).tp++;
        report.exact(g.type).tp++;
      } else {
        report.strict(g.type).fn++;
        if (!g.weak) {
          report.exact(g.type).fn++;
        }
        report.misses.add("FN " + g.type + " '" + row.text.substring(g.start, g.end) + "' in: "
            + abbreviate(row.text) + (g.weak ? " (weak)" : ""));
      }
    }
    for (int i = 0; i < found.size(); i++) {
      if (!used[i]) {
        Detection d = found.get(i);
        report.strict(d.type()).fp++;
        report.exact(d.type()).fp++;
        report.misses.add("FP " + d.type() + " '" + d.text(row.text) + "' @" + d.confidence()
            + " in: " + abbreviate(row.text));
      }
    }
  }

  private static void scoreLenient(Row row, List<Detection> found, Report report) {
    boolean[] used = new boolean[found.size()];
    for (Gold g : row.gold) {
      int hit = -1;
      for (int i = 0; i < found.size() && hit < 0; i++) {
        Detection d = found.get(i);
        if (!used[i] && d.type().equals(g.type) && d.start() < g.end && g.start < d.end()) {
          hit = i;
        }
      }
      if (hit >= 0) {
        used[hit] = true;
        report.lenient(g.type).tp++;
      } else if (!g.weak) {
        report.lenient(g.type).fn++;
      }
    }
    for (int i = 0; i < found.size(); i++) {
      if (!used[i]) {
        report.lenient(found.get(i).type()).fp++;
      }
    }
  }

  private static String abbreviate(String text) {
    String oneLine = text.replace('\n', ' ');
    return oneLine.length() > 120 ? oneLine.substring(0, 117) + "..." : oneLine;
  }

  /**
   * Prints the table. Arguments: an optional path to a jsonl file (default: the bundled copy),
   * and {@code --misses} to list every false positive and false negative.
   */
  public static void main(String[] args) throws IOException {
    boolean misses = false;
    String path = null;
    for (String a : args) {
      if (a.equals("--misses")) {
        misses = true;
      } else {
        path = a;
      }
    }
    List<Row> rows;
    if (path == null) {
      rows = loadBundled();
    } else {
      try (InputStream in = Files.newInputStream(Paths.get(path))) {
        rows = load(in);
      }
    }
    Report report = evaluate(rows, allBuiltIns());
    PrintStream out = System.out;
    out.print(report.table());
    if (misses) {
      report.misses.forEach(out::println);
    }
  }

  /** For tests: the report as a map of type to {strict precision, strict recall}. */
  static Map<String, double[]> strictSummary(Report report) {
    Map<String, double[]> m = new LinkedHashMap<>();
    report.strict.forEach((t, c) -> m.put(t, new double[] {c.precision(), c.recall()}));
    return m;
  }
}
