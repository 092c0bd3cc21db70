package dev.airlock.agent.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContextWordsTest {

  private static boolean near(ContextWords w, String text, String match) {
    int start = text.indexOf(match);
    return w.presentAround(text, start, start + match.length());
  }

  @Test
  void wordsAndPhrasesMatchCaseAndPunctuationInsensitively() {
    ContextWords w = ContextWords.of(0.2, "api_key", "social security", "steuer-id");
    assertTrue(near(w, "My API-Key: 12345", "12345"));
    assertTrue(near(w, "Social  Security #: 12345", "12345"));
    assertTrue(near(w, "Steuer-ID: 12345", "12345"));
    assertTrue(near(w, "12345 is the api key", "12345"));
    assertFalse(near(w, "my apikeys 12345", "12345"));
  }

  @Test
  void wildcards() {
    ContextWords prefix = ContextWords.of(0.2, "passw*");
    assertTrue(near(prefix, "Passwort: x1", "x1"));
    assertFalse(near(prefix, "bypass x1", "x1"));
    ContextWords suffix = ContextWords.of(-0.4, "*version");
    assertTrue(near(suffix, "PackageVersion 1.2.3.4", "1.2.3.4"));
    assertFalse(near(suffix, "versions 1.2.3.4", "1.2.3.4"));
  }

  @Test
  void windowIsBoundedAndFinishesCutWords() {
    ContextWords w = ContextWords.of(0.2, "ssn");
    String far = "ssn " + ".".repeat(48) + " 12345";
    assertFalse(near(w, far, "12345"));
    String edge = "password" + " ".repeat(36) + "12345";
    assertTrue(near(ContextWords.of(0.2, "password"), edge, "12345"), "a word cut by the window edge is completed");
    assertEquals(0.0, ContextWords.NONE.adjust("ssn 1", 4, 5));
    assertEquals(0.2, w.adjust("ssn 1", 4, 5));
  }
}
