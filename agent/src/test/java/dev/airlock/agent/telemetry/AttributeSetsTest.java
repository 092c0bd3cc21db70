package dev.airlock.agent.telemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reused set is the one a builder would give; kinds and values tell sets apart; the cache is bounded. */
class AttributeSetsTest {

  private static final AttributeKey<String> A = stringKey("a");
  private static final AttributeKey<String> B = stringKey("b");
  private static final List<AttributeKey<String>> AB = List.of(A, B);
  private static final List<AttributeKey<String>> BA = List.of(B, A);

  @Test
  void sameValuesGiveTheSameInstanceAndNullsAreLeftOut() {
    AttributeSets sets = new AttributeSets();
    Attributes first = sets.of(AB, "x", null);
    assertEquals(Attributes.builder().put(A, "x").build(), first);
    assertSame(first, sets.of(AB, "x", null));
    assertEquals(Attributes.of(A, "x", B, "y"), sets.of(AB, "x", "y"));
    // Another kind with the same values is another set.
    assertEquals(Attributes.of(B, "x", A, "y"), sets.of(BA, "x", "y"));
  }

  @Test
  void keepsAtMostMaxSets() {
    AttributeSets sets = new AttributeSets();
    for (int i = 0; i < AttributeSets.MAX_SETS + 10; i++) {
      sets.of(AB, "model-" + i, null);
    }
    assertEquals(AttributeSets.MAX_SETS, sets.size());
    Attributes notKept = sets.of(AB, "another", null);
    assertEquals(Attributes.of(A, "another"), notKept);
    assertNotSame(notKept, sets.of(AB, "another", null));
  }
}
