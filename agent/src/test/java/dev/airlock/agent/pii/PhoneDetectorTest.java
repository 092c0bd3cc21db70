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

  /** The countries of the numbering-plan table that have no case above, in their own forms. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // Turkey without the trunk 0: landlines 3-3-2-2 (area codes 2xx-4xx, ending in an even
        // digit)
        "Ofis: 216 345 67 89 | 216 345 67 89",
        "Ofis: (312) 345 67 89 | (312) 345 67 89",
        // Poland: landlines 2-3-2-2 with a Polish area code; mobiles 3-3-3 with a phone word
        "Biuro 22 345 67 89 | 22 345 67 89",
        "Biuro 58 345 67 89 | 58 345 67 89",
        "Tel. kom. 512 345 678 | 512 345 678",
        "Komórka: 693 456 789 | 693 456 789",
        "Numer +48 512 345 678 | +48 512 345 678",
        // Belgium
        "Bureau 02 345 67 89 | 02 345 67 89",
        "Kantoor 09 345 67 89 | 09 345 67 89",
        "GSM 0475 12 34 56 | 0475 12 34 56",
        "Bureau +32 2 345 67 89 | +32 2 345 67 89",
        // Austria
        "Büro 01 234 56 78 | 01 234 56 78",
        "Graz 0316 345678 | 0316 345678",
        "Handy 0664 123 4567 | 0664 123 4567",
        "Büro +43 1 2345678 | +43 1 2345678",
        // Switzerland
        "Büro 044 668 18 00 | 044 668 18 00",
        "Natel 079 345 67 89 | 079 345 67 89",
        "Bureau +41 22 345 67 89 | +41 22 345 67 89",
        // Sweden
        "Ring 08-123 456 78 | 08-123 456 78",
        "Mobil 070-123 45 67 | 070-123 45 67",
        "Göteborg 031-12 34 56 | 031-12 34 56",
        "Ring +46 8 123 456 78 | +46 8 123 456 78",
        // Portugal: landlines 2-3-4; 3-3-3 needs a phone word
        "Lisboa 21 345 6789 | 21 345 6789",
        "Telemóvel 912 345 678 | 912 345 678",
        "Telefone: 213 456 789 | 213 456 789",
        "Ligue +351 912 345 678 | +351 912 345 678",
        // Ireland
        "Dublin 01 234 5678 | 01 234 5678",
        "Cork (021) 234 5678 | (021) 234 5678",
        "Mobile 087 123 4567 | 087 123 4567",
        "Call +353 87 123 4567 | +353 87 123 4567",
      })
  void findsTheNationalFormatsOfTheTable(String text, String expected) {
    assertEquals(Collections.singletonList(expected), found(PiiTypes.PHONE, text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0475123456", "0491234567", "06641234567", "069912345678", "0791234567",
    "0701234567", "0871234567", "0831234567"})
  void ungroupedMobilesOfTheNewTrunkCountriesNeedNoPhoneWord(String number) {
    // BE 045-049, AT 065-069, CH 075-079, SE 070/072/073/076/079, IE 083/085-089
    assertEquals(Arrays.asList(number), found(PiiTypes.PHONE, "reach me on " + number + " later"));
    assertTrue(found(PiiTypes.PHONE, "order " + number).isEmpty(), "a negative word keeps it out");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "04512345678", // BE mobile prefix, one digit too many
    "0441234567", // BE 044 is a landline area: ungrouped, it needs a phone word
    "0641234567890", // AT mobile prefix, too long
    "0841234567", // IE 084 is not a mobile range
    "512345678", // PL mobile, ungrouped: needs a phone word
    "212345678", // PT landline, ungrouped
    "2123456789", // TR landline without its 0, ungrouped
  })
  void ungroupedNumbersOfTheNewCountriesOutsideTheMobileRangesNeedAPhoneWord(String number) {
    assertTrue(found(PiiTypes.PHONE, "reach me on " + number).isEmpty(), number);
  }

  /**
   * Numbers shaped like the new countries' forms that are something else, next to words that
   * neither raise nor lower the confidence (so the structure rules alone keep them out).
   */
  @ParameterizedTest
  @ValueSource(strings = {
    // Turkey: 3-3-2-2 only from a Turkish area code, and whole
    "See 612 345 67 89", // 6xx is no Turkish area code (and not an Italian mobile)
    "Batch 219 345 67 89", // area codes end in an even digit
    "Kod 291 345 67 89", // nor is 29x one
    "Lot 212 345 67 89 01", // a longer run is not cut to fit
    "At 2024 03 15 10 30", // a date and time
    // Poland: 2-3-2-2 only from an area code; 3-3-3 is how thousands are written
    "Kod 20 345 67 89", // 20 is no Polish area code
    "Razem 10 000 00 00",
    "Sprzedano 512 345 678 sztuk", // thousands
    "Ludność 38 386 000",
    "Pay to PL61 1090 1014 0000 0712 1981 2874",
    // Belgium
    "Art. 0475 12 34", // too short
    "Pay to BE68 5390 0754 7034",
    "Versie 0.475.12.34",
    // Austria
    "Seite 0664 12", // too short
    "Pay to AT61 1904 3002 3457 3201",
    "Preis 1.234.567,50 EUR",
    // Switzerland
    "Nr. 079 123 45 6", // a trailing lone digit
    "Betrag CHF 1'234'567.50",
    "Pay to CH93 0076 2011 6238 5295 7",
    // Sweden
    "Nr 070-123", // too short
    "Summa 1 234 567 kr",
    "Pay to SE45 5000 0000 0583 9825 7466",
    // Portugal
    "Vendidos 912 345 678 bilhetes", // thousands
    "Código 21 345 678", // 8 digits
    "Pay to PT50 0002 0123 1234 5678 9015 4",
    // Ireland
    "See 087 1234", // too short
    "Pay to IE29 AIBK 9311 5212 3456 78",
    "Card 5555 5555 5555 4444",
  })
  void lookAlikesOfTheNewCountriesAreNotPhoneNumbers(String text) {
    assertTrue(found(PiiTypes.PHONE, text).isEmpty(), text + " -> " + found(PiiTypes.PHONE, text));
  }

  @Test
  void theTableChecksInternationalLengths() {
    assertTrue(PhoneDetector.validNational("48", "512345678"));
    assertTrue(!PhoneDetector.validNational("48", "51234567"), "PL numbers have 9 digits");
    assertTrue(!PhoneDetector.validNational("351", "9123456789"), "PT numbers have 9 digits");
    assertTrue(!PhoneDetector.validNational("32", "1234567"), "BE numbers have 8 or 9 digits");
    assertTrue(!PhoneDetector.validNational("90", "532123456"), "TR numbers have 10 digits");
    assertTrue(PhoneDetector.validNational("353", "871234567"));
    assertTrue(!PhoneDetector.validNational("41", "0791234567"), "no trunk 0 after the code");
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
  void turkishMobileWithoutTrunkPrefixIsSpecificEnoughAlone() {
    // 5[03-6] + 8 digits admits one ten-digit string in twenty: reported at the threshold.
    assertEquals(Arrays.asList("5321234567"), found(PiiTypes.PHONE, "5321234567"));
    assertEquals(Arrays.asList("5321234567"), found(PiiTypes.PHONE, "Phone: 5321234567"));
    assertTrue(found(PiiTypes.PHONE, "order 5321234567").isEmpty(), "a negative word keeps it out");
    assertTrue(found(PiiTypes.PHONE, "5721234567").isEmpty(), "57x is not a Turkish mobile range");
    assertTrue(found(PiiTypes.PHONE, "572 123 45 67").isEmpty());
    assertTrue(found(PiiTypes.PHONE, "532123456").isEmpty(), "one digit short");
  }

  @ParameterizedTest
  @ValueSource(strings = {"02121234567", "03121234567", "04621234567", "02241234567"})
  void ungroupedTurkishLandlinesWithTheirTrunkPrefixNeedNoPhoneWord(String number) {
    // 0 + an area code [2-4][1-8][02468] + 7 digits: about one eleven-digit string in 80.
    assertEquals(Arrays.asList(number), found(PiiTypes.PHONE, "reach me on " + number + " later"));
    assertTrue(found(PiiTypes.PHONE, "invoice " + number).isEmpty(), "a negative word keeps it out");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "2121234567", // a Turkish landline without its 0: [2-4][1-8][02468] admits one in eight
    "3123456789", // an Italian mobile: 3 + 9 digits admits one in ten
    "912345678", // a Portuguese mobile: nine digits, the length of SSNs, ITINs and passports
    "0123456789", // a French landline: 0[1-5] + 8 admits one in twenty, but no table form has it
    "02021234567", // 020 is no Turkish area code
    "0212123456", // one digit short for Turkey
  })
  void ungroupedNumbersOfWideFormsNeedAPhoneWord(String number) {
    assertTrue(found(PiiTypes.PHONE, "reach me on " + number).isEmpty(), number);
  }

  /**
   * Ids written as bare runs of 10-11 digits in the shapes that are now reported alone (Turkish
   * mobiles without their 0, numbers dialled with a trunk 0), each next to a word of its kind.
   */
  @ParameterizedTest
  @ValueSource(strings = {
    "Order 5351234567 has shipped",
    "order no. 02161234567",
    "Order #: 05321234567",
    "Invoice 5301234567 is overdue",
    "Account 5551234567",
    "Acct 02321234567, sort code 20-00-00",
    "Account number: 0612345678",
    "Tracking 5461234567",
    "Tracking number 05351234567",
    "Your parcel 5401234567 is on its way",
    "Shipment 02421234567 left the depot",
    "ISBN 0712345671",
    "ISBN-10: 0612345678",
    "Card 5301234567 was declined",
    "Mastercard ending 5551234567",
    "card number starts 5412345678",
    "timestamp 5361234567",
    "epoch 5301234567",
    "unix time 0712345678",
    "ts_millis=1715678901234",
    "created 1715678901",
    "Receipt 5311234567",
    "Policy 5341234567 renewed",
    "Claim 02121234567 was approved",
    "Confirmation code 5501234567",
    "Ref 5321234567",
    "Customer id 5361234567",
    "IMEI 3567890123456789",
    "serial 07712345678",
  })
  void bareDigitIdsNextToAWordOfTheirKindAreNotPhoneNumbers(String text) {
    assertTrue(found(PiiTypes.PHONE, text).isEmpty(), text + " -> " + found(PiiTypes.PHONE, text));
  }

  @Test
  void idWordsDoNotLowerGroupedOrInternationalNumbers() {
    assertEquals(Arrays.asList("+44 20 7946 0958"),
        found(PiiTypes.PHONE, "Business card: +44 20 7946 0958"));
    assertEquals(Arrays.asList("020 7946 0958"), found(PiiTypes.PHONE, "Card 020 7946 0958"));
  }

  @Test
  void theSpecificFormsAreMeasuredNotAsserted() {
    assertEquals("TR", NumberingPlans.trunkSpecific("05321234567"));
    assertEquals("TR", NumberingPlans.trunkSpecific("02121234567"));
    assertEquals("FR", NumberingPlans.trunkSpecific("0612345678"));
    assertEquals(null, NumberingPlans.trunkSpecific("0123456789"), "landline, not in the table");
    assertEquals(NumberingPlans.Fit.COMPACT_SPECIFIC,
        NumberingPlans.withoutTrunk("5321234567", new int[] {10}, 1).fit);
    assertEquals(NumberingPlans.Fit.COMPACT,
        NumberingPlans.withoutTrunk("3123456789", new int[] {10}, 1).fit, "IT: one in ten");
    assertEquals(NumberingPlans.Fit.COMPACT,
        NumberingPlans.withoutTrunk("912345678", new int[] {9}, 1).fit, "PT: nine digits");
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
