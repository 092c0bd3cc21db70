package dev.airlock.agent.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two scanners of one text (an answer checked for secrets and for personal data) share the pass
 * over it: the findings are those of two separate scans, and the pass is made once.
 */
class SharedTextTest {

  private static final PiiScanner SECRETS = PiiScanner.builder().enable(List.of(PiiTypes.SECRET)).build();
  private static final PiiScanner PERSONAL = PiiScanner.builder()
      .enable(List.of("email", "phone", "credit_card", "iban", "us_ssn", "ip_address", "uk_nino", "de_tax_id",
          "es_nif", "it_fiscal_code"))
      .custom(CustomPattern.of("customer_id", "CUST-[0-9]{8}"))
      .build();

  @Test
  void findingsOfScannersSharingThePassAreThoseOfSeparateScans() throws IOException {
    List<String> texts = new ArrayList<>();
    for (PiiEvaluation.Row row : PiiEvaluation.loadBundled()) {
      texts.add(row.text);
    }
    for (String name : ScanCorpus.NAMES) {
      texts.add(ScanCorpus.text(name));
    }
    int withFindings = 0;
    for (String text : texts) {
      List<Detection> secrets = SECRETS.scan(text);
      List<Detection> personal = PERSONAL.scan(text);
      PiiScanner.SharedText secretsFirst = new PiiScanner.SharedText(text);
      assertEquals(secrets, SECRETS.scan(secretsFirst), () -> "secrets, first: " + text);
      assertEquals(personal, PERSONAL.scan(secretsFirst), () -> "personal data, second: " + text);
      PiiScanner.SharedText personalFirst = new PiiScanner.SharedText(text);
      assertEquals(personal, PERSONAL.scan(personalFirst), () -> "personal data, first: " + text);
      assertEquals(secrets, SECRETS.scan(personalFirst), () -> "secrets, second: " + text);
      if (!secrets.isEmpty() || !personal.isEmpty()) {
        withFindings++;
      }
    }
    // Not a vacuous comparison: hundreds of texts carry something to find (365 when written).
    assertTrue(withFindings > 300, "texts with findings: " + withFindings);
  }

  @Test
  void thePassIsMadeOnceUnlessTheFirstLackedTheSecretAnchors() {
    PiiScanner.SharedText withSecretsFirst = new PiiScanner.SharedText("key sk-abc and 4111 1111 1111 1111");
    TextIndex full = withSecretsFirst.index(true);
    assertSame(full, withSecretsFirst.index(false), "a pass with the anchors serves a scanner without");
    assertSame(full, withSecretsFirst.index(true));

    PiiScanner.SharedText digitsFirst = new PiiScanner.SharedText("key sk-abc and 4111 1111 1111 1111");
    TextIndex digits = digitsFirst.index(false);
    TextIndex upgraded = digitsFirst.index(true);
    assertNotSame(digits, upgraded, "a pass without the anchors is made again with them");
    assertSame(upgraded, digitsFirst.index(false));
  }
}
