package dev.airlock.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestSpecTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Policy POLICY = policy();

  private static Policy policy() {
    PolicyLoadResult r = PolicyLoader.parse("p.yaml", ("airlock: 1\nname: t\nproviders:\n"
        + "  eu-llama: {format: openai, base_url: 'https://llm.acme.internal/v1'}\n"
        + "  vllm-claude: {format: anthropic, base_url: 'http://10.0.0.7:8000/v1'}\n").getBytes(StandardCharsets.UTF_8));
    assertTrue(r.ok(), r::toString);
    return r.policy().get();
  }

  private static RequestSpec spec(String json) throws Exception {
    return RequestSpec.from(JSON.readTree(json), "r.json");
  }

  private static String url(String json) throws Exception {
    return spec(json).url(POLICY).toString();
  }

  @Test
  void aProviderNameStandsForItsBaseUrlAndTheUsualPath() throws Exception {
    assertEquals("https://api.openai.com/v1/chat/completions", url("{\"provider\": \"openai\", \"body\": {}}"));
    assertEquals("https://api.openai.com/v1/embeddings",
        url("{\"provider\": \"openai\", \"endpoint\": \"openai_embeddings\", \"body\": {}}"));
    assertEquals("https://api.anthropic.com/v1/messages", url("{\"provider\": \"anthropic\", \"body\": {}}"));
    assertEquals("https://llm.acme.internal/v1/chat/completions", url("{\"provider\": \"eu-llama\", \"body\": {}}"));
    assertEquals("http://10.0.0.7:8000/v1/messages", url("{\"provider\": \"vllm-claude\", \"body\": {}}"),
        "a base URL that ends in /v1 gets no second one");
  }

  @Test
  void whatCannotBeDerivedNeedsTheUrl() {
    UsageException gemini = assertThrows(UsageException.class, () -> url("{\"provider\": \"gemini\", \"body\": {}}"));
    assertTrue(gemini.getMessage().contains("give the request's 'url'"), gemini.getMessage());
    UsageException azure = assertThrows(UsageException.class, () -> url("{\"provider\": \"azure-openai\", \"body\": {}}"));
    assertTrue(azure.getMessage().contains("per-customer hosts"), azure.getMessage());
    UsageException wrongApi = assertThrows(UsageException.class,
        () -> url("{\"provider\": \"openai\", \"endpoint\": \"anthropic_messages\", \"body\": {}}"));
    assertTrue(wrongApi.getMessage().contains("is not an API of provider 'openai'"), wrongApi.getMessage());
  }

  @Test
  void mistakesAreNamedWithSuggestions() {
    assertTrue(assertThrows(UsageException.class, () -> url("{\"provider\": \"eu-lama\", \"body\": {}}"))
        .getMessage().contains("did you mean 'eu-llama'?"));
    assertTrue(assertThrows(UsageException.class,
        () -> spec("{\"provider\": \"openai\", \"endpoint\": \"openai_caht\", \"body\": {}}"))
        .getMessage().contains("did you mean 'openai_chat'?"));
    assertThrows(UsageException.class, () -> spec("{\"body\": {}}"));
    assertThrows(UsageException.class, () -> spec("{\"url\": \"https://api.openai.com/v1/chat/completions\"}"));
    assertThrows(UsageException.class, () -> spec("{\"url\": \"api.openai.com/v1\", \"body\": {}}"));
    assertThrows(UsageException.class, () -> spec("{\"url\": \"https://x/v1\", \"endpoint\": \"openai_chat\", \"body\": {}}"));
    assertThrows(UsageException.class, () -> spec("[]"));
  }

  @Test
  void aStringBodyIsSentAsWrittenAndHeaderNamesAreLowerCased() throws Exception {
    RequestSpec s = spec("{\"url\": \"https://api.openai.com/v1/chat/completions\", \"headers\": {\"X-Tenant\": \"a\"},"
        + " \"body\": \"raw\"}");
    assertEquals("raw", new String(s.body(), StandardCharsets.UTF_8));
    assertEquals("a", s.headers().get("x-tenant"));
  }
}
