package dev.airlock.agent.pii;

import static dev.airlock.agent.pii.Scans.found;
import static dev.airlock.agent.pii.Scans.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UK NINO, German tax id, Spanish NIF/NIE and Italian fiscal code. */
class NationalIdDetectorsTest {

  // --- UK NINO ---------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"AB 12 34 56 C", "AB123456C", "JG 103759 A", "PR 123612C", "ab123456c", "hh 01 02 03 d"})
  void ninoForms(String nino) {
    String text = "Her NI: " + nino + ".";
    assertEquals(Collections.singletonList(nino), found(PiiTypes.UK_NINO, text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "QQ 12 34 56 C", "DA123456C", "AO123456C", "BG123612A", "GB123456A", "NT 99 88 77 A",
    "ZZ123456A", "AB 12 34 56 E", "AB 12 34 56 1", "Ab123456C", "AB1234567C", "meet on 123456 a day",
  })
  void ninoLookAlikes(String text) {
    assertTrue(found(PiiTypes.UK_NINO, text).isEmpty(), text);
  }

  @Test
  void ninoContextRaisesConfidence() {
    double plain = single(PiiTypes.UK_NINO, "AB123456C").confidence();
    double withWord = single(PiiTypes.UK_NINO, "National Insurance number AB123456C").confidence();
    assertEquals(UkNinoDetector.COMPACT, plain);
    assertTrue(withWord > plain);
  }

  // --- German tax id ----------------------------------------------------------------------------

  @Test
  void deTaxIdFollowingTheAllocationRuleStandsAlone() {
    assertEquals(Arrays.asList("86095742719"), found(PiiTypes.DE_TAX_ID, "ID 86095742719 liegt vor"));
    assertEquals(Arrays.asList("86 095 742 719"), found(PiiTypes.DE_TAX_ID, "86 095 742 719"));
  }

  @Test
  void deTaxIdWithOnlyAValidCheckDigitNeedsContext() {
    assertTrue(found(PiiTypes.DE_TAX_ID, "12345678903").isEmpty());
    assertEquals(Arrays.asList("12345678903"), found(PiiTypes.DE_TAX_ID, "Meine Steuer-ID: 12345678903."));
    assertEquals(Arrays.asList("98765432106"), found(PiiTypes.DE_TAX_ID, "IdNr. 98765432106 liegt vor."));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "86095742710", "02345678901", "1234567890", "123456789030", "11111111111", "11112345678",
    "Steuer-ID 47153012546", "860957427190", "A86095742719",
  })
  void deTaxIdLookAlikes(String text) {
    assertTrue(found(PiiTypes.DE_TAX_ID, text).isEmpty(), text);
  }

  @Test
  void deTaxIdRules() {
    assertTrue(DeTaxIdDetector.checkDigitValid("86095742719"));
    assertEquals(1, DeTaxIdDetector.structure("86095742719"));
    assertEquals(0, DeTaxIdDetector.structure("12345678903"));
    assertEquals(0, DeTaxIdDetector.structure("47153012545"));
    assertEquals(-1, DeTaxIdDetector.structure("11112345678"));
    assertEquals(0, DeTaxIdDetector.structure("11123456789"), "three adjacent");
    assertEquals(1, DeTaxIdDetector.structure("11213456789"));
  }

  // --- Spanish NIF / NIE ------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"12345678Z", "12345678-Z", "12345678z", "01234567L", "1111111G", "X1234567L", "Y8063915-Z", "z8078221m"})
  void nifAndNieForms(String id) {
    String text = "Mi DNI es " + id + " gracias";
    Detection d = single(PiiTypes.ES_NIF, text);
    assertEquals(id, d.text(text));
    assertEquals(Character.isLetter(id.charAt(0)) ? "nie" : "nif", d.detail());
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345678A", "Y8063915Q", "Y806391Q", "58063915Q", "W8063915Q", "123456789Z", "A12345678Z", "12345678ZZ"})
  void nifLookAlikes(String text) {
    assertTrue(found(PiiTypes.ES_NIF, text).isEmpty(), text);
  }

  @Test
  void nifLetter() {
    assertTrue(EsNifDetector.letterValid("12345678", 'Z'));
    assertFalse(EsNifDetector.letterValid("12345678", 'A'));
  }

  // --- Italian fiscal code ----------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"RSSMRA85T10A562S", "BNCMRA80A41F205H", "rssmra85t10a562s"})
  void fiscalCodes(String code) {
    String text = "Codice fiscale: " + code + ", grazie";
    Detection d = single(PiiTypes.IT_FISCAL_CODE, text);
    assertEquals(code, d.text(text));
    assertEquals(16, d.start());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "RSSMRA85T10A562T", "RSSMRA85Z10A562S", "RSSMRA85T35A562S", "RSSMRA85T10A562", "RSSMRA85T10A562SX",
    "RssMRA85T10A562S", "AAAAAA - 00B11C333N", "A55AAA00B11C333N",
  })
  void fiscalCodeLookAlikes(String text) {
    assertTrue(found(PiiTypes.IT_FISCAL_CODE, text).isEmpty(), text);
  }

  @Test
  void omocodiaLettersStandForDigits() {
    // RSSMRA85T10A562S with the last municipality digit 2 replaced by its omocodia letter N
    String base = "RSSMRA85T10A56N";
    String code = base + ItFiscalCodeDetector.checkLetter(base);
    assertTrue(ItFiscalCodeDetector.valid(code));
    assertEquals(Arrays.asList(code), found(PiiTypes.IT_FISCAL_CODE, code));
  }
}
