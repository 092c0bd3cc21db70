package dev.airlock.agent.pii;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link PiiEvaluation} on the bundled development set, prints the table, and asserts
 * floors on the strict scoring (exact spans, every built-in type enabled, default threshold).
 *
 * <p>The floors are the numbers measured when the detectors were written, minus a margin: about
 * one error's worth for the types with a handful of gold entities, 0.05-0.07 for the larger ones.
 * A regression fails the build; small changes in either direction do not. They are not targets:
 * the set is a development set, and the detectors are general rules, not tuned to its rows.
 *
 * <pre>
 * type            measured P / R    floor P / R
 * credit_card       1.00 / 1.00      0.85 / 0.90
 * de_tax_id         1.00 / 0.50      0.75 / 0.25   specimen ids break the allocation rule
 * email             1.00 / 1.00      0.85 / 0.85
 * es_nif            1.00 / 1.00      0.90 / 0.90
 * iban              1.00 / 1.00      0.95 / 0.95
 * ip_address        1.00 / 0.96      0.95 / 0.90   3 x bare "::" (weak), 192.168.1.1.1
 * it_fiscal_code    1.00 / 0.50      0.75 / 0.25   one of each pair has a wrong check letter
 * phone             1.00 / 0.92      0.95 / 0.85   bare 10-digit TR numbers without trunk 0
 * uk_nino           1.00 / 1.00      0.80 / 0.80
 * us_ssn            1.00 / 0.57      0.80 / 0.42   3 of 7 gold are Presidio's weak forms
 * </pre>
 */
class PiiEvaluationTest {

  /** type -> {precision floor, recall floor}; see the class comment. */
  private static final Map<String, double[]> FLOORS = new LinkedHashMap<>();

  static {
    FLOORS.put(PiiTypes.CREDIT_CARD, new double[] {0.85, 0.90});
    FLOORS.put(PiiTypes.DE_TAX_ID, new double[] {0.75, 0.25});
    FLOORS.put(PiiTypes.EMAIL, new double[] {0.85, 0.85});
    FLOORS.put(PiiTypes.ES_NIF, new double[] {0.90, 0.90});
    FLOORS.put(PiiTypes.IBAN, new double[] {0.95, 0.95});
    FLOORS.put(PiiTypes.IP_ADDRESS, new double[] {0.95, 0.90});
    FLOORS.put(PiiTypes.IT_FISCAL_CODE, new double[] {0.75, 0.25});
    FLOORS.put(PiiTypes.PHONE, new double[] {0.95, 0.85});
    FLOORS.put(PiiTypes.UK_NINO, new double[] {0.80, 0.80});
    FLOORS.put(PiiTypes.US_SSN, new double[] {0.80, 0.42});
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
