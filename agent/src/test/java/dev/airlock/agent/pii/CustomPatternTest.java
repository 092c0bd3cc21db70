package dev.airlock.agent.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomPatternTest {

  @Test
  void reportsEveryMatchUnderItsName() {
    PiiScanner scanner =
        PiiScanner.builder().custom(CustomPattern.of("customer_id", "CUST-[0-9]{8}")).build();
    String text = "Tickets for CUST-00012345 and CUST-99887766; not CUST-123.";
    List<Detection> found = scanner.scan(text);
    assertEquals(2, found.size());
    assertEquals("customer_id", found.get(0).type());
    assertEquals("CUST-00012345", found.get(0).text(text));
    assertEquals(12, found.get(0).start());
    assertEquals(CustomPattern.DEFAULT_CONFIDENCE, found.get(0).confidence());
  }

  @Test
  void invalidRegexFailsAtBuildTimeWithTheCompilerMessage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CustomPattern.of("bad", "CUST-[0-9{8}"));
    assertTrue(e.getMessage().contains("Unclosed character class"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CustomPattern.of(" ", "x"));
    assertThrows(IllegalArgumentException.class, () -> CustomPattern.of("x", "y").withConfidence(1.5));
    assertThrows(IllegalArgumentException.class,
        () -> CustomPattern.of("x", "y").withContext(Collections.singletonList("z"), 2));
  }

  @Test
  void contextWordsRaiseOrLowerConfidence() {
    CustomPattern weak =
        CustomPattern.of("employee_id", "\\bE\\d{6}\\b")
            .withConfidence(0.3)
            .withContext(Arrays.asList("employee", "staff id"), 0.4);
    PiiScanner scanner = PiiScanner.builder().custom(weak).build();
    assertTrue(scanner.scan("part E123456 in stock").isEmpty());
    assertEquals(1, scanner.scan("Employee E123456 joined").size());
    assertEquals(1, scanner.scan("E123456 is her Staff-ID").size());

    CustomPattern lowered =
        CustomPattern.of("ticket", "T-\\d{4}").withContext(Collections.singletonList("example"), -0.5);
    PiiScanner s2 = PiiScanner.builder().custom(lowered).build();
    assertEquals(1, s2.scan("see T-1234").size());
    assertTrue(s2.scan("for example T-1234").isEmpty());
  }

  @Test
  void emptyMatchesAreIgnored() {
    PiiScanner scanner = PiiScanner.builder().custom(CustomPattern.of("maybe", "x*")).build();
    assertEquals(Arrays.asList("xx"), texts(scanner, "a xx b"));
  }

  private static List<String> texts(PiiScanner scanner, String text) {
    List<String> out = new java.util.ArrayList<>();
    for (Detection d : scanner.scan(text)) {
      out.add(d.text(text));
    }
    return out;
  }

  @Test
  void theLeadingLiteralIsWhatEveryMatchStartsWith() {
    assertEquals("CUST-", CustomPattern.leadingLiteral("CUST-[0-9]{8}"));
    assertEquals("ACME_ID", CustomPattern.leadingLiteral("ACME_ID\\d+"));
    assertEquals("a", CustomPattern.leadingLiteral("ab?c"));
    assertEquals("ab", CustomPattern.leadingLiteral("abc*"));
    assertEquals("ab", CustomPattern.leadingLiteral("abc{2}"));
    assertEquals("a-z", CustomPattern.leadingLiteral("a-z(x)*"));
    for (String none : new String[] {"a", "a+", "CUST|ACME", "ab(c|d)", "(?i)CUST-\\d+",
        "[A-Z]{3}", "\\bCUST", "^CUST", ".CUST", "\\QCUST\\E"}) {
      String literal = CustomPattern.leadingLiteral(none);
      assertTrue(literal.isEmpty() || none.equals("a"), none + " -> " + literal);
    }
  }

  /** With or without the literal's look-up first, the same matches, in the same order. */
  @Test
  void findsWhatTheRegexAloneFinds() {
    String[] regexes = {"CUST-[0-9]{8}", "ab?c", "x-y\\d*", "(?<=Q)ID[0-9]+", "ID[0-9]+\\b", "zz"};
    String alphabet = "CUST-0123456789abcxyIDQz -";
    java.util.Random random = new java.util.Random(3);
    for (int round = 0; round < 3000; round++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(60); i > 0; i--) {
        b.append(random.nextInt(4) == 0 ? "CUST-1234567" : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
      }
      String text = b.toString();
      for (String regex : regexes) {
        List<String> want = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        while (m.find()) {
          want.add(m.start() + "-" + m.end());
        }
        List<String> got = new java.util.ArrayList<>();
        for (Detection d : Scans.candidates(CustomPattern.of("id", regex), text)) {
          got.add(d.start() + "-" + d.end());
        }
        assertEquals(want, got, regex + " in " + text);
      }
    }
  }
}
