package dev.airlock.agent.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.codec.Usage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PriceTableTest {

  private static final PriceTable TABLE = PriceTable.builtIn();

  @Test
  void builtInIsLoadedOnceAndDated() {
    assertSame(TABLE, PriceTable.builtIn());
    assertEquals("2025-12-01", TABLE.asOf());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o1", "o1-mini", "o3", "o3-mini", "o4-mini",
    "gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-3.5-turbo", "text-embedding-3-small", "text-embedding-3-large",
    "text-embedding-ada-002",
    "claude-3-haiku", "claude-3-5-haiku", "claude-3-5-sonnet", "claude-3-7-sonnet", "claude-sonnet-4", "claude-sonnet-4-5",
    "claude-opus-4", "claude-opus-4-1", "claude-haiku-4-5",
    "gemini-1.5-flash", "gemini-1.5-pro", "gemini-2.0-flash", "gemini-2.0-flash-lite", "gemini-2.5-flash",
    "gemini-2.5-flash-lite", "gemini-2.5-pro",
    "mistral-large", "mistral-medium", "mistral-small", "codestral", "open-mistral-nemo", "ministral-8b"
  })
  void everyMajorModelIsPriced(String model) {
    Price p = TABLE.find(model);
    assertNotNull(p, model);
    assertTrue(p.input() > 0, model);
  }

  @Test
  void listPrices() {
    assertEquals(Price.of(2.50, 10.00).withCachedInput(1.25), TABLE.find("gpt-4o"));
    assertEquals(Price.of(0.15, 0.60).withCachedInput(0.075), TABLE.find("gpt-4o-mini"));
    assertEquals(Price.of(3.00, 15.00).withCachedInput(0.30).withCacheWrite(3.75), TABLE.find("claude-sonnet-4"));
    assertEquals(Price.of(0.30, 2.50).withCachedInput(0.03), TABLE.find("gemini-2.5-flash"));
    assertEquals(0.0, TABLE.find("text-embedding-3-small").output());
  }

  @Test
  void anthropicCacheWritesAreOneAndAQuarterTimesInput() {
    // Haiku 3 is published rounded to the cent: $0.30 write, $0.03 read for $0.25 input.
    assertEquals(Price.of(0.25, 1.25).withCachedInput(0.03).withCacheWrite(0.30), TABLE.find("claude-3-haiku"));
    for (String m : new String[] {"claude-3-5-haiku", "claude-3-5-sonnet", "claude-3-7-sonnet", "claude-sonnet-4",
        "claude-sonnet-4-5", "claude-opus-4", "claude-opus-4-1", "claude-opus-4-5", "claude-haiku-4-5"}) {
      Price p = TABLE.find(m);
      assertEquals(p.input() * 1.25, p.cacheWrite(), 1e-9, m);
      assertEquals(p.input() * 0.10, p.cachedInput(), 1e-9, m);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "gpt-4o-2024-08-06, gpt-4o",
    "gpt-4o-mini-2024-07-18, gpt-4o-mini",
    "GPT-4o, gpt-4o",
    "gpt-4.1-nano-2025-04-14, gpt-4.1-nano",
    "o3-mini-2025-01-31, o3-mini",
    "o1-2024-12-17, o1",
    "gpt-5-2025-08-07, gpt-5",
    "gpt-5-mini-2025-08-07, gpt-5-mini",
    "gpt-5-chat-latest, gpt-5",
    "gpt-3.5-turbo-0125, gpt-3.5-turbo",
    "openai/gpt-4o, gpt-4o",
    "claude-3-5-haiku-20241022, claude-3-5-haiku",
    "claude-3-5-haiku-latest, claude-3-5-haiku",
    "claude-3-haiku-20240307, claude-3-haiku",
    "claude-3-7-sonnet-latest, claude-3-7-sonnet",
    "claude-sonnet-4-20250514, claude-sonnet-4",
    "claude-opus-4-1-20250805, claude-opus-4-1",
    "claude-opus-4-5-20251101, claude-opus-4-5",
    "claude-haiku-4-5-20251001, claude-haiku-4-5",
    "anthropic.claude-3-5-sonnet-20241022-v2:0, claude-3-5-sonnet",
    "us.anthropic.claude-3-7-sonnet-20250219-v1:0, claude-3-7-sonnet",
    "claude-3-5-sonnet-v2@20241022, claude-3-5-sonnet",
    "models/gemini-2.0-flash, gemini-2.0-flash",
    "gemini-2.0-flash-001, gemini-2.0-flash",
    "gemini-2.0-flash-lite-001, gemini-2.0-flash-lite",
    "publishers/google/models/gemini-1.5-pro-002, gemini-1.5-pro",
    "gemini-1.5-flash-8b-001, gemini-1.5-flash-8b",
    "gemini-2.5-flash-preview-05-20, gemini-2.5-flash",
    "gemini-2.5-flash-lite-preview-06-17, gemini-2.5-flash-lite",
    "mistral-large-2411, mistral-large",
    "mistral-large-latest, mistral-large",
    "mistral-small-2503, mistral-small",
    "codestral-2501, codestral",
    "open-mistral-nemo-2407, open-mistral-nemo",
    "ministral-8b-latest, ministral-8b",
  })
  void spellingsResolveToTheirModel(String seen, String priced) {
    assertNotNull(TABLE.find(priced), priced);
    assertSame(TABLE.find(priced), TABLE.find(seen), seen);
  }

  @Test
  void prefixPitfalls() {
    // A more specific model must never fall back to a cheaper or pricier sibling.
    assertEquals(0.15, TABLE.find("gpt-4o-mini").input());
    assertEquals(0.15, TABLE.find("gpt-4o-mini-2024-07-18").input());
    assertEquals(20.00, TABLE.find("o3-pro").input());
    assertEquals(20.00, TABLE.find("o3-pro-2025-06-10").input());
    assertEquals(150.00, TABLE.find("o1-pro").input());
    assertEquals(15.00, TABLE.find("gpt-5-pro").input());
    assertEquals(5.00, TABLE.find("claude-opus-4-5").input(), "not claude-opus-4");
    assertEquals(0.0375, TABLE.find("gemini-1.5-flash-8b").input(), "not gemini-1.5-flash");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "gpt-4o-mini-realtime-preview", "o4-mini-deep-research", "gpt-4o-transcribe", "gpt-3.5-turbo-instruct", "gpt-5.1", "gpt-4",
    "gpt-4-turbo", "llama-3.1-70b", "mixtral-8x7b", "gemini-3-pro-preview", "claude-2.1", "text-embedding-3",
    "ft:gpt-4o-mini-2024-07-18:acme::AbC123", "", "   ", "models/", "-", "gemini-2.0-flash-exp-lite",
    "gpt-5-codex-mini", "gemini-2.5-flash-image-preview"
  })
  void unknownOrDifferentlyPricedModelsAreNotGuessed(String model) {
    assertNull(TABLE.find(model), model);
    assertTrue(Double.isNaN(TABLE.costUsd(model, Usage.of(10, 10, 0, 0, 0))));
  }

  @Test
  void nullModelAndNullUsage() {
    assertNull(TABLE.find(null));
    assertTrue(Double.isNaN(TABLE.costUsd(null, Usage.of(1, 1, 0, 0, 0))));
    assertTrue(Double.isNaN(TABLE.costUsd("gpt-4o", null)));
  }

  @Test
  void lookupsAreCached() {
    Price first = TABLE.find("gpt-4o-2024-11-20");
    assertSame(first, TABLE.find("gpt-4o-2024-11-20"));
    assertNull(TABLE.find("no-such-model-x"));
    assertNull(TABLE.find("no-such-model-x"), "cached misses stay misses");
  }

  @Test
  void overridesWin() {
    Map<String, Price> policy = new HashMap<>();
    policy.put("GPT-4o", Price.of(1.0, 2.0));
    policy.put("my-finetune", Price.of(0.5, 0.5));
    policy.put("ft:gpt-4o-mini-2024-07-18:acme::AbC123", Price.of(0.30, 1.20));
    PriceTable t = TABLE.withOverrides(policy);
    assertEquals(Price.of(1.0, 2.0), t.find("gpt-4o"));
    assertEquals(Price.of(1.0, 2.0), t.find("gpt-4o-2024-08-06"), "dated ids follow the override");
    assertEquals(0.15, t.find("gpt-4o-mini").input(), "a sibling keeps its built-in price");
    assertEquals(Price.of(0.5, 0.5), t.find("my-finetune"));
    assertEquals(Price.of(0.30, 1.20), t.find("ft:gpt-4o-mini-2024-07-18:acme::AbC123"));
    assertEquals(2.50, TABLE.find("gpt-4o").input(), "the built-in table is untouched");
    assertEquals("2025-12-01", t.asOf());
    assertSame(TABLE, TABLE.withOverrides(null));
    assertSame(TABLE, TABLE.withOverrides(Collections.emptyMap()));
    assertThrows(IllegalArgumentException.class, () -> TABLE.withOverrides(Collections.singletonMap("x", null)));
  }

  @Test
  void costWithOpenAiCachedInput() {
    // 1M input of which 400k cached, 100k output on gpt-4o: 600k*2.50 + 400k*1.25 + 100k*10 = 1.5 + 0.5 + 1.0
    assertEquals(3.0, TABLE.costUsd("gpt-4o-2024-08-06", Usage.of(1_000_000, 100_000, 400_000, 0, 0)), 1e-12);
  }

  @Test
  void costWithAnthropicCacheReadsAndWrites() {
    // 10k input = 2k uncached + 6k read + 2k written; 1k output on Sonnet 4:
    // 2000*3 + 6000*0.30 + 2000*3.75 + 1000*15 = 6000 + 1800 + 7500 + 15000 = 30300 / 1e6
    assertEquals(0.0303, TABLE.costUsd("claude-sonnet-4-20250514", Usage.of(10_000, 1_000, 6_000, 2_000, 0)), 1e-12);
  }

  @Test
  void costWithGeminiThinking() {
    // output includes thinking tokens and is all billed at the output price
    assertEquals((4120 - 4096) * 0.30 / 1e6 + 4096 * 0.03 / 1e6 + 770 * 2.50 / 1e6,
        TABLE.costUsd("gemini-2.5-flash", Usage.of(4120, 770, 4096, 0, 732)), 1e-12);
  }

  @Test
  void costWithoutCachePricesFallsBackToInputPrice() {
    Price p = Price.of(2.0, 6.0);
    assertEquals(2.0, p.cachedInput());
    assertEquals(2.0, p.cacheWrite());
    assertEquals((1000 * 2.0 + 500 * 6.0) / 1e6, p.costUsd(Usage.of(1000, 500, 300, 200, 0)), 1e-12);
    assertEquals(0.0, p.costUsd(Usage.of(0, 0, 0, 0, 0)));
  }

  @Test
  void inconsistentUsageNeverGoesNegative() {
    // Cache counts larger than the input (a provider bug) must not produce a credit.
    Price p = Price.of(1.0, 1.0).withCachedInput(0.5);
    assertEquals(100 * 0.5 / 1e6, p.costUsd(Usage.of(10, 0, 100, 0, 0)), 1e-15);
  }

  @Test
  void pricesAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> Price.of(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> Price.of(1, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Price.of(1, 1).withCachedInput(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> Price.of(1, 1).withCacheWrite(-0.1));
  }

  @Test
  void malformedTablesAreRefused() {
    assertThrows(java.io.IOException.class, () -> PriceTable.load(stream("{}")));
    assertThrows(java.io.IOException.class, () -> PriceTable.load(stream("{\"models\":{\"x\":{\"input\":1}}}")));
    PriceTable t = assertDoesNotThrowLoad("{\"models\":{\"X-Model\":{\"input\":1,\"output\":2,\"cacheWrite\":3}}}");
    assertEquals(Price.of(1, 2).withCacheWrite(3), t.find("x-model"));
    assertNull(t.asOf());
  }

  private static PriceTable assertDoesNotThrowLoad(String json) {
    try {
      return PriceTable.load(stream(json));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ByteArrayInputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
