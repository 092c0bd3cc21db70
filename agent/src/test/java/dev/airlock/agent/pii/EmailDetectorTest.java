package dev.airlock.agent.pii;

import static dev.airlock.agent.pii.Scans.found;
import static dev.airlock.agent.pii.Scans.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailDetectorTest {

  @Test
  void findsAddressesInASentenceWithExactOffsets() {
    String text = "Write to jane.doe+billing@mail.example.co.uk, or to ops@acme.io.";
    assertEquals(Arrays.asList("jane.doe+billing@mail.example.co.uk", "ops@acme.io"),
        found(PiiTypes.EMAIL, text));
    Detection d = single(PiiTypes.EMAIL, "Mail: ana@example.com");
    assertEquals(6, d.start());
    assertEquals(21, d.end());
    assertEquals(EmailDetector.CONFIDENCE, d.confidence());
  }

  @Test
  void internationalizedAndPunycodeAddresses() {
    assertEquals(Arrays.asList("josé.garcía@correo.es"),
        found(PiiTypes.EMAIL, "Escribe a josé.garcía@correo.es mañana"));
    assertEquals(Arrays.asList("user@xn--80ak6aa92e.com"),
        found(PiiTypes.EMAIL, "my email is user@xn--80ak6aa92e.com today"));
    assertEquals(Arrays.asList("a@xn--d1acufc.xn--p1ai"), found(PiiTypes.EMAIL, "a@xn--d1acufc.xn--p1ai"));
  }

  @Test
  void unicodeTextAroundTheAddressKeepsUtf16Offsets() {
    String text = "📧 连系我: li.wei@example.cn，谢谢";
    Detection d = single(PiiTypes.EMAIL, text);
    assertEquals("li.wei@example.cn", d.text(text));
  }

  @Test
  void surroundingPunctuationStaysOutside() {
    assertEquals(Arrays.asList("ana@example.com"), found(PiiTypes.EMAIL, "<ana@example.com>."));
    assertEquals(Arrays.asList("ana@example.com"), found(PiiTypes.EMAIL, "(ana@example.com)"));
    assertEquals(Arrays.asList("ana@example.com"), found(PiiTypes.EMAIL, "...ana@example.com"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "my email is info@presidio.",
    "ping @channel about it",
    "user@localhost",
    "a@b.c",
    "name@domain.123",
    "x..y@example.com",
    "x.@example.com",
    "user@-example.com",
    "user@example-.com",
    "icon@2x.png and logo@3x.webp",
    "this is not an email: hello-world here",
    "git rev-parse HEAD@{1}",
  })
  void lookAlikesAreNotAddresses(String text) {
    assertTrue(found(PiiTypes.EMAIL, text).isEmpty(), text);
  }
}
