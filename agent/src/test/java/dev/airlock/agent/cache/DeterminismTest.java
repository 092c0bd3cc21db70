package dev.airlock.agent.cache;

import static dev.airlock.agent.cache.CacheFixtures.json;
import static dev.airlock.agent.cache.CacheFixtures.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.LlmRequest;
import dev.airlock.agent.codec.RequestCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "OPENAI_CHAT        | {'model':'m','messages':[],'temperature':0}                      | true",
      "OPENAI_CHAT        | {'model':'m','messages':[],'temperature':0.0}                    | true",
      "OPENAI_CHAT        | {'model':'m','messages':[],'temperature':0.7}                    | false",
      "OPENAI_CHAT        | {'model':'m','messages':[],'temperature':1,'seed':42}            | true",
      "OPENAI_CHAT        | {'model':'m','messages':[],'seed':0}                             | true",
      "OPENAI_CHAT        | {'model':'m','messages':[]}                                      | false",
      "OPENAI_CHAT        | {'model':'m','messages':[],'temperature':'0'}                    | false",
      "OPENAI_CHAT        | {'model':'m','messages':[],'top_p':0}                            | false",
      "OPENAI_COMPLETIONS | {'model':'m','prompt':'x','temperature':0}                       | true",
      "OPENAI_RESPONSES   | {'model':'m','input':'x','temperature':0}                        | true",
      "OPENAI_RESPONSES   | {'model':'m','input':'x'}                                        | false",
      "OPENAI_EMBEDDINGS  | {'model':'m','input':'x'}                                        | true",
      "ANTHROPIC_MESSAGES | {'model':'m','max_tokens':10,'messages':[],'temperature':0}      | true",
      "ANTHROPIC_MESSAGES | {'model':'m','max_tokens':10,'messages':[],'temperature':0.3}    | false",
      "ANTHROPIC_MESSAGES | {'model':'m','max_tokens':10,'messages':[]}                      | false",
      "GEMINI_GENERATE_CONTENT        | {'contents':[],'generationConfig':{'temperature':0}}  | true",
      "GEMINI_GENERATE_CONTENT        | {'contents':[],'generation_config':{'temperature':0}} | true",
      "GEMINI_GENERATE_CONTENT        | {'contents':[],'generationConfig':{'seed':7}}         | true",
      "GEMINI_GENERATE_CONTENT        | {'contents':[],'generationConfig':{'temperature':1}}  | false",
      "GEMINI_GENERATE_CONTENT        | {'contents':[],'temperature':0}                       | false",
      "GEMINI_STREAM_GENERATE_CONTENT | {'contents':[],'generationConfig':{'temperature':0}}  | true",
      "GEMINI_STREAM_GENERATE_CONTENT | {'contents':[]}                                       | false",
  })
  void perFormat(Endpoint endpoint, String body, boolean expected) {
    assertEquals(expected, Determinism.isDeterministic(endpoint, json(body)), "from the body");
    LlmRequest parsed = RequestCodec.parse(endpoint, "/v1beta/models/gemini-2.0-flash:generateContent", json(body));
    assertEquals(expected, Determinism.isDeterministic(parsed), "from the parsed request");
  }

  @Test
  void recordedRequests() {
    // Anthropic's fixture samples at 0.3; Gemini's sets a seed; the embeddings request sets neither.
    assertFalse(Determinism.isDeterministic(Endpoint.ANTHROPIC_MESSAGES, payload("anthropic/messages-request.json")));
    assertTrue(Determinism.isDeterministic(Endpoint.GEMINI_GENERATE_CONTENT, payload("gemini/generate-request.json")));
    assertTrue(Determinism.isDeterministic(Endpoint.OPENAI_EMBEDDINGS, payload("openai/embeddings-request.json")));
  }

  @Test
  void unreadableOrMissingIsNotDeterministic() {
    assertFalse(Determinism.isDeterministic(Endpoint.OPENAI_CHAT, json("{'temperature':0")));
    assertFalse(Determinism.isDeterministic(Endpoint.OPENAI_CHAT, null));
    assertFalse(Determinism.isDeterministic(null, json("{'temperature':0}")));
    assertFalse(Determinism.isDeterministic((LlmRequest) null));
  }

  @Test
  void whenSettingDecidesAdmission() {
    LlmRequest sampled = RequestCodec.parse(Endpoint.OPENAI_CHAT, null, json("{'model':'m','temperature':0.9}"));
    LlmRequest greedy = RequestCodec.parse(Endpoint.OPENAI_CHAT, null, json("{'model':'m','temperature':0}"));
    assertFalse(ExactCacheConfig.When.DETERMINISTIC.admits(sampled));
    assertTrue(ExactCacheConfig.When.DETERMINISTIC.admits(greedy));
    assertTrue(ExactCacheConfig.When.ALWAYS.admits(sampled));
    assertTrue(ExactCacheConfig.When.ALWAYS.admits(greedy));
    assertFalse(ExactCacheConfig.When.ALWAYS.admits(null));
  }
}
