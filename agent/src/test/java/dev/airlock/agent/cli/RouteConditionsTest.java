package dev.airlock.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.WireFormat;
import dev.airlock.agent.identity.Identity;
import dev.airlock.agent.route.ResilienceSettings;
import dev.airlock.agent.route.RoutePlan;
import dev.airlock.agent.route.Routing;
import dev.airlock.policy.Policy;
import dev.airlock.policy.RouteMatch;
import dev.airlock.policy.RoutePolicy;
import dev.airlock.policy.TargetRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each condition of {@code when:} explained, and every explanation checked against the engine: a
 * route the explanation says fails must be one {@link Routing#plan} does not take, and the reverse.
 */
class RouteConditionsTest {

  /** An OpenAI chat call for gpt-4o-mini, not streamed, 400 body bytes (100 estimated tokens), with an email. */
  private static RouteInputs call(String tenant, Map<String, String> headers) {
    CallIdentity identity = new CallIdentity(Identity.UNKNOWN, new RequestContext(tenant, null, null, null), true);
    return new RouteInputs("openai", Endpoint.OPENAI_CHAT, "gpt-4o-mini", identity, headers, false, new byte[400],
        Set.of("email"), -1);
  }

  private static RouteInputs call() {
    return call("acme", Map.of("X-Tier", "free"));
  }

  /** The explanation for {@code when}, after checking that the engine decides the same way. */
  private static String explain(RouteMatch when, RouteInputs in) {
    String failure = RouteConditions.firstFailure(when, in);
    Policy policy = Policy.builder().name("p")
        .route(RoutePolicy.builder("r").when(when).to(List.of(TargetRef.parse("openai/gpt-4o"))).build()).build();
    RoutePlan plan = Routing.of(policy, ResilienceSettings.NONE, false, name -> null)
        .plan(in.toRouteFacts(), "openai", WireFormat.OPENAI, null);
    assertEquals(failure == null, plan != null, "the engine " + (plan == null ? "does not take" : "takes")
        + " the route; the explanation says " + failure);
    return failure;
  }

  @Test
  void eachConditionSaysWhatItWantedAndWhatItGot() {
    assertEquals("provider 'openai' is not 'anthropic'",
        explain(RouteMatch.builder().providers(List.of("anthropic")).build(), call()));
    assertEquals("endpoint 'chat' is not any of 'messages', 'embeddings'",
        explain(RouteMatch.builder().endpoints(List.of("messages", "embeddings")).build(), call()));
    assertEquals("model 'gpt-4o-mini' does not match 'claude*'",
        explain(RouteMatch.builder().models(List.of("claude*")).build(), call()));
    assertEquals("tenant 'acme' does not match 'eu-*'",
        explain(RouteMatch.builder().tenants(List.of("eu-*")).build(), call()));
    assertEquals("no tenant known (give --tenant); the route wants tenant 'eu-*'",
        explain(RouteMatch.builder().tenants(List.of("eu-*")).build(), call(null, Map.of())));
    assertEquals("no calling class known (give --caller); the route wants caller 'com.acme.*'",
        explain(RouteMatch.builder().callers(List.of("com.acme.*")).build(), call()));
    assertEquals("header x-region is absent; the route wants 'eu'",
        explain(RouteMatch.builder().header("X-Region", "eu").build(), call()));
    assertEquals("stream is false, the route wants true", explain(RouteMatch.builder().stream(true).build(), call()));
    assertEquals("estimated prompt 100 tokens is below 8001",
        explain(RouteMatch.builder().minPromptTokens(8001L).build(), call()));
    assertEquals("estimated prompt 100 tokens is above 50",
        explain(RouteMatch.builder().maxPromptTokens(50L).build(), call()));
    assertEquals("none of pii [iban, us_ssn] found in the request (found: email)",
        explain(RouteMatch.builder().pii(List.of("iban", "us_ssn")).build(), call()));
    assertEquals("injection not scored (the policy sets no prompt-injection guardrail)",
        explain(RouteMatch.builder().injectionAtLeast(0.5).build(), call()));
  }

  @Test
  void aHeaderThatDoesNotMatchIsNamedButItsValueIsNotPrinted() {
    String failure = explain(RouteMatch.builder().header("x-tier", "pro*").build(), call());
    assertEquals("header x-tier does not match 'pro*'", failure);
    assertFalse(failure.contains("free"), "header values may be credentials");
  }

  @Test
  void theFirstFailingConditionInTheEnginesOrderIsTheOneGiven() {
    RouteMatch both = RouteMatch.builder().tenants(List.of("eu-*")).models(List.of("claude*")).build();
    assertEquals("model 'gpt-4o-mini' does not match 'claude*'", explain(both, call()), "the model is checked first");
  }

  @Test
  void conditionsThatHoldExplainNothing() {
    assertNull(explain(RouteMatch.any(), call()));
    assertNull(explain(RouteMatch.builder().providers(List.of("openai")).endpoints(List.of("chat"))
        .models(List.of("gpt-4o*")).tenants(List.of("ac*")).header("x-tier", "fr??").stream(false)
        .minPromptTokens(100L).maxPromptTokens(100L).pii(List.of("iban", "email")).build(), call()));
    assertNotNull(explain(RouteMatch.builder().tenants(List.of("ac*")).build(), call(null, Map.of())));
  }
}
