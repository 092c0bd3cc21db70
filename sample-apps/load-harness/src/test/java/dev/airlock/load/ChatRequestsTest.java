package dev.airlock.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChatRequestsTest {

  @Test
  void everyCallSendsANewLastMessageOfTheSameSize() {
    byte[] template = ChatRequests.chat("m", false, false, 2048, false);
    ChatRequests.Varied varied = new ChatRequests.Varied(template);
    String base = new String(template, StandardCharsets.UTF_8);
    int lastMessage = base.lastIndexOf("\"content\":\"");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String body = new String(varied.next(), StandardCharsets.UTF_8);
      assertEquals(template.length, body.length());
      assertTrue(seen.add(body), "call " + i + " repeats an earlier body");
      int word = base.lastIndexOf("tracking");
      assertTrue(word > lastMessage, "the word is in the last message");
      assertEquals(base.substring(0, word), body.substring(0, word), "the text before it stays as it is");
      assertEquals(base.substring(word + 8), body.substring(word + 8), "and so does the text after it");
      assertTrue(body.substring(word, word + 8).chars().allMatch(c -> c >= 'a' && c <= 'z'), "letters only");
    }
  }

  @Test
  void aBodyWithNoWordToVaryIsRefused() {
    try {
      new ChatRequests.Varied(ChatRequests.question("m", 1));
      throw new AssertionError("expected a refusal");
    } catch (IllegalArgumentException expected) {
      assertTrue(expected.getMessage().contains("tracking"));
    }
  }
}
