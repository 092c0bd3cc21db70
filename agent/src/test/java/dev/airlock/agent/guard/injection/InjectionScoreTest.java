package dev.airlock.agent.guard.injection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The value types of the API. */
class InjectionScoreTest {

  @Test
  void noneHasNoEvidence() {
    InjectionScore none = InjectionScore.none();
    assertEquals(0.0, none.score());
    assertTrue(none.signals().isEmpty());
    assertNull(none.topRule());
    assertSame(none, InjectionScore.of(0.0, Collections.emptyList()));
  }

  @Test
  void topRuleIsTheStrongestSignal() {
    InjectionScore s = InjectionScore.of(0.9, Arrays.asList(
        new InjectionSignal("fake_role", 0.4, 0, 5),
        new InjectionSignal("instruction_override", 0.9, 6, 20),
        new InjectionSignal("new_instructions", 0.9, 21, 30)));
    assertEquals("instruction_override", s.topRule());
    assertThrows(UnsupportedOperationException.class, () -> s.signals().clear());
  }

  @Test
  void rejectsOutOfRangeValues() {
    assertThrows(IllegalArgumentException.class, () -> InjectionScore.of(1.01, Collections.emptyList()));
    assertThrows(IllegalArgumentException.class, () -> InjectionScore.of(Double.NaN, Collections.emptyList()));
    assertThrows(IllegalArgumentException.class, () -> new InjectionSignal("x", -0.1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new InjectionSignal("x", 0.5, 3, 2));
    assertThrows(IllegalArgumentException.class, () -> new InjectionSignal("", 0.5, 0, 1));
  }

  @Test
  void valueSemantics() {
    assertEquals(new InjectionSignal("a", 0.5, 1, 2), new InjectionSignal("a", 0.5, 1, 2));
    assertEquals(new InjectionSignal("a", 0.5, 1, 2).hashCode(), new InjectionSignal("a", 0.5, 1, 2).hashCode());
  }
}
