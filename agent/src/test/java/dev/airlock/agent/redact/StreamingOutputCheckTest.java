package dev.airlock.agent.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The release point of a streamed text channel: prose goes out as it arrives, while values split
 * across deltas (and values whose context is still to come) are held until they can be judged
 * whole. The oracle throughout is the same rules applied to the whole text at once.
 */
class StreamingOutputCheckTest {

  /** The example policy's detectors and output rules (secrets masked here, so their text shows). */
  private static final String EXAMPLE = "pii:\n"
      + "  detect: [email, phone, credit_card, iban, us_ssn, ip_address, secret]\n"
      + "  custom:\n"
      + "    - {name: customer_id, pattern: 'CUST-[0-9]{8}'}\n"
      + "    - {name: project, words: ['Project Falcon', 'Blue Harbor Initiative']}\n"
      + "  action: pseudonymize\n"
      + "guardrails:\n  output:\n    pii: mask\n    secrets: mask\n";

  /** Every built-in type (no pii section), secrets blocked, and a deny pattern. */
  private static final String BUILT_INS = "guardrails:\n  output:\n    pii: mask\n    secrets: block\n"
      + "    deny: ['(?i)internal use only']\n";

  private static AnswerCheck check(String yaml) {
    PolicyLoadResult r = PolicyLoader.parse("p.yaml",
        ("airlock: 1\nname: t\n" + yaml).getBytes(StandardCharsets.UTF_8));
    assertTrue(r.ok(), r::toString);
    Policy p = r.policy().get();
    OutputGuard guard = OutputGuard.of(p.guardrails().get(), p.pii().orElse(null));
    return new AnswerCheck(guard, Endpoint.OPENAI_CHAT, Set.of(), false);
  }

  /** What the app gets for the deltas, piece by piece; the last piece is the end-of-stream flush. */
  private static List<String> stream(String yaml, String... deltas) {
    StreamingOutputCheck out = new StreamingOutputCheck(check(yaml));
    List<String> pieces = new ArrayList<>();
    for (String d : deltas) {
      pieces.add(out.feed(d, false));
    }
    pieces.add(out.feed("", true, true));
    return pieces;
  }

  private static String whole(String yaml, String text) {
    return check(yaml).checkText(text);
  }

  @Test
  void theFirstCompleteWordsGoOutWithTheFirstDelta() {
    StreamingOutputCheck out = new StreamingOutputCheck(check(EXAMPLE));
    assertEquals("Hello there, ", out.feed("Hello there, ", false));
    assertEquals("the ", out.feed("the cap", false), "only the unfinished word waits");
    assertEquals("", out.feed("ital", false));
    assertEquals("capital of France is ", out.feed(" of France is Paris", false));
    assertEquals("Paris.", out.feed(".", true));
  }

  @Test
  void theFirstEventOfAStreamReachesTheAppBeforeTheSecondArrives() {
    StreamPseudonymRestorer restorer = new StreamPseudonymRestorer(Endpoint.OPENAI_CHAT, Map.of(), check(EXAMPLE));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String first = "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello there, \"},"
        + "\"finish_reason\":null}]}";
    restorer.onEvent(null, first, ("data: " + first + "\n\n").getBytes(StandardCharsets.UTF_8), out);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"content\":\"Hello there, \""), out::toString);
  }

  @Test
  void proseNeverWaitsMoreThanItsUnfinishedWord() {
    String text = "Hello! The capital of France is Paris. It has been the capital since the tenth century,"
        + " and it is known for its museums, cafes and the river that runs through it.";
    StreamingOutputCheck out = new StreamingOutputCheck(check(EXAMPLE));
    StringBuilder sent = new StringBuilder();
    for (int i = 0; i < text.length(); i += 7) {
      String delta = text.substring(i, Math.min(text.length(), i + 7));
      sent.append(out.feed(delta, false));
      String arrived = text.substring(0, Math.min(text.length(), i + 7));
      int lastSpace = arrived.lastIndexOf(' ');
      assertEquals(arrived.substring(0, lastSpace + 1), sent.toString(), "after " + arrived);
    }
    sent.append(out.feed("", true, true));
    assertEquals(text, sent.toString());
  }

  @Test
  void anEmailSplitAcrossDeltasIsMasked() {
    List<String> pieces = stream(EXAMPLE, "write to jo", "hn.doe@exa", "mple.com now");
    assertEquals(List.of("write to ", "", "[EMAIL] ", "now"), pieces);
  }

  @Test
  void aCardSplitAtAGroupIsMasked() {
    List<String> pieces = stream(EXAMPLE, "Card: 4111 1111 ", "1111 1111", " expires in May next year, thanks.");
    assertEquals("Card: ", pieces.get(0), "the first groups wait for the rest");
    assertEquals("", pieces.get(1));
    assertEquals("Card: [CREDIT_CARD] expires in May next year, thanks.", String.join("", pieces));
  }

  @Test
  void anIbanWithSpacesSplitOverThreeDeltasIsMasked() {
    List<String> pieces = stream(EXAMPLE, "Pay to DE89 3704 ", "0044 0532 ", "0130 00 today.");
    assertEquals("Pay to ", pieces.get(0));
    assertEquals("", pieces.get(1));
    assertEquals("Pay to [IBAN] today.", String.join("", pieces));
    List<String> letters = stream(EXAMPLE, "Pay to GB82 WE", "ST 1234 5698 ", "7654 32 today.");
    assertEquals("Pay to [IBAN] today.", String.join("", letters));
    assertFalse(String.join("", letters.subList(0, 2)).contains("GB82"), letters.toString());
  }

  @Test
  void aPhoneSplitAtAGroupIsMasked() {
    List<String> pieces = stream(EXAMPLE, "Call +44 20 ", "7946 0958", " tomorrow morning before nine.");
    assertEquals("Call ", pieces.get(0));
    assertEquals("Call [PHONE] tomorrow morning before nine.", String.join("", pieces));
  }

  @Test
  void anApiKeySplitAfterItsNameIsMaskedOrBlocked() {
    String[] deltas = {"Set api_key=", "sk-proj-Ab3dE5gH7jK9", "mN1pQ2rS4tU6vW8x and retry."};
    assertEquals("Set api_key=[SECRET] and retry.", String.join("", stream(EXAMPLE, deltas)));

    AnswerCheck blocking = check(BUILT_INS);
    StreamingOutputCheck out = new StreamingOutputCheck(blocking);
    StringBuilder sent = new StringBuilder(out.feed(deltas[0], false));
    assertThrows(StreamingOutputCheck.Blocked.class, () -> sent.append(out.feed(deltas[1], false)));
    assertEquals("guardrails.output.secrets", blocking.blockedRule());
    assertFalse(sent.toString().contains("sk-"), sent.toString());
  }

  @Test
  void aCredentialNameReleasedBeforeItsValueStillCounts() {
    List<String> pieces = stream(EXAMPLE, "Your new password: ", "Tr0ub4dor&3x", " keep it safe.");
    assertEquals("Your new password: ", pieces.get(0), "the name goes out; the value waits");
    assertEquals("Your new password: [SECRET] keep it safe.", String.join("", pieces));
    List<String> quoted = stream(EXAMPLE, "{\"password\": \"correct ", "horse battery ", "staple 9!\"}");
    assertEquals("{\"password\": \"[SECRET]\"}", String.join("", quoted));
    assertFalse(String.join("", quoted.subList(0, 2)).contains("correct"), quoted.toString());
  }

  @Test
  void aPrivateKeyBlockIsHeldUntilItsEndLine() {
    String block = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq0mJ5Hk9yX2vF3pQ8sT1uW4zR6cN0dL\n"
        + "xY3kP9mQ2rS5tV8wZ1aB4cD7eF0gH3iJ6kL9mN2oP5qR8sT1uV\n-----END RSA PRIVATE KEY-----";
    String text = "Here it is:\n" + block + "\nDone.";
    List<String> deltas = new ArrayList<>();
    for (int i = 0; i < text.length(); i += 6) {
      deltas.add(text.substring(i, Math.min(text.length(), i + 6)));
    }
    List<String> pieces = stream(EXAMPLE, deltas.toArray(new String[0]));
    String sent = String.join("", pieces);
    assertEquals("Here it is:\n[SECRET]\nDone.", sent);
  }

  @Test
  void aPhraseSplitAcrossDeltasIsMasked() {
    List<String> pieces = stream(EXAMPLE, "We run Project ", "Fal", "con and the Blue ", "Harbor ", "Initiative now.");
    assertEquals("We run ", pieces.get(0));
    assertEquals("We run [PROJECT] and the [PROJECT] now.", String.join("", pieces));
  }

  @Test
  void aDenyPatternSplitAcrossDeltasBlocksBeforeItsStartGoesOut() {
    AnswerCheck c = check(BUILT_INS);
    StreamingOutputCheck out = new StreamingOutputCheck(c);
    StringBuilder sent = new StringBuilder(out.feed("This is for internal ", false));
    sent.append(out.feed("use ", false));
    assertThrows(StreamingOutputCheck.Blocked.class, () -> out.feed("only.", false));
    assertEquals("This is for ", sent.toString());
  }

  @Test
  void aValueWhoseContextComesAfterItWaitsForThatContext() {
    // Eleven bare digits are a phone number only with a phone word near them, here after them.
    String text = "Reach her on 02079460958 (her office phone) today.";
    assertEquals("Reach her on [PHONE] (her office phone) today.", whole(EXAMPLE, text));
    List<String> pieces = stream(EXAMPLE, "Reach her on 02079460958 ", "(her office ", "phone) today.");
    assertEquals("Reach her on ", pieces.get(0));
    assertEquals(whole(EXAMPLE, text), String.join("", pieces));
  }

  @Test
  void aFindingInReleasedTextIsNeitherMaskedNorSentAgain() {
    StreamingOutputCheck out = new StreamingOutputCheck(check(EXAMPLE));
    assertEquals("Mail [EMAIL] and ", out.feed("Mail ana@example.org and ", false));
    // The address is still read as context, but it is not masked or sent again.
    assertEquals("then ", out.feed("then wait", false));
    assertEquals("wait for a reply.", out.feed(" for a reply.", true));
  }

  @Test
  void aVeryLongTokenIsReleasedInPartAndTheRestAtTheEnd() {
    StreamingOutputCheck out = new StreamingOutputCheck(check(EXAMPLE));
    String token = "ab".repeat(500);
    String first = out.feed(token, false);
    assertEquals(token.length() - StreamingOutputCheck.MAX_HELD, first.length());
    assertEquals(token, first + out.feed("", true));
  }

  /** Random cut points over fixed texts: what the app assembles is what the whole text gives. */
  @Test
  void anySplitGivesTheWholeTextVerdict() {
    String[] texts = {
      "Hello! The capital of France is Paris. Write to john.doe@example.com now.",
      "Card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00 and phone +44 20 7946 0958.",
      "Call 415-555-0132 for the order 123, or (415) 555-0199 about invoice 7; GB82 WEST 1234 5698 7654 32.",
      "My SSN is 078-05-1121 and my ssn again: 536 22 1234 (not 123-45-6789).",
      "password: Tr0ub4dor&3x\napi_key=sk-proj-Ab3dE5gH7jK9mN1pQ2rS4tU6vW8x and token 'aB3xK9pQ2mL7vR4tZ8wY1cN5'.",
      "Ticket CUST-12345678 for Project Falcon; the Blue Harbor Initiative meets at 10.0.0.12 on 5 May 2024.",
      "Reach her on 02079460958 (office phone), not 02079460959 which is an order id.",
      "Use aB3xK9pQ2mL7vR4tZ8wY1cN5 as your new token, and X1234567-L is her NIE.",
      "Log in with {\"user\": \"ana\", \"password\": \"correct horse battery staple 9!\"} and say: \"hi there\".",
      "Key:\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\nThat is all.",
    };
    Random random = new Random(7);
    for (String text : texts) {
      String expected = whole(EXAMPLE, text);
      for (int round = 0; round < 40; round++) {
        List<String> deltas = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
          int next = Math.min(text.length(), at + 1 + random.nextInt(12));
          deltas.add(text.substring(at, next));
          at = next;
        }
        assertEquals(expected, String.join("", stream(EXAMPLE, deltas.toArray(new String[0]))),
            "split " + deltas);
      }
    }
  }
}
