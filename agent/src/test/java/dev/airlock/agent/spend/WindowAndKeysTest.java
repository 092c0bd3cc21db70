package dev.airlock.agent.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowAndKeysTest {

  private static long at(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void windowsAreCalendarAlignedInUtc() {
    long t = at("2026-11-22T10:15:30.250Z");
    assertEquals(at("2026-11-22T10:15:00Z"), Window.MINUTE.startMillis(t));
    assertEquals(at("2026-11-22T10:00:00Z"), Window.HOUR.startMillis(t));
    assertEquals(at("2026-11-22T00:00:00Z"), Window.DAY.startMillis(t));
    assertEquals(at("2026-11-01T00:00:00Z"), Window.MONTH.startMillis(t));
    assertEquals(at("2026-12-01T00:00:00Z"), Window.MONTH.endMillis(Window.MONTH.startMillis(t)));
    assertEquals(at("2026-03-01T00:00:00Z"), Window.MONTH.endMillis(at("2026-02-01T00:00:00Z")), "February");
    assertEquals(at("2028-03-01T00:00:00Z"), Window.MONTH.endMillis(at("2028-02-01T00:00:00Z")), "leap February");
    assertEquals(at("2027-01-01T00:00:00Z"), Window.DAY.end(Instant.parse("2026-12-31T23:59:59.999Z")).toEpochMilli());
    assertEquals(Instant.parse("2026-11-22T00:00:00Z"), Window.DAY.start(Instant.parse("2026-11-22T23:59:59.999Z")));
  }

  @Test
  void windowLabelsAreCompactUtcTimes() {
    assertEquals("20261122T1015", Window.label(at("2026-11-22T10:15:00Z")));
    assertEquals("20261101T0000", Window.label(Window.MONTH.startMillis(at("2026-11-22T10:15:00Z"))));
    assertEquals(Window.MINUTE, Window.of("min"));
    assertEquals(Window.MONTH, Window.of(" Month "));
    assertThrows(IllegalArgumentException.class, () -> Window.of("week"));
  }

  @Test
  void scopeValuesCannotPassForOtherKeySegmentsOrMarkers() {
    assertEquals("acme-corp_1.eu", Keys.escape("acme-corp_1.eu"));
    assertEquals("a%3Ab", Keys.escape("a:b"));
    assertEquals("%28none%29", Keys.escape("(none)"));
    assertEquals("%2A", Keys.escape("*"));
    assertEquals("%7Bslot%7D", Keys.escape("{slot}"));
    assertEquals("100%25%20sure%0A", Keys.escape("100% sure\n"));
    assertEquals("Müller", Keys.escape("Müller"));
    assertNotEquals(ScopeKey.of(ScopeKind.TENANT, "(none)").keyPart(), ScopeKey.of(ScopeKind.TENANT, null).keyPart());
    assertEquals("(none)", ScopeKey.of(ScopeKind.TENANT, "  ").keyPart());
    assertEquals("*", ScopeKey.of(ScopeKind.GLOBAL, "ignored").keyPart());
    assertEquals("global", ScopeKey.of(ScopeKind.GLOBAL, "ignored").toString());
    assertTrue(ScopeKey.of(ScopeKind.USER, null).isNone());
  }

  @Test
  void intervalsReadAsSecondsOrMilliseconds() {
    assertEquals("60s", Keys.interval(Duration.ofMinutes(1)));
    assertEquals("1500ms", Keys.interval(Duration.ofMillis(1500)));
  }

  @Test
  void alertThresholdsAreExactDecimalFractionsOfTheLimit() {
    RecordingListener listener = new RecordingListener();
    FakeClock clock = new FakeClock("2026-11-22T10:15:30Z");
    Budgets b = Budgets.builder()
        .add(BudgetConfig.builder(ScopeKind.TENANT).limitTokens(100).window(Window.DAY).alertAt(0.07).build())
        .clock(clock).listener(listener).build();
    CallScope acme = CallScope.of("acme", null, null, null);
    b.admit(acme, 0, 6).settle(0, 6);
    b.admit(acme, 0, 1).settle(0, 1);
    assertEquals("[threshold tenant:acme 0.07 spent=7 limit=100]", listener.events.toString(),
        "0.07 * 100 is 7 (in doubles it is 7.000000000000001)");
  }
}
