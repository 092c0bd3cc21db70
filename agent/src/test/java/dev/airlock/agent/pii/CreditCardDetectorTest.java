package dev.airlock.agent.pii;

import static dev.airlock.agent.pii.Scans.found;
import static dev.airlock.agent.pii.Scans.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCardDetectorTest {

  @ParameterizedTest
  @CsvSource({
    "4111111111111111, visa",
    "4111 1111 1111 1111, visa",
    "4111-1111-1111-1111, visa",
    "5555555555554444, mastercard",
    "2223003122003222, mastercard",
    "378282246310005, amex",
    "3782 822463 10005, amex",
    "6011111111111117, discover",
    "3530111333300000, jcb",
    "30569309025904, diners",
    "6200000000000005, unionpay",
    "6759649826438453, maestro",
    "2200000000000004, mir",
    "122000000000003, uatp",
  })
  void findsEachIssuerWithItsBrand(String number, String brand) {
    String text = "Please charge " + number + " today.";
    Detection d = single(PiiTypes.CREDIT_CARD, text);
    assertEquals(number, d.text(text));
    assertEquals(brand, d.detail());
    assertEquals(14, d.start());
  }

  @Test
  void aListOfCardsOnOneLine() {
    assertEquals(
        Arrays.asList("4012888888881881", "4012-8888-8888-1881", "4012 8888 8888 1881"),
        found(PiiTypes.CREDIT_CARD, "4012888888881881 4012-8888-8888-1881 4012 8888 8888 1881"));
  }

  @Test
  void anExpiryOrCvvAfterTheNumberIsLeftOut() {
    assertEquals(Arrays.asList("4111 1111 1111 1111"),
        found(PiiTypes.CREDIT_CARD, "card 4111 1111 1111 1111 123 exp 12/27"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "4111111111111112",
    "4012-8888-8888-1882",
    "my credit card number is 36168002586008",
    "1748503543012",
    "9111111111111111",
    "4111 1111 1111 1111 1111 1111",
    "41111 11111 11111 1",
    "4111 1111-1111 1111",
    "4111.1111.1111.1111",
    "Amount 4111111111111111.50",
    "id A4111111111111111",
    "4111111111111111x",
  })
  void lookAlikesAreNotCards(String text) {
    assertTrue(found(PiiTypes.CREDIT_CARD, text).isEmpty(), text);
  }

  @Test
  void trackingContextLowersTheConfidence() {
    assertTrue(found(PiiTypes.CREDIT_CARD, "tracking 4111111111111111").isEmpty());
    assertEquals(1.0, single(PiiTypes.CREDIT_CARD, "Visa card 4111 1111 1111 1111").confidence());
  }

  @Test
  void luhnAndBrandRules() {
    assertTrue(CreditCardDetector.luhn("79927398713"));
    assertFalse(CreditCardDetector.luhn("79927398710"));
    assertNull(CreditCardDetector.brand("5655555555554444".substring(0, 15)));
    assertEquals("mastercard", CreditCardDetector.brand("2720990000000007"));
    assertNull(CreditCardDetector.brand("2721000000000000"));
  }
}
