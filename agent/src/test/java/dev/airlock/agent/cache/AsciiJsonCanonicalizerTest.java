package dev.airlock.agent.cache;

import static dev.airlock.agent.cache.CacheFixtures.json;
import static dev.airlock.agent.cache.CacheFixtures.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.bench.BenchFixtures;
import dev.airlock.agent.codec.Endpoint;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level reader gives exactly the key the parser gives, or declines: keys must not change
 * with the way they are computed (a shared tier holds them across restarts and versions).
 */
class AsciiJsonCanonicalizerTest {

  private static final String TARGET = "openai/gpt-4o-mini";

  @Test
  void keysAreThoseOfEarlierVersions() {
    // Computed by the parser-only derivation (before this reader existed): a key format change
    // must bump CacheKeys.FORMAT, never silently change these. (The two benchmark requests' values
    // were recomputed when their last message's padding changed from dots to words; the test below
    // checks that both derivations agree on those bodies.)
    String chat = "{'model':'gpt-4o-mini','temperature':0,'stream':false,"
        + "'messages':[{'role':'system','content':'Be brief.'},{'role':'user','content':'Capital of France?'}],"
        + "'tools':[{'type':'function','function':{'name':'lookup','parameters':{'type':'object','properties':{}}}}],"
        + "'response_format':{'type':'json_object'}}";
    assertEquals("1262240226400c20a1a42cd9c33ab25d5956fab4cdaee97d3e4e8e8b52d59be5",
        CacheKeys.of(Endpoint.OPENAI_CHAT, TARGET, "acme", json(chat)).hex());
    assertEquals("8e7a9975461fc4860c60f75df3d58efe3069bb3e2a4e78570ee7e8e418270a67",
        CacheKeys.of(Endpoint.OPENAI_CHAT, "eu-llama/llama-3.3-70b", null, BenchFixtures.chatRequest(false, false)).hex());
    assertEquals("337020e2ba6bb0b497c7f0b13be141d5766c246afbe3521157babfc9e5d391f0",
        CacheKeys.of(Endpoint.OPENAI_CHAT, "eu-llama/llama-3.3-70b", null, BenchFixtures.chatRequest(true, true)).hex());
  }

  @Test
  void plainBodiesAreTakenAndGiveTheParsersKey() {
    for (byte[] body : Arrays.asList(BenchFixtures.chatRequest(false, false), BenchFixtures.chatRequest(true, true),
        json("{}"), json(" {'a' : [ 1 , -0 , 0.50 , 1e2 , -2E-3 , true , false , null , {} , [] ] }\n"))) {
      CanonicalJson out = new CanonicalJson(64);
      assertTrue(AsciiJsonCanonicalizer.write(Endpoint.OPENAI_CHAT, body, out), new String(body, StandardCharsets.UTF_8));
      assertSameKeyEitherWay(Endpoint.OPENAI_CHAT, body);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"{'a':'caf\u00e9'}", "{'a':'a\\\\nb'}", "{'a':'\\u0041'}", "{'a':01}", "{'a':1.}", "{'a':.5}",
      "{'a':+1}", "{'a':tru}", "{'a':truex}", "{'a':1x}", "{'a':NaN}", "{'a':1,}", "{,}", "{'a' 1}", "{'a':1}{}",
      "{'a':1} x", "[]", "", "  ", "{'a':[1,]}", "{'a':'x}", "{'a':1,'a':2}", "{a:1}", "{'a':\u0001}",
      "{'stream_options':{},'stream_options':{}}", "{'a':123456789012345678901234567890123456789012345678901234567890123456789}"})
  void anythingElseIsDeclinedAndLeftToTheParser(String body) {
    byte[] bytes = json(body);
    CanonicalJson out = new CanonicalJson(64);
    out.text("header");
    int mark = out.length();
    assertFalse(AsciiJsonCanonicalizer.write(Endpoint.OPENAI_CHAT, bytes, out), body);
    assertEquals(mark, out.length(), "a declined body leaves nothing behind");
    assertSameKeyEitherWay(Endpoint.OPENAI_CHAT, bytes);
  }

  @Test
  void deepNestingIsDeclined() {
    StringBuilder deep = new StringBuilder("{'a':");
    for (int i = 0; i < 200; i++) {
      deep.append('[');
    }
    for (int i = 0; i < 200; i++) {
      deep.append(']');
    }
    byte[] body = json(deep.append('}').toString());
    assertFalse(AsciiJsonCanonicalizer.write(Endpoint.OPENAI_CHAT, body, new CanonicalJson(64)));
    assertSameKeyEitherWay(Endpoint.OPENAI_CHAT, body);
  }

  @Test
  void recordedRequestsOfEveryDialectGiveTheSameKeyEitherWay() {
    List<String> paths = Arrays.asList("openai/chat-request.json", "openai/chat-request-content-first.json",
        "openai/responses-request.json", "openai/embeddings-request.json", "openai/completions-request.json",
        "anthropic/messages-request.json", "anthropic/messages-request-system-string.json",
        "gemini/generate-request.json", "gemini/generate-request-snake-case.json");
    for (String path : paths) {
      for (Endpoint endpoint : Endpoint.values()) {
        assertSameKeyEitherWay(endpoint, payload(path));
      }
    }
  }

  /**
   * Random bodies from a small grammar that mixes what the reader takes with what it declines
   * (escapes, non-ASCII, odd numbers, repeated and dropped members, stream_options forms, stray
   * bytes): whichever way the key is computed, it is the same (or absent both ways).
   */
  @Test
  void randomBodiesGiveTheSameKeyEitherWay() {
    Random random = new Random(7);
    int taken = 0;
    for (int i = 0; i < 20_000; i++) {
      String body = randomObject(random, 0, true);
      if (random.nextInt(40) == 0) {
        // A stray byte somewhere: most such bodies are not JSON at all.
        int at = random.nextInt(body.length() + 1);
        body = body.substring(0, at) + "x,}]\"\\ 1".charAt(random.nextInt(8)) + body.substring(at);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      Endpoint endpoint = Endpoint.values()[random.nextInt(Endpoint.values().length)];
      if (AsciiJsonCanonicalizer.write(endpoint, bytes, new CanonicalJson(64))) {
        taken++;
      }
      assertSameKeyEitherWay(endpoint, bytes);
    }
    // The grammar mostly writes plain bodies: the comparison is not only about declined ones.
    assertTrue(taken > 5_000, "taken: " + taken);
  }

  private static void assertSameKeyEitherWay(Endpoint endpoint, byte[] body) {
    assertEquals(CacheKeys.ofParsed(endpoint, TARGET, "t", null, body), CacheKeys.of(endpoint, TARGET, "t", null, body),
        () -> new String(body, StandardCharsets.UTF_8));
  }

  private static final String[] NAMES = {"model", "messages", "user", "metadata", "store", "stream", "stream_options",
      "include_usage", "a", "b", "role", "content", "safety_identifier"};
  private static final String[] STRINGS = {"", "hi", "Capital of France?", "tab\\there", "quote\\\"d", "caf\u00e9",
      "\\u00e9", "emoji \ud83d\ude00", "slash\\/", "x".repeat(100), "del\u007f"};
  private static final String[] NUMBERS = {"0", "-0", "1", "10", "512", "-7", "0.2", "0.20", "1e2", "1E+2", "-1.5e-3",
      "100.0", "9223372036854775807", "9223372036854775808", "123456789012345678901234567890", "01", "1.", "-"};
  private static final String[] SPACES = {"", "", "", " ", "\n", "\t", "\r\n  "};

  private static String randomObject(Random random, int depth, boolean root) {
    StringBuilder s = new StringBuilder(space(random)).append('{');
    int n = random.nextInt(root ? 6 : 4);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append(space(random)).append('"').append(NAMES[random.nextInt(NAMES.length)]).append('"').append(space(random))
          .append(':').append(randomValue(random, depth + 1));
    }
    return s.append(space(random)).append('}').append(space(random)).toString();
  }

  private static String randomValue(Random random, int depth) {
    int kind = random.nextInt(depth > 4 ? 6 : 8);
    String v;
    switch (kind) {
      case 0:
      case 1:
        v = '"' + STRINGS[random.nextInt(STRINGS.length)] + '"';
        break;
      case 2:
        v = NUMBERS[random.nextInt(NUMBERS.length)];
        break;
      case 3:
        v = random.nextBoolean() ? "true" : "false";
        break;
      case 4:
        v = "null";
        break;
      case 5:
        v = "true";
        break;
      case 6:
        return randomObject(random, depth, false);
      default:
        StringBuilder a = new StringBuilder("[");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            a.append(',');
          }
          a.append(randomValue(random, depth + 1));
        }
        v = a.append(space(random)).append(']').toString();
        break;
    }
    return space(random) + v + space(random);
  }

  private static String space(Random random) {
    return SPACES[random.nextInt(SPACES.length)];
  }
}
