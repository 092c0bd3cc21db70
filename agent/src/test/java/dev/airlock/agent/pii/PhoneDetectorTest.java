package dev.airlock.agent.pii;

import static dev.airlock.agent.pii.Scans.candidates;
import static dev.airlock.agent.pii.Scans.found;
import static dev.airlock.agent.pii.Scans.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneDetectorTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // international
        "Call me at +1 (415) 555-0132 tomorrow | +1 (415) 555-0132",
        "Call me at +14155550132. | +14155550132",
        "UK office: +44 20 7946 0958 | +44 20 7946 0958",
        "UK office: +44 (0)20 7946 0958 | +44 (0)20 7946 0958",
        "Büro Berlin +49 30 12345678 | +49 30 12345678",
        "Handy: +49 171 1234567 | +49 171 1234567",
        "Bureau: +33 1 42 68 53 00 | +33 1 42 68 53 00",
        "Mobiel +31 6 12345678 | +31 6 12345678",
        "Oficina +34 912 345 678 | +34 912 345 678",
        "Ufficio +39 06 6784 343 | +39 06 6784 343",
        "From abroad dial 0049 30 12345678 | 0049 30 12345678",
        "Manila office +63 917 123 4567 | +63 917 123 4567",
        // US
        "US: (415) 555-0132 | (415) 555-0132",
        "US: (415)555-0132 | (415)555-0132",
        "US: 415-555-0132 | 415-555-0132",
        "US: 415.555.0132 | 415.555.0132",
        "Toll free 1-800-555-0199 | 1-800-555-0199",
        // UK
        "London 020 7946 0958 | 020 7946 0958",
        "Mobile 07700 900123 | 07700 900123",
        "Manchester (0161) 496 0000 | (0161) 496 0000",
        // Germany
        "Tel. 030 12345678 | 030 12345678",
        "Tel. 030/1234567 | 030/1234567",
        "Mobil 0171 1234567 | 0171 1234567",
        "München 089 1234 5678 | 089 1234 5678",
        // France
        "Appelez le 01 42 68 53 00 | 01 42 68 53 00",
        "Portable 06.12.34.56.78 | 06.12.34.56.78",
        // Netherlands
        "Bel 020-1234567 | 020-1234567",
        "Bel 06-12345678 | 06-12345678",
        // Spain
        "Llámame al 612 34 56 78 | 612 34 56 78",
        "Madrid 91 123 45 67 | 91 123 45 67",
        // Italy
        "Chiamami al 347 123 4567 | 347 123 4567",
        "Roma 06 6784 3434 | 06 6784 3434",
        // Turkey
        "Cep: 0532 123 45 67 | 0532 123 45 67",
        "Ara: 0 532 123 45 67 | 0 532 123 45 67",
        "Ara: 0-532-123-45-67 | 0-532-123-45-67",
        "Ara: 0 (532) 1234567 | 0 (532) 1234567",
        "Ara: 532 123 45 67 | 532 123 45 67",
        "Ara: 532.123.45.67 | 532.123.45.67",
        "Istanbul 0212 123 45 67 | 0212 123 45 67",
        // the Philippines
        "Text 0917 123 4567 | 0917 123 4567",
        "Text 0 (917) 123 4567 | 0 (917) 123 4567",
      })
  void findsNumbersInTheirNationalAndInternationalFormats(String text, String expected) {
    assertEquals(Collections.singletonList(expected), found(PiiTypes.PHONE, text));
  }

  @Test
  void offsetsAndDetailAreExact() {
    String text = "Ruf an: +49 30 12345678, danke";
    Detection d = single(PiiTypes.PHONE, text);
    assertEquals(8, d.start());
    assertEquals(23, d.end());
    assertEquals("+49", d.detail());
    assertEquals("US", single(PiiTypes.PHONE, "(415) 555-0132").detail());
  }

  @Test
  void twoNumbersInOneSentence() {
    assertEquals(
        Arrays.asList("(415) 555-0132", "+44 (20) 7123 4567"),
        found(PiiTypes.PHONE,
            "My US number is (415) 555-0132, and my international one is +44 (20) 7123 4567"));
  }

  @Test
  void ungroupedNationalNumbersNeedAPhoneWord() {
    assertTrue(found(PiiTypes.PHONE, "ref 4155550132").isEmpty());
    assertTrue(found(PiiTypes.PHONE, "02079460958").isEmpty());
    assertEquals(Arrays.asList("4155550132"), found(PiiTypes.PHONE, "phone: 4155550132"));
    assertEquals(Arrays.asList("02079460958"), found(PiiTypes.PHONE, "Tel 02079460958"));
    assertEquals(Arrays.asList("0612345678"), found(PiiTypes.PHONE, "téléphone : 0612345678"));
    // 3-3-3 is how thousands are grouped too
    assertTrue(found(PiiTypes.PHONE, "a total of 912 345 678 units").isEmpty());
    assertEquals(Arrays.asList("912 345 678"), found(PiiTypes.PHONE, "teléfono 912 345 678"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"07700900123", "0612345678", "0712345678", "01711234567", "015112345678",
    "05321234567", "09171234567"})
  void ungroupedMobileNumbersWithTheirTrunkPrefixNeedNoPhoneWord(String number) {
    assertEquals(Arrays.asList(number), found(PiiTypes.PHONE, "reach me on " + number + " later"));
    assertTrue(found(PiiTypes.PHONE, "order " + number).isEmpty(), "a negative word keeps it out");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "07012345678", // UK 070: personal numbering, not mobile
    "07612345678", // UK 076: pagers
    "0512345678", // too short for Turkey
    "0917123456", // too short for the Philippines
    "091712345678", // too long for the Philippines
    "01812345678", // DE 018: shared-cost services
    "0532123456789", // too long
    "01", "07", "0 7",
  })
  void ungroupedNumbersOutsideTheMobileRangesStayBelowTheThreshold(String number) {
    assertTrue(found(PiiTypes.PHONE, "reach me on " + number).isEmpty(), number);
  }

  @Test
  void turkishMobileWithoutTrunkPrefixNeedsLayoutOrAPhoneWord() {
    assertTrue(found(PiiTypes.PHONE, "5321234567").isEmpty());
    assertEquals(Arrays.asList("5321234567"), found(PiiTypes.PHONE, "Phone: 5321234567"));
    assertTrue(found(PiiTypes.PHONE, "5721234567").isEmpty(), "57x is not a Turkish mobile range");
    assertTrue(found(PiiTypes.PHONE, "572 123 45 67").isEmpty());
  }

  @Test
  void aLoneTrunkZeroNeedsAnAreaCodeAndASubscriberNumber() {
    assertTrue(found(PiiTypes.PHONE, "0 5 3 2 1 2 3 4 5 6 7").isEmpty());
    assertTrue(found(PiiTypes.PHONE, "0 532 023 45 67").isEmpty(), "subscriber number starting 0");
    assertTrue(found(PiiTypes.PHONE, "0 532 1234").isEmpty(), "too short");
    assertTrue(found(PiiTypes.PHONE, "0 53212 123 45 67").isEmpty(), "area code of 5 digits");
  }

  @Test
  void contextWordsMoveTheConfidence() {
    PhoneDetector detector = new PhoneDetector();
    double plain = candidates(detector, "see 020 7946 0958").get(0).confidence();
    double phone = candidates(detector, "phone 020 7946 0958").get(0).confidence();
    double order = candidates(detector, "order 020 7946 0958").get(0).confidence();
    assertEquals(PhoneDetector.NATIONAL_GROUPED, plain);
    assertTrue(phone > plain);
    assertTrue(order < PiiScanner.DEFAULT_MIN_CONFIDENCE, "order ids are not phone numbers");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "Released on 2024-01-15 at 10:30",
    "Due 15.01.2024, paid 01/15/2024",
    "Version 10.0.19045.2965 is installed",
    "Server at 192.168.100.200",
    "Total: $1,234,567.89 or 1.234.567,89 EUR",
    "Price 12 345 678",
    "ISBN 978-3-16-148410-0",
    "Card 4111 1111 1111 1111",
    "IBAN DE89 3704 0044 0532 0130 00",
    "SSN 078-05-1123",
    "Order #123-456-7890",
    "item 4155550132abc",
    "v4155550132",
    "Call 000-000-0000 or 111 111 1111",
    "+1 123 456 7890",
    "+44 0207 946 0958",
    "+99 1234 5678",
    "+1 415 555 01",
    "1234567890",
    "12345678901",
    "10000000146",
    "1123456789",
    "range 1-2-3",
    "score 3.5-4.5",
    "ratio 12:34:56",
    "id 0 532 123 45 67",
    "account 12 34 56 78 90",
    "Invoice 0207-946-0958 was paid",
  })
  void lookAlikesAreNotPhoneNumbers(String text) {
    assertTrue(found(PiiTypes.PHONE, text).isEmpty(), text + " -> " + found(PiiTypes.PHONE, text));
  }

  @Test
  void countryCodesAreParsedPrefixFree() {
    assertEquals(1, PhoneDetector.countryCodeLength("14155550132"));
    assertEquals(2, PhoneDetector.countryCodeLength("442079460958"));
    assertEquals(3, PhoneDetector.countryCodeLength("353861234567"));
    assertEquals(0, PhoneDetector.countryCodeLength("999123456"));
    assertTrue(PhoneDetector.validNational("44", "2079460958"));
    assertTrue(!PhoneDetector.validNational("44", "02079460958"));
    assertTrue(!PhoneDetector.validNational("1", "1234567890"));
    assertTrue(!PhoneDetector.validNational("33", "14268530"));
  }

  @Test
  void digitRunsAreTakenWholeNotSearchedInside() {
    List<String> f = found(PiiTypes.PHONE, "Tracking 1Z999AA10123456784 and 12345678901234567890");
    assertTrue(f.isEmpty(), f.toString());
  }
}
