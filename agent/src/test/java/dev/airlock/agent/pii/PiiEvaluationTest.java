package dev.airlock.agent.pii;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link PiiEvaluation} on the bundled development set, prints the table, and asserts
 * floors: the measured numbers (strict scoring, every built-in type enabled, default threshold)
 * minus a margin, so a regression fails the build while small changes in either direction do not.
 * The floors are not targets; the set is a development set, and the detectors are general rules.
 */
class PiiEvaluationTest {

  /** type -> {precision floor, recall floor}; see the class comment for how they were chosen. */
  private static final Map<String, double[]> FLOORS = new LinkedHashMap<>();

  static {
    FLOORS.put(PiiTypes.CREDIT_CARD, new double[] {0.95, 0.90});
    FLOORS.put(PiiTypes.DE_TAX_ID, new double[] {0.95, 0.45});
    FLOORS.put(PiiTypes.EMAIL, new double[] {0.95, 0.95});
    FLOORS.put(PiiTypes.ES_NIF, new double[] {0.95, 0.95});
    FLOORS.put(PiiTypes.IBAN, new double[] {0.95, 0.95});
    FLOORS.put(PiiTypes.IP_ADDRESS, new double[] {0.95, 0.88});
    FLOORS.put(PiiTypes.IT_FISCAL_CODE, new double[] {0.95, 0.45});
    FLOORS.put(PiiTypes.PHONE, new double[] {0.95, 0.45});
    FLOORS.put(PiiTypes.UK_NINO, new double[] {0.95, 0.95});
    FLOORS.put(PiiTypes.US_SSN, new double[] {0.95, 0.50});
  }

  @Test
  void meetsTheFloorsOnTheDevelopmentSet() throws Exception {
    List<PiiEvaluation.Row> rows = PiiEvaluation.loadBundled();
    PiiEvaluation.Report report = PiiEvaluation.evaluate(rows, PiiEvaluation.allBuiltIns());
    System.out.print(report.table());
    StringBuilder failures = new StringBuilder();
    for (Map.Entry<String, double[]> floor : FLOORS.entrySet()) {
      PiiEvaluation.Counts c = report.strict.get(floor.getKey());
      if (c == null) {
        failures.append(floor.getKey()).append(": no rows; ");
        continue;
      }
      if (c.precision() < floor.getValue()[0]) {
        failures.append(String.format("%s precision %.2f < %.2f; ", floor.getKey(), c.precision(), floor.getValue()[0]));
      }
      if (c.recall() < floor.getValue()[1]) {
        failures.append(String.format("%s recall %.2f < %.2f; ", floor.getKey(), c.recall(), floor.getValue()[1]));
      }
    }
    assertTrue(failures.length() == 0, failures.toString());
  }
}
