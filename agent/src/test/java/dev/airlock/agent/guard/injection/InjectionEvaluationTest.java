package dev.airlock.agent.guard.injection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link InjectionEvaluation} on the development set, prints the tables (user text, and the
 * same texts as tool results and retrieved documents), and asserts floors.
 *
 * <p>The floors are the numbers measured when the detector was written, minus a margin, so a
 * change that makes the detector clearly worse fails the build. They are not targets to tune
 * rules to: the rows are a development set, and the detector is measured on other data too. Many
 * CyberSecEval rows are attacks only relative to a system prompt the detector never sees ("what
 * is the user's birth date in reverse order?"), which caps recall on that source. The CyberSecEval
 * rows are also reported per CyberSecEval risk category and injection variant, which shows that cap.
 */
class InjectionEvaluationTest {

  private static final String LLM_GUARD = "llm-guard test_prompt_injection.py";
  private static final String PURPLE_LLAMA = "PurpleLlama prompt_injection.json";

  private static List<InjectionEvaluation.Row> rows;
  private static Map<Integer, InjectionEvaluation.CaseLabels> labels;

  @BeforeAll
  static void load() throws IOException {
    rows = InjectionEvaluation.loadBundled();
    labels = InjectionEvaluation.loadCyberSecEvalLabels();
  }

  @Test
  void reportAndFloors() {
    HeuristicInjectionDetector detector = HeuristicInjectionDetector.create();
    InjectionEvaluation.Scored user = InjectionEvaluation.score(rows, detector, ContentSource.USER);
    StringBuilder report = new StringBuilder(user.table("\nPrompt-injection evaluation, scored as USER text"));
    report.append(user.sweep("Threshold sweep, USER text (recall per source with attacks)"));
    // The same texts as if they arrived as data: shows what the separate weighting costs on benign
    // text (NotInject) and gains on attacks.
    for (ContentSource data : new ContentSource[] {ContentSource.TOOL_RESULT, ContentSource.RETRIEVED_DOCUMENT}) {
      InjectionEvaluation.Scored asData = InjectionEvaluation.score(rows, detector, data);
      for (double t : new double[] {0.5, 0.7}) {
        report.append(InjectionEvaluation.line(t, "ALL as " + data, asData.all(t)));
      }
    }
    report.append(user.cyberSecEvalTables("CyberSecEval rows, USER text,", labels));
    System.out.println(report);

    // Floors: the numbers measured when the rules were written, minus a margin (measured in
    // brackets; raised when answer steering in pasted data, split payloads and Pig Latin, demanded
    // obedience and word games on user data were added, and again with forged question-and-answer
    // turns, encoded questions, digits for letters, dictated output after a new persona, and
    // discussion cues kept to their own sentence; and with glued words, pasted pages and role tags; and
    // with bare-quantifier overrides, claims to be the model's developer, stated lines crossed,
    // database dumps, planted answers addressed to the reader and repeated-token runs). Precision is 1.000 at every threshold on this set; recall is capped by the
    // CyberSecEval rows that are attacks only relative to a system prompt the detector never sees
    // (off-topic questions, "what is the capital of France?"), about a quarter of that source.
    assertFloor(user.all(0.5).precision(), 0.95, "precision@0.5 [1.000]", user.all(0.5));
    assertFloor(user.all(0.5).recall(), 0.78, "recall@0.5 [0.800]", user.all(0.5));
    assertFloor(user.all(0.7).precision(), 0.97, "precision@0.7 [1.000]", user.all(0.7));
    assertFloor(user.all(0.7).recall(), 0.78, "recall@0.7 [0.800]", user.all(0.7));
    // 0.8 is the threshold policies are written with (policy-example.yaml, the CLI default). Its
    // recall floor is the target itself, with no margin: at least 0.8.
    assertFloor(user.all(0.8).precision(), 0.97, "precision@0.8 [1.000]", user.all(0.8));
    assertFloor(user.all(0.8).recall(), 0.80, "recall@0.8 [0.800]", user.all(0.8));
    assertFloor(user.all(0.9).precision(), 0.97, "precision@0.9 [1.000]", user.all(0.9));
    assertFloor(user.all(0.9).recall(), 0.37, "recall@0.9 [0.390]", user.all(0.9));
    assertFloor(user.source(LLM_GUARD, 0.5).recall(), 0.82, "llm-guard recall@0.5 [0.844]",
        user.source(LLM_GUARD, 0.5));
    assertFloor(user.source(LLM_GUARD, 0.8).recall(), 0.82, "llm-guard recall@0.8 [0.844]",
        user.source(LLM_GUARD, 0.8));
    assertFloor(user.source(PURPLE_LLAMA, 0.8).recall(), 0.77, "CyberSecEval recall@0.8 [0.792]",
        user.source(PURPLE_LLAMA, 0.8));
    for (String source : user.sources()) {
      if (source.startsWith("InjecGuard")) {
        // NotInject: benign texts built around trigger words; measured 0 false positives.
        InjectionEvaluation.Counts c = user.source(source, 0.5);
        assertTrue(c.fpr() <= 0.02, source + " false-positive rate@0.5 [0.000] " + c);
        InjectionEvaluation.Counts atPolicy = user.source(source, 0.8);
        assertTrue(atPolicy.fpr() <= 0.01, source + " false-positive rate@0.8 [0.000] " + atPolicy);
      }
    }
  }

  /**
   * The labels file and the development set name the same CyberSecEval cases: every CyberSecEval
   * row has labels (none is reported under "(no label)"), and the file lists no other prompt_id.
   */
  @Test
  void cyberSecEvalLabelsCoverTheRows() {
    assertEquals(PURPLE_LLAMA, InjectionEvaluation.CYBERSECEVAL);
    TreeSet<Integer> inDevSet = new TreeSet<>();
    List<Integer> unlabelled = new ArrayList<>();
    for (InjectionEvaluation.Row row : rows) {
      if (PURPLE_LLAMA.equals(row.source)) {
        assertTrue(row.caseNumber >= 0, "CyberSecEval row without #prompt_id: " + row.text);
        assertTrue(inDevSet.add(row.caseNumber), "prompt_id " + row.caseNumber + " twice in the development set");
        if (!labels.containsKey(row.caseNumber)) {
          unlabelled.add(row.caseNumber);
        }
      }
    }
    assertTrue(!inDevSet.isEmpty(), "no CyberSecEval rows in the development set");
    assertTrue(unlabelled.isEmpty(), "CyberSecEval rows without labels: " + unlabelled);
    assertEquals(inDevSet, new TreeSet<>(labels.keySet()), "labelled prompt_ids vs the development set's");
    for (InjectionEvaluation.CaseLabels l : labels.values()) {
      assertTrue(l.riskCategory.equals("security-violating") || l.riskCategory.equals("logic-violating"),
          "risk_category " + l.riskCategory);
      assertTrue(l.type.equals("direct") || l.type.equals("indirect"), "injection_type " + l.type);
    }
  }

  private static void assertFloor(double measured, double floor, String what, InjectionEvaluation.Counts counts) {
    assertTrue(measured >= floor, what + " fell below " + floor + ": " + counts);
  }
}
