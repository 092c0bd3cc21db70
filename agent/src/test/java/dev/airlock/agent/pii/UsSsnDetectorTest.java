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

class UsSsnDetectorTest {

  @Test
  void hyphenatedSsnInASentence() {
    String text = "Applicant SSN: 536-22-1234, DOB 1980-02-03";
    Detection d = single(PiiTypes.US_SSN, text);
    assertEquals("536-22-1234", d.text(text));
    assertEquals(15, d.start());
    assertEquals(26, d.end());
  }

  @Test
  void spacedAndDottedForms() {
    assertEquals(Arrays.asList("536 22 1234"), found(PiiTypes.US_SSN, "abc 536 22 1234 abc"));
    assertEquals(Arrays.asList("536.22.1234"), found(PiiTypes.US_SSN, "536.22.1234"));
  }

  @Test
  void bareNineDigitsNeedContext() {
    assertTrue(found(PiiTypes.US_SSN, "Reference 536221234").isEmpty());
    assertEquals(Arrays.asList("536221234"), found(PiiTypes.US_SSN, "my ssn is 536221234"));
    assertEquals(Arrays.asList("536221234"),
        found(PiiTypes.US_SSN, "Social Security Number 536221234"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "000-22-1234", "666-22-1234", "900-22-1234", "987-65-4321", "536-00-1234", "536-22-0000",
    "078-05-1120", "123-45-6789", "111-11-1111", "536-22.1234", "536-221234", "5362-2-1234",
    "536-22-12345", "1536-22-1234", "536-22-1234-7", "ID536-22-1234", "2024-01-15",
  })
  void invalidNumbersAndLookAlikesAreRejected(String text) {
    assertTrue(found(PiiTypes.US_SSN, text).isEmpty(), text);
  }

  @Test
  void structureRules() {
    assertTrue(UsSsnDetector.valid("536", "22", "1234"));
    assertFalse(UsSsnDetector.valid("666", "22", "1234"));
    assertFalse(UsSsnDetector.valid("219", "09", "9999"));
  }
}
