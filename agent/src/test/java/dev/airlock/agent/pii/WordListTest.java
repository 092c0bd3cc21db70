package dev.airlock.agent.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordListTest {

  private static List<String> texts(PiiScanner scanner, String text) {
    List<String> out = new ArrayList<>();
    for (Detection d : scanner.scan(text)) {
      out.add(d.text(text) + "@" + d.start());
    }
    return out;
  }

  @Test
  void wholeWordsOnlyCaseInsensitive() {
    WordList list = WordList.of("customer", Arrays.asList("Acme", "Globex Corp", "Initech"), false);
    PiiScanner scanner = PiiScanner.builder().wordList(list).build();
    // "Acmes" and "Initechs" are other words; in "acme-tools" the name stands on its own.
    String text = "ACME and globex corp met; Acmes, Initechs and acme-tools are not matches but acme is.";
    assertEquals(Arrays.asList("ACME@0", "globex corp@9", "acme@46", "acme@77"), texts(scanner, text));
    assertEquals("customer", scanner.scan(text).get(0).type());
  }

  @Test
  void caseSensitiveListsMatchExactly() {
    WordList list = WordList.of("codename", Collections.singletonList("Falcon"), true);
    PiiScanner scanner = PiiScanner.builder().wordList(list).build();
    assertEquals(Arrays.asList("Falcon@8"), texts(scanner, "Project Falcon, not falcon"));
  }

  @Test
  void longestWordWinsOnOverlapAndUnicodeIsHandled() {
    WordList list = WordList.of("place", Arrays.asList("São Paulo", "São", "Zürich", "東京"), false);
    PiiScanner scanner = PiiScanner.builder().wordList(list).build();
    assertEquals(Arrays.asList("são paulo@9", "ZÜRICH@21", "東京@30"),
        texts(scanner, "Flights: são paulo → ZÜRICH → 東京"));
  }

  @Test
  void wordsWithPunctuationAtTheirEdges() {
    WordList list = WordList.of("tech", Arrays.asList("C++", ".NET"), false);
    PiiScanner scanner = PiiScanner.builder().wordList(list).build();
    assertEquals(Arrays.asList("C++@11", ".NET@19"), texts(scanner, "We use a C C++ and .NET stack"));
  }

  @Test
  void thousandsOfWordsInOnePass() {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      words.add("client" + i);
    }
    WordList list = WordList.of("client", words, false);
    assertEquals(20_000, list.size());
    PiiScanner scanner = PiiScanner.builder().wordList(list).build();
    assertEquals(Arrays.asList("client19999@7", "CLIENT42@23"),
        texts(scanner, "Bills: client19999 and CLIENT42, client200000 is unknown"));
  }

  @Test
  void contextAndConfidence() {
    WordList list =
        WordList.of("surname", Arrays.asList("Smith"), false)
            .withConfidence(0.4)
            .withContext(Arrays.asList("mr", "mrs", "dear"), 0.3);
    PiiScanner scanner = PiiScanner.builder().wordList(list).build();
    assertTrue(scanner.scan("a smith forges").isEmpty());
    assertEquals(1, scanner.scan("Dear Mrs. Smith,").size());
  }

  @Test
  void blankWordsAreIgnored() {
    WordList list = WordList.of("x", Arrays.asList("", "  ", null, " ok "), true);
    assertEquals(1, list.size());
    assertEquals(Arrays.asList("ok@2"), texts(PiiScanner.builder().wordList(list).build(), "a ok b"));
  }

  @Test
  void automatonFindsOverlappingWords() {
    AhoCorasick ac = new AhoCorasick(Arrays.asList("he", "she", "his", "hers"), false);
    List<String> matches = new ArrayList<>();
    String text = "ushers";
    ac.scan(text, (s, e) -> matches.add(text.substring(s, e)));
    assertEquals(Arrays.asList("she", "he", "hers"), matches);
  }
}
