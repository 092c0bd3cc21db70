package dev.airlock.agent.pii;

import static dev.airlock.agent.pii.Scans.found;
import static dev.airlock.agent.pii.Scans.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * The detector decides where its pattern matches by hand ({@link UsSsnDetector#matchEnd}); on
   * random texts of digits, separators and letters or numbers of other scripts (supplementary
   * ones too) it must find what running the pattern at every digit run finds.
   */
  @Test
  void answersAsItsPatternOnRandomTexts() {
    String[] pieces = {
      "0", "1", "2", "5", "6", "9", "536", "22", "1234", "536221234", "-", " ", ".", ",", "/", "_",
      "a", "Z", "\u00e9", "\u00b2", "\u0664", "\u216b", "\ud835\udc00", "\ud835\udfce", "\n", "+", "#",
      "536-22-1234", "536 22 1234", "536.22.1234", "536-22 1234", "ssn ", "(", "536-(2-1234"
    };
    Pattern pattern = Pattern.compile(UsSsnDetector.PATTERN);
    UsSsnDetector detector = new UsSsnDetector();
    Random random = new Random(5);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder b = new StringBuilder();
      for (int p = random.nextInt(12); p >= 0; p--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      List<Detection> got = new ArrayList<>();
      detector.detect(text, got);
      assertEquals(byPattern(pattern, text), got, text);
    }
  }

  /** The detector as it was with its pattern: run at each digit run start outside a word. */
  private static List<Detection> byPattern(Pattern pattern, String text) {
    Matcher m = Anchored.matcher(pattern, text);
    List<Detection> out = new ArrayList<>();
    int resume = 0;
    for (int i = 0; i < text.length(); i++) {
      boolean runStart = Chars.isDigit(text.charAt(i)) && !Chars.digitAt(text, i - 1);
      if (!runStart || i < resume || Chars.wordCharAt(text, i - 1)
          || !Anchored.lookingAt(m, text, i)) {
        continue;
      }
      resume = m.end();
      boolean bare = m.group(1) == null;
      String area = bare ? m.group(5) : m.group(1);
      String group = bare ? m.group(6) : m.group(3);
      String serial = bare ? m.group(7) : m.group(4);
      if (!UsSsnDetector.valid(area, group, serial)) {
        continue;
      }
      double base = bare ? UsSsnDetector.BARE
          : m.group(2).equals("-") ? UsSsnDetector.HYPHENATED : UsSsnDetector.SPACED;
      double conf = UsSsnDetector.CONTEXT.confidence(base, text, m.start(), m.end());
      out.add(new Detection(PiiTypes.US_SSN, m.start(), m.end(), Confidence.of(conf), null));
    }
    return out;
  }
}
