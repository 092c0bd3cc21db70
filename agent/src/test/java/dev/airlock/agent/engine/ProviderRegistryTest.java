package dev.airlock.agent.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.WireFormat;
import dev.airlock.agent.policy.PipelineStates;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

  private final ProviderRegistry builtins = PipelineStates.observeOnly().registry();

  @Test
  void builtInHostsAreLlmCalls() {
    assertEquals(Endpoint.OPENAI_CHAT, builtins.match("api.openai.com", 443, "/v1/chat/completions").endpoint());
    assertEquals(Endpoint.ANTHROPIC_MESSAGES, builtins.match("api.anthropic.com", 443, "/v1/messages").endpoint());
    assertEquals("gcp.gemini", builtins.match("generativelanguage.googleapis.com", 443,
        "/v1beta/models/gemini-2.0-flash:generateContent").provider().semconvProviderName());
    assertEquals("mistral", builtins.match("api.mistral.ai", 443, "/v1/chat/completions").provider().providerName());
    assertEquals("groq", builtins.match("api.groq.com", 443, "/openai/v1/chat/completions").provider().providerName());
  }

  @Test
  void azureResourceHostsMatchBySuffix() {
    ProviderMatch m = builtins.match("acme-eu.openai.azure.com", 443,
        "/openai/deployments/gpt-4o/chat/completions");
    assertEquals("azure-openai", m.provider().providerName());
    assertEquals(Endpoint.OPENAI_CHAT, m.endpoint());
    assertTrue(builtins.isCandidateHost("acme-eu.openai.azure.com"));
  }

  @Test
  void otherHostsAndOtherPathsAreNot() {
    assertFalse(builtins.isCandidateHost("example.com"));
    assertNull(builtins.match("example.com", 443, "/v1/chat/completions"));
    assertNull(builtins.match("api.openai.com", 443, "/v1/models"), "listing models is no LLM call");
    assertNull(builtins.match("openai.azure.com.evil.example", 443, "/openai/deployments/x/chat/completions"));
    assertFalse(builtins.isCandidateHost("localhost"));
  }

  @Test
  void hostCaseDoesNotMatter() {
    assertTrue(builtins.isCandidateHost("API.OpenAI.com"));
    assertEquals(Endpoint.OPENAI_CHAT, builtins.match("API.OpenAI.com", 443, "/v1/chat/completions").endpoint());
  }

  @Test
  void twoProvidersOnOneHostAreToldApartByPortAndPath() {
    ProviderRegistry registry = ProviderRegistry.of(List.of(
        endpoint("mock-openai", WireFormat.OPENAI, 8080, "/v1"),
        endpoint("mock-anthropic", WireFormat.ANTHROPIC, 8080, "")));
    assertEquals("mock-openai", registry.match("127.0.0.1", 8080, "/v1/chat/completions").provider().providerName());
    assertEquals("mock-anthropic", registry.match("127.0.0.1", 8080, "/v1/messages").provider().providerName());
    assertNull(registry.match("127.0.0.1", 9090, "/v1/chat/completions"), "another port is another server");
    assertNull(registry.match("127.0.0.1", 8080, "/health"));
  }

  private static ProviderEndpoint endpoint(String name, WireFormat format, int port, String basePath) {
    return ProviderEndpoint.builder().providerName(name).semconvProviderName(name).format(format)
        .host("127.0.0.1").port(port).basePath(basePath).build();
  }
}
