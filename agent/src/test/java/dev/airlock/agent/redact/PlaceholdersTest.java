package dev.airlock.agent.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  private final Map<String, String> values = Map.of("<EMAIL_1>", "ana@example.com", "<CUSTOMER_ID_1>", "CUST-12345678",
      "<NAME_1>", "O\"Brien \\ the 2nd");

  @Test
  void restoresKnownPlaceholdersInText() {
    assertEquals("Mail ana@example.com about CUST-12345678.",
        Placeholders.restoreText("Mail <EMAIL_1> about <CUSTOMER_ID_1>.", values));
    assertEquals("<EMAIL_2> and <b>bold</b> stay", Placeholders.restoreText("<EMAIL_2> and <b>bold</b> stay", values));
  }

  @Test
  void restoresInsideJsonWithEscapingAndEscapedBrackets() {
    assertEquals("{\"t\":\"hi ana@example.com\"}", Placeholders.restoreJson("{\"t\":\"hi <EMAIL_1>\"}", values));
    assertEquals("{\"t\":\"hi ana@example.com\"}", Placeholders.restoreJson("{\"t\":\"hi \\u003cEMAIL_1\\u003e\"}", values));
    assertEquals("{\"t\":\"O\\\"Brien \\\\ the 2nd\"}", Placeholders.restoreJson("{\"t\":\"<NAME_1>\"}", values));
  }

  @Test
  void restoresUtf8BytesAsTheStringFormDoes() {
    String[] documents = {
        "{\"t\":\"hi <EMAIL_1>\"}",
        "{\"t\":\"hi \\u003cEMAIL_1\\u003E and \\U003CNAME_1\\u003e\"}",
        "{\"t\":\"caf\u00e9 \u20ac <CUSTOMER_ID_1> \ud83d\ude00<NAME_1>\"}",
        "{\"t\":\"<EMAIL_2> <b>bold</b> < EMAIL_1> <EMAIL_1 <> <EMAIL_1>\"}",
        "{\"t\":\"\\\\u003cEMAIL_1> \\u003\"}",
        "<EMAIL_1>",
        "no placeholder at all",
        "",
    };
    for (String doc : documents) {
      byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
      assertEquals(Placeholders.restoreJson(doc, values), new String(Placeholders.restoreJson(bytes, values),
          StandardCharsets.UTF_8), doc);
    }
    byte[] none = "{\"t\":\"<b> nothing known\"}".getBytes(StandardCharsets.UTF_8);
    assertSame(none, Placeholders.restoreJson(none, values));
    assertSame(none, Placeholders.restoreJson(none, Map.of()));
  }

  @Test
  void streamingHoldsBackOnlyWhatCouldBeAPlaceholder() {
    StreamingRestorer r = new StreamingRestorer(values);
    assertEquals("Write to ", r.feed("Write to <EMA"));
    assertEquals("ana@example.com today", r.feed("IL_1> today"));
    assertEquals("a < b and ", r.feed("a < b and "));
    assertEquals("", r.feed("<"));
    assertEquals("<x", r.feed("x"));
    assertEquals("", r.feed("<CUSTOMER_ID_"));
    assertEquals("", r.feed("1"));
    assertEquals("CUST-12345678!", r.feed(">!"));
    assertFalse(r.hasPending());
    assertEquals("", r.feed("<EMAIL_"));
    assertEquals("<EMAIL_", r.flush(), "an unfinished placeholder at the end is passed on as it is");
  }
}
