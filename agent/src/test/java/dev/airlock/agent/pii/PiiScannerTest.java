package dev.airlock.agent.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiScannerTest {

  private static final PiiScanner ALL = PiiScanner.builder().enable(PiiTypes.builtIn()).build();

  @Test
  void builderRejectsUnknownTypesListingTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> PiiScanner.builder().enable(Arrays.asList("email", "passport")));
    assertTrue(e.getMessage().contains("'passport'"), e.getMessage());
    for (String id : PiiTypes.builtIn()) {
      assertTrue(e.getMessage().contains(id), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> PiiScanner.builder().minConfidence(1.1));
  }

  @Test
  void emptyScannerAndEmptyText() {
    PiiScanner none = PiiScanner.builder().build();
    assertTrue(none.isEmpty());
    assertTrue(none.scan("ana@example.com").isEmpty());
    assertFalse(ALL.isEmpty());
    assertTrue(ALL.scan("").isEmpty());
    assertEquals(PiiTypes.builtIn(), ALL.types());
  }

  @Test
  void orderOfEnableDoesNotMatter() {
    List<String> reversed = new ArrayList<>(PiiTypes.builtIn());
    Collections.reverse(reversed);
    assertEquals(PiiTypes.builtIn(), PiiScanner.builder().enable(reversed).build().types());
  }

  @Test
  void aRealisticPromptWithManyTypes() {
    String text =
        "Hi, I'm Jane (jane.doe@example.com, +44 20 7946 0958). Refund card 4111 1111 1111 1111 "
            + "to IBAN GB29 NWBK 6016 1331 9268 19. SSN 536-22-1234, NI AB 12 34 56 C, "
            + "server 203.0.113.7, key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6. "
            + "Version 1.2.3 ships on 2024-05-01; order #12345678 costs $1,299.00.";
    List<String> types = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Detection d : ALL.scan(text)) {
      types.add(d.type());
      values.add(d.text(text));
    }
    assertEquals(
        Arrays.asList("email", "phone", "credit_card", "iban", "us_ssn", "uk_nino", "ip_address", "secret"),
        types, values.toString());
    assertEquals("+44 20 7946 0958", values.get(1));
    assertEquals("GB29 NWBK 6016 1331 9268 19", values.get(3));
  }

  @Test
  void resultsAreSortedAndNeverOverlap() {
    String text = "Call 020 7946 0958 or mail a@b.co; IBAN DE89370400440532013000 and 10.0.0.1";
    List<Detection> found = ALL.scan(text);
    for (int i = 1; i < found.size(); i++) {
      assertTrue(found.get(i - 1).end() <= found.get(i).start(), found.toString());
    }
  }

  @Test
  void overlapKeepsTheHigherConfidenceThenTheLonger() {
    Detector wide = fixed("wide", new Detection("wide", 0, 10, 0.7, null));
    Detector narrowStrong = fixed("strong", new Detection("strong", 2, 6, 0.9, null));
    Detector narrowWeak = fixed("weak", new Detection("weak", 8, 12, 0.6, null));
    Detector tieLonger = fixed("longer", new Detection("longer", 12, 20, 0.6, null));
    Detector tieShorter = fixed("shorter", new Detection("shorter", 12, 15, 0.6, null));
    List<Detection> candidates = new ArrayList<>();
    for (Detector d : Arrays.asList(wide, narrowStrong, narrowWeak, tieLonger, tieShorter)) {
      d.detect("", candidates);
    }
    List<Detection> kept = OverlapResolver.resolve(candidates, 0.5);
    List<String> types = new ArrayList<>();
    kept.forEach(d -> types.add(d.type()));
    assertEquals(Arrays.asList("strong", "weak", "longer"), types);
  }

  @Test
  void belowThresholdCandidatesDoNotSuppressOthers() {
    List<Detection> candidates = new ArrayList<>(Arrays.asList(
        new Detection("a", 0, 10, 0.4, null), new Detection("b", 2, 8, 0.55, null)));
    List<Detection> kept = OverlapResolver.resolve(candidates, 0.5);
    assertEquals(1, kept.size());
    assertEquals("b", kept.get(0).type());
  }

  @Test
  void minConfidenceIsApplied() {
    PiiScanner strict = PiiScanner.builder().enable(Collections.singletonList("phone")).minConfidence(0.75).build();
    assertTrue(strict.scan("020 7946 0958").isEmpty());
    assertEquals(1, strict.scan("+44 20 7946 0958").size());
    PiiScanner lax = PiiScanner.builder().enable(Collections.singletonList("us_ssn")).minConfidence(0.25).build();
    assertEquals(1, lax.scan("536221234").size());
  }

  @Test
  void detectionsNeverPrintTheMatchedText() {
    Detection d = ALL.scan("ana@example.com").get(0);
    assertFalse(d.toString().contains("ana"), d.toString());
    assertThrows(IllegalArgumentException.class, () -> new Detection("x", 3, 3, 0.5, null));
    assertThrows(IllegalArgumentException.class, () -> new Detection("x", 0, 3, 1.5, null));
  }

  @Test
  void sharedAcrossThreads() throws Exception {
    String text = "jane@example.com 4111 1111 1111 1111 DE89370400440532013000 +1 415 555 0132";
    List<Detection> expected = ALL.scan(text);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Detection>>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(pool.submit(() -> ALL.scan(text)));
      }
      for (Future<List<Detection>> f : results) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Inputs built to make a backtracking matcher explode (long runs of what each detector reads),
   * one megabyte each. The test only asserts that scanning finishes; the generous limit is there
   * so a pathological regex fails the build instead of hanging it.
   */
  @ParameterizedTest
  @ValueSource(strings = {
    "1 ", "1-", "a.", "@a.", "0:", "+1 ", "A1", "sk-", "eyJ", "-----BEGIN PRIVATE KEY-----",
    "password=", "é", "aA1/",
  })
  void oneMegabyteOfAdversarialTextFinishes(String unit) {
    StringBuilder b = new StringBuilder(1 << 20);
    while (b.length() < (1 << 20)) {
      b.append(unit);
    }
    String text = b.toString();
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ALL.scan(text));
  }

  @Test
  void oneMegabyteOfMixedTextFinishes() {
    String chunk = "Contact jane.doe@example.com or +49 30 12345678; card 4111 1111 1111 1111; "
        + "IBAN DE89 3704 0044 0532 0130 00; ip 10.0.0.1; token=q7Zk2LmX9vB4nR8tW1yC6pD3sF5gH0jK; "
        + "Grüße aus München, 東京 ✓ 2024-05-01 v1.2.3 $1,299.00\n";
    StringBuilder b = new StringBuilder(1 << 20);
    while (b.length() < (1 << 20)) {
      b.append(chunk);
    }
    String text = b.toString();
    List<Detection> found = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ALL.scan(text));
    assertTrue(found.size() > 1000);
  }

  private static Detector fixed(String type, Detection d) {
    return new Detector() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public void detect(CharSequence text, List<Detection> out) {
        out.add(d);
      }
    };
  }
}
