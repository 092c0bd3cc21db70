package dev.airlock.agent.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.WireFormat;
import dev.airlock.agent.translate.TranslationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How one target's request is built from the application's: address, path, model, headers. */
class TargetRequestsTest {

  private static final byte[] CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
      .getBytes(StandardCharsets.UTF_8);
  private static final byte[] GEMINI = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}"
      .getBytes(StandardCharsets.UTF_8);

  private static AppRequest openAiApp() {
    return new AppRequest("https", "api.openai.com", 443, "/v1/chat/completions",
        Map.of("Authorization", List.of("Bearer sk-app"), "OpenAI-Organization", List.of("org-1"),
            "X-Request-Id", List.of("r1")));
  }

  private static RouteTarget target(String name, WireFormat format, String base, String key) {
    return RouteTarget.builder(name, format).address("https", name + ".example", 443, base).apiKey(key).build();
  }

  @Test
  void anAnthropicBaseUrlWorksWithOrWithoutV1() {
    TargetRequests.Prepared bare = TargetRequests.prepare(target("a", WireFormat.ANTHROPIC, "", "k").withModel("c"),
        "openai", Endpoint.OPENAI_CHAT, "gpt-4o-mini", openAiApp(), CHAT);
    assertEquals("/v1/messages", bare.request.pathAndQuery());
    TargetRequests.Prepared v1 = TargetRequests.prepare(target("a", WireFormat.ANTHROPIC, "/v1", "k").withModel("c"),
        "openai", Endpoint.OPENAI_CHAT, "gpt-4o-mini", openAiApp(), CHAT);
    assertEquals("/v1/messages", v1.request.pathAndQuery());
  }

  @Test
  void aGeminiTargetGetsTheModelInItsPathAndItsKeyInItsHeader() {
    TargetRequests.Prepared prepared = TargetRequests.prepare(
        target("g", WireFormat.GEMINI, "", "gk").withModel("models/gemini-2.5-flash"), "openai", Endpoint.OPENAI_CHAT,
        "gpt-4o-mini", openAiApp(), CHAT);
    assertEquals("/v1beta/models/gemini-2.5-flash:generateContent", prepared.request.pathAndQuery());
    assertEquals("gk", prepared.request.header("x-goog-api-key"));
    assertNull(prepared.request.header("authorization"));
  }

  @Test
  void anotherProviderOfTheSameFormatLosesTheAppsCredentialsButKeepsOtherHeaders() {
    TargetRequests.Prepared prepared = TargetRequests.prepare(target("eu", WireFormat.OPENAI, "/v1", null),
        "openai", Endpoint.OPENAI_CHAT, "gpt-4o-mini", openAiApp(), CHAT);
    assertNull(prepared.request.header("authorization"), "a target without a key gets none");
    assertNull(prepared.request.header("openai-organization"));
    assertEquals("r1", prepared.request.header("x-request-id"));
    assertTrue(prepared.request.credentials().isEmpty());
    assertEquals("eu.example", prepared.request.host());
  }

  @Test
  void theAppsOwnProviderWithAnotherModelKeepsItsUrlAndHeaders() {
    RouteTarget own = RouteTarget.builder("openai", WireFormat.OPENAI).model("gpt-4.1-mini").build();
    TargetRequests.Prepared prepared = TargetRequests.prepare(own, "openai", Endpoint.OPENAI_CHAT, "gpt-4o-mini",
        openAiApp(), CHAT);
    assertEquals("Bearer sk-app", prepared.request.header("authorization"));
    assertEquals("https://api.openai.com:443/v1/chat/completions", prepared.request.url());
    assertTrue(new String(prepared.request.body(), StandardCharsets.UTF_8).contains("\"gpt-4.1-mini\""));
  }

  @Test
  void aGeminiAppKeepsItsQueryOnlyWithItsOwnProvider() {
    AppRequest app = new AppRequest("https", "generativelanguage.googleapis.com", 443,
        "/v1beta/models/gemini-2.0-flash:generateContent?key=app-secret", Map.of());
    RouteTarget own = RouteTarget.builder("gemini", WireFormat.GEMINI).model("gemini-2.5-pro").build();
    TargetRequests.Prepared same = TargetRequests.prepare(own, "gemini", Endpoint.GEMINI_GENERATE_CONTENT,
        "gemini-2.0-flash", app, GEMINI);
    assertEquals("/v1beta/models/gemini-2.5-pro:generateContent?key=app-secret", same.request.pathAndQuery());
    TargetRequests.Prepared other = TargetRequests.prepare(target("g2", WireFormat.GEMINI, "", "k2"), "gemini",
        Endpoint.GEMINI_GENERATE_CONTENT, "gemini-2.0-flash", app, GEMINI);
    assertEquals("/v1beta/models/gemini-2.0-flash:generateContent", other.request.pathAndQuery(),
        "the app's key in the query never goes to another provider");
  }

  @Test
  void aTargetThatNeedsAModelAndHasNoneIsRefused() {
    assertThrows(TranslationException.class, () -> TargetRequests.prepare(target("a", WireFormat.ANTHROPIC, "", "k"),
        "openai", Endpoint.OPENAI_CHAT, null, openAiApp(), CHAT));
  }
}
