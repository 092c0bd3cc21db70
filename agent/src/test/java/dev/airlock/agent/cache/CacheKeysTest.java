package dev.airlock.agent.cache;

import static dev.airlock.agent.cache.CacheFixtures.json;
import static dev.airlock.agent.cache.CacheFixtures.payload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.codec.Endpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheKeysTest {

  private static final String TARGET = "openai/gpt-4o-mini";

  /** A chat request with everything that matters: messages, tools, response_format, sampling. */
  private static final String CHAT = "{'model':'gpt-4o-mini','temperature':0,'stream':false,"
      + "'messages':[{'role':'system','content':'Be brief.'},{'role':'user','content':'Capital of France?'}],"
      + "'tools':[{'type':'function','function':{'name':'lookup','parameters':{'type':'object','properties':{}}}}],"
      + "'response_format':{'type':'json_object'}}";

  private static CacheKey chat(String body) {
    return CacheKeys.of(Endpoint.OPENAI_CHAT, TARGET, "acme", json(body));
  }

  private static CacheKey base() {
    return chat(CHAT);
  }

  @Test
  void sameRequestGivesTheSameFixedSizeKey() {
    CacheKey a = base();
    CacheKey b = base();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(CacheKey.DIGEST_BYTES, a.digest().length);
    assertEquals(64, a.hex().length());
    assertEquals(a, CacheKey.ofDigest(a.digest()));
  }

  @Test
  void memberOrderWhitespaceEscapesAndNumberSpellingDoNotMatter() {
    String reordered = "{ 'response_format' : {'type':'json_object'},\n 'stream':false, 'temperature':0.0,"
        + "'tools':[{'function':{'parameters':{'properties':{},'type':'object'},'name':'lookup'},'type':'function'}],"
        + "'messages':[{'content':'Be brief.','role':'system'},{'content':'Capital of Fr\\u0061nce?','role':'user'}],"
        + "'model':'gpt-4o-mini'}";
    assertEquals(base(), chat(reordered));
  }

  @Test
  void manyMembersAndNestedObjectsAreOrderedAtEveryDepth() {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      indexes.add(i);
    }
    String sorted = members(indexes);
    Collections.shuffle(indexes, new Random(7));
    String shuffled = members(indexes);
    assertNotEquals(sorted, shuffled);
    assertEquals(chat(sorted), chat(shuffled));
    assertNotEquals(chat(sorted), chat(sorted.replace("'m17':", "'m17x':")));
  }

  /** An object of members m0..m39 in the given order, each holding a small object whose members are reversed. */
  private static String members(List<Integer> order) {
    StringBuilder sb = new StringBuilder("{");
    for (int i : order) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append("'m").append(i).append("':{'z':[{'y':").append(i).append(",'b':'x'}],'a':").append(i % 3 == 0 ? "null" : "true").append('}');
    }
    return sb.append('}').toString();
  }

  @Test
  void nonAsciiTextIsTheSameWrittenOrEscaped() {
    assertEquals(chat("{'city':'Z\u00fcrich \uD83D\uDE42'}"), chat("{'city':'Z\\u00fcrich \\ud83d\\ude42'}"));
    assertNotEquals(chat("{'city':'Z\u00fcrich'}"), chat("{'city':'Zurich'}"));
  }

  @Test
  void longTextIsExactToo() {
    String text = "Policies are YAML files with providers, models, pii, guardrails and budgets. ";
    assertTrue(text.length() >= 64, "long enough for the long-text path");
    // The same text, literal or escaped; and one unit apart: an unpaired surrogate is not '?'.
    assertEquals(chat("{'a':'" + text + "A'}"), chat("{'a':'" + text + "\\u0041'}"));
    assertNotEquals(chat("{'a':'" + text + "?'}"), chat("{'a':'" + text + "\\ud800'}"));
    assertNotEquals(chat("{'a':'" + text + "\\udc00'}"), chat("{'a':'" + text + "\\ud800'}"));
    assertEquals(chat("{'a':'" + text + "\u00fc\uD83D\uDE42'}"), chat("{'a':'" + text + "\\u00fc\\ud83d\\ude42'}"));
    assertNotEquals(chat("{'a':'" + text + "\u0141'}"), chat("{'a':'" + text + "A'}"));
    // A long text and a short one meet in the same form: 64 units either side of the threshold.
    String sixtyThree = text.substring(0, 63);
    assertNotEquals(chat("{'a':'" + sixtyThree + "'}"), chat("{'a':'" + sixtyThree + "x'}"));
    assertEquals(chat("{'a':['" + sixtyThree + "x']}"), chat("{'a':['" + sixtyThree + "\\u0078']}"));
  }

  @Test
  void numbersAreComparedByValue() {
    assertEquals(chat("{'a':0}"), chat("{'a':0.0}"));
    assertEquals(chat("{'a':0}"), chat("{'a':-0.0}"));
    assertEquals(chat("{'a':1}"), chat("{'a':1.00}"));
    assertEquals(chat("{'a':100}"), chat("{'a':1e2}"));
    assertEquals(chat("{'a':100}"), chat("{'a':100.0}"));
    assertEquals(chat("{'a':0.5}"), chat("{'a':5e-1}"));
    assertNotEquals(chat("{'a':1}"), chat("{'a':10}"));
    assertNotEquals(chat("{'a':0.1}"), chat("{'a':0.10000000000000001}"));
    assertNotEquals(chat("{'a':1}"), chat("{'a':'1'}"));
    assertNotEquals(chat("{'a':123456789012345678901234567890}"), chat("{'a':123456789012345678901234567891}"));
  }

  @Test
  void membersThatCannotChangeTheAnswerAreLeftOut() {
    String withNeutral = CHAT.substring(0, CHAT.length() - 1)
        + ",'user':'u-42','safety_identifier':'hash-9','metadata':{'ticket':'T-1'},'store':true,"
        + "'stream_options':{'include_obfuscation':false}}";
    assertEquals(base(), chat(withNeutral));
    assertEquals(base(), chat(CHAT.replace("'stream':false,", "'stream':false,'stream_options':{'include_usage':false},")));
  }

  @Test
  void aRequestedUsageChunkChangesTheStreamSoItStaysInTheKey() {
    String streaming = CHAT.replace("'stream':false", "'stream':true");
    String withUsage = streaming.replace("'stream':true", "'stream':true,'stream_options':{'include_usage':true}");
    assertNotEquals(chat(streaming), chat(withUsage));
    // ...while its other options still do not count.
    String withUsageAndMore = streaming.replace("'stream':true",
        "'stream':true,'stream_options':{'include_obfuscation':true,'include_usage':true}");
    assertEquals(chat(withUsage), chat(withUsageAndMore));
  }

  @Test
  void onlyTopLevelMembersAreLeftOut() {
    // A "user" or "metadata" inside the prompt is part of the question.
    String nested = CHAT.replace("'content':'Be brief.'", "'content':'Be brief.','metadata':{'x':1}");
    assertNotEquals(base(), chat(nested));
  }

  @Test
  void storeCountsForTheResponsesApi() {
    byte[] stored = json("{'model':'o4-mini','input':'hi','temperature':0,'store':true}");
    byte[] unstored = json("{'model':'o4-mini','input':'hi','temperature':0,'store':false}");
    assertNotEquals(CacheKeys.of(Endpoint.OPENAI_RESPONSES, TARGET, null, stored),
        CacheKeys.of(Endpoint.OPENAI_RESPONSES, TARGET, null, unstored));
    assertEquals(CacheKeys.of(Endpoint.OPENAI_CHAT, TARGET, null, stored),
        CacheKeys.of(Endpoint.OPENAI_CHAT, TARGET, null, unstored));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "'temperature':0,|'temperature':0.2,",
      "'model':'gpt-4o-mini'|'model':'gpt-4o'",
      "'content':'Capital of France?'|'content':'Capital of Spain?'",
      "'role':'system'|'role':'developer'",
      "'name':'lookup'|'name':'search'",
      "'properties':{}|'properties':{'q':{'type':'string'}}",
      "'response_format':{'type':'json_object'}|'response_format':{'type':'text'}",
      "'stream':false|'stream':true",
      "'stream':false|'stream':false,'seed':7",
      "'stream':false|'stream':false,'n':2",
      "'stream':false|'stream':false,'service_tier':'flex'",
  })
  void everythingElseInTheBodyChangesTheKey(String change) {
    String[] fromTo = change.split("\\|");
    String changed = CHAT.replace(fromTo[0], fromTo[1]);
    assertNotEquals(CHAT, changed, "the fixture must contain " + fromTo[0]);
    assertNotEquals(base(), chat(changed));
  }

  @Test
  void tenantTargetEndpointAndVariantSeparateAnswers() {
    byte[] body = json(CHAT);
    CacheKey acme = CacheKeys.of(Endpoint.OPENAI_CHAT, TARGET, "acme", body);
    Set<CacheKey> keys = new HashSet<>();
    keys.add(acme);
    keys.add(CacheKeys.of(Endpoint.OPENAI_CHAT, TARGET, "globex", body));
    keys.add(CacheKeys.of(Endpoint.OPENAI_CHAT, TARGET, null, body));
    keys.add(CacheKeys.of(Endpoint.OPENAI_CHAT, TARGET, "", body));
    keys.add(CacheKeys.of(Endpoint.OPENAI_CHAT, "eu-llama/gpt-4o-mini", "acme", body));
    keys.add(CacheKeys.of(Endpoint.OPENAI_CHAT, "openai/gpt-4o", "acme", body));
    keys.add(CacheKeys.of(Endpoint.OPENAI_COMPLETIONS, TARGET, "acme", body));
    keys.add(CacheKeys.of(Endpoint.OPENAI_CHAT, TARGET, "acme", "alt=sse", body));
    keys.add(CacheKeys.of(Endpoint.OPENAI_CHAT, TARGET, "acme", "", body));
    assertEquals(9, keys.size(), "every one of these must have its own key");
  }

  @Test
  void headerFieldsCannotRunTogether() {
    byte[] body = json("{}");
    assertNotEquals(CacheKeys.of(Endpoint.OPENAI_CHAT, "a", "bc", body), CacheKeys.of(Endpoint.OPENAI_CHAT, "ab", "c", body));
    assertNotEquals(CacheKeys.of(Endpoint.OPENAI_CHAT, "a", null, "b", body),
        CacheKeys.of(Endpoint.OPENAI_CHAT, "a", "b", null, body));
  }

  @Test
  void valuesCannotRunTogether() {
    assertNotEquals(chat("{'a':['ab','c']}"), chat("{'a':['a','bc']}"));
    assertNotEquals(chat("{'a':[['x'],'y']}"), chat("{'a':[['x','y']]}"));
    assertNotEquals(chat("{'a':{'b':'c'}}"), chat("{'a':{'bc':''}}"));
    assertNotEquals(chat("{'a':null}"), chat("{'a':'null'}"));
    assertNotEquals(chat("{'a':true}"), chat("{'a':'true'}"));
    assertNotEquals(chat("{'a':[]}"), chat("{'a':{}}"));
    assertNotEquals(chat("{'a':'\\ud800'}"), chat("{'a':'\\ud801'}"));
    // Characters beyond ASCII are not cut to a byte: U+0141 is not 'A' (0x41), U+0100 is not U+0000.
    assertNotEquals(chat("{'a':'\u0141'}"), chat("{'a':'A'}"));
    assertNotEquals(chat("{'a':'x\u0100'}"), chat("{'a':'x\\u0000'}"));
  }

  @Test
  void anthropicMetadataIsLeftOutButNotItsOtherMembers() {
    byte[] request = payload("anthropic/messages-request.json");
    String text = new String(request, java.nio.charset.StandardCharsets.UTF_8);
    String otherUser = text.replace("\"team-42\"", "\"team-7\"");
    String otherTopK = text.replace("\"top_k\": 40", "\"top_k\": 41");
    assertNotEquals(text, otherUser);
    assertNotEquals(text, otherTopK);
    CacheKey key = CacheKeys.of(Endpoint.ANTHROPIC_MESSAGES, "anthropic/claude", null, request);
    assertNotNull(key);
    assertEquals(key, CacheKeys.of(Endpoint.ANTHROPIC_MESSAGES, "anthropic/claude", null, CacheFixtures.utf8(otherUser)));
    assertNotEquals(key, CacheKeys.of(Endpoint.ANTHROPIC_MESSAGES, "anthropic/claude", null, CacheFixtures.utf8(otherTopK)));
    // "user" is not an Anthropic member that is left out: only OpenAI's is.
    byte[] a = json("{'model':'m','user':'x','messages':[]}");
    byte[] b = json("{'model':'m','user':'y','messages':[]}");
    assertNotEquals(CacheKeys.of(Endpoint.ANTHROPIC_MESSAGES, "t", null, a), CacheKeys.of(Endpoint.ANTHROPIC_MESSAGES, "t", null, b));
    assertEquals(CacheKeys.of(Endpoint.OPENAI_CHAT, "t", null, a), CacheKeys.of(Endpoint.OPENAI_CHAT, "t", null, b));
  }

  @Test
  void geminiKeepsEveryMember() {
    byte[] a = json("{'contents':[{'parts':[{'text':'hi'}]}],'metadata':{'a':1},'generationConfig':{'temperature':0}}");
    byte[] b = json("{'contents':[{'parts':[{'text':'hi'}]}],'metadata':{'a':2},'generationConfig':{'temperature':0}}");
    assertNotEquals(CacheKeys.of(Endpoint.GEMINI_GENERATE_CONTENT, "google/gemini", null, a),
        CacheKeys.of(Endpoint.GEMINI_GENERATE_CONTENT, "google/gemini", null, b));
  }

  @Test
  void theBodyIsNotChanged() {
    byte[] body = json(CHAT.replace("'stream':false", "'stream':false,'user':'u'"));
    byte[] copy = body.clone();
    CacheKeys.of(Endpoint.OPENAI_CHAT, TARGET, null, body);
    assertArrayEquals(copy, body);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "[{}]", "'text'", "42", "null", "{'a':1", "{'a':1} {'b':2}", "{'a':1}x",
      "{'a':1,'a':2}", "{'a':{'b':1,'b':1}}", "{'b':1,'a':2,'b':3}", "{'m':[{'x':1,'y':2,'x':3}]}",
      "{'stream_options':{'include_usage':true},'stream_options':{}}",
      "{'k0':0,'k1':1,'k2':2,'k3':3,'k4':4,'k5':5,'k6':6,'k7':7,'k8':8,'k9':9,'k10':0,'k11':1,'k12':2,'k13':3,"
          + "'k14':4,'k15':5,'k16':6,'k17':7,'k3':8}"})
  void aBodyThatIsNotOneUnambiguousObjectHasNoKey(String body) {
    assertNull(chat(body), body);
  }

  @Test
  void aRepeatedMemberThatIsLeftOutAnywayDoesNotMatter() {
    assertEquals(base(), chat(CHAT.replace("'stream':false", "'stream':false,'user':'a','user':'b'")));
  }

  @Test
  void nullBodyHasNoKeyAndEndpointAndTargetAreRequired() {
    assertNull(CacheKeys.of(Endpoint.OPENAI_CHAT, TARGET, null, null));
    assertThrows(NullPointerException.class, () -> CacheKeys.of(null, TARGET, null, json("{}")));
    assertThrows(NullPointerException.class, () -> CacheKeys.of(Endpoint.OPENAI_CHAT, null, null, json("{}")));
  }

  @Test
  void queryVariantSortsParametersAndDropsTheApiKey() {
    assertEquals("alt=sse", CacheKeys.queryVariant("key=SECRET&alt=sse"));
    assertEquals("alt=sse", CacheKeys.queryVariant("?alt=sse&key=OTHER"));
    assertEquals("alt=sse&api-version=2024-10-21", CacheKeys.queryVariant("api-version=2024-10-21&alt=sse"));
    assertNull(CacheKeys.queryVariant("key=SECRET"));
    assertNull(CacheKeys.queryVariant(""));
    assertNull(CacheKeys.queryVariant(null));
    assertTrue(CacheKeys.queryVariant("keyword=x").contains("keyword"));
  }

  @Test
  void toStringShowsOnlyAShortDigestPrefix() {
    CacheKey key = base();
    assertEquals("CacheKey{" + key.hex().substring(0, 12) + "}", key.toString());
    assertThrows(IllegalArgumentException.class, () -> CacheKey.ofDigest(new byte[31]));
  }
}
