package dev.airlock.agent.pii;

import static dev.airlock.agent.pii.Scans.found;
import static dev.airlock.agent.pii.Scans.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanDetectorTest {

  @ParameterizedTest
  @ValueSource(strings = {
    "DE89370400440532013000",
    "DE89 3704 0044 0532 0130 00",
    "DE89-3704-0044-0532-0130-00",
    "GB29NWBK60161331926819",
    "GB29 NWBK 6016 1331 9268 19",
    "FR1420041010050500013M02606",
    "NL91ABNA0417164300",
    "ES9121000418450200051332",
    "IT60X0542811101000000123456",
    "BE68539007547034",
    "CH9300762011623852957",
    "NO9386011117947",
    "MT84MALT011000012345MTLCAST001S",
    "de89370400440532013000",
  })
  void findsValidIbansInTheirWrittenForms(String iban) {
    String text = "Überweisung an " + iban + ", bitte.";
    Detection d = single(PiiTypes.IBAN, text);
    assertEquals(iban, d.text(text));
    assertEquals(15, d.start());
    assertEquals(iban.substring(0, 2).toUpperCase(java.util.Locale.ROOT), d.detail());
  }

  @Test
  void aSentenceWordAfterTheLastGroupIsNotPartOfIt() {
    assertEquals(Arrays.asList("VG96 VPVG 0000 0123 4567 8901"),
        found(PiiTypes.IBAN, "this is an iban VG96 VPVG 0000 0123 4567 8901 in a sentence"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "DE89370400440532013001",
    "DE89 3704 0044 0532 0130 0",
    "DE89 3704 0044 0532 0130 000",
    "DE8937040044053201300",
    "DE89 37040 0440 5320 1300 0",
    "DE89 3704-0044 0532 0130 00",
    "DE89/3704/0044/0532/0130/00",
    "GB29 1WBK 6016 1331 9268 19",
    "GI75 aWBK 0000 0000 7099 453",
    "AD12000A2030200359100100",
    "XX89370400440532013000",
    "IL15 0120 6900 0000 3111 0120 6900 0000 3111 141",
    "DE89 3704 0044 0532 0130 00 12",
    "ADE89370400440532013000",
  })
  void lookAlikesAreNotIbans(String text) {
    assertTrue(found(PiiTypes.IBAN, text).isEmpty(), text);
  }

  @Test
  void checkDigitsAndStructure() {
    assertTrue(IbanDetector.isValid("GB82 WEST 1234 5698 7654 32"));
    assertFalse(IbanDetector.isValid("GB82 WEST 1234 5698 7654 33"));
    // check digits 00, 01 and 99 are never issued
    assertFalse(IbanDetector.isValid("DE00370400440532013000"));
  }

  /** The remainder built in a long equals ISO 7064's, read one char at a time, on random input. */
  @Test
  void mod97MatchesTheDefinition() {
    java.util.Random random = new java.util.Random(97);
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (int round = 0; round < 20_000; round++) {
      char[] iban = new char[5 + random.nextInt(30)];
      for (int i = 0; i < iban.length; i++) {
        iban[i] = alphabet.charAt(random.nextInt(random.nextBoolean() ? 10 : alphabet.length()));
      }
      StringBuilder number = new StringBuilder();
      for (int k = 0; k < iban.length; k++) {
        char c = iban[(k + 4) % iban.length];
        number.append(Chars.isDigit(c) ? String.valueOf(c - '0') : String.valueOf(c - 'A' + 10));
      }
      int expected = new java.math.BigInteger(number.toString()).mod(java.math.BigInteger.valueOf(97))
          .intValue();
      assertEquals(expected, IbanDetector.mod97(iban), new String(iban));
    }
  }
}
