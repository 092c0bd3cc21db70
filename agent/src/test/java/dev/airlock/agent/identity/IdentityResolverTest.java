package dev.airlock.agent.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.LlmRequest;
import dev.airlock.agent.codec.RequestCodec;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {

  private static IdentityResolver resolver(String identity) {
    PolicyLoadResult r = PolicyLoader.parse("p.yaml",
        ("airlock: 1\nname: t\nidentity:\n" + identity).getBytes(StandardCharsets.UTF_8));
    assertTrue(r.ok(), r::toString);
    return IdentityResolver.of(r.policy().get().identity().get());
  }

  private static CallFacts call(Map<String, String> headers, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    LlmRequest request = RequestCodec.parse(Endpoint.OPENAI_CHAT, "/v1/chat/completions", bytes);
    return new CallFacts(name -> headers.get(name.toLowerCase()), request, bytes);
  }

  @Test
  void theFirstSourceThatAnswersWins() {
    IdentityResolver r = resolver("  tenant: [header:X-Tenant-Id, baggage:tenant.id, static:shared]\n"
        + "  feature: [metadata:feature, header:X-Feature]\n  user: user\n");
    String body = "{\"model\":\"m\",\"user\":\"u-42\",\"metadata\":{\"feature\":\"triage\"},\"messages\":[]}";
    Identity fromHeader = r.resolve(call(Map.of("x-tenant-id", "acme", "baggage", "tenant.id=other"), body));
    assertEquals("acme", fromHeader.tenant());
    assertEquals("triage", fromHeader.feature());
    assertEquals("u-42", fromHeader.user());
    Identity fromBaggage = r.resolve(call(Map.of("baggage", "a=1, tenant.id=globex%20eu;prop=x"), "{\"messages\":[]}"));
    assertEquals("globex eu", fromBaggage.tenant());
    assertNull(fromBaggage.feature());
    assertEquals("shared", r.resolve(call(Map.of(), "{\"messages\":[]}")).tenant());
  }

  @Test
  void callerIsTheFirstApplicationFrame() {
    Identity id = resolver("  feature: [caller]\n").resolve(call(Map.of(), "{}"));
    // This test class is the application here: JUnit's and the JDK's frames are below it.
    assertTrue(id.feature().startsWith("dev.airlock.") || id.feature().startsWith("org.junit."), id.feature());
  }

  @Test
  void frameworkPackagesAreNotCallers() {
    assertTrue(CallerClass.isFramework("okhttp3.RealCall"));
    assertTrue(CallerClass.isFramework("com.openai.client.okhttp.OkHttpClient"));
    assertTrue(CallerClass.isFramework("dev.airlock.agent.door.okhttp.chain.AirlockInterceptor"));
    assertTrue(!CallerClass.isFramework("dev.airlock.samples.openai.OpenAiSampleApp"), "our sample apps are apps");
    assertTrue(!CallerClass.isFramework("com.acme.triage.TicketSummarizer"));
  }

  @Test
  void aBadSourceIsRefusedAtLoad() {
    PolicyLoadResult r = PolicyLoader.parse("p.yaml",
        "airlock: 1\nname: t\nidentity:\n  tenant: [headr:X-Tenant]\n".getBytes(StandardCharsets.UTF_8));
    assertTrue(!r.ok());
    assertTrue(r.errors().get(0).toString().contains("did you mean 'header'?"), r.toString());
  }
}
