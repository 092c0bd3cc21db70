package dev.airlock.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuiltinProvidersTest {

  @Test
  void recognizesExactHosts() {
    assertEquals("openai", BuiltinProviders.forHost("api.openai.com").name());
    assertEquals("anthropic", BuiltinProviders.forHost("api.anthropic.com").name());
    assertEquals("gemini", BuiltinProviders.forHost("generativelanguage.googleapis.com").name());
    assertEquals("groq", BuiltinProviders.forHost("api.groq.com").name());
    assertEquals("openrouter", BuiltinProviders.forHost("openrouter.ai").name());
    assertEquals("fireworks", BuiltinProviders.forHost("api.fireworks.ai").name());
  }

  @Test
  void recognizesAzureBySuffix() {
    BuiltinProvider azure = BuiltinProviders.forHost("acme-prod.openai.azure.com");
    assertEquals("azure-openai", azure.name());
    assertEquals(WireFormat.OPENAI, azure.format());
    assertEquals(Optional.empty(), azure.defaultBaseUrl());
    assertTrue(azure.hostIsSuffix());
    assertTrue(azure.matchesHost("x.openai.azure.com"));
    assertFalse(azure.matchesHost("openai.azure.com"));
    // The suffix alone is not a resource host.
    assertNull(BuiltinProviders.forHost("openai.azure.com"));
  }

  @Test
  void otherHostsAreNotLlmTraffic() {
    assertNull(BuiltinProviders.forHost("example.com"));
    assertNull(BuiltinProviders.forHost("api.github.com"));
    assertNull(BuiltinProviders.forHost("openai.com"));
    assertNull(BuiltinProviders.forHost("evil-api.openai.com.attacker.net"));
    assertNull(BuiltinProviders.forHost("localhost"));
    assertNull(BuiltinProviders.forHost(""));
    assertNull(BuiltinProviders.forHost(null));
  }

  @Test
  void hostMatchingIgnoresCaseAndATrailingDot() {
    assertEquals("openai", BuiltinProviders.forHost("API.OpenAI.com").name());
    assertEquals("openai", BuiltinProviders.forHost("api.openai.com.").name());
    assertEquals("azure-openai", BuiltinProviders.forHost("Acme.OpenAI.Azure.com").name());
  }

  @Test
  void tableMatchesTheDesign() {
    Map<String, String> expected = new LinkedHashMap<>();
    // name -> format | default base URL | gen_ai.provider.name
    expected.put("openai", "openai|https://api.openai.com/v1|openai");
    expected.put("anthropic", "anthropic|https://api.anthropic.com|anthropic");
    expected.put("gemini", "gemini|https://generativelanguage.googleapis.com|gcp.gemini");
    expected.put("azure-openai", "openai|-|azure.ai.openai");
    expected.put("mistral", "openai|https://api.mistral.ai/v1|mistral_ai");
    expected.put("groq", "openai|https://api.groq.com/openai/v1|groq");
    expected.put("deepseek", "openai|https://api.deepseek.com|deepseek");
    expected.put("openrouter", "openai|https://openrouter.ai/api/v1|openrouter");
    expected.put("together", "openai|https://api.together.xyz/v1|together_ai");
    expected.put("fireworks", "openai|https://api.fireworks.ai/inference/v1|fireworks_ai");
    expected.put("xai", "openai|https://api.x.ai/v1|x_ai");
    expected.put("perplexity", "openai|https://api.perplexity.ai|perplexity");
    expected.put("cerebras", "openai|https://api.cerebras.ai/v1|cerebras");
    Map<String, String> actual = new LinkedHashMap<>();
    for (BuiltinProvider p : BuiltinProviders.all()) {
      actual.put(
          p.name(),
          p.format().id()
              + "|"
              + p.defaultBaseUrl().map(URI::toString).orElse("-")
              + "|"
              + p.genAiProviderName());
      if (!p.hostIsSuffix()) {
        // Every exact host is found by its own default base URL's host.
        assertSame(p, BuiltinProviders.forHost(p.defaultBaseUrl().get().getHost()));
      }
    }
    assertEquals(expected, actual);
    assertEquals(List.copyOf(expected.keySet()), BuiltinProviders.names());
    assertTrue(BuiltinProviders.isBuiltin("xai"));
    assertFalse(BuiltinProviders.isBuiltin("eu-llama"));
  }
}
