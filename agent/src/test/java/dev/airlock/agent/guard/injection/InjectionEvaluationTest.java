package dev.airlock.agent.guard.injection;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the heuristic detector on the development set ({@code injection/injection-dev.jsonl}:
 * llm-guard's tests, CyberSecEval prompt-injection cases, NotInject benign texts full of trigger
 * words) and prints precision, recall and F1 at the thresholds a policy is likely to use, overall
 * and per source. Benign and malicious rows come from different places, so a source has either
 * no positives (its precision is undefined; read its false-positive rate) or no negatives.
 *
 * <p>The floors asserted below are the numbers measured when the detector was written, minus a
 * margin, so a change that makes the detector clearly worse fails the build. They are not targets
 * to tune rules to: the rows are a development set, and the detector is measured on other data
 * too. Many CyberSecEval rows are attacks only relative to a system prompt the detector never sees
 * ("what is the user's birth date in reverse order?"), which caps recall on that source.
 */
class InjectionEvaluationTest {

  private static final double[] THRESHOLDS = {0.5, 0.7, 0.8, 0.9};

  private static final List<Row> ROWS = new ArrayList<>();

  @BeforeAll
  static void load() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (InputStream in = InjectionEvaluationTest.class.getResourceAsStream("/injection/injection-dev.jsonl");
         BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.trim().isEmpty()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        ROWS.add(new Row(n.get("text").asText(), n.get("label").asInt() == 1, sourceName(n.get("source").asText())));
      }
    }
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

  @Test
  void reportAndFloors() {
    HeuristicInjectionDetector detector = HeuristicInjectionDetector.create();
    double[] scores = new double[ROWS.size()];
    for (int i = 0; i < ROWS.size(); i++) {
      scores[i] = detector.score(ROWS.get(i).text, ContentSource.USER).score();
    }

    Map<String, List<Integer>> bySource = new LinkedHashMap<>();
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < ROWS.size(); i++) {
      all.add(i);
      bySource.computeIfAbsent(ROWS.get(i).source, k -> new ArrayList<>()).add(i);
    }

    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "%nPrompt-injection evaluation, %d rows, scored as USER text%n",
        ROWS.size()));
    report.append(String.format(Locale.ROOT, "%-5s %-44s %5s %4s %4s %4s %4s %6s %6s %6s %6s%n",
        "thr", "source", "rows", "TP", "FP", "FN", "TN", "prec", "recall", "F1", "FPR"));
    Map<Double, Counts> overall = new LinkedHashMap<>();
    Map<String, Counts> at05 = new LinkedHashMap<>();
    Map<String, Counts> at07 = new LinkedHashMap<>();
    for (double t : THRESHOLDS) {
      Counts c = count(all, scores, t);
      overall.put(t, c);
      report.append(line(t, "ALL", c));
      for (Map.Entry<String, List<Integer>> e : bySource.entrySet()) {
        Counts s = count(e.getValue(), scores, t);
        report.append(line(t, e.getKey(), s));
        if (t == 0.5) {
          at05.put(e.getKey(), s);
        } else if (t == 0.7) {
          at07.put(e.getKey(), s);
        }
      }
    }
    // The same texts as if they arrived as data: shows what the separate weighting costs on benign
    // text (NotInject) and gains on attacks.
    for (ContentSource data : new ContentSource[] {ContentSource.TOOL_RESULT, ContentSource.RETRIEVED_DOCUMENT}) {
      double[] asData = new double[ROWS.size()];
      for (int i = 0; i < ROWS.size(); i++) {
        asData[i] = detector.score(ROWS.get(i).text, data).score();
      }
      for (double t : new double[] {0.5, 0.7}) {
        report.append(line(t, "ALL as " + data, count(all, asData, t)));
      }
    }
    System.out.println(report);

    // Floors: the numbers measured when the rules were written, minus a margin (measured in
    // brackets). Precision is 1.000 at every threshold on this set; recall is capped by the
    // CyberSecEval rows that are attacks only relative to a system prompt the detector never sees.
    assertFloor(overall.get(0.5).precision(), 0.95, "precision@0.5 [1.000]", overall.get(0.5));
    assertFloor(overall.get(0.5).recall(), 0.42, "recall@0.5 [0.452]", overall.get(0.5));
    assertFloor(overall.get(0.7).precision(), 0.97, "precision@0.7 [1.000]", overall.get(0.7));
    assertFloor(overall.get(0.7).recall(), 0.22, "recall@0.7 [0.248]", overall.get(0.7));
    assertFloor(overall.get(0.9).precision(), 0.97, "precision@0.9 [1.000]", overall.get(0.9));
    assertFloor(overall.get(0.9).recall(), 0.14, "recall@0.9 [0.172]", overall.get(0.9));
    Counts guard = at05.get("llm-guard test_prompt_injection.py");
    assertFloor(guard.recall(), 0.75, "llm-guard recall@0.5 [0.800]", guard);
    assertFloor(at07.get("llm-guard test_prompt_injection.py").recall(), 0.55, "llm-guard recall@0.7 [0.622]",
        at07.get("llm-guard test_prompt_injection.py"));
    for (Map.Entry<String, Counts> e : at05.entrySet()) {
      if (e.getKey().startsWith("InjecGuard")) {
        // NotInject: benign texts built around trigger words; measured 0 false positives.
        assertTrue(e.getValue().fpr() <= 0.02, e.getKey() + " false-positive rate@0.5 [0.000] " + e.getValue());
      }
    }
  }

  private static void assertFloor(double measured, double floor, String what, Counts counts) {
    assertTrue(measured >= floor, what + " fell below " + floor + ": " + counts);
  }

  private static Counts count(List<Integer> rows, double[] scores, double threshold) {
    Counts c = new Counts();
    for (int i : rows) {
      boolean flagged = scores[i] >= threshold;
      boolean attack = ROWS.get(i).attack;
      if (flagged && attack) {
        c.tp++;
      } else if (flagged) {
        c.fp++;
      } else if (attack) {
        c.fn++;
      } else {
        c.tn++;
      }
    }
    return c;
  }

  private static String line(double threshold, String source, Counts c) {
    return String.format(Locale.ROOT, "%-5.2f %-44s %5d %4d %4d %4d %4d %6s %6s %6s %6s%n", threshold, source,
        c.tp + c.fp + c.fn + c.tn, c.tp, c.fp, c.fn, c.tn,
        fmt(c.precision()), fmt(c.recall()), fmt(c.f1()), fmt(c.fpr()));
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static final class Row {
    final String text;
    final boolean attack;
    final String source;

    Row(String text, boolean attack, String source) {
      this.text = text;
      this.attack = attack;
      this.source = source;
    }
  }

  private static final class Counts {
    int tp;
    int fp;
    int fn;
    int tn;

    double precision() {
      return tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? Double.NaN : 2 * p * r / (p + r);
    }

    double fpr() {
      return fp + tn == 0 ? Double.NaN : fp / (double) (fp + tn);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "TP=%d FP=%d FN=%d TN=%d P=%s R=%s", tp, fp, fn, tn,
          fmt(precision()), fmt(recall()));
    }
  }
}
